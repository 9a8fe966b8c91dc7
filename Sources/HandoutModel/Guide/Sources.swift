import Foundation

/// The citations behind the guide (`Guide/sources.yaml`), keyed by short source keys.
public struct SourceList: Sendable {
    public struct Source: Sendable, Equatable {
        public enum Evidence: String, Sendable, CaseIterable {
            /// The number or wording was seen in a copy of the source.
            case seen
            /// A well-known guideline, not re-read: check the current version before printing.
            case known
        }
        public let key: String
        /// How the sources line on a handout names it ("LLL", "NHS", "ABM #3").
        public let short: String
        public let title: String
        public let url: String?
        public let evidence: Evidence
        /// Published colours by number (a stool-colour card's swatches), as sRGB.
        public let colours: [Int: RGB]
    }

    public let sources: [String: Source]
    public let order: [String]
    public let file: String

    public subscript(_ key: String) -> Source? { sources[key] }

    public static func load(_ url: URL, displayName: String) throws -> SourceList {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    public static func parse(_ root: YAMLNode) throws -> SourceList {
        let top = try root.fields(required: ["sources"])
        var sources: [String: Source] = [:]
        var order: [String] = []
        for (key, node) in try top.required("sources").entries(maximumCount: 500) {
            let fields = try node.fields(required: ["short", "title", "evidence"], optional: ["url", "colours"])
            var colours: [Int: RGB] = [:]
            for (number, value) in try fields["colours"]?.entries(maximumCount: 20) ?? [] {
                guard let index = Int(number), (1...20).contains(index) else {
                    throw value.error("\"\(number)\" is not a swatch number", fix: "number the swatches 1, 2, 3…")
                }
                guard let colour = RGB(hex: try value.text()) else {
                    throw value.error("\"\(try value.string())\" is not a colour", fix: "write it as \"#rrggbb\"")
                }
                colours[index] = colour
            }
            let shortNode = fields.required("short")
            let short = try Prose.parse(try shortNode.text(), at: shortNode, rules: .oneLine).source
            sources[key] = Source(key: key, short: short, title: try fields.required("title").text(),
                                  url: try fields["url"]?.text(), evidence: try fields.required("evidence").choice(Source.Evidence.self),
                                  colours: colours)
            order.append(key)
        }
        return SourceList(sources: sources, order: order, file: root.file)
    }
}
