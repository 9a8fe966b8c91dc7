import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Runs every check on each language and collects findings and a summary row per language,
/// then the country facts, then an English readability line per handout.
struct GuideChecker {
    let project: Project
    let renderer: Renderer

    struct Row {
        var language: String
        var name = "?"
        var review = "?"
        var columns: [Finding.Kind: String] = [:]
        var fitNote = ""
    }

    struct Report {
        var rows: [Row] = []
        var findings: [Finding] = []
        var readability: [Readability] = []
        var hasErrors: Bool { findings.contains { $0.severity == .error } }

        static let kinds: [Finding.Kind] = [.keys, .sources, .numbers, .glyphs, .fit]

        func print() {
            var lines = [["language", "name", "review"] + Report.kinds.map(\.rawValue)]
            for row in rows {
                var cells = [row.language, row.name, row.review] + Report.kinds.map { row.columns[$0] ?? "ok" }
                if !row.fitNote.isEmpty { cells[cells.count - 1] += " (\(row.fitNote))" }
                lines.append(cells)
            }
            let widths = (0..<lines[0].count).map { column in lines.map { Console.displayWidth($0[column]) }.max()! }
            for line in lines {
                Console.say(zip(line, widths).map { $0 + String(repeating: " ", count: $1 - Console.displayWidth($0)) }
                    .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
            if !findings.isEmpty { Console.say("") }
            for finding in findings { Console.say(finding.description) }
            if !readability.isEmpty {
                Console.say("")
                Console.say("Readability (English, Flesch-Kincaid grade; aim for 6 or below):")
                // A sheet of labels has field names, not sentences: nothing to grade.
                for result in readability where result.sentences > 0 {
                    Console.say("  \(result.handout): grade \(result.grade.fixed(1)) (\(result.words) words, \(result.sentences) sentences)")
                    for (sentence, words) in result.longest {
                        Console.say("    \(words) words: \"\(sentence)\"")
                    }
                }
            }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            Console.say("\n\(rows.count) language\(rows.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }

    func check(_ languages: [String]) throws -> Report {
        var report = Report()
        let sources = try project.sources()
        // English is what translations are compared with and what the milk labels print:
        // when it does not load, that is said once, and what needs it is "not checked"
        // (one typo in Guide/en.yaml used to be repeated 8 times for every language).
        var english: Guide?
        var loadErrors: [String: String] = [:]  // message -> the language it was first reported for
        do {
            english = try project.guide("en")
        } catch {
            if !languages.contains("en") {
                let message = String(describing: error)
                loadErrors[message] = "en"
                report.findings.append(Finding(.error, .load, language: "en", location: "", message: message))
            }
        }
        let rules = project.storageRuleSets.compactMap { id -> StorageRules? in
            do { return try project.storageRules(id) } catch {
                report.findings.append(Finding(.error, .load, language: "-", location: "Guide/storage/\(id).yaml", message: String(describing: error)))
                return nil
            }
        }
        for language in languages {
            var row = Row(language: language)
            var findings: [Finding] = []
            defer {
                for kind in Finding.Kind.allCases {
                    let errors = findings.filter { $0.kind == kind && $0.severity == .error }.count
                    if errors > 0 { row.columns[kind] = "\(errors) error\(errors == 1 ? "" : "s")" }
                }
                report.rows.append(row)
                report.findings += findings
            }
            let guide: Guide
            do {
                guide = try project.guide(language)
            } catch {
                // A variant (en-US) fails with its base's error: named once, then referred to.
                let message = String(describing: error)
                if let first = loadErrors[message] {
                    findings.append(Finding(.error, .load, language: language, location: "", message: "not checked: the same error as \(first), above"))
                } else {
                    loadErrors[message] = language
                    findings.append(Finding(.error, .load, language: language, location: "", message: message))
                }
                for kind in Report.kinds { row.columns[kind] = "not checked" }
                continue
            }
            row.name = guide.languageName
            row.review = guide.review.status == .draft ? "draft" : "reviewed"
            if guide.recordedReview.status == .reviewed && guide.review.status == .draft {
                row.review = "draft (stale)"
                findings.append(Finding(.warning, .review, language: language, location: guide.file,
                                        message: "reviewed, but \(guide.staleBlocks.count) block\(guide.staleBlocks.count == 1 ? "" : "s") changed in English since: handouts print as a draft until they are re-reviewed and stamped (handouts fingerprint)"))
            } else if guide.review.status == .draft {
                findings.append(Finding(.warning, .review, language: language, location: guide.file,
                                        message: "draft, not yet signed by a qualified reviewer (review.status: draft); handouts say so in their footer"))
            }
            // Blocks whose English changed since they were translated (from_en).
            findings += guide.freshnessFindings
            // A variant answers to its base guide, a translation to English.
            let pivot: Guide? = guide.variant.flatMap { try? project.guide($0.base) } ?? (guide.isTranslation ? english : nil)
            let englishMissing = english == nil && language != "en"
            if englishMissing, pivot == nil {
                for kind: Finding.Kind in [.keys, .numbers] { row.columns[kind] = "not checked (en)" }
            }
            if let pivot {
                findings += GuideComparison.compare(guide, with: pivot, sources: sources)
                findings += NumberRule.compare(guide, with: pivot)
            } else {
                findings += GuideComparison.unresolvedSources(guide, sources)
            }
            findings += NumberRule.check(guide, rules: rules)
            let glyphFindings = missingGlyphs(guide)
            findings += glyphFindings
            if englishMissing {
                row.columns[.fit] = "not checked (en)"  // the milk labels print English
            } else if glyphFindings.isEmpty {
                let (fit, note) = checkFit(guide)
                findings += fit
                row.fitNote = note
            } else {
                row.columns[.fit] = "not checked"
            }
        }
        report.findings += RegionChecker(project: project, sources: sources, rules: rules).check()
        if languages.contains("en"), let english { report.readability = readability(english) }
        return report
    }

    /// Characters no shipped font has, grouped by block (or string) so a translator sees
    /// each place once.
    private func missingGlyphs(_ guide: Guide) -> [Finding] {
        var byPlace: [(place: String, location: SourceLocation, scalars: [Unicode.Scalar])] = []
        for text in guide.allTexts {
            let missing = renderer.fonts.missingCharacters(in: text.prose.source)
            guard !missing.isEmpty else { continue }
            let place = text.blockID.map { "block \($0)" } ?? text.part
            if let index = byPlace.firstIndex(where: { $0.place == place }) {
                byPlace[index].scalars += missing.filter { !byPlace[index].scalars.contains($0) }
            } else {
                byPlace.append((place, text.location, missing))
            }
        }
        return byPlace.map { place, location, scalars in
            let shown = scalars.prefix(6).map { "\($0.codePoint) \($0)" }.joined(separator: ", ")
            let more = scalars.count > 6 ? " and \(scalars.count - 6) more" : ""
            return Finding(.error, .glyphs, language: guide.language, location: location.description,
                           message: "\(place): no shipped font has \(shown)\(more) — add a font for them to Fonts/ (Fonts/make-fonts.py), or change the text")
        }
    }

    /// Lays out every handout on every paper, with no country and with one country per
    /// kind of country facts (each storage rule set, each temperature style): overflow is
    /// an error, squeezing is noted.
    private func checkFit(_ guide: Guide) -> ([Finding], String) {
        var findings: [Finding] = []
        var notes: [String] = []
        let editions = fitEditions(guide)
        for handout in project.handouts {
            guard let layout = try? project.layout(handout) else {
                findings.append(Finding(.error, .fit, language: guide.language, location: "Layouts/\(handout).yaml",
                                        message: "the layout does not load: run handouts render \(handout) to see why"))
                continue
            }
            for paper in layout.papers {
                var smallest = 1.0
                for edition in editions {
                    do {
                        let laidOut = try renderer.layout(renderer.document(handout: handout, edition: edition, paper: paper))
                        smallest = min(smallest, laidOut.scale)
                    } catch {
                        findings.append(Finding(.error, .fit, language: guide.language,
                                                location: "\(handout) \(paper.rawValue) (\(edition.country.region?.code ?? "no country"))",
                                                message: String(describing: error)))
                    }
                }
                if smallest < 1 { notes.append("\(handout) \(paper.rawValue): type \((smallest * 100).fixed(0))%") }
            }
        }
        return (findings, notes.joined(separator: "; "))
    }

    private func fitEditions(_ guide: Guide) -> [Edition] {
        let language = LanguageChoice(requested: guide.language, guide: guide.variant?.base ?? guide.language,
                                      overlay: guide.variant == nil ? nil : guide.language)
        var countries: [String?] = [nil]
        var seen: Set<String> = []
        for code in project.regions {
            guard let region = try? project.region(code) else { continue }
            if seen.insert("\(region.storageRules.value)|\(region.temperature.value)").inserted { countries.append(code) }
        }
        return countries.compactMap { code in
            (try? project.countryFacts(option: code, site: .neutral, language: language)).map { Edition(language: language, country: $0) }
        }
    }

    /// Flesch-Kincaid for each English handout, as a UK ward would print it.
    private func readability(_ english: Guide) -> [Readability] {
        project.handouts.compactMap { handout in
            guard let layout = try? project.layout(handout) else { return nil }
            let blocks = layout.blockIDs.compactMap { english.blocks[$0] }
            return Readability(handout: handout, blocks: blocks) { placeholder in
                if case .temperature(let celsius) = placeholder { return TemperatureUnits.celsius.text(celsius: celsius) }
                return "999"
            }
        }
    }
}

extension LayoutSpec {
    /// The guide blocks the layout places, in order.
    public var blockIDs: [String] {
        pages.flatMap { $0 }.flatMap { row -> [Placement] in
            switch row {
            case .single(let placement): return [placement]
            case .columns(let columns): return columns.flatMap { $0 }
            }
        }.compactMap { placement in
            if case .block(let id) = placement.content { return id }
            return nil
        }
    }
}
