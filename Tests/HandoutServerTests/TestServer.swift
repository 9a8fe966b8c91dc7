import Foundation
import HandoutProcess
import HandoutEngine
import HandoutModel
@testable import HandoutServer
import Hummingbird
import HummingbirdTesting
import Logging

/// The pieces every server test needs: the repository's files, the built `handouts`
/// program (the helpers' executable, as in the real server), and a server around them.
enum TestServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fixed PDF date, so bytes can be compared with the command line's.
    static let date = 1_767_225_600

    /// `handouts` beside the test bundle (both in .build/<config>/).
    static var handouts: URL { builtProgram("handouts") }
    static var handoutsServer: URL { builtProgram("handouts-server") }

    private static func builtProgram(_ name: String) -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for config in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(config)/\(name)")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return beside
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "handouts-server-test")
        logger.logLevel = .warning
        return logger
    }

    static func settings(root projectRoot: URL = root, units: URL? = nil, printers: [String] = [], cacheBytes: Int = 64 << 20) throws -> ServerSettings {
        ServerSettings(host: "127.0.0.1", port: 0, project: try Project(root: projectRoot), unitsFolder: units, printers: printers,
                       helper: handouts, workers: 2, cacheBytes: cacheBytes, date: date)
    }

    /// Runs `body` against a server with its own pool of helper processes, stopped after.
    static func with<T: Sendable>(_ settings: ServerSettings, _ setup: TestingSetup = .router,
                                  _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let pool = WorkerPool(executable: settings.helper, arguments: settings.helperArguments, count: settings.workers)
        let app = HandoutServer.application(settings: settings, renderer: pool, logger: quietLogger)
        do {
            let value = try await app.test(setup, body)
            await pool.shutdown()
            return value
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    /// A folder of unit profiles: riverside (GB, with a logo) and hillside (no country).
    static func unitsFolder(_ name: String = #function) throws -> URL {
        let folder = try temporaryFolder(name)
        let example = try String(contentsOf: root.appendingPathComponent("docs/site.example.yaml"), encoding: .utf8)
        try example.replacingOccurrences(of: "logo: example-logo.svg", with: "logo: \(root.appendingPathComponent("docs/example-logo.svg").path)")
            .write(to: folder.appendingPathComponent("riverside.yaml"), atomically: true, encoding: .utf8)
        try "unit: Hillside Birth Centre\nphones:\n  ward: \"020 7946 0400\"\n"
            .write(to: folder.appendingPathComponent("hillside.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-server-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of Guide/, Layouts/ and Fonts/ to edit.
    static func projectCopy(_ name: String = #function) throws -> URL {
        let folder = try temporaryFolder(name)
        for part in ["Guide", "Layouts", "Fonts"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        return folder
    }
}

/// Running a program and reading what it printed.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    @discardableResult
    static func program(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        let run = try CapturedRun.run(executable.path, arguments, environment: env)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> Run {
        try program(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var data: Data { Data(body.readableBytesView) }
}
