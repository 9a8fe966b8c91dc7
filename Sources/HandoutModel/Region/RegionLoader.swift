import Foundation

/// Reads `Guide/regions/CC.yaml` and `Guide/storage/ID.yaml`.
public enum RegionLoader {
    public static func load(_ url: URL, displayName: String) throws -> Region {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    /// Whether `code` is an ISO 3166-1 alpha-2 code as region files are named: "GB".
    public static func isCountryCode(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    public static func parse(_ root: YAMLNode) throws -> Region {
        let top = try root.fields(required: ["country", "name", "emergency", "temperature", "storage", "paper"],
                                  optional: ["ambulance", "wording"])
        let codeNode = top.required("country")
        let code = try codeNode.text()
        guard isCountryCode(code) else {
            throw codeNode.error("\"\(code)\" is not a country code", fix: "use the two capital letters of ISO 3166-1, e.g. GB or US")
        }
        let emergency = try phoneFact(top.required("emergency"))
        let ambulance = try top["ambulance"].map(phoneFact)

        let temperatureNode = top.required("temperature")
        let temperatureFields = try temperatureNode.fields(required: ["units", "sources"], optional: ["equivalents"])
        let units: TemperatureUnits
        switch try temperatureFields.required("units").string() {
        case "celsius":
            if let node = temperatureFields["equivalents"] {
                throw node.error("equivalents are for units: fahrenheit", fix: "remove them")
            }
            units = .celsius
        case "fahrenheit":
            var equivalents: [Double: Double] = [:]
            for (celsius, node) in try temperatureFields["equivalents"]?.entries(maximumCount: 20) ?? [] {
                guard let c = Double(celsius.replacingOccurrences(of: "−", with: "-")) else {
                    throw node.error("\"\(celsius)\" is not a temperature in °C", fix: "write the °C value as the key, e.g. \"4\": 40")
                }
                equivalents[c] = try node.double(in: -100...250)
            }
            units = .fahrenheitFirst(equivalents: equivalents)
        case let other:
            throw temperatureFields.required("units").error("\"\(other)\" is not a temperature unit", fix: "write celsius or fahrenheit")
        }
        let temperature = Fact(value: units, sources: try sourceKeys(temperatureFields.required("sources")),
                               location: temperatureNode.location)

        let storageNode = top.required("storage")
        let storageFields = try storageNode.fields(required: ["rules", "sources"])
        let rulesNode = storageFields.required("rules")
        let rules = try rulesNode.text()
        guard GuideLoader.isValidID(rules) else {
            throw rulesNode.error("\"\(rules)\" is not a rule-set id", fix: "name a file of Guide/storage/, e.g. cdc")
        }
        let storage = Fact(value: rules, sources: try sourceKeys(storageFields.required("sources")), location: storageNode.location)

        let paperNode = top.required("paper")
        let paperFields = try paperNode.fields(required: ["size", "sources"])
        let paperSize = try paperFields.required("size").choice(Paper.self)
        guard paperSize.isSheet && paperSize != .a5 else {
            throw paperFields.required("size").error("a country's paper is the sheet its printers hold", fix: "write a4 or letter")
        }
        let paper = Fact(value: paperSize, sources: try sourceKeys(paperFields.required("sources")), location: paperNode.location)

        var wording: [String: String] = [:]
        for (base, node) in try top["wording"]?.entries(maximumCount: 50) ?? [] {
            let variant = try node.text()
            guard variant.hasPrefix(base + "-"), LanguageTag.isWellFormed(variant) else {
                throw node.error("\"\(variant)\" is not a variant of \(base)", fix: "write the variant's tag, e.g. \(base): \(base)-\(code)")
            }
            wording[base] = variant
        }
        return Region(code: code, name: try top.required("name").text(), emergency: emergency, ambulance: ambulance,
                      temperature: temperature, storageRules: storage, paper: paper, wording: wording, file: root.file)
    }

    /// `{number: "999", sources: [key]}`: a number a parent dials, so digits only.
    static func phoneFact(_ node: YAMLNode) throws -> Fact<String> {
        let fields = try node.fields(required: ["number", "sources"])
        let numberNode = fields.required("number")
        let number = try numberNode.text()
        guard number.count <= 6, number.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw numberNode.error("\"\(number.prefix(20))\" is not an emergency number", fix: "write its digits only, in quotes, e.g. \"999\"")
        }
        return Fact(value: number, sources: try sourceKeys(fields.required("sources")), location: node.location)
    }

    static func sourceKeys(_ node: YAMLNode) throws -> [String] {
        let keys = try node.sequence(maximumCount: 10).map { try $0.text() }
        guard !keys.isEmpty else { throw node.error("a fact needs at least one source", fix: "add a key from Guide/sources.yaml") }
        return keys
    }

    public static func loadStorageRules(_ url: URL, displayName: String) throws -> StorageRules {
        try parseStorageRules(YAMLFile.read(url, displayName: displayName))
    }

    public static func parseStorageRules(_ root: YAMLNode) throws -> StorageRules {
        let top = try root.fields(required: ["rules", "short", "name", "sources", "rows"])
        let rows = try top.required("rows").sequence(maximumCount: 12).map { node -> StorageRules.Row in
            let fields = try node.fields(required: ["about", "numbers"])
            let numbers = try fields.required("numbers").sequence(maximumCount: 12).map { try $0.double(in: -100...1000) }
            return StorageRules.Row(about: try fields.required("about").text(), numbers: numbers, location: node.location)
        }
        guard !rows.isEmpty else { throw top.required("rows").error("a rule set needs rows", fix: "add one row per line of advice") }
        return StorageRules(id: try top.required("rules").text(), short: try top.required("short").text(),
                            name: try top.required("name").text(), sources: try sourceKeys(top.required("sources")),
                            rows: rows, file: root.file)
    }
}
