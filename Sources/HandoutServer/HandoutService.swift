import Foundation
import HandoutEngine
import HandoutModel

/// What every route shares: the project, the units, the renderer behind the cache, the
/// printers and this process's form token.
final class HandoutService: Sendable {
    let settings: ServerSettings
    let project: Project
    let units: UnitProfiles
    let cache: RenderCache
    let renderer: any HandoutRendering
    let token: FormToken

    init(settings: ServerSettings, renderer: any HandoutRendering) {
        self.settings = settings
        project = settings.project
        units = UnitProfiles(folder: settings.unitsFolder)
        cache = RenderCache(limit: settings.cacheBytes)
        self.renderer = renderer
        token = FormToken()
    }

    /// A handout as PDF or page images, from memory when nothing that goes into it changed.
    func render(_ choice: HandoutChoice, output: RenderRequest.Output) async throws -> Rendered {
        let request = try choice.request(units: units, project: project, date: settings.date, output: output)
        let key = RenderCache.Key(request: request, fingerprint: fingerprint(for: request))
        let renderer = self.renderer
        return try await cache.value(for: key) { Rendered(try await renderer.render(request)) }
    }

    /// The files on disk now: the project's folders, the unit's logo, and the program.
    private func fingerprint(for request: RenderRequest) -> UInt64 {
        var files: [String] = []
        if let logo = request.site.logoPath { files.append(logo) }
        var hash = ContentHash()
        hash.add(settings.version)
        hash.add(Int(truncatingIfNeeded: FileFingerprint.of(
            folders: [project.guideFolder.path, project.layoutFolder.path, project.fontFolder.path], files: files)))
        return hash.value
    }

    /// "first-week-ar-a4.pdf", as `handouts render` names the same file.
    static func fileName(_ choice: HandoutChoice, _ result: RenderResult) -> String {
        FileStem.make(handout: choice.handout, edition: result.editionTag, page: result.paper.rawValue,
                      suffix: choice.variant.fileSuffix) + ".pdf"
    }
}
