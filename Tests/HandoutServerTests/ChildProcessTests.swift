import Foundation
import HandoutProcess
import Testing

/// The server starts helpers and `lp` from many requests at once: each program gets its own
/// output and status, and no child holds another's pipe open (which would leave a request
/// waiting for a program that has long ended).
@Suite struct ChildProcessTests {
    @Test func programsStartedAtOnceEachGetTheirOwnOutputAndStatus() async throws {
        try await withThrowingTaskGroup(of: (Int, CapturedRun).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let run = try CapturedRun.run("/bin/sh", ["-c", "echo out-$0; echo err-$0 >&2; exit $(($0 % 7))", String(index)])
                    return (index, run)
                }
            }
            var seen = 0
            for try await (index, run) in group {
                seen += 1
                #expect(run.stdout == "out-\(index)\n")
                #expect(run.stderr == "err-\(index)\n")
                #expect(run.status == Int32(index % 7))
            }
            #expect(seen == 40)
        }
    }

    @Test func aLongRunningChildDoesNotKeepAnotherChildsPipeOpen() throws {
        // Started while `sleeper` runs: if sleeper had inherited its pipe, reading to the
        // end would wait the full 30 seconds.
        let sleeper = try ChildProcess(executable: "/bin/sleep", arguments: ["30"])
        defer { sleeper.send(SIGKILL); sleeper.wait() }
        let started = ContinuousClock.now
        let quick = try CapturedRun.run("/bin/echo", ["done"])
        #expect(quick.stdout == "done\n")
        #expect(ContinuousClock.now - started < .seconds(20), "the quick program's output stayed open")
        #expect(sleeper.isRunning)
    }

    @Test func aSignalledChildIsReportedAsSuch() throws {
        let child = try ChildProcess(executable: "/bin/sleep", arguments: ["30"])
        child.send(SIGKILL)
        #expect(child.wait() == .signalled(SIGKILL))
        #expect(child.wait().status == 137)
        #expect(!child.isRunning)
    }

    @Test func aMissingProgramIsAnErrorNotACrash() {
        #expect(throws: ChildProcess.SpawnError.self) {
            try ChildProcess(executable: "/nonexistent/handouts", arguments: [])
        }
    }

    @Test func aChildRunsInTheFolderItIsGiven() throws {
        let run = try CapturedRun.run("/bin/pwd", [], directory: "/usr/share")
        #expect(run.stdout == "/usr/share\n")
    }
}
