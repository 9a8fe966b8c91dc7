import Foundation
import HandoutModel

/// How one web service runs: where it listens, which files it serves, which unit profiles
/// and printers it offers, and how it renders. Made by `handouts-server` from its options,
/// and by the tests directly.
public struct ServerSettings: Sendable {
    /// Loopback unless the ward's IT says otherwise (`--host 0.0.0.0`).
    public var host: String
    /// 0 asks the system for a free port (tests, benchmarks); the port used is logged.
    public var port: Int
    public var project: Project
    /// `--units DIR`: one site profile per unit, `riverside.yaml` is unit `riverside`.
    public var unitsFolder: URL?
    /// The CUPS queues the page may print on; empty: no printing.
    public var printers: [String]
    /// The `handouts` program, whose hidden `worker` command renders in helper processes.
    public var helper: URL
    /// Helper processes: one per core.
    public var workers: Int
    /// The most bytes of finished PDFs and previews kept in memory.
    public var cacheBytes: Int
    /// The PDFs' date (SOURCE_DATE_EPOCH), else each guide's review date.
    public var date: Int?
    /// This program's version, part of every cache key.
    public var version: String

    public init(host: String = "127.0.0.1", port: Int = 8080, project: Project, unitsFolder: URL? = nil, printers: [String] = [],
                helper: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount, cacheBytes: Int = 64 << 20,
                date: Int? = nil, version: String = ServerSettings.programVersion) {
        self.host = host; self.port = port; self.project = project; self.unitsFolder = unitsFolder; self.printers = printers
        self.helper = helper; self.workers = max(1, workers); self.cacheBytes = cacheBytes; self.date = date; self.version = version
    }

    public static let programVersion = "handouts-server 0.1.0"

    /// The helper's command line: the same folders as this process's project.
    var helperArguments: [String] {
        ["worker", "--guide", project.guideFolder.path, "--layouts", project.layoutFolder.path, "--fonts", project.fontFolder.path,
         "--root", project.root.path]
    }
}
