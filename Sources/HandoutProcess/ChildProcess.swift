#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A program started with posix_spawn, for the render helpers, `lp` and the tests.
///
/// Why not Foundation's `Process`: on Linux it keeps its bookkeeping on a manager thread and
/// run loops, and when many processes are started and awaited from several threads at once
/// (the web service's helpers, `lp`, a test suite running in parallel) it can trap inside
/// Foundation, which takes the whole server down. Here each pipe is made close-on-exec, so a
/// child started on another thread never inherits it, and waiting is one `waitid` call.
public final class ChildProcess: Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// The parent's own stream.
        case inherit
        /// /dev/null.
        case null
        /// A new pipe; the parent's end is `standardInput`, `standardOutput` or `standardError`.
        case pipe
        /// Standard error only: the same place as standard output.
        case sameAsOutput
    }

    /// How the child ended.
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)

        /// The exit status, or 128 + the signal, as a shell reports it.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }
    }

    public struct SpawnError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public let pid: pid_t
    /// The parent's end of the child's standard input, when it is `.pipe`.
    public let standardInput: FileHandle?
    /// The parent's end of the child's standard output, when it is `.pipe`.
    public let standardOutput: FileHandle?
    /// The parent's end of the child's standard error, when it is `.pipe`.
    public let standardError: FileHandle?
    /// Set once the child has been reaped; guards against signalling a reused pid.
    private let ended = Mutex<Termination?>(nil)

    /// Starts `executable` (a path; no PATH search) with `arguments` (without the program
    /// name), in `directory` (nil: the parent's). `environment` nil: the parent's environment.
    public init(executable: String, arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                input inputStream: Stream = .null, output outputStream: Stream = .inherit,
                error errorStream: Stream = .inherit) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child's ends of the pipes, closed in the parent once it has started.
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }

        func connect(_ stream: Stream, to target: Int32, childReads: Bool) throws -> FileHandle? {
            switch stream {
            case .inherit:
                return nil
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", childReads ? O_RDONLY : O_WRONLY, 0)
                return nil
            case .sameAsOutput:
                posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, target)
                return nil
            case .pipe:
                var fds: [Int32] = [-1, -1]
                guard closeOnExecPipe(&fds) == 0 else {
                    throw SpawnError(description: "cannot make a pipe for \(executable): \(String(cString: strerror(errno)))")
                }
                let (childEnd, parentEnd) = childReads ? (fds[0], fds[1]) : (fds[1], fds[0])
                childEnds.append(childEnd)
                // dup2 clears close-on-exec on the copy, so only this child gets it.
                posix_spawn_file_actions_adddup2(&actions, childEnd, target)
                return FileHandle(fileDescriptor: parentEnd, closeOnDealloc: true)
            }
        }

        if let directory {
            guard addChangeDirectory(&actions, directory) else {
                throw SpawnError(description: "cannot start \(executable) in \(directory): this C library has no posix_spawn_file_actions_addchdir_np")
            }
        }
        // Should a later pipe fail, the handles made so far close their ends as they go.
        standardInput = try connect(inputStream, to: STDIN_FILENO, childReads: true)
        standardOutput = try connect(outputStream, to: STDOUT_FILENO, childReads: false)
        standardError = try connect(errorStream, to: STDERR_FILENO, childReads: false)

        // The child starts with default signal handling: a server that ignores SIGPIPE
        // must not hand that on to `lp` or a helper.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var spawned = pid_t()
        let status = withCStrings([executable] + arguments) { argv in
            withCStrings(environmentLines) { envp in
                posix_spawn(&spawned, executable, &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else {
            // The handles own the parent ends and close them when they go.
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = spawned
    }

    /// Waits until the child ends and reaps it. Safe to call from several threads.
    @discardableResult
    public func wait() -> Termination {
        if let known = ended.withLock({ $0 }) { return known }
        // Wait without reaping, so a pid is never freed while another thread may signal it.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        return ended.withLock { ended in
            if let known = ended { return known }
            ended = reap(blocking: true)
            return ended!
        }
    }

    /// Whether the child is still running (reaping it if it has ended).
    public var isRunning: Bool {
        ended.withLock { ended in
            if ended != nil { return false }
            ended = reap(blocking: false)
            return ended == nil
        }
    }

    /// Sends `signal` unless the child has already been reaped.
    public func send(_ signal: Int32) {
        ended.withLock { ended in
            if ended == nil { kill(pid, signal) }
        }
    }

    /// Called with the lock held.
    private func reap(blocking: Bool) -> Termination? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { break }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            // ECHILD: reaped elsewhere (a SIGCHLD handler set to SIG_IGN); nothing to report.
            return .exited(-1)
        }
        let low = status & 0x7f
        return low == 0 ? .exited((status >> 8) & 0xff) : .signalled(low)
    }

    deinit {
        // A child nobody waited for would stay a zombie for the life of a server: reap it
        // when it ends (its pipes close with this object, which ends a helper).
        if ended.withLock({ $0 }) == nil {
            let pid = pid
            DispatchQueue.global().async {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            }
        }
    }
}

/// pipe2(O_CLOEXEC): both ends close-on-exec from the start, so a child spawned on another
/// thread at the same moment cannot inherit them. Glibc has it, but Swift's Glibc module
/// does not declare it (it needs _GNU_SOURCE), hence the lookup by name.
private func closeOnExecPipe(_ fds: inout [Int32]) -> Int32 {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") {
        return unsafeBitCast(symbol, to: Pipe2.self)(&fds, O_CLOEXEC)
    }
    guard pipe(&fds) == 0 else { return -1 }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return 0
}

/// posix_spawn_file_actions_addchdir_np (glibc 2.29+), looked up by name for the same reason.
private func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Bool {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return false }
    return unsafeBitCast(symbol, to: AddChdir.self)(&actions, directory) == 0
}

/// A NULL-terminated array of C strings, valid inside `body`.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
