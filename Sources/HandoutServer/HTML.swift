/// Text into HTML: every value from a file or a request is escaped here, in text and in
/// attribute values alike.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `<option value="…" selected>…</option>`
    static func option(_ value: String, _ label: String, selected: Bool, language: String? = nil) -> String {
        // The language for the font; no dir: "العربية — Arabic" reads in the page's order.
        let lang = language.map { " lang=\"\(escape($0))\"" } ?? ""
        return "<option value=\"\(escape(value))\"\(selected ? " selected" : "")\(lang)>\(escape(label))</option>"
    }

    /// A whole document around `body`: the stylesheet is a file of its own (the page's
    /// Content-Security-Policy allows no inline style or script).
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
