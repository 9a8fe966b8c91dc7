import HandoutModel

/// The text styles of one document at one scale factor (1 as designed; less when a fixed
/// page has to shrink to fit).
struct Styles {
    enum Role { case title, subtitle, heading, body, table, small }

    let document: Document
    let factor: Double

    var theme: Theme { document.theme }
    var spacing: Theme.Spacing { document.theme.spacing }

    func size(_ role: Role) -> Double {
        let scale = document.scale
        switch role {
        case .title: return scale["title"] * factor
        case .subtitle: return scale["subtitle"] * factor
        case .heading: return scale["heading"] * factor
        case .body: return scale["body"] * factor
        case .table: return scale["table"] * factor
        case .small: return scale["small"] * factor
        }
    }

    func style(_ role: Role, bold: Bool = false, alignment: TextStyle.Alignment = .start, lineHeight: Double? = nil) -> TextStyle {
        let isHeadline = role == .title || role == .heading || role == .subtitle
        return TextStyle(size: size(role), bold: bold || role == .title || role == .heading, alignment: alignment,
                         lineHeight: lineHeight ?? (isHeadline ? 1.2 : spacing.lineHeight),
                         language: document.language, direction: document.direction)
    }

    /// Spacing scales with the type so a shrunk card keeps its proportions.
    func gap(_ value: Double) -> Double { value * factor }
    var paragraphGap: Double { gap(spacing.paragraphGap) }
    var sectionGap: Double { gap(spacing.sectionGap) }
    var itemGap: Double { gap(spacing.itemGap) }
    var boxPadding: Double { gap(spacing.boxPadding) }
    var columnGap: Double { gap(spacing.columnGap) }
    var listIndent: Double { gap(spacing.listIndent) }

    func color(_ key: String) -> RGB { theme.colors[key] }
}
