import Foundation

/// Reads `Layouts/theme.yaml`.
public enum ThemeLoader {
    public static func load(_ url: URL, displayName: String) throws -> Theme {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    static func parseColors(_ node: YAMLNode) throws -> Theme.Colors {
        let fields = try node.fields(required: ColorRole.allCases.map(\.key))
        return try Theme.Colors { role in
            let value = fields.required(role.key)
            guard let color = RGB(hex: try value.text()) else {
                throw value.error("\"\(try value.string())\" is not a colour", fix: "write it as \"#rrggbb\", e.g. \"#1f6f8b\"")
            }
            return color
        }
    }

    public static func parse(_ root: YAMLNode) throws -> Theme {
        let top = try root.fields(required: ["font_family", "colors", "grayscale_colors", "scales", "spacing"],
                                  optional: ["language_fonts", "language_line_heights", "language_ink_clearance"])
        var languageFonts: [String: String] = [:]
        for (language, node) in try top["language_fonts"]?.entries() ?? [] { languageFonts[language] = try node.text() }
        var lineHeights: [String: Double] = [:]
        for (language, node) in try top["language_line_heights"]?.entries() ?? [] {
            lineHeights[language] = try node.double(in: 1...3)
        }
        var clearances: [String: Double] = [:]
        for (language, node) in try top["language_ink_clearance"]?.entries() ?? [] {
            clearances[language] = try node.double(in: 0.01...1)
        }
        let colors = try parseColors(top.required("colors"))
        let greys = try parseColors(top.required("grayscale_colors"))
        for (role, color) in greys.all where !color.isGrey {
            throw top.required("grayscale_colors").error("\(role.key) is \(color), not a grey", fix: "use a grey: the same value for red, green and blue, e.g. \"#333333\"")
        }
        var scales: [String: Theme.TypeScale] = [:]
        for (name, node) in try top.required("scales").entries() {
            let fields = try node.fields(required: TypeRole.allCases.map(\.key) + ["body_floor"], optional: ["imposed_body_floor"])
            let body = try fields.required(TypeRole.body.key).double(in: 5...72)
            let floor = try fields.required("body_floor").double(in: 5...72)
            if floor > body {
                throw fields.required("body_floor").error("body_floor is larger than body", fix: "make it at most \(body)")
            }
            let imposed = try fields["imposed_body_floor"]?.double(in: 8.5...72) ?? floor
            if imposed > floor, let node = fields["imposed_body_floor"] {
                throw node.error("imposed_body_floor is larger than body_floor", fix: "make it at most \(floor)")
            }
            scales[name] = try Theme.TypeScale(size: { try fields.required($0.key).double(in: 5...72) }, bodyFloor: floor,
                                               imposedBodyFloor: imposed)
        }
        let spacing = try top.required("spacing").fields(required: ["line_height", "paragraph_gap", "section_gap", "item_gap",
                                                                    "box_padding", "column_gap", "list_indent", "minimum_column_ems"])
        func pt(_ key: String) throws -> Double { try spacing.required(key).double(in: 0...72) }
        return Theme(fontFamily: try top.required("font_family").text(), languageFonts: languageFonts,
                     languageLineHeights: lineHeights, languageInkClearances: clearances, colors: colors, grayscaleColors: greys, scales: scales,
                     spacing: Theme.Spacing(lineHeight: try spacing.required("line_height").double(in: 1...3),
                                            paragraphGap: try pt("paragraph_gap"), sectionGap: try pt("section_gap"),
                                            itemGap: try pt("item_gap"), boxPadding: try pt("box_padding"),
                                            columnGap: try pt("column_gap"), listIndent: try pt("list_indent"),
                                            minimumColumnEms: try spacing.required("minimum_column_ems").double(in: 5...60)),
                     file: root.file)
    }
}
