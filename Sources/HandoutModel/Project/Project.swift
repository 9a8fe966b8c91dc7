import Foundation

/// The folder that holds `Guide/`, `Layouts/` and `Fonts/`, and the files loaded from it.
/// Files load on first use, so one broken layout does not stop the others from rendering.
public final class Project: @unchecked Sendable {
    public let root: URL
    public var guideFolder: URL { root.appendingPathComponent("Guide") }
    public var layoutFolder: URL { root.appendingPathComponent("Layouts") }
    public var fontFolder: URL { root.appendingPathComponent("Fonts") }

    /// Handout ids, from the layout files present (sorted).
    public let handouts: [String]
    /// Language tags, from the guide files present (English first, then sorted).
    public let languages: [String]

    private var guides: [String: Guide] = [:]
    private var layouts: [String: LayoutSpec] = [:]
    private var cachedSources: SourceList?
    private var cachedTheme: Theme?
    /// Renders run on several threads: one loader at a time, each file loaded once.
    private let lock = NSRecursiveLock()

    public static let themeFile = "theme.yaml"
    public static let sourcesFile = "sources.yaml"

    /// Whether `folder` holds the three folders a project needs.
    public static func looksLikeProject(_ folder: URL) -> Bool {
        ["Guide", "Layouts", "Fonts"].allSatisfy { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }
    }

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        guard Project.looksLikeProject(self.root) else {
            throw LoadError(file: root.path, problem: "this folder has no Guide/, Layouts/ and Fonts/",
                            fix: "pass --root with the folder that holds them")
        }
        handouts = try Project.yamlNames(in: root.appendingPathComponent("Layouts"), excluding: Project.themeFile)
        let languages = try Project.yamlNames(in: root.appendingPathComponent("Guide"), excluding: Project.sourcesFile)
        self.languages = languages.contains("en") ? ["en"] + languages.filter { $0 != "en" } : languages
    }

    /// How errors and reports name a file: relative to the project root.
    public func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }

    public func sources() throws -> SourceList {
        lock.lock()
        defer { lock.unlock() }
        if let cachedSources { return cachedSources }
        let url = guideFolder.appendingPathComponent(Project.sourcesFile)
        let list = try SourceList.load(url, displayName: displayName(url))
        cachedSources = list
        return list
    }

    public func theme() throws -> Theme {
        lock.lock()
        defer { lock.unlock() }
        if let cachedTheme { return cachedTheme }
        let url = layoutFolder.appendingPathComponent(Project.themeFile)
        let theme = try ThemeLoader.load(url, displayName: displayName(url))
        cachedTheme = theme
        return theme
    }

    public func guide(_ language: String) throws -> Guide {
        lock.lock()
        defer { lock.unlock() }
        if let guide = guides[language] { return guide }
        let url = guideFolder.appendingPathComponent(language + ".yaml")
        let guide = try GuideLoader.load(url, displayName: displayName(url))
        guard guide.language == language else {
            throw LoadError(file: displayName(url), keyPath: "language",
                            problem: "the file says language \"\(guide.language)\" but is named \(language).yaml",
                            fix: "make the two agree")
        }
        guides[language] = guide
        return guide
    }

    public func layout(_ handout: String) throws -> LayoutSpec {
        lock.lock()
        defer { lock.unlock() }
        if let layout = layouts[handout] { return layout }
        guard handouts.contains(handout) else { throw unknownHandout(handout) }
        let url = layoutFolder.appendingPathComponent(handout + ".yaml")
        let layout = try LayoutLoader.load(url, displayName: displayName(url))
        guard layout.handout == handout else {
            throw LoadError(file: displayName(url), keyPath: "handout",
                            problem: "the file says handout \"\(layout.handout)\" but is named \(handout).yaml",
                            fix: "make the two agree")
        }
        layouts[handout] = layout
        return layout
    }

    public func unknownHandout(_ name: String) -> LoadError {
        LoadError(file: displayName(layoutFolder), problem: "unknown handout \"\(name)\"",
                  fix: NearestName.hint(for: name, among: handouts, noun: "one of"))
    }

    /// Resolves a BCP 47 tag to a shipped guide: exact match, then the tag with subtags
    /// dropped ("es-MX" -> "es"), then a shipped tag that extends it ("zh" -> "zh-Hans").
    public func resolveLanguage(_ requested: String) throws -> String {
        let wanted = requested.replacingOccurrences(of: "_", with: "-")
        func match(_ tag: String) -> String? { languages.first { $0.caseInsensitiveCompare(tag) == .orderedSame } }
        if let exact = match(wanted) { return exact }
        var parts = wanted.split(separator: "-").map(String.init)
        while parts.count > 1 {
            parts.removeLast()
            if let found = match(parts.joined(separator: "-")) { return found }
        }
        if let primary = parts.first,
           let extended = languages.first(where: { $0.lowercased().hasPrefix(primary.lowercased() + "-") }) {
            return extended
        }
        throw LoadError(file: displayName(guideFolder), problem: "no guide for language \"\(requested)\"",
                        fix: "available: \(languages.joined(separator: ", "))")
    }

    private static func yamlNames(in folder: URL, excluding: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw LoadError(file: folder.path, problem: "cannot list the folder", fix: "check that it exists and is readable")
        }
        return names.filter { $0.hasSuffix(".yaml") && $0 != excluding && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }.sorted()
    }
}
