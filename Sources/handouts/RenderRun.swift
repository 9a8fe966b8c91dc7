import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel

/// Renders a plan's items, goes on past failures, prints a line per file and a summary,
/// and returns the exit status. A large batch is shared with helper processes, one per core.
struct RenderRun {
    let renderer: Renderer
    let plan: RenderPlan
    let site: Site
    /// Set in a helper process: which share of the items it renders.
    var shard: Shard?
    /// The command line that started this run, to start helpers with.
    var arguments: [String] = []

    func run() throws -> ExitStatus {
        let date = try sourceDateEpoch()
        if let shard {
            // A helper: render its share, then tell the parent how it went.
            let tally = renderShare(shard, date: date, stopWhenOrphaned: true)
            Console.say("\(Shard.summaryPrefix) \(tally.written) \(tally.failed)")
            return tally.failed == 0 ? .ok : .someFailed
        }
        try createFolder(plan.outputFolder)
        AtomicFile.removeStalePartials(in: plan.outputFolder)
        for skipped in plan.skipped {
            Console.warning("\(skipped.handout) skipped: \(skipped.reason)")
        }
        warnAboutDrafts()
        warnAboutMissingCountry()
        let start = Date()
        for failure in plan.failures {
            Console.error(HandoutError(handout: failure.handout, underlying: failure.error))
        }
        let helpers = startHelpers()
        let count = helpers.count + 1
        let tally = renderShare(Shard(index: 0, count: count), date: date, stopWhenOrphaned: false)
        var written = tally.written, failed = tally.failed + plan.failures.count
        for helper in helpers {
            let (helperWritten, helperFailed) = helper.finish()
            written += helperWritten
            failed += helperFailed
        }
        let seconds = Date().timeIntervalSince(start)
        if plan.items.count + plan.failures.count > 1 {
            Console.say("\(written) written, \(failed) failed in \(seconds.fixed(2)) s")
        }
        if failed == 0 { return .ok }
        let lastError = tally.lastError ?? plan.failures.last?.error
        if plan.items.count + plan.failures.count == 1, let lastError { return ExitStatus.of(lastError) }
        return .someFailed
    }

    /// Renders the items that fall to `shard`. Shares go by language when there are several
    /// (each process then shapes each text once, its typesetting cache doing the rest),
    /// else by item.
    private func renderShare(_ shard: Shard, date: Int?, stopWhenOrphaned: Bool) -> Tally {
        let tally = Tally()
        let parent = getppid()
        let byLanguage = plan.languages.count >= shard.count
        for (index, item) in plan.items.enumerated() {
            let owner = byLanguage ? (plan.languages.firstIndex(of: item.edition.language.wording) ?? index) : index
            guard owner % shard.count == shard.index else { continue }
            // A helper whose parent was killed stops too: nobody is waiting for it.
            if stopWhenOrphaned && getppid() != parent { break }
            tally.record(item, Result { try render(item, with: renderer, date: date) })
        }
        return tally
    }

    /// One helper process per further core, for batches big enough to be worth the start-up
    /// (about 15 ms). Processes, not threads: Cairo and Pango share FreeType faces between
    /// threads unsafely. HANDOUTS_JOBS sets the number of processes.
    private func startHelpers() -> [Helper] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let jobs = Environment.value("HANDOUTS_JOBS").flatMap(Int.init)
            ?? (plan.items.count >= 8 ? min(cores, 8) : 1)
        guard jobs > 1, let executable = Helper.executable else { return [] }
        return (1..<jobs).compactMap { index in
            Helper(executable: executable, arguments: arguments + ["--shard", "\(index)/\(jobs)"])
        }
    }

    /// Renders and writes one item; returns the line that reports it.
    private func render(_ item: RenderPlan.Item, with renderer: Renderer, date: Int?) throws -> String {
        let laidOut: LaidOutDocument
        if let imposition = item.imposition {
            laidOut = try renderer.imposedCard(handout: item.handout, edition: item.edition, paper: item.paper, site: site,
                                               date: date, options: item.options, imposition: imposition)
        } else {
            laidOut = try renderer.layout(renderer.document(handout: item.handout, edition: item.edition, paper: item.paper,
                                                            site: site, date: date, options: item.options))
        }
        let pdf = try renderer.pdf(laidOut)
        try AtomicFile.write(pdf, to: item.file)
        let pages = laidOut.pages.count
        var shrink = laidOut.gapScale < 1 ? ", spacing at \((laidOut.gapScale * 100).fixed(0))%" : ""
        if laidOut.lineScale < 1 { shrink += ", lines at \((laidOut.lineScale * 100).fixed(0))%" }
        if laidOut.scale < 1 { shrink += ", type at \((laidOut.scale * 100).fixed(0))%" }
        // Every choice made other than exactly as asked is said here: "es-MX → es", the country.
        let notes = item.edition.notes.map { "; " + $0 }.joined()
        return "wrote \(displayPath(item.file))  (\(pages) page\(pages == 1 ? "" : "s"), \(kilobytes(pdf.count))\(shrink)\(notes))"
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

    /// Once per run: a handout with no country prints no emergency number.
    private func warnAboutMissingCountry() {
        guard plan.editions.contains(where: { $0.country.region == nil }) else { return }
        let sitePart = site.emergencyNumber == nil ? "no emergency number (a line to write it in)" : "the site profile's emergency number"
        Console.warning("no country given (--country CC, country: in the site profile, or a region in --lang such as es-US): "
                        + "the handouts print \(sitePart), temperatures in °C and the most cautious milk-storage times (CDC)")
    }

    /// SOURCE_DATE_EPOCH, when set, fixes the PDFs' dates (reproducible builds).
    private func sourceDateEpoch() throws -> Int? {
        guard let raw = Environment.value("SOURCE_DATE_EPOCH"), !raw.isEmpty else { return nil }
        guard let value = Int(raw), value >= 0 else {
            throw UsageError(message: "SOURCE_DATE_EPOCH=\(raw) is not a number of seconds — unset it or give seconds since 1970")
        }
        return value
    }

    private func displayPath(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }

    private func kilobytes(_ bytes: Int) -> String { (Double(bytes) / 1024).fixed(0) + " KB" }
}

/// An error with the item it happened to, so a batch's errors say which file failed.
struct ItemError: Error, CustomStringConvertible {
    let item: RenderPlan.Item
    let underlying: Error
    var description: String {
        let text = String(describing: underlying)
        return "\(item.handout)-\(item.edition.tag)-\(item.paper.rawValue): \(text)"
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

/// Which share of a batch a process renders: items whose index modulo `count` is `index`.
struct Shard {
    let index: Int
    let count: Int
    static let summaryPrefix = "#handouts-shard-summary"

    init(index: Int, count: Int) { self.index = index; self.count = count }

    /// Parses "i/n" as given to --shard.
    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index) else {
            return nil
        }
        self.init(index: index, count: count)
    }
}

/// A helper process rendering one share: its lines are passed on as they come, its
/// summary line read at the end.
final class Helper: @unchecked Sendable {
    private let process = Process()
    private let reader = Thread()
    private let done = DispatchSemaphore(value: 0)
    private var counts = (written: 0, failed: 0)
    private var sawSummary = false

    /// This program's own file, to start copies of it.
    static var executable: URL? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }

    init?(executable: URL, arguments: [String]) {
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 10) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    self.handle(line)
                }
            }
            self.done.signal()
        }
    }

    private func handle(_ line: String) {
        if line.hasPrefix(Shard.summaryPrefix) {
            let numbers = line.split(separator: " ").dropFirst().compactMap { Int($0) }
            if numbers.count == 2 { counts = (numbers[0], numbers[1]); sawSummary = true }
        } else {
            Console.say(line)
        }
    }

    /// Waits for the helper; its (written, failed). A helper that died without a summary
    /// counts as one failure, so the batch never reports success it cannot vouch for.
    func finish() -> (Int, Int) {
        done.wait()
        process.waitUntilExit()
        if !sawSummary {
            Console.error(HelperError(status: process.terminationStatus))
            return (counts.written, counts.failed + 1)
        }
        return counts
    }
}

struct HelperError: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "a helper process stopped early (status \(status)); some files may be missing — run again with HANDOUTS_JOBS=1" }
}

/// Counts and reports a batch's outcomes, one line at a time.
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
