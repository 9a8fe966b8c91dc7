import Foundation
import HandoutProcess

/// Runs the built `handouts` binary and the poppler/qpdf tools, as a user would.
struct Command {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `handouts` executable next to the test bundle (both are in .build/<config>/).
    static var handouts: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handouts")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for config in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(config)/handouts")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return beside
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        let run = try CapturedRun.run(executable.path, arguments, environment: env, directory: folder?.path)
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func handouts(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(handouts, arguments, in: folder ?? root, environment: environment)
    }

    /// A tool from poppler-utils or qpdf, found on PATH.
    static func tool(_ name: String, _ arguments: [String]) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
    }

    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-e2e-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the project's Guide/, Layouts/ and Fonts/ to break on purpose.
    static func projectCopy(_ name: String = #function) throws -> URL {
        let folder = try temporaryFolder(name)
        for part in ["Guide", "Layouts", "Fonts"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        return folder
    }
}

/// `pdfinfo` as a dictionary.
func pdfInfo(_ file: URL) throws -> [String: String] {
    var info: [String: String] = [:]
    for line in try Command.tool("pdfinfo", [file.path]).stdout.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return info
}
