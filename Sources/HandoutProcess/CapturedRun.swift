import Foundation
import Synchronization

/// What a program printed and how it ended: `lp`, `lpstat`, and the tests' runs of the
/// handouts program.
public struct CapturedRun: Sendable {
    public let termination: ChildProcess.Termination
    public let standardOutput: Data
    public let standardError: Data

    /// The exit status (128 + signal for a crash).
    public var status: Int32 { termination.status }
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }

    /// Runs `executable` to its end with standard input from `input` (or /dev/null).
    /// Both outputs are read at once, so a program that fills one pipe never waits forever
    /// on a parent reading the other.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, input: Data? = nil) throws -> CapturedRun {
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: environment, directory: directory,
                                     input: input == nil ? .null : .pipe, output: .pipe, error: .pipe)
        let errorBytes = Mutex<Data?>(nil)
        let errorRead = DispatchSemaphore(value: 0)
        let errorHandle = child.standardError
        DispatchQueue.global().async {
            let data = (try? errorHandle?.readToEnd()) ?? nil
            errorBytes.withLock { $0 = data ?? Data() }
            errorRead.signal()
        }
        if let input, let handle = child.standardInput {
            // A program that stops reading early closes the pipe: not an error for its caller.
            try? handle.write(contentsOf: input)
            try? handle.close()
        }
        let outputBytes = (try? child.standardOutput?.readToEnd()) ?? nil
        errorRead.wait()
        let termination = child.wait()
        return CapturedRun(termination: termination, standardOutput: outputBytes ?? Data(),
                           standardError: errorBytes.withLock { $0 } ?? Data())
    }
}
