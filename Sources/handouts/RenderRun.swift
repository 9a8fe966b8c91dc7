import Foundation
import HandoutEngine
import HandoutLayout
import HandoutModel
import Synchronization

/// Renders a plan's items, goes on past failures, writes each file whole or not at all,
/// prints a line per file and a summary, and returns the exit status. A large batch is
/// shared between this process's render worker and helper processes, one per further core.
struct RenderRun {
    let worker: RenderWorker
    let project: Project
    let plan: RenderPlan
    let site: Site

    func run() async throws -> ExitStatus {
        let date = try sourceDateEpoch()
        try OutputFolder.create(plan.outputFolder)
        AtomicFile.removeStalePartials(in: plan.outputFolder)
        for note in plan.notes { Console.warning(note) }
        for skipped in plan.skipped {
            Console.warning("\(skipped.handout) skipped: \(skipped.reason)")
        }
        warnAboutDrafts()
        warnAboutMissingCountry()
        let start = Date()
        for failure in plan.failures {
            Console.error(HandoutError(handout: failure.handout, underlying: failure.error))
        }
        let pool = WorkerPool(executable: Helpers.executable ?? URL(fileURLWithPath: CommandLine.arguments[0]),
                              arguments: Helpers.arguments(for: project), count: Helpers.count(for: plan.items.count) - 1)
        let queue = GroupQueue(groups(workers: pool.count + 1))
        let tallies = await withTaskGroup(of: Tally.self) { group in
            for index in 0..<(pool.count + 1) {
                group.addTask {
                    var tally = Tally()
                    while let share = queue.next() {
                        for item in share {
                            var request = item.request
                            request.date = date
                            do {
                                let result = index == 0 ? try await worker.render(request) : try await pool.render(request)
                                try AtomicFile.write(result.pdf, to: item.file)
                                tally.written += 1
                                Console.say(line(item, result))
                            } catch {
                                tally.failed += 1
                                tally.lastError = error
                                Console.error(ItemError(item: item, underlying: error))
                            }
                        }
                    }
                    return tally
                }
            }
            var all: [Tally] = []
            for await tally in group { all.append(tally) }
            return all
        }
        await pool.shutdown()
        let written = tallies.reduce(0) { $0 + $1.written }
        let failed = tallies.reduce(plan.failures.count) { $0 + $1.failed }
        let seconds = Date().timeIntervalSince(start)
        if plan.items.count + plan.failures.count > 1 {
            Console.say("\(written) written, \(failed) failed in \(seconds.fixed(2)) s")
        }
        if failed == 0 { return .ok }
        let lastError = tallies.compactMap(\.lastError).last ?? plan.failures.last?.error
        if plan.items.count + plan.failures.count == 1, let lastError { return ExitStatus.of(lastError) }
        return .someFailed
    }

    /// The batch in groups that workers take one at a time as they finish the last, so a
    /// worker given the slow scripts (CJK, Nastaliq) does not leave the others idle: by
    /// language when there are enough languages (a worker then shapes each text once, its
    /// typesetting cache doing the rest), else one item each.
    private func groups(workers: Int) -> [[RenderPlan.Item]] {
        guard plan.languages.count >= workers else { return plan.items.map { [$0] } }
        var byLanguage: [String: [RenderPlan.Item]] = [:]
        for item in plan.items { byLanguage[item.edition.language.wording, default: []].append(item) }
        return plan.languages.compactMap { byLanguage.removeValue(forKey: $0) } + byLanguage.keys.sorted().compactMap { byLanguage[$0] }
    }

    /// "wrote handouts-out/… (2 pages, 31 KB, spacing at 75%; es-MX → es; country MX from --country)"
    private func line(_ item: RenderPlan.Item, _ result: RenderResult) -> String {
        let pages = result.pages
        var shrink = result.gapScale < 1 ? ", spacing at \((result.gapScale * 100).fixed(0))%" : ""
        if result.lineScale < 1 { shrink += ", lines at \((result.lineScale * 100).fixed(0))%" }
        if result.typeScale < 1 { shrink += ", type at \((result.typeScale * 100).fixed(0))%" }
        // Every choice made other than exactly as asked is said here.
        let notes = result.notes.map { "; " + $0 }.joined()
        return "wrote \(displayPath(item.file))  (\(pages) page\(pages == 1 ? "" : "s"), \(kilobytes(result.pdf.count))\(shrink)\(notes))"
    }

    /// One warning for the draft guides: the footer of every page already says it.
    private func warnAboutDrafts() {
        let drafts = plan.languages.compactMap { try? project.guide($0) }.filter { $0.review.status == .draft }
        if drafts.count == 1, let guide = drafts.first {
            Console.warning("the \(guide.displayName) guide (\(guide.file)) is a draft, not yet signed by a reviewer; each page says so in its footer")
        } else if drafts.count > 1 {
            Console.warning("\(drafts.count) guides are drafts, not yet signed by a reviewer (\(drafts.map(\.language).joined(separator: ", "))); each page says so in its footer")
        }
    }

    /// Once per run: a handout with no country prints no emergency number (milk labels
    /// print no country's facts at all).
    private func warnAboutMissingCountry() {
        guard plan.editions.contains(where: { $0.country.region == nil }),
              plan.items.contains(where: { (try? project.layout($0.handout))?.isLabelSheet != true }) else { return }
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

/// One worker's outcome.
struct Tally: Sendable {
    var written = 0
    var failed = 0
    var lastError: Error?
}

/// Helper processes: this program's own `worker` command, started with the same folders.
enum Helpers {
    /// This program's own file, to start copies of it.
    static var executable: URL? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }

    static func arguments(for project: Project) -> [String] {
        ["worker", "--guide", project.guideFolder.path, "--layouts", project.layoutFolder.path, "--fonts", project.fontFolder.path,
         "--root", project.root.path]
    }

    /// How many workers a batch gets: one per core for a batch worth a helper's start-up
    /// (about 15 ms), at most 8; HANDOUTS_JOBS sets the number.
    static func count(for items: Int) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let jobs = Environment.value("HANDOUTS_JOBS").flatMap(Int.init) ?? (items >= 8 ? min(cores, 8) : 1)
        return max(1, min(jobs, 16))
    }
}

/// An error with the item it happened to, so a batch's errors say which file failed.
struct ItemError: Error, CustomStringConvertible {
    let item: RenderPlan.Item
    let underlying: Error
    var description: String {
        "\(item.file.deletingPathExtension().lastPathComponent): \(String(describing: underlying))"
    }
}

/// A handout that could not be planned at all (its layout is broken).
struct HandoutError: Error, CustomStringConvertible {
    let handout: String
    let underlying: Error
    var description: String { "\(handout): \(String(describing: underlying))" }
}

/// The groups of a batch, handed out in order to whichever worker asks next.
final class GroupQueue: Sendable {
    private let state: Mutex<(groups: [[RenderPlan.Item]], next: Int)>

    init(_ groups: [[RenderPlan.Item]]) { state = Mutex((groups, 0)) }

    func next() -> [RenderPlan.Item]? {
        state.withLock { state in
            guard state.next < state.groups.count else { return nil }
            defer { state.next += 1 }
            return state.groups[state.next]
        }
    }
}
