import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that it either appears whole under its final name or not at all: the
/// bytes go to a temporary file in the same folder, which is renamed over the target only
/// after every byte is on disk. An earlier good file survives any failure, and a run killed
/// halfway leaves no partial PDF under a final name.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw EngineError.output("cannot write \(url.path): the folder \(folder.path) does not exist",
                                     fix: "create it, or choose another with --out-dir")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EngineError.output("cannot write in \(folder.path): \(reason(errno))", fix: fix(errno))
        }
        var ok = false
        defer {
            if !ok { unlink(temporary.path) }
        }
        let written: Int = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return -Int(errno)
                }
                offset += result
            }
            return offset
        }
        if written < 0 {
            let code = Int32(-written)
            close(descriptor)
            throw EngineError.output("cannot write \(url.path): \(reason(code))", fix: fix(code))
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            throw EngineError.output("cannot write \(url.path): \(reason(code))", fix: fix(code))
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            throw EngineError.output("cannot replace \(url.path): \(reason(code))", fix: fix(code))
        }
        ok = true
    }

    /// Removes temporary files that a killed run left behind in `folder` (their process is
    /// gone). They never carry a final name, but they should not pile up either.
    public static func removeStalePartials(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".partial") {
            let parts = name.split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH when no such process runs any more.
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the disk is read-only"
        case EDQUOT: return "the disk quota is used up"
        case EISDIR: return "a folder has that name"
        default: return String(cString: strerror(code))
        }
    }

    static func fix(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM, EROFS: return "choose a folder you can write to with --out-dir or --output"
        case ENOSPC, EDQUOT: return "free some space and run again"
        case EISDIR: return "choose another file name"
        default: return "check the output path"
        }
    }
}

/// The folder output goes to, made if it is not there, or one line saying why it cannot be.
public enum OutputFolder {
    public static func create(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EngineError.output("cannot create the folder \(folder.path)", fix: "choose a folder you can write to with --out-dir")
        }
    }
}

/// How every output file is named: HANDOUT-EDITION-PAPER plus the variant suffix
/// (colostrum-facts-es-US-letter-large.pdf), so files of one run never overwrite another's.
public enum FileStem {
    public static func make(handout: String, edition: String, page: String, suffix: String) -> String {
        "\(handout)-\(edition)-\(page)\(suffix)"
    }
}
