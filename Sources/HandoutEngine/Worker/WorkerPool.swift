import Foundation
import HandoutProcess
import Synchronization

/// Render workers in helper processes, one per further core: Pango and Cairo cannot share
/// a process between threads, so parallel renders need processes. Each helper is this
/// program's `worker` command, speaking `WorkerProtocol` over its standard input and output;
/// one that dies is started again for the next request. Used by `render --all` and the web
/// service.
public actor WorkerPool {
    private let processes: [WorkerProcess]
    private var idle: [Int]
    private var waiting: [CheckedContinuation<Int, Never>] = []
    private var stopped = false

    /// `arguments` start a helper (e.g. `["worker", "--root", folder]`).
    public init(executable: URL, arguments: [String], count: Int) {
        // A helper that dies mid-request closes its end of the pipe: writing to it must fail
        // with EPIPE (and start a fresh helper), not kill the parent with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        processes = (0..<max(0, count)).map { _ in WorkerProcess(executable: executable, arguments: arguments) }
        idle = Array(processes.indices)
    }

    public nonisolated var count: Int { processes.count }

    public func render(_ request: RenderRequest) async throws -> RenderResult {
        let index = await acquire()
        defer { release(index) }
        // After shutdown a request would start a fresh helper that outlives the pool.
        guard !stopped else { throw RenderFailure(kind: .internalError, message: "the render helpers have stopped (the program is ending)") }
        switch try await processes[index].call(request) {
        case .rendered(let result): return result
        case .failed(let failure): throw failure
        }
    }

    /// Closes every helper's input: each ends when it has answered what it was asked.
    /// Requests after this fail.
    public func shutdown() {
        stopped = true
        for process in processes { process.stop() }
    }

    private func acquire() async -> Int {
        if let index = idle.popLast() { return index }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func release(_ index: Int) {
        if waiting.isEmpty { idle.append(index) } else { waiting.removeFirst().resume(returning: index) }
    }
}

/// One helper process, started on first use and again after it dies. Its pipes are used
/// by one request at a time (the pool sees to it), on a thread of its own so a render in
/// progress never blocks the caller's tasks.
final class WorkerProcess: Sendable {
    private struct Running {
        let process: ChildProcess
        let input: FileHandle
        let output: FileHandle
    }

    private let executable: URL
    private let arguments: [String]
    private let running = Mutex<Running?>(nil)
    private let queue = DispatchQueue(label: "handouts.worker-process")

    init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    func call(_ request: RenderRequest) async throws -> WorkerProtocol.Reply {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                continuation.resume(with: Result { try exchange(request) })
            }
        }
    }

    private func exchange(_ request: RenderRequest) throws -> WorkerProtocol.Reply {
        try running.withLock { running in
            let pipes: Running
            if let current = running, current.process.isRunning { pipes = current } else { pipes = try start() }
            running = pipes
            do {
                try WorkerProtocol.write(request, to: pipes.input)
                guard let reply = try WorkerProtocol.read(WorkerProtocol.Reply.self, from: pipes.output) else {
                    let ended = pipes.process.wait()
                    throw RenderFailure(kind: .internalError,
                                        message: "a helper process stopped early (status \(ended.status)) — run again with HANDOUTS_JOBS=1")
                }
                return reply
            } catch {
                // A broken helper is not reused: the next request starts a fresh one.
                pipes.process.send(SIGTERM)
                running = nil
                throw error
            }
        }
    }

    private func start() throws -> Running {
        let process: ChildProcess
        do {
            process = try ChildProcess(executable: executable.path, arguments: arguments, input: .pipe, output: .pipe)
        } catch {
            throw RenderFailure(kind: .internalError, message: "cannot start a helper process (\(executable.path)): \(error)")
        }
        guard let input = process.standardInput, let output = process.standardOutput else {
            throw RenderFailure(kind: .internalError, message: "a helper process without pipes")
        }
        return Running(process: process, input: input, output: output)
    }

    func stop() {
        running.withLock { running in
            try? running?.input.close()
            running = nil
        }
    }
}
