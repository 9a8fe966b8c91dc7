import Foundation
import HandoutAssets
import HandoutEngine
import HandoutModel

/// A translation's own file in the project (Guide/LANG.yaml), opened for export-po,
/// import-po and fingerprint: read from disk as it is now, not from any cache, so an edit
/// is made to exactly the text that was checked.
struct TranslationFile {
    let language: String
    let url: URL
    var editor: GuideEditor

    /// The translations a command taking `--lang all` works on: full guides and their
    /// wording overlays, English and its variants excepted.
    static func languages(in project: Project) -> [String] {
        (project.languages + project.overlays.keys.sorted()).filter(isTranslation)
    }

    static func isTranslation(_ tag: String) -> Bool { tag != "en" && !tag.hasPrefix("en-") }

    static func open(_ language: String, in project: Project) throws -> TranslationFile {
        let available = languages(in: project)
        guard available.contains(language) else {
            if language == "en" || language.hasPrefix("en-") && project.overlays[language] != nil {
                throw UsageError(message: "\(language) is English, the text translations are made from, not a translation — name one of: \(available.joined(separator: ", "))")
            }
            throw UsageError(message: "no translation \"\(LoadError.oneLine(String(language.prefix(20))))\" in \(project.displayName(project.guideFolder))/ — \(NearestName.hint(for: language, among: available, noun: "one of"))")
        }
        let english = try project.guide("en")
        let base = try project.overlays[language].map { try project.guide($0) }
        let url = project.guideFolder.appendingPathComponent(language + ".yaml")
        let name = project.displayName(url)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: name, problem: "cannot read the file", fix: "check that it exists and is readable UTF-8")
        }
        let editor = try GuideEditor(text: text, file: name, english: english, base: base)
        guard editor.guide.language == language else {
            throw LoadError(file: name, keyPath: "language", problem: "the file says language \"\(editor.guide.language)\" but is named \(language).yaml",
                            fix: "make the two agree")
        }
        return TranslationFile(language: language, url: url, editor: editor)
    }

    var displayName: String { editor.guide.file }

    /// Replaces the file whole or not at all.
    func write(_ text: String) throws {
        try AtomicFile.write(Data(text.utf8), to: url)
    }

    /// Edits go only into a project folder someone keeps, never into the program's own copy.
    static func requireEditable(_ project: Project) throws {
        // The guide folder decides: a folder with its own Layouts/ may still take Guide/ from the bundle.
        if let bundled = BundledAssets.root, project.guideFolder.path.hasPrefix(bundled.standardizedFileURL.path) {
            throw UsageError(message: "no Guide/ here to write into (only the program's own copy) — run this in the project folder, or pass --root DIR")
        }
    }
}
