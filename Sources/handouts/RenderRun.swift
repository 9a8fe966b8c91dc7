import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Renders a plan's items one by one, goes on past failures, prints a line per file and a
/// summary, and returns the exit status.
struct RenderRun {
    let renderer: Renderer
    let plan: RenderPlan
    let site: Site

    func run() throws -> ExitStatus {
        try createFolder(plan.outputFolder)
        AtomicFile.removeStalePartials(in: plan.outputFolder)
        for skipped in plan.skipped {
            Console.warning("\(skipped.handout) skipped: \(skipped.reason)")
        }
        warnAboutDrafts()
        let date = try sourceDateEpoch()
        let start = Date()
        var written = 0, failed = plan.failures.count
        var lastError: Error? = plan.failures.last?.error
        for failure in plan.failures {
            Console.error(HandoutError(handout: failure.handout, underlying: failure.error))
        }
        // Items are shared out between worker threads, one per core: each worker has its
        // own renderer, since Pango font maps and caches are not shared between threads.
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, plan.items.count / 2), 8)
        var renderers = [renderer]
        for _ in 1..<max(1, workers) { renderers.append((try? Renderer(project: renderer.project)) ?? renderer) }
        let tally = Tally()
        let job = UncheckedBox((run: self, renderers: renderers, date: date))
        DispatchQueue.concurrentPerform(iterations: renderers.count) { worker in
            let (run, renderers, date) = job.value
            for index in stride(from: worker, to: run.plan.items.count, by: renderers.count) {
                let item = run.plan.items[index]
                tally.record(item, Result { try run.render(item, with: renderers[worker], date: date) })
            }
        }
        written = tally.written
        failed += tally.failed
        lastError = tally.lastError ?? lastError
        let seconds = Date().timeIntervalSince(start)
        if plan.items.count + plan.failures.count > 1 {
            Console.say("\(written) written, \(failed) failed in \(String(format: "%.2f", seconds)) s")
        }
        if failed == 0 { return .ok }
        if plan.items.count + plan.failures.count == 1, let lastError { return ExitStatus.of(lastError) }
        return .someFailed
    }

    /// Renders and writes one item; returns the line that reports it.
    private func render(_ item: RenderPlan.Item, with renderer: Renderer, date: Int?) throws -> String {
        let laidOut: LaidOutDocument
        if let imposition = item.imposition {
            laidOut = try renderer.imposedCard(handout: item.handout, language: item.language, paper: item.paper, site: site,
                                               date: date, options: item.options, imposition: imposition)
        } else {
            laidOut = try renderer.layout(renderer.document(handout: item.handout, language: item.language, paper: item.paper,
                                                            site: site, date: date, options: item.options))
        }
        let pdf = try renderer.pdf(laidOut)
        try AtomicFile.write(pdf, to: item.file)
        let pages = laidOut.pages.count
        var shrink = laidOut.gapScale < 1 ? String(format: ", spacing at %.0f%%", laidOut.gapScale * 100) : ""
        if laidOut.lineScale < 1 { shrink += String(format: ", lines at %.0f%%", laidOut.lineScale * 100) }
        if laidOut.scale < 1 { shrink += String(format: ", type at %.0f%%", laidOut.scale * 100) }
        return "wrote \(displayPath(item.file))  (\(pages) page\(pages == 1 ? "" : "s"), \(kilobytes(pdf.count))\(shrink))"
    }

    private func createFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EngineError.output("cannot create the folder \(folder.path)", fix: "choose a folder you can write to with --out-dir")
        }
    }

    /// One warning for the draft guides: the footer of every page already says it.
    private func warnAboutDrafts() {
        let drafts = plan.languages.compactMap { try? renderer.project.guide($0) }.filter { $0.review.status == .draft }
        if drafts.count == 1, let guide = drafts.first {
            Console.warning("the \(guide.languageName) guide (\(guide.file)) is a draft, not yet signed by a reviewer; each page says so in its footer")
        } else if drafts.count > 1 {
            Console.warning("\(drafts.count) guides are drafts, not yet signed by a reviewer (\(drafts.map(\.language).joined(separator: ", "))); each page says so in its footer")
        }
    }

    /// SOURCE_DATE_EPOCH, when set, fixes the PDFs' dates (reproducible builds).
    private func sourceDateEpoch() throws -> Int? {
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !raw.isEmpty else { return nil }
        guard let value = Int(raw), value >= 0 else {
            throw UsageError(message: "SOURCE_DATE_EPOCH=\(raw) is not a number of seconds — unset it or give seconds since 1970")
        }
        return value
    }

    private func displayPath(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }

    private func kilobytes(_ bytes: Int) -> String { String(format: "%.0f KB", Double(bytes) / 1024) }
}

/// An error with the item it happened to, so a batch's errors say which file failed.
struct ItemError: Error, CustomStringConvertible {
    let item: RenderPlan.Item
    let underlying: Error
    var description: String {
        let text = String(describing: underlying)
        return "\(item.handout)-\(item.language)-\(item.paper.rawValue): \(text)"
    }
}

/// A handout that could not be planned at all (its layout is broken).
struct HandoutError: Error, CustomStringConvertible {
    let handout: String
    let underlying: Error
    var description: String {
        let text = String(describing: underlying)
        return "\(handout): \(text)"
    }
}

/// Counts and reports a batch's outcomes from several threads, one line at a time.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var written = 0
    private(set) var failed = 0
    private(set) var lastError: Error?

    func record(_ item: RenderPlan.Item, _ outcome: Result<String, Error>) {
        lock.lock()
        defer { lock.unlock() }
        switch outcome {
        case .success(let line):
            written += 1
            Console.say(line)
        case .failure(let error):
            failed += 1
            lastError = error
            Console.error(ItemError(item: item, underlying: error))
        }
    }
}

/// Hands values to worker threads that use them in ways the compiler cannot check: each
/// worker touches only its own renderer, and the run itself is read-only.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
