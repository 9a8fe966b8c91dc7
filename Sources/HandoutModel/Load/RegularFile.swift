import Foundation

/// Reads files a person names (a guide, a site profile, a logo) only if they are regular
/// files. A named pipe given as a logo would block the read for ever, a device such as
/// /dev/zero would never end, and a folder has no bytes: each is refused at once, by what
/// it is. The file is opened without blocking and its type taken from the open descriptor,
/// so it cannot be swapped for a pipe between the check and the read.
public enum RegularFile {
    /// Why a file cannot be read, for the caller to put in its own one-line error.
    public struct Refusal: Error, Sendable, Equatable {
        public let problem: String
        public let fix: String
        /// Set when the file is refused for its size: its size in bytes.
        public var size: Int? = nil
    }

    /// What `path` is, in words, when it exists and is not a regular file: "a named pipe",
    /// "a folder". nil for a regular file or a path that does not exist.
    public static func kind(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return describe(info.st_mode)
    }

    /// The whole file, at most `maximumBytes` long.
    public static func read(_ path: String, maximumBytes: Int) throws(Refusal) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw Refusal(problem: "file not found", fix: "check the path, or restore the file") }
            throw Refusal(problem: "cannot read the file (\(String(cString: strerror(code))))", fix: "check its permissions")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Refusal(problem: "cannot read the file", fix: "check its permissions")
        }
        if let kind = describe(info.st_mode) {
            throw Refusal(problem: "this is \(kind), not a file", fix: "give the path of the file itself")
        }
        let size = Int(info.st_size)
        guard size <= maximumBytes else {
            throw Refusal(problem: "file is \(megabytes(size)), larger than the \(megabytes(maximumBytes)) limit",
                          fix: "is this the right file?", size: size)
        }
        // A regular file opened with O_NONBLOCK reads as usual; read until the end, in case it
        // grew since fstat, but never past the limit.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= maximumBytes else {
                    throw Refusal(problem: "file is larger than the \(megabytes(maximumBytes)) limit", fix: "is this the right file?",
                                  size: bytes.count)
                }
                bytes += [UInt8](repeating: 0, count: max(4096, bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Refusal(problem: "cannot read the file (\(String(cString: strerror(errno))))", fix: "check the disk")
            }
            if got == 0 { break }
            count += got
        }
        return Data(bytes[..<count])
    }

    private static func describe(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a named pipe"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        default: return "not a regular file"
        }
    }

    /// "2 MB", "16 MB", "0.3 MB": how limits and sizes are said.
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 1 && value == value.rounded() ? "\(Int(value)) MB" : "\(value.fixed(1)) MB"
    }
}
