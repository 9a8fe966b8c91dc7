import Foundation
import HandoutLayout
import HandoutModel

/// A site profile checked against what this engine can print, once, before anything is
/// rendered: every text it prints has a glyph in the shipped fonts, and its logo decodes.
/// A mistake is then one line at the profile's own file, line and key, instead of one
/// error per file of a batch, each blaming the guide.
extension Renderer {
    /// What the check changed (a logo scaled down), to be said once. Throws the first
    /// problem as a `LoadError` at the profile's line.
    public func check(site: Site) throws -> [String] {
        guard !site.isNeutral || site.logoPath != nil else { return [] }
        for (key, text) in site.printedTexts {
            let missing = fonts.missingCharacters(in: text)
            guard !missing.isEmpty else { continue }
            throw site.error(at: key, "no shipped font has \(Renderer.list(missing))",
                             fix: "write it in a script the fonts in Fonts/ cover, or add a font for it (Fonts/make-fonts.py)")
        }
        guard let logo = site.logoPath else { return [] }
        do {
            return try images.check(logo).map { ["\(site.file): \($0)"] } ?? []
        } catch let error as EngineError {
            throw site.error(at: "logo", error.problem, fix: error.fix)
        }
    }

    /// "U+12F0 ደ, U+12A0 አ": characters as `check` names them.
    static func list(_ scalars: [Unicode.Scalar]) -> String {
        let shown = scalars.prefix(5).map { "\($0.codePoint) \($0)" }.joined(separator: ", ")
        return shown + (scalars.count > 5 ? " and \(scalars.count - 5) more" : "")
    }

    /// A character no font has, blamed on the file it came from: the site profile's line
    /// for the unit's own texts, else the guide text of the block (or string) that holds it.
    func blame(_ error: TypesetError, blockID: String, document: Document, site: Site?) -> Error {
        let missing = fonts.missingCharacters(in: error.text)
        let problem = "no shipped font has \(Renderer.list(missing)) (language \(document.language))"
        let fix = "add a font for it to Fonts/ (Fonts/make-fonts.py), or change the text"
        if let site, let (key, _) = site.printedTexts.first(where: { entry in missing.contains { entry.text.unicodeScalars.contains($0) } }) {
            return site.error(at: key, problem, fix: fix)
        }
        if let guide = try? project.guide(document.language), let first = missing.first {
            let texts = guide.allTexts.filter { $0.prose.source.unicodeScalars.contains(first) }
            // The block being laid out first; then any text of the guide (strings, titles).
            if let text = texts.first(where: { $0.blockID == blockID }) ?? texts.first {
                let location = text.location
                return LoadError(file: location.file, line: location.line, column: location.column, keyPath: location.keyPath,
                                 problem: problem, fix: fix)
            }
        }
        return RenderError(handout: document.handout, language: document.language, message: "block \(blockID): \(error.problem) in \"\(error.text.prefix(50))\"",
                           fix: fix)
    }
}
