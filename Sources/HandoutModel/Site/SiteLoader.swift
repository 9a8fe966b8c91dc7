import Foundation

/// Reads a site profile.
public enum SiteLoader {
    public static func load(_ url: URL, displayName: String) throws -> Site {
        try parse(YAMLFile.read(url, displayName: displayName))
    }

    public static func parse(_ root: YAMLNode) throws -> Site {
        let top = try root.fields(required: ["unit"], optional: ["phones", "hours", "url", "logo", "brand_color"])
        let unit = try top.required("unit").text()
        try checkPlainText(unit, at: top.required("unit"), maximum: 80)
        var phones: [Site.Phone] = []
        if let phonesNode = top["phones"] {
            for (key, node) in try phonesNode.entries(maximumCount: 10) {
                guard let role = Site.PhoneRole(rawValue: key) else {
                    let keyNode = node
                    throw keyNode.error("unknown phone \"\(key)\"",
                                        fix: NearestName.hint(for: key, among: Site.PhoneRole.allCases.map(\.rawValue)))
                }
                let number = try node.text()
                try checkPhone(number, at: node)
                phones.append(Site.Phone(role: role, number: number))
            }
        }
        let hours = try top["hours"]?.text()
        if let hours, let node = top["hours"] { try checkPlainText(hours, at: node, maximum: 120) }
        var url: String?
        if let node = top["url"] {
            let text = try node.text()
            guard text.hasPrefix("https://") || text.hasPrefix("http://"), text.count <= 200, !text.contains(" "),
                  URL(string: text) != nil else {
                throw node.error("\"\(text.prefix(60))\" is not a web address", fix: "write it in full, e.g. https://example.org/feeding")
            }
            url = text
        }
        var brand: RGB?
        if let node = top["brand_color"] {
            guard let color = RGB(hex: try node.text()) else {
                throw node.error("\"\(try node.string())\" is not a colour", fix: "write it as \"#rrggbb\"")
            }
            brand = color
        }
        return Site(unit: unit, phones: phones, hours: hours, url: url, logoPath: try top["logo"]?.text(),
                    brandColor: brand, file: root.file)
    }

    static func checkPlainText(_ text: String, at node: YAMLNode, maximum: Int) throws {
        try TextRules.check(text, at: node, allowPlaceholders: false)
        if text.count > maximum {
            throw node.error("text is \(text.count) characters, more than \(maximum)", fix: "shorten it; it has to fit the footer")
        }
        if text.contains("**") { throw node.error("** is not allowed here") }
    }

    /// Phone numbers are dialled from the page: digits, spaces, + ( ) - . only.
    static func checkPhone(_ number: String, at node: YAMLNode) throws {
        try TextRules.check(number, at: node, allowPlaceholders: false)
        let allowed = CharacterSet(charactersIn: "0123456789+()-. ")
        guard number.unicodeScalars.allSatisfy(allowed.contains), number.contains(where: \.isNumber), number.count <= 30 else {
            throw node.error("\"\(number.prefix(40))\" is not a phone number", fix: "use digits, spaces and + ( ) - only, e.g. \"020 7946 0321\"")
        }
    }
}
