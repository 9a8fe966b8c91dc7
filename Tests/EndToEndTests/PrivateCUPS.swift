import Foundation
import HandoutProcess

/// A CUPS scheduler of the test's own, in a temporary folder, with a virtual PDF printer
/// (Debian's printer-driver-cups-pdf): jobs really go through CUPS and come out as PDF files,
/// and the machine's own CUPS is never touched. Needs root (cupsd starts as root and drops
/// to user lp) and the cups and printer-driver-cups-pdf packages, as CI installs them.
final class PrivateCUPS {
    static let queue = "HandoutsTestPDF"
    let folder: URL
    let socket: URL
    private let scheduler: ChildProcess

    /// Why a private scheduler cannot run here, or nil if it can.
    static var unavailableReason: String? {
        if getuid() != 0 { return "not root" }
        for path in ["/usr/sbin/cupsd", "/usr/sbin/lpadmin", "/usr/bin/lp", "/usr/lib/cups/backend/cups-pdf",
                     "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"] where !FileManager.default.fileExists(atPath: path) {
            return "\(path) is missing (apt-get install cups printer-driver-cups-pdf)"
        }
        return nil
    }

    /// Where cups-pdf writes the jobs of the current user (its default: $HOME/PDF).
    static var outputFolder: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["HOME"] ?? "/root").appendingPathComponent("PDF")
    }

    var environment: [String: String] { ["CUPS_SERVER": socket.path] }

    init() throws {
        folder = URL(fileURLWithPath: "/tmp/handouts-cups-\(UUID().uuidString.prefix(8))")
        socket = folder.appendingPathComponent("cups.sock")
        let fm = FileManager.default
        for part in ["root/ppd", "spool", "tmp", "cache", "state", "log"] {
            try fm.createDirectory(at: folder.appendingPathComponent(part), withIntermediateDirectories: true)
        }
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.appendingPathComponent("tmp").path)
        let root = folder.appendingPathComponent("root")
        try """
            Listen \(socket.path)
            LogLevel warn
            WebInterface No
            Browsing No
            DefaultAuthType None
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>
            """.write(to: root.appendingPathComponent("cupsd.conf"), atomically: true, encoding: .utf8)
        try """
            ServerRoot \(root.path)
            RequestRoot \(folder.appendingPathComponent("spool").path)
            TempDir \(folder.appendingPathComponent("tmp").path)
            CacheDir \(folder.appendingPathComponent("cache").path)
            StateDir \(folder.appendingPathComponent("state").path)
            ErrorLog \(folder.appendingPathComponent("log/error_log").path)
            AccessLog \(folder.appendingPathComponent("log/access_log").path)
            PageLog \(folder.appendingPathComponent("log/page_log").path)
            ServerBin /usr/lib/cups
            DataDir /usr/share/cups
            User lp
            Group lp
            """.write(to: root.appendingPathComponent("cups-files.conf"), atomically: true, encoding: .utf8)
        scheduler = try ChildProcess(executable: "/usr/sbin/cupsd", arguments: ["-f", "-c", root.appendingPathComponent("cupsd.conf").path,
                                                                 "-s", root.appendingPathComponent("cups-files.conf").path],
                                     output: .null, error: .null)
        // Wait for the scheduler's socket (a few seconds at most).
        for _ in 0..<100 where !fm.fileExists(atPath: socket.path) { usleep(50_000) }
        let add = try Command.run(URL(fileURLWithPath: "/usr/sbin/lpadmin"),
                                  ["-p", PrivateCUPS.queue, "-E", "-v", "cups-pdf:/", "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"],
                                  environment: environment)
        guard add.status == 0 else {
            stop()
            throw TestSetupError(message: "lpadmin could not add the test printer: \(add.stderr)")
        }
    }

    func stop() {
        if scheduler.isRunning {
            scheduler.send(SIGTERM)
            for _ in 0..<20 where scheduler.isRunning { usleep(50_000) }
            scheduler.send(SIGKILL)
            scheduler.wait()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }

    /// Waits until CUPS has finished every job (or gives up after `seconds`).
    func waitForJobs(seconds: Double = 60) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let pending = try Command.run(URL(fileURLWithPath: "/usr/bin/lpstat"), ["-o"], environment: environment)
            if pending.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            usleep(200_000)
        }
        throw TestSetupError(message: "the print job did not finish within \(Int(seconds)) s")
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
