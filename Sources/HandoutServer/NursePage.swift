import HandoutModel

/// The nurse's page: pick a handout, a language, the unit, the country, the paper and the
/// variant; see the pages; download or print. Plain HTML forms, so it works without
/// JavaScript, with the keyboard and at any zoom.
struct NursePage {
    /// What the menus show as chosen (valid values only; a bad one falls back).
    struct Selection: Sendable {
        var handout: String?
        var language = "en"
        var unit: String?
        var country: String?
        var paper: Paper?
        var variant = Variant.standard
        var withEnglish = false
    }

    /// The tick box for a bilingual edition (its words are quoted in error messages).
    static let withEnglishLabel = "With English beside it, for staff"

    /// The shown handout: its pages and what was chosen for it.
    struct Preview: Sendable {
        let choice: HandoutChoice
        let title: String
        let pages: Int
        let paper: Paper
        let fileName: String
        let bytes: Int
        let notes: [String]
        let hasCountry: Bool
    }

    let catalogue: PageCatalogue
    let selection: Selection
    var preview: Preview?
    var error: String?
    var printed: String?
    let printers: [String]
    let token: FormToken

    func render() -> String {
        var body = """
            <header class="top"><h1>Breastfeeding handouts</h1>
            <p>Choose a handout and the mother's language, look at it, then download or print it.</p></header>
            <main\(preview == nil ? "" : " class=\"with-preview\"")>

            """
        if let error { body += "<p class=\"message error\" role=\"alert\" id=\"error\"><strong>Not possible:</strong> \(HTML.escape(error))</p>\n" }
        if let printed { body += "<p class=\"message done\" role=\"status\" id=\"print-result\">\(HTML.escape(printed))</p>\n" }
        body += chooser()
        if let preview { body += previewSection(preview) }
        body += "</main>\n"
        let title = preview.map { "\($0.title) — Breastfeeding handouts" } ?? "Breastfeeding handouts"
        return HTML.document(title: title, body: body)
    }

    // MARK: The form

    private func chooser() -> String {
        var html = "<form method=\"get\" action=\"/\" class=\"chooser\">\n"
        html += "<fieldset class=\"handouts\"><legend>1. Handout</legend>\n"
        for handout in catalogue.handouts {
            let checked = handout.id == (selection.handout ?? catalogue.handouts.first?.id)
            html += """
                <label class="handout"><input type="radio" name="handout" value="\(HTML.escape(handout.id))"\(checked ? " checked" : "")>
                <img src="/thumbnails/\(HTML.escape(handout.id)).png" alt="" class="thumb">
                <span class="text"><span class="name">\(HTML.escape(handout.title))</span>
                <span class="about">\(HTML.escape(handout.subtitle))</span>
                <span class="about">\(HTML.escape(PageCatalogue.pagesText(handout))); \(HTML.escape(handout.papers.map(NursePage.shortName).joined(separator: ", ")))</span></span></label>

                """
        }
        html += "</fieldset>\n<div class=\"fields\">\n"
        html += field("lang", "2. Language", languageOptions())
        html += field("unit", "3. Unit", unitOptions())
        html += field("country", "Country (emergency number, units, milk storage)", countryOptions())
        html += field("paper", "Paper", paperOptions())
        html += field("variant", "Print as", Variant.allCases.map { HTML.option($0.rawValue, $0.label, selected: $0 == selection.variant) }.joined())
        html += "<p class=\"field check\"><label><input type=\"checkbox\" id=\"with\" name=\"with\" value=\"en\""
            + (selection.withEnglish ? " checked" : "") + "> \(HTML.escape(NursePage.withEnglishLabel))</label>"
            + "<span class=\"about\">Fact sheet and checklist: each part in both languages, English smaller</span></p>\n"
        html += "</div>\n<p><button type=\"submit\" id=\"show\">Show the handout</button></p>\n</form>\n"
        return html
    }

    private func field(_ name: String, _ label: String, _ options: String) -> String {
        "<p class=\"field\"><label for=\"\(name)\">\(HTML.escape(label))</label>\n<select id=\"\(name)\" name=\"\(name)\">\(options)</select></p>\n"
    }

    private func languageOptions() -> String {
        catalogue.languages.map { language in
            let label = language.displayName + (language.isDraft ? " (draft translation)" : "")
            return HTML.option(language.tag, label, selected: language.tag == selection.language, language: language.tag)
        }.joined()
    }

    private func unitOptions() -> String {
        var options = HTML.option("none", "No unit profile: lines to write the numbers in", selected: selection.unit == nil)
        for unit in catalogue.units { options += HTML.option(unit.id, unit.name, selected: unit.id == selection.unit) }
        return options
    }

    private func countryOptions() -> String {
        let unitCountry = catalogue.unit(selection.unit)?.country.flatMap { catalogue.country($0) }
        // Never a country's emergency number unless one is chosen: the default is the
        // unit's own country, or none (a line to write the number in).
        let first = unitCountry.map { "The unit's country: \($0.name) (\($0.code))" }
            ?? "None chosen: a line to write the emergency number in"
        var options = HTML.option("", first, selected: selection.country == nil)
        for country in catalogue.countries {
            options += HTML.option(country.code, "\(country.name) (\(country.code))", selected: country.code == selection.country)
        }
        return options
    }

    private func paperOptions() -> String {
        let handout = catalogue.handout(selection.handout ?? catalogue.handouts.first?.id)
        let large = selection.variant.options.largePrint
        let papers = handout.map { large ? $0.largePrintPapers : $0.papers } ?? Paper.allCases
        var options = HTML.option("", "The country's usual size", selected: selection.paper == nil)
        for paper in papers { options += HTML.option(paper.rawValue, paper.displayName, selected: paper == selection.paper) }
        return options
    }

    /// "A4", "US Letter", "4×6 in": for the handout cards.
    static func shortName(_ paper: Paper) -> String {
        switch paper {
        case .a4: return "A4"
        case .letter: return "US Letter"
        case .a5: return "A5"
        case .a6: return "A6"
        case .card4x6: return "4×6 in"
        }
    }

    // MARK: The handout

    private func previewSection(_ preview: Preview) -> String {
        let language = catalogue.language(selection.language)
        let pdfLink = "/handouts/\(preview.choice.handout).pdf?\(preview.choice.query)"
        var html = "<section class=\"preview\" aria-labelledby=\"preview-title\">\n"
        html += "<h2 id=\"preview-title\">\(HTML.escape(preview.title))</h2>\n"
        let languages = (language?.displayName ?? preview.choice.language)
            + (preview.choice.with.map { " with \(catalogue.language($0)?.displayName ?? $0) for staff" } ?? "")
        html += "<p class=\"facts\">\(HTML.escape(languages)) · \(preview.pages) page\(preview.pages == 1 ? "" : "s") · \(HTML.escape(preview.paper.displayName))</p>\n"
        if language?.isDraft == true {
            html += "<p class=\"message draft\" id=\"draft\"><strong>Draft translation.</strong> Not yet checked by a qualified reviewer; every page says so in its footer.</p>\n"
        }
        if !preview.hasCountry {
            html += "<p class=\"note\">No country chosen: the handout has a line to write the emergency number in.</p>\n"
        }
        if !preview.notes.isEmpty {
            html += "<p class=\"note\">Chosen for this handout: \(HTML.escape(preview.notes.joined(separator: "; "))).</p>\n"
        }
        html += "<p class=\"actions\"><a class=\"button\" id=\"download\" href=\"\(HTML.escape(pdfLink))\" download=\"\(HTML.escape(preview.fileName))\">Download PDF</a> <span class=\"about\">\(HTML.escape(preview.fileName)), \(preview.bytes / 1024) KB</span></p>\n"
        html += printForm(preview.choice)
        html += "<div class=\"pages\">\n"
        for page in 1...max(1, preview.pages) {
            let source = "/previews/\(preview.choice.handout).png?\(preview.choice.query)&page=\(page)"
            html += "<figure><img src=\"\(HTML.escape(source))\" alt=\"Page \(page) of \(preview.pages): \(HTML.escape(preview.title))\" class=\"page\" id=\"page-\(page)\"><figcaption>Page \(page) of \(preview.pages)</figcaption></figure>\n"
        }
        html += "</div>\n</section>\n"
        return html
    }

    private func printForm(_ choice: HandoutChoice) -> String {
        guard !printers.isEmpty else {
            return "<p class=\"note\">Printing from this page is not set up here: download the PDF and print it, or ask IT to add the ward printer.</p>\n"
        }
        let hidden = [("handout", choice.handout)] + choice.parameters + [("token", token.value)]
        var html = "<form method=\"post\" action=\"/print\" class=\"print\">\n"
        for (name, value) in hidden { html += "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.escape(value))\">\n" }
        html += "<p class=\"field\"><label for=\"printer\">Printer</label>\n<select id=\"printer\" name=\"printer\">"
        html += printers.enumerated().map { HTML.option($0.element, $0.element, selected: $0.offset == 0) }.joined()
        html += "</select></p>\n<p class=\"field\"><label for=\"copies\">Copies</label>\n<input id=\"copies\" name=\"copies\" type=\"number\" min=\"1\" max=\"100\" value=\"1\" inputmode=\"numeric\"></p>\n"
        html += "<p><button type=\"submit\" id=\"print\">Print on the ward printer</button></p>\n</form>\n"
        return html
    }
}
