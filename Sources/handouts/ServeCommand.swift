import ArgumentParser
import Foundation

/// `handouts serve`: the ward's web page. The server is its own program, handouts-server,
/// installed beside this one, so the web framework (Hummingbird, SwiftNIO) never adds to
/// the start-up of `handouts render`. This command becomes that program (exec: same
/// process, so systemd's signals reach the server), passing every option through and
/// naming this program as the one that renders.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The ward's web page: pick a handout and a language, see it, print it (handouts serve --help for the options).",
        discussion: """
            Options: --host ADDRESS (default 127.0.0.1), --port N (8080), --units FOLDER (one site \
            profile per unit), --printers P1,P2 (the CUPS queues the page may print on), --root FOLDER.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options for the server (handouts serve --help lists them).")
    var options: [String] = []

    func run() throws {
        let own = Helpers.executable ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let server = own.deletingLastPathComponent().appendingPathComponent("handouts-server")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            Console.error(UsageError(message: "no handouts-server beside this program (\(server.path)) — install the two together (swift build builds both)"))
            throw ExitStatus.unavailable.exitCode
        }
        var arguments = [server.path] + options
        if !options.contains("--helper") && !options.contains(where: { $0.hasPrefix("--helper=") }) {
            arguments += ["--helper", own.path]
        }
        let reason = ServeCommand.exec(server.path, arguments)
        Console.error(UsageError(message: "cannot start \(server.path): \(reason)"))
        throw ExitStatus.unavailable.exitCode
    }

    /// Replaces this process with `path`; returns only on failure, with the reason.
    private static func exec(_ path: String, _ arguments: [String]) -> String {
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv(path, pointers)
        let reason = String(cString: strerror(errno))
        for pointer in pointers { free(pointer) }
        return reason
    }
}
