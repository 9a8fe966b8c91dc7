import Foundation
import HandoutModel
import Synchronization

/// The units' site profiles (`--units DIR`): `riverside.yaml` is unit `riverside`. A unit
/// id from a request is looked up in the folder's listing, never joined into a path, so
/// `../../etc/passwd` is only an unknown unit. Profiles are loaded on first use and again
/// when their file changes.
final class UnitProfiles: Sendable {
    struct Unit: Sendable {
        let id: String
        let site: Site
    }

    private struct Loaded: Sendable {
        let site: Site
        let stamp: UInt64
    }

    let folder: URL?
    private let loaded = Mutex<[String: Loaded]>([:])

    init(folder: URL?) {
        self.folder = folder?.standardizedFileURL
    }

    /// The unit ids the folder holds now, sorted.
    var ids: [String] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .filter(UnitProfiles.isUnitID)
            .sorted()
    }

    /// Lower-case letters, digits and dashes: what a file name may give as a unit id.
    static func isUnitID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 60 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            && text.first != "-"
    }

    /// The unit `id`'s profile. Throws a request error for an id the folder does not list,
    /// the profile's own one-line error when it is broken.
    func unit(_ id: String, countries: [String]) throws -> Unit {
        let listed = ids
        guard let folder, let name = listed.first(where: { $0 == id }) else {
            throw RequestError(.badRequest, "unknown unit \"\(LoadError.oneLine(String(id.prefix(40))))\" — "
                                   + (listed.isEmpty ? "this server has no unit profiles (start it with --units DIR)"
                                                     : NearestName.hint(for: id, among: listed, noun: "one of")))
        }
        // The file name comes from the listing, not from the request.
        let file = folder.appendingPathComponent(name + ".yaml")
        let stamp = FileFingerprint.of(folders: [], files: [file.path])
        if let hit = loaded.withLock({ $0[name] }), hit.stamp == stamp { return Unit(id: name, site: hit.site) }
        let site = try SiteLoader.load(file, displayName: name + ".yaml", countries: countries)
        loaded.withLock { $0[name] = Loaded(site: site, stamp: stamp) }
        return Unit(id: name, site: site)
    }

    /// The unit shown first on the page: the only one, when there is only one; with
    /// several, none (write-in lines) until the nurse picks hers.
    var defaultUnit: String? {
        let listed = ids
        return listed.count == 1 ? listed[0] : nil
    }
}
