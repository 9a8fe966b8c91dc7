/// `check` on the country facts: every region file loads and its sources resolve, its
/// storage rules and wording variants exist, and every source in `sources.yaml` is cited by
/// something (a source nobody cites is either a lost citation or clutter).
public struct RegionChecker {
    public let project: Project
    public let sources: SourceList
    public let rules: [StorageRules]

    public init(project: Project, sources: SourceList, rules: [StorageRules]) {
        self.project = project; self.sources = sources; self.rules = rules
    }

    public func check() -> [Finding] {
        var findings: [Finding] = []
        var cited: Set<String> = []
        func error(_ location: String, _ message: String) {
            findings.append(Finding(.error, .sources, language: "-", location: location, message: message))
        }
        func cite(_ keys: [String], at location: SourceLocation, what: String) {
            for key in keys {
                cited.insert(key)
                if sources[key] == nil {
                    error(location.description, "\(what) cites \"\(key)\", which is not in \(sources.file) — \(NearestName.hint(for: key, among: sources.order, noun: "a key such as"))")
                }
            }
        }
        for code in project.regions {
            let region: Region
            do { region = try project.region(code) } catch {
                findings.append(Finding(.error, .load, language: "-", location: "Guide/regions/\(code).yaml", message: String(describing: error)))
                continue
            }
            cite(region.emergency.sources, at: region.emergency.location, what: "\(code) emergency")
            if let ambulance = region.ambulance { cite(ambulance.sources, at: ambulance.location, what: "\(code) ambulance") }
            cite(region.temperature.sources, at: region.temperature.location, what: "\(code) temperature")
            cite(region.storageRules.sources, at: region.storageRules.location, what: "\(code) storage")
            cite(region.paper.sources, at: region.paper.location, what: "\(code) paper")
            if !rules.contains(where: { $0.id == region.storageRules.value }) {
                error(region.storageRules.location.description, "\(code) follows storage rules \"\(region.storageRules.value)\", which have no file in Guide/storage/")
            }
            for (base, variant) in region.wording.sorted(by: { $0.key < $1.key }) where project.overlays[variant] != base {
                findings.append(Finding(.warning, .keys, language: variant, location: region.file,
                                        message: "\(code) readers of \(base) use \(variant) wording, but Guide/\(variant).yaml does not ship; the \(base) guide is used"))
            }
        }
        for set in rules {
            cite(set.sources, at: SourceLocation(file: set.file, line: nil, column: nil, keyPath: "sources"), what: "storage rules \(set.id)")
        }
        for language in project.languages + project.overlays.keys.sorted() {
            guard let guide = try? project.guide(language) else { continue }
            for id in guide.blockOrder {
                guard let block = guide.blocks[id] else { continue }
                cited.formUnion(GuideComparison.citedKeys(block))
            }
        }
        for key in sources.order where !cited.contains(key) {
            error(sources.file, "source \"\(key)\" is cited by no guide, region or storage rule set — cite it where it is the evidence, or remove it")
        }
        return findings
    }
}
