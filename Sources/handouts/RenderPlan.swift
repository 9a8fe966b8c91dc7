import Foundation
import HandoutEngine
import HandoutModel

/// What a `render` command will write: one item per handout, language and paper, each with
/// its output file. Built and checked before anything is rendered, so a typo in a name
/// costs nothing.
struct RenderPlan {
    struct Item {
        let handout: String
        let language: String
        let paper: Paper
        let file: URL
    }

    let items: [Item]
    /// Handouts left out because they are not made for the requested paper.
    let skipped: [(handout: String, papers: [Paper])]
    /// Handouts whose layout could not be read: reported as failed items, the rest go on.
    let failures: [(handout: String, error: Error)]
    let outputFolder: URL
    /// The guides the plan renders, resolved from --lang.
    let languages: [String]

    static func make(project: Project, handouts: [String], language requested: String, paper requestedPaper: String?,
                     all: Bool, output: String?, outDir: String) throws -> RenderPlan {
        for name in handouts where !project.handouts.contains(name) {
            throw UsageError(message: "unknown handout \"\(name)\" — \(NearestName.hint(for: name, among: project.handouts, noun: "one of"))")
        }
        let languages: [String]
        if requested == "all" {
            languages = project.languages
        } else {
            do { languages = [try project.resolveLanguage(requested)] } catch let error as LoadError {
                throw UsageError(message: "unknown language \"\(requested)\" — \(error.fix)")
            }
        }
        if output != nil && languages.count > 1 {
            throw UsageError(message: "--output takes one language; use --out-dir with --lang all")
        }
        var paper: Paper?
        if let requestedPaper {
            guard let value = Paper(rawValue: requestedPaper.lowercased()) else {
                throw UsageError(message: "unknown paper \"\(requestedPaper)\" — \(NearestName.hint(for: requestedPaper.lowercased(), among: Paper.allCases.map(\.rawValue), noun: "one of"))")
            }
            paper = value
        }
        let folder = URL(fileURLWithPath: output.map { ($0 as NSString).deletingLastPathComponent } ?? outDir, isDirectory: true)
        var items: [Item] = []
        var skipped: [(String, [Paper])] = []
        var failures: [(String, Error)] = []
        for handout in handouts {
            let layout: LayoutSpec
            do {
                layout = try project.layout(handout)
            } catch {
                // One broken layout must not stop a batch: the others still render.
                guard all || handouts.count > 1 else { throw error }
                failures.append((handout, error))
                continue
            }
            let papers: [Paper]
            if let paper {
                guard layout.papers.contains(paper) else {
                    if all { skipped.append((handout, layout.papers)); continue }
                    throw UsageError(message: "\(handout) is not made for \(paper.rawValue) paper — use --paper \(layout.papers.map(\.rawValue).joined(separator: " or "))")
                }
                papers = [paper]
            } else {
                papers = all ? layout.papers : [layout.papers[0]]
            }
            for language in languages {
                for paper in papers {
                    let file = output.map { URL(fileURLWithPath: $0) }
                        ?? folder.appendingPathComponent("\(handout)-\(language)-\(paper.rawValue).pdf")
                    items.append(Item(handout: handout, language: language, paper: paper, file: file))
                }
            }
        }
        return RenderPlan(items: items, skipped: skipped, failures: failures, outputFolder: folder, languages: languages)
    }
}
