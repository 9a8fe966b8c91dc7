import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel

/// A helper process of `render --all` and `serve`: renders the requests that arrive on its
/// standard input and writes the replies to its standard output (WorkerProtocol). Not for
/// people; hidden from the help.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Render requests from standard input (internal).",
                                                    shouldDisplay: false)

    @Option(name: .long) var guide: String
    @Option(name: .long) var layouts: String
    @Option(name: .long) var fonts: String
    @Option(name: .long) var root: String

    func run() async throws {
        Console.quiet = true
        let project = try Project(guide: URL(fileURLWithPath: guide), layouts: URL(fileURLWithPath: layouts),
                                  fonts: URL(fileURLWithPath: fonts), root: URL(fileURLWithPath: root))
        try await WorkerProtocol.serve(try RenderWorker(project: project))
    }
}
