import Foundation

/// Reads a site profile.
public enum SiteLoader {
    /// `countries`: the codes with a region file, when the caller knows them, so a country
    /// that does not ship is an error at its line of the profile.
    public static func load(_ url: URL, displayName: String, countries: [String]? = nil) throws -> Site {
        try parse(YAMLFile.read(url, displayName: displayName), folder: url.deletingLastPathComponent(), countries: countries)
    }

    /// WCAG AA for normal text: white on the brand colour, and the brand colour as heading
    /// text on white, both need at least 4.5:1.
    public static let minimumBrandContrast = 4.5

    /// Longest accepted web address: it is printed beside its QR code, whose modules grow
    /// with its length.
    public static let maximumURLLength = 200
    public static let maximumUnitLength = 80
    public static let maximumHoursLength = 120

    /// `folder` resolves a relative logo path (the profile's own folder).
    public static func parse(_ root: YAMLNode, folder: URL? = nil, countries: [String]? = nil) throws -> Site {
        let top = try root.fields(required: ["unit"], optional: ["country", "phones", "hours", "url", "logo", "brand_color"])
        var places: [String: Site.Place] = [:]
        func note(_ key: String, _ node: YAMLNode) { places[key] = Site.Place(line: node.line, column: node.column) }
        let unit = try top.required("unit").text()
        try checkPlainText(unit, at: top.required("unit"), maximum: maximumUnitLength)
        note("unit", top.required("unit"))
        var country: String?
        if let node = top["country"] {
            let code = try node.text()
            guard RegionLoader.isCountryCode(code) else {
                throw node.error("\"\(code.prefix(20))\" is not a country code", fix: "use the two capital letters of ISO 3166-1, e.g. GB or US")
            }
            if let countries, !countries.contains(code) {
                throw node.error("no country facts for \(code) (Guide/regions/\(code).yaml)", fix: "available: \(countries.joined(separator: ", "))")
            }
            country = code
        }
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
                note("phones.\(key)", node)
            }
        }
        let (hours, hoursByLanguage) = try self.hours(top["hours"], note: note)
        var url: String?
        if let node = top["url"] {
            let text = try node.text()
            if text.count > maximumURLLength {
                throw node.error("the web address is too long (\(text.count) characters, at most \(maximumURLLength))",
                                 fix: "use a shorter link to the same page (the unit's own short address)")
            }
            guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" "), URL(string: text) != nil else {
                throw node.error("\"\(text.prefix(60))\" is not a web address", fix: "write it in full, e.g. https://example.org/feeding")
            }
            url = text
            note("url", node)
        }
        var brand: RGB?
        var notes: [String] = []
        if let node = top["brand_color"] {
            guard let color = RGB(hex: try node.text()) else {
                throw node.error("\"\(try node.string())\" is not a colour", fix: "write it as \"#rrggbb\"")
            }
            let contrast = color.contrast(with: .white)
            if contrast < minimumBrandContrast {
                let darker = color.darkened(toContrast: minimumBrandContrast)
                notes.append("\(root.file):\(node.line ?? 0): brand_color \(color) has a contrast of \(contrast.fixed(1)):1 with white, "
                                + "under \(minimumBrandContrast.fixed(1)):1: using \(darker) (\(darker.contrast(with: .white).fixed(1)):1) instead")
                brand = darker
            } else {
                brand = color
            }
        }
        var logo: String?
        if let node = top["logo"] {
            let path = try node.text()
            let resolved = path.hasPrefix("/") ? path : (folder ?? URL(fileURLWithPath: ".")).appendingPathComponent(path).standardizedFileURL.path
            let lowered = path.lowercased()
            guard lowered.hasSuffix(".png") || lowered.hasSuffix(".svg") else {
                throw node.error("the logo must be a .png or .svg file", fix: "export the logo as PNG or SVG")
            }
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw node.error("logo file not found: \(resolved)", fix: "check the path; it is relative to \(root.file)")
            }
            // A named pipe or a device would hang or never end when read.
            if let kind = RegularFile.kind(of: resolved) {
                throw node.error("the logo \(resolved) is \(kind), not a file", fix: "give the path of a PNG or SVG file")
            }
            logo = resolved
            note("logo", node)
        }
        return Site(unit: unit, country: country, phones: phones, hours: hours, hoursByLanguage: hoursByLanguage, url: url,
                    logoPath: logo, brandColor: brand, file: root.file, notes: notes, places: places)
    }

    /// `hours: "Mon-Fri 9-5"`, or translated by the ward: `hours: {en: "Mon-Fri 9-5", ar: "…"}`.
    /// Gives the hours as written (English, else the first) and the translations by tag.
    private static func hours(_ node: YAMLNode?, note: (String, YAMLNode) -> Void) throws -> (String?, [String: String]) {
        guard let node else { return (nil, [:]) }
        guard node.isMapping else {
            let text = try node.text()
            try checkPlainText(text, at: node, maximum: maximumHoursLength)
            note("hours", node)
            return (text, [:])
        }
        var byLanguage: [String: String] = [:]
        var first: String?
        for (key, value) in try node.entries(maximumCount: 60) {
            guard let tag = LanguageTag(key), tag.description == key else {
                throw value.error("\"\(key.prefix(20))\" is not a language tag", fix: "use the guide's tag, such as en, ar or pt-PT")
            }
            let text = try value.text()
            try checkPlainText(text, at: value, maximum: maximumHoursLength)
            byLanguage[key] = text
            first = first ?? text
            note("hours.\(key)", value)
        }
        return (byLanguage["en"] ?? first, byLanguage)
    }

    /// The unit's name and hours stand on one line in headers and footers.
    static func checkPlainText(_ text: String, at node: YAMLNode, maximum: Int) throws {
        var rules = Prose.Rules.oneLine
        rules.maximumLength = maximum
        _ = try Prose.parse(text, at: node, rules: rules)
    }

    /// Phone numbers are dialled from the page: digits, spaces and + ( ) - . only, then an
    /// extension if the line has one ("ext 4567").
    static func checkPhone(_ number: String, at node: YAMLNode) throws {
        _ = try Prose.parse(number, at: node, rules: .oneLine)
        if number.count > PhoneNumber.maximumLength {
            throw node.error("the phone number is too long (\(number.count) characters, at most \(PhoneNumber.maximumLength))",
                             fix: "write one number, e.g. \"020 7946 0321\" or \"020 7946 0321 ext 4567\"")
        }
        guard PhoneNumber(number) != nil else {
            throw node.error("\"\(number.prefix(40))\" is not a phone number",
                             fix: "use digits, spaces and + ( ) - only, and ext for an extension, e.g. \"020 7946 0321 ext 4567\"")
        }
    }
}
