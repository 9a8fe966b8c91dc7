import Foundation
import Synchronization

/// Where a handout's files come from: the guides, layouts, countries, storage rules and
/// figures, each asked for by an id from the catalogue, never by a path built from input
/// (like Typst's `World`). `Project` is the folder implementation.
public protocol AssetSource: Sendable {
    var catalogue: Catalogue { get }
    func guide(_ language: String) throws -> Guide
    func layout(_ handout: String) throws -> LayoutSpec
    func theme() throws -> Theme
    func sources() throws -> SourceList
    func region(_ code: String) throws -> Region
    func storageRules(_ id: String) throws -> StorageRules
    /// The SVG file of a figure id the catalogue lists.
    func figure(_ id: String) throws -> URL
    var fontFolder: URL { get }
}

/// The ids an asset source can serve.
public struct Catalogue: Sendable, Equatable {
    /// Handout ids, from the layout files present (sorted).
    public var handouts: [String] = []
    /// Language tags of the full guides present (English first, then sorted).
    public var languages: [String] = []
    /// Wording overlays present ("en-US") and the guide each overlays ("en"): a file whose
    /// tag has a region subtag holds only what that region's readers say differently.
    public var overlays: [String: String] = [:]
    /// Countries with a region file (`Guide/regions/CC.yaml`), sorted.
    public var regions: [String] = []
    /// Milk-storage rule sets (`Guide/storage/ID.yaml`), sorted.
    public var storageRuleSets: [String] = []
    /// Figures (`Guide/figures/ID.svg`), sorted.
    public var figures: [String] = []
}

/// The folders that hold `Guide/`, `Layouts/` and `Fonts/`, and the files loaded from them.
/// Files load on first use (one broken layout does not stop the others), are kept, and are
/// read again when they change on disk (their modification time or size), so a process
/// that stays running renders what is there now. Safe to share between tasks.
public final class Project: AssetSource {
    public let guideFolder: URL
    public let layoutFolder: URL
    public let fontFolder: URL
    /// The folder paths are shown relative to (the project folder).
    public let root: URL

    public static let themeFile = "theme.yaml"
    public static let sourcesFile = "sources.yaml"

    private struct Loaded<Value: Sendable>: Sendable {
        let value: Value
        let stamp: FileStamp
    }

    private struct State: Sendable {
        var catalogue = Catalogue()
        var folderStamps: [String: FileStamp] = [:]
        var guides: [String: Loaded<Guide>] = [:]
        var layouts: [String: Loaded<LayoutSpec>] = [:]
        var regions: [String: Loaded<Region>] = [:]
        var rules: [String: Loaded<StorageRules>] = [:]
        var sources: Loaded<SourceList>?
        var theme: Loaded<Theme>?
    }

    private let state = Mutex(State())

    /// Whether `folder` holds the three folders a project needs.
    public static func looksLikeProject(_ folder: URL) -> Bool {
        ["Guide", "Layouts", "Fonts"].allSatisfy { isFolder(folder.appendingPathComponent($0)) }
    }

    public static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    public convenience init(root: URL) throws {
        let root = root.standardizedFileURL
        guard Project.looksLikeProject(root) else {
            throw LoadError(file: root.path, problem: "this folder has no Guide/, Layouts/ and Fonts/",
                            fix: "pass --root with the folder that holds them")
        }
        try self.init(guide: root.appendingPathComponent("Guide"), layouts: root.appendingPathComponent("Layouts"),
                      fonts: root.appendingPathComponent("Fonts"), root: root)
    }

    /// The three folders may come from different places (a ward's own Guide/ with the
    /// bundled Layouts/ and Fonts/).
    public init(guide: URL, layouts: URL, fonts: URL, root: URL) throws {
        guideFolder = guide.standardizedFileURL
        layoutFolder = layouts.standardizedFileURL
        fontFolder = fonts.standardizedFileURL
        self.root = root.standardizedFileURL
        let catalogue = try Project.scan(guide: guideFolder, layouts: layoutFolder)
        let stamps = Project.folderStamps(guide: guideFolder, layouts: layoutFolder)
        state.withLock { $0.catalogue = catalogue; $0.folderStamps = stamps }
    }

    // MARK: Catalogue

    /// What the folders hold now: listed again when a folder's contents change.
    public var catalogue: Catalogue {
        let stamps = Project.folderStamps(guide: guideFolder, layouts: layoutFolder)
        return state.withLock { state in
            if stamps != state.folderStamps, let fresh = try? Project.scan(guide: guideFolder, layouts: layoutFolder) {
                state.catalogue = fresh
                state.folderStamps = stamps
            }
            return state.catalogue
        }
    }

    public var handouts: [String] { catalogue.handouts }
    public var languages: [String] { catalogue.languages }
    public var overlays: [String: String] { catalogue.overlays }
    public var regions: [String] { catalogue.regions }
    public var storageRuleSets: [String] { catalogue.storageRuleSets }

    /// How language tags map to this project's guides.
    public var languageResolver: LanguageResolver { LanguageResolver(guides: languages, overlays: overlays) }

    private static func scan(guide: URL, layouts: URL) throws -> Catalogue {
        var catalogue = Catalogue()
        catalogue.handouts = try yamlNames(in: layouts, excluding: themeFile)
        var bases: [String] = []
        var overlays: [String: String] = [:]
        for name in try yamlNames(in: guide, excluding: sourcesFile) {
            guard let tag = LanguageTag(name), tag.description == name else { continue }
            if tag.region != nil { overlays[name] = tag.base } else { bases.append(name) }
        }
        catalogue.languages = bases.contains("en") ? ["en"] + bases.filter { $0 != "en" } : bases
        catalogue.overlays = overlays.filter { bases.contains($0.value) }
        catalogue.regions = (try? yamlNames(in: guide.appendingPathComponent("regions"), excluding: ""))?
            .filter(RegionLoader.isCountryCode) ?? []
        catalogue.storageRuleSets = (try? yamlNames(in: guide.appendingPathComponent("storage"), excluding: ""))?
            .filter(GuideLoader.isValidID) ?? []
        catalogue.figures = ((try? FileManager.default.contentsOfDirectory(atPath: guide.appendingPathComponent("figures").path)) ?? [])
            .filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }.filter(GuideLoader.isValidID).sorted()
        return catalogue
    }

    private static func folderStamps(guide: URL, layouts: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in [guide, layouts, guide.appendingPathComponent("regions"), guide.appendingPathComponent("storage"),
                       guide.appendingPathComponent("figures")] {
            stamps[folder.path] = FileStamp(folder)
        }
        return stamps
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

    /// How errors and reports name a file: relative to the project folder.
    public func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }

    // MARK: Files

    /// The cached value for `url` if the file has not changed, else `load()` again.
    private func cached<Value: Sendable>(_ keyPath: WritableKeyPath<State, [String: Loaded<Value>]>, _ key: String, _ url: URL,
                                        load: () throws -> Value) throws -> Value {
        let stamp = FileStamp(url)
        if let hit = state.withLock({ $0[keyPath: keyPath][key] }), hit.stamp == stamp { return hit.value }
        let value = try load()
        state.withLock { $0[keyPath: keyPath][key] = Loaded(value: value, stamp: stamp) }
        return value
    }

    public func sources() throws -> SourceList {
        let url = guideFolder.appendingPathComponent(Project.sourcesFile)
        let stamp = FileStamp(url)
        if let hit = state.withLock({ $0.sources }), hit.stamp == stamp { return hit.value }
        let list = try SourceList.load(url, displayName: displayName(url))
        state.withLock { $0.sources = Loaded(value: list, stamp: stamp) }
        return list
    }

    public func theme() throws -> Theme {
        let url = layoutFolder.appendingPathComponent(Project.themeFile)
        let stamp = FileStamp(url)
        if let hit = state.withLock({ $0.theme }), hit.stamp == stamp { return hit.value }
        let theme = try ThemeLoader.load(url, displayName: displayName(url))
        state.withLock { $0.theme = Loaded(value: theme, stamp: stamp) }
        return theme
    }

    /// A guide by its tag: a full guide, or an overlay read onto its base. Only tags the
    /// catalogue lists are read; any other is an error, never a path.
    public func guide(_ language: String) throws -> Guide {
        let catalogue = self.catalogue
        let url = guideFolder.appendingPathComponent(language + ".yaml")
        // A translation is read again when English changes too: its stale blocks (and so
        // its printed review status) depend on the English text.
        let englishURL = guideFolder.appendingPathComponent("en.yaml")
        if let base = catalogue.overlays[language] {
            let baseGuide = try guide(base)
            // The overlay is read again when either file changes.
            let stamp = FileStamp(url).combined(with: FileStamp(guideFolder.appendingPathComponent(base + ".yaml")))
                .combined(with: FileStamp(englishURL))
            if let hit = state.withLock({ $0.guides[language] }), hit.stamp == stamp { return hit.value }
            let guide = try freshness(checkedLanguage(GuideLoader.loadOverlay(url, displayName: displayName(url), onto: baseGuide), language, url))
            state.withLock { $0.guides[language] = Loaded(value: guide, stamp: stamp) }
            return guide
        }
        guard catalogue.languages.contains(language) else {
            throw LanguageError(requested: language, reason: "no guide for this language",
                                available: LanguageResolver(guides: catalogue.languages, overlays: catalogue.overlays).available)
        }
        if language == "en" {
            return try cached(\.guides, language, url) { try checkedLanguage(GuideLoader.load(url, displayName: displayName(url)), language, url) }
        }
        let stamp = FileStamp(url).combined(with: FileStamp(englishURL))
        if let hit = state.withLock({ $0.guides[language] }), hit.stamp == stamp { return hit.value }
        let guide = try freshness(checkedLanguage(GuideLoader.load(url, displayName: displayName(url)), language, url))
        state.withLock { $0.guides[language] = Loaded(value: guide, stamp: stamp) }
        return guide
    }

    /// A translation with its stale blocks marked against English; as it is when English
    /// does not load (check reports that).
    private func freshness(_ guide: Guide) -> Guide {
        guard guide.isTranslation, let english = try? self.guide("en") else { return guide }
        return guide.checkingFreshness(against: english)
    }

    /// The guide, when its `language:` agrees with its file name.
    ///
    /// It checks in place (`inout`) rather than returning the 200-byte Guide from a throwing
    /// function: Swift 6.3's release build compiled that form to hand the value back with a
    /// tail call to memcpy while the error register still held `self`, so every successful
    /// call looked like a throw and every render crashed (the debug build, which the tests
    /// use, was fine). scripts/quickstart.sh renders everything with the release build, so
    /// a return of such a miscompilation shows there.
    private func checkedLanguage(_ guide: Guide, _ language: String, _ url: URL) throws -> Guide {
        var checked = guide
        try checkLanguage(&checked, language, url)
        return checked
    }

    private func checkLanguage(_ guide: inout Guide, _ language: String, _ url: URL) throws {
        guard guide.language == language else {
            throw LoadError(file: displayName(url), keyPath: "language",
                            problem: "the file says language \"\(guide.language)\" but is named \(language).yaml",
                            fix: "make the two agree")
        }
    }

    public func layout(_ handout: String) throws -> LayoutSpec {
        guard catalogue.handouts.contains(handout) else { throw unknownHandout(handout) }
        let url = layoutFolder.appendingPathComponent(handout + ".yaml")
        return try cached(\.layouts, handout, url) {
            let layout = try LayoutLoader.load(url, displayName: displayName(url))
            guard layout.handout == handout else {
                throw LoadError(file: displayName(url), keyPath: "handout",
                                problem: "the file says handout \"\(layout.handout)\" but is named \(handout).yaml",
                                fix: "make the two agree")
            }
            return layout
        }
    }

    /// A country's facts by its ISO code; only codes with a region file.
    public func region(_ code: String) throws -> Region {
        guard catalogue.regions.contains(code) else { throw unknownCountry(code) }
        let url = guideFolder.appendingPathComponent("regions/\(code).yaml")
        return try cached(\.regions, code, url) {
            let region = try RegionLoader.load(url, displayName: displayName(url))
            guard region.code == code else {
                throw LoadError(file: displayName(url), keyPath: "country",
                                problem: "the file says country \"\(region.code)\" but is named \(code).yaml", fix: "make the two agree")
            }
            return region
        }
    }

    public func storageRules(_ id: String) throws -> StorageRules {
        let catalogue = self.catalogue
        guard catalogue.storageRuleSets.contains(id) else {
            throw LoadError(file: displayName(guideFolder.appendingPathComponent("storage")), problem: "no storage rule set \"\(id)\"",
                            fix: NearestName.hint(for: id, among: catalogue.storageRuleSets, noun: "one of"))
        }
        let url = guideFolder.appendingPathComponent("storage/\(id).yaml")
        return try cached(\.rules, id, url) {
            let rules = try RegionLoader.loadStorageRules(url, displayName: displayName(url))
            guard rules.id == id else {
                throw LoadError(file: displayName(url), keyPath: "rules",
                                problem: "the file says rules \"\(rules.id)\" but is named \(id).yaml", fix: "make the two agree")
            }
            return rules
        }
    }

    public func figure(_ id: String) throws -> URL {
        let catalogue = self.catalogue
        guard catalogue.figures.contains(id) else {
            throw LoadError(file: displayName(guideFolder.appendingPathComponent("figures")), problem: "no figure \"\(id)\"",
                            fix: NearestName.hint(for: id, among: catalogue.figures, noun: "one of"))
        }
        return guideFolder.appendingPathComponent("figures/\(id).svg")
    }

    public func unknownCountry(_ code: String) -> UnknownCountry {
        UnknownCountry(code: code, available: regions)
    }

    public func unknownHandout(_ name: String) -> LoadError {
        LoadError(file: displayName(layoutFolder), problem: "unknown handout \"\(name)\"",
                  fix: NearestName.hint(for: name, among: handouts, noun: "one of"))
    }

    /// The country facts for one handout, chosen in this order: `--country`, the site
    /// profile's `country:`, the region of the language tag. With none: no country.
    public func countryFacts(option: String?, site: Site, language: LanguageChoice) throws -> CountryFacts {
        let choice: (code: String, by: CountryFacts.Choice)?
        if let option { choice = (option.uppercased(), .option) }
        else if let country = site.country { choice = (country, .site) }
        else if let country = language.countryFromTag, regions.contains(country) { choice = (country, .languageTag) }
        else { choice = nil }
        let region = try choice.map { try self.region($0.code) }
        let rules = try storageRules(region?.storageRules.value ?? StorageRules.noCountryDefault)
        return CountryFacts(region: region, chosenBy: choice?.by ?? .none, siteEmergency: site.emergencyNumber, storage: rules)
    }
}

/// A file's modification time and size: enough to notice an edit without reading it.
struct FileStamp: Sendable, Equatable {
    let modified: Double
    let size: Int

    init(_ url: URL) {
        var info = stat()
        if stat(url.path, &info) == 0 {
            modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            size = Int(info.st_size)
        } else {
            modified = -1; size = -1
        }
    }

    private init(modified: Double, size: Int) { self.modified = modified; self.size = size }

    func combined(with other: FileStamp) -> FileStamp {
        FileStamp(modified: max(modified, other.modified), size: size &+ other.size &* 31)
    }
}

/// A country code with no region file.
public struct UnknownCountry: Error, Sendable, CustomStringConvertible {
    public let code: String
    public let available: [String]
    public var description: String {
        "unknown country \"\(LoadError.oneLine(String(code.prefix(20))))\": no Guide/regions/\(RegionLoader.isCountryCode(code) ? code : "CC").yaml — available: \(available.joined(separator: ", "))"
    }
}
