import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Runs every check on each language and collects findings and a summary row per language.
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
        var hasErrors: Bool { findings.contains { $0.severity == .error } }

        func print() {
            let kinds: [Finding.Kind] = [.keys, .sources, .glyphs, .fit]
            var lines = [["language", "name", "review"] + kinds.map(\.rawValue)]
            for row in rows {
                var cells = [row.language, row.name, row.review] + kinds.map { row.columns[$0] ?? "ok" }
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
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            Console.say("\n\(rows.count) language\(rows.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }

    func check(_ languages: [String]) throws -> Report {
        var report = Report()
        let sources = try project.sources()
        let english = try? project.guide("en")
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
                findings.append(Finding(.error, .load, language: language, location: "", message: String(describing: error)))
                for kind in [Finding.Kind.keys, .sources, .glyphs, .fit] { row.columns[kind] = "not checked" }
                continue
            }
            row.name = guide.languageName
            row.review = guide.review.status == .draft ? "draft" : "reviewed"
            if guide.review.status == .draft {
                findings.append(Finding(.warning, .review, language: language, location: guide.file,
                                        message: "draft, not yet signed by a qualified reviewer (review.status: draft); handouts say so in their footer"))
            }
            if let english, language != "en" {
                findings += GuideComparison.compare(guide, with: english, sources: sources)
            } else {
                findings += GuideComparison.unresolvedSources(guide, sources)
            }
            let glyphFindings = missingGlyphs(guide)
            findings += glyphFindings
            if glyphFindings.isEmpty {
                let (fit, note) = checkFit(guide)
                findings += fit
                row.fitNote = note
            } else {
                row.columns[.fit] = "not checked"
            }
        }
        return report
    }

    /// Characters no shipped font has, grouped by block (or string) so a translator sees
    /// each place once.
    private func missingGlyphs(_ guide: Guide) -> [Finding] {
        var byPlace: [(place: String, scalars: [Unicode.Scalar])] = []
        for text in guide.allTexts {
            let missing = renderer.fonts.missingCharacters(in: text.text)
            guard !missing.isEmpty else { continue }
            let place = text.blockID.map { "block \($0)" } ?? text.location.keyPath
            if let index = byPlace.firstIndex(where: { $0.place == place }) {
                byPlace[index].scalars += missing.filter { !byPlace[index].scalars.contains($0) }
            } else {
                byPlace.append((place, missing))
            }
        }
        return byPlace.map { place, scalars in
            let shown = scalars.prefix(6).map { "\($0.codePoint) \($0)" }.joined(separator: ", ")
            let more = scalars.count > 6 ? " and \(scalars.count - 6) more" : ""
            return Finding(.error, .glyphs, language: guide.language, location: guide.file,
                           message: "\(place): no shipped font has \(shown)\(more) — add a font for them to Fonts/ (Fonts/make-fonts.py), or change the text")
        }
    }

    /// Lays out every handout on every paper; overflow is an error, squeezing is noted.
    private func checkFit(_ guide: Guide) -> ([Finding], String) {
        var findings: [Finding] = []
        var notes: [String] = []
        for handout in project.handouts {
            guard let layout = try? project.layout(handout) else {
                findings.append(Finding(.error, .fit, language: guide.language, location: "Layouts/\(handout).yaml",
                                        message: "the layout does not load: run handouts render \(handout) to see why"))
                continue
            }
            for paper in layout.papers {
                do {
                    let laidOut = try renderer.layout(renderer.document(handout: handout, language: guide.language, paper: paper))
                    if laidOut.scale < 1 {
                        notes.append("\(handout) \(paper.rawValue): type \((laidOut.scale * 100).fixed(0))%")
                    }
                } catch {
                    findings.append(Finding(.error, .fit, language: guide.language, location: "\(handout) \(paper.rawValue)",
                                            message: String(describing: error)))
                }
            }
        }
        return (findings, notes.joined(separator: "; "))
    }
}
