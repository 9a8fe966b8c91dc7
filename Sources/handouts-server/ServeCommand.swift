import ArgumentParser
import Foundation
import HandoutAssets
import HandoutModel
import HandoutServer
import Logging

/// `handouts serve`: the ward's web page. `handouts serve …` starts this program with the
/// same options (so the handouts program itself never links the web server).
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handouts serve",
        abstract: "The ward's web page: pick a handout and a language, see it, download or print it.",
        discussion: """
            Serves the nurse's page on http://HOST:PORT/, PDF links for other systems \
            (/handouts/HANDOUT.pdf?lang=&paper=&unit=&country=&variant=), a list of what exists \
            (/handouts) and /healthz. Listens on loopback unless --host says otherwise. Stops \
            cleanly on SIGTERM or SIGINT.

            Examples:
              handouts serve
              handouts serve --host 0.0.0.0 --port 8080 --units /etc/handouts/units --printers Ward3,Ward4
            """,
        version: ServerSettings.programVersion
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on (default: loopback only).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port, logged).", valueName: "n"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Folder of unit site profiles: riverside.yaml is unit riverside.", valueName: "folder"))
    var units: String?

    @Option(name: .long, help: ArgumentHelp("CUPS queues the page may print on, comma-separated (default: no printing).",
                                            valueName: "P1,P2"))
    var printers: String?

    @Option(name: .long, help: ArgumentHelp("Folder holding Guide/, Layouts/ and Fonts/.", valueName: "folder"))
    var root: String?

    @Option(name: .long, help: ArgumentHelp("Helper processes that render (default: one per core).", valueName: "n"))
    var workers: Int?

    @Option(name: .customLong("cache-mb"), help: ArgumentHelp("Memory for finished PDFs and previews, in MB.", valueName: "n"))
    var cacheMegabytes = 64

    @Option(name: .long, help: ArgumentHelp("The handouts program that renders (default: the one beside this program).",
                                            valueName: "file"), completion: .file())
    var helper: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
        if let workers, !(1...32).contains(workers) { throw ValidationError("--workers takes 1 to 32") }
        guard (1...4096).contains(cacheMegabytes) else { throw ValidationError("--cache-mb takes 1 to 4096") }
        for printer in printerList where printer.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "#" }) {
            throw ValidationError("--printers: \"\(printer)\" is not a queue name (no spaces, / or #); lpstat -p lists them")
        }
    }

    private var printerList: [String] {
        (printers ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "handouts-server")
        do {
            let settings = try makeSettings()
            try await HandoutServer.run(settings: settings, logger: logger)
        } catch let error as StartError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(error.status)
        }
    }

    private func makeSettings() throws -> ServerSettings {
        let project = try ServerProject.locate(root: root)
        var unitsFolder: URL?
        if let units {
            let url = URL(fileURLWithPath: units, isDirectory: true)
            guard Project.isFolder(url) else { throw StartError(message: "--units \(units): no such folder — give the folder of unit profiles", status: 64) }
            unitsFolder = url
        }
        let date = try sourceDateEpoch()
        return ServerSettings(host: host, port: port, project: project, unitsFolder: unitsFolder, printers: printerList,
                              helper: try helperProgram(), workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
                              cacheBytes: cacheMegabytes << 20, date: date)
    }

    /// The handouts program renders in helper processes (its hidden `worker` command).
    private func helperProgram() throws -> URL {
        if let helper {
            guard FileManager.default.isExecutableFile(atPath: helper) else {
                throw StartError(message: "--helper \(helper): not an executable file", status: 64)
            }
            return URL(fileURLWithPath: helper)
        }
        let beside = ServerProject.ownFolder.appendingPathComponent("handouts")
        guard FileManager.default.isExecutableFile(atPath: beside.path) else {
            throw StartError(message: "no handouts program beside this one (\(beside.path)) — install both together, or pass --helper FILE", status: 69)
        }
        return beside
    }

    private func sourceDateEpoch() throws -> Int? {
        guard let raw = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), !raw.isEmpty else { return nil }
        guard let value = Int(raw), value >= 0 else {
            throw StartError(message: "SOURCE_DATE_EPOCH=\(raw) is not a number of seconds — unset it or give seconds since 1970", status: 64)
        }
        return value
    }
}

/// A reason the server cannot start, in one line, with its exit status (as the CLI's).
struct StartError: Error {
    let message: String
    let status: Int32
}
