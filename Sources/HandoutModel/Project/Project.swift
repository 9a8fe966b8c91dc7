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
    /// Language tags of the full guides present (English first, then sorted).
    public let languages: [String]
    /// Wording overlays present ("en-US") and the guide each overlays ("en"): a file whose
    /// tag has a region subtag holds only what that region's readers say differently.
    public let overlays: [String: String]
    /// Countries with a region file (`Guide/regions/CC.yaml`), sorted.
    public let regions: [String]
    /// Milk-storage rule sets (`Guide/storage/ID.yaml`), sorted.
    public let storageRuleSets: [String]

    private var guides: [String: Guide] = [:]
    private var layouts: [String: LayoutSpec] = [:]
    private var loadedRegions: [String: Region] = [:]
    private var loadedRules: [String: StorageRules] = [:]
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
        var bases: [String] = []
        var overlays: [String: String] = [:]
        for name in try Project.yamlNames(in: root.appendingPathComponent("Guide"), excluding: Project.sourcesFile) {
            guard let tag = LanguageTag(name), tag.description == name else { continue }
            if tag.region != nil { overlays[name] = tag.base } else { bases.append(name) }
        }
        languages = bases.contains("en") ? ["en"] + bases.filter { $0 != "en" } : bases
        self.overlays = overlays.filter { bases.contains($0.value) }
        let guideFolder = root.appendingPathComponent("Guide")
        regions = (try? Project.yamlNames(in: guideFolder.appendingPathComponent("regions"), excluding: ""))?
            .filter(RegionLoader.isCountryCode) ?? []
        storageRuleSets = (try? Project.yamlNames(in: guideFolder.appendingPathComponent("storage"), excluding: ""))?
            .filter(GuideLoader.isValidID) ?? []
    }

    /// How language tags map to this project's guides.
    public var languageResolver: LanguageResolver { LanguageResolver(guides: languages, overlays: overlays) }

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

    /// A guide by its tag: a full guide, or an overlay read onto its base. Only tags the
    /// catalogue lists are read; any other is an error, never a path.
    public func guide(_ language: String) throws -> Guide {
        lock.lock()
        defer { lock.unlock() }
        if let guide = guides[language] { return guide }
        let url = guideFolder.appendingPathComponent(language + ".yaml")
        let guide: Guide
        if let base = overlays[language] {
            guide = try GuideLoader.loadOverlay(url, displayName: displayName(url), onto: try self.guide(base))
        } else if languages.contains(language) {
            guide = try GuideLoader.load(url, displayName: displayName(url))
        } else {
            throw LanguageError(requested: language, reason: "no guide for this language", available: languageResolver.available)
        }
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

    /// A country's facts by its ISO code; only codes with a region file.
    public func region(_ code: String) throws -> Region {
        lock.lock()
        defer { lock.unlock() }
        if let region = loadedRegions[code] { return region }
        guard regions.contains(code) else { throw unknownCountry(code) }
        let url = guideFolder.appendingPathComponent("regions/\(code).yaml")
        let region = try RegionLoader.load(url, displayName: displayName(url))
        guard region.code == code else {
            throw LoadError(file: displayName(url), keyPath: "country",
                            problem: "the file says country \"\(region.code)\" but is named \(code).yaml", fix: "make the two agree")
        }
        loadedRegions[code] = region
        return region
    }

    public func storageRules(_ id: String) throws -> StorageRules {
        lock.lock()
        defer { lock.unlock() }
        if let rules = loadedRules[id] { return rules }
        let url = guideFolder.appendingPathComponent("storage/\(id).yaml")
        guard storageRuleSets.contains(id) else {
            throw LoadError(file: displayName(guideFolder.appendingPathComponent("storage")), problem: "no storage rule set \"\(id)\"",
                            fix: NearestName.hint(for: id, among: storageRuleSets, noun: "one of"))
        }
        let rules = try RegionLoader.loadStorageRules(url, displayName: displayName(url))
        guard rules.id == id else {
            throw LoadError(file: displayName(url), keyPath: "rules",
                            problem: "the file says rules \"\(rules.id)\" but is named \(id).yaml", fix: "make the two agree")
        }
        loadedRules[id] = rules
        return rules
    }

    public func unknownCountry(_ code: String) -> UnknownCountry {
        UnknownCountry(code: code, available: regions)
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

    public func unknownHandout(_ name: String) -> LoadError {
        LoadError(file: displayName(layoutFolder), problem: "unknown handout \"\(name)\"",
                  fix: NearestName.hint(for: name, among: handouts, noun: "one of"))
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

/// A country code with no region file.
public struct UnknownCountry: Error, Sendable, CustomStringConvertible {
    public let code: String
    public let available: [String]
    public var description: String {
        "unknown country \"\(LoadError.oneLine(String(code.prefix(20))))\": no Guide/regions/\(RegionLoader.isCountryCode(code) ? code : "CC").yaml — available: \(available.joined(separator: ", "))"
    }
}
