import Foundation

/// How a render request and its answer travel between processes: each message is a
/// 4-byte big-endian length, then that many bytes of JSON. Typed on both ends (the same
/// Codable values), so nothing is parsed out of printed lines.
public enum WorkerProtocol {
    public enum Reply: Codable, Sendable {
        case rendered(RenderResult)
        case failed(RenderFailure)
    }

    /// No message is near this: a PDF is tens of kilobytes; a reply larger than this is a
    /// broken stream, not a reason to allocate gigabytes.
    static let maximumMessage = 256 * 1024 * 1024

    public static func write<T: Encodable>(_ value: T, to handle: FileHandle) throws {
        let body = try JSONEncoder().encode(value)
        var length = UInt32(body.count).bigEndian
        var frame = Data(bytes: &length, count: 4)
        frame.append(body)
        try handle.write(contentsOf: frame)
    }

    /// The next message, or nil at the end of the stream.
    public static func read<T: Decodable>(_ type: T.Type, from handle: FileHandle) throws -> T? {
        guard let header = try readExactly(4, from: handle) else { return nil }
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        guard length <= maximumMessage else { throw RenderFailure(kind: .internalError, message: "a worker message of \(length) bytes") }
        guard let body = try readExactly(length, from: handle) else {
            throw RenderFailure(kind: .internalError, message: "a worker's message was cut short")
        }
        return try JSONDecoder().decode(T.self, from: body)
    }

    private static func readExactly(_ count: Int, from handle: FileHandle) throws -> Data? {
        var data = Data()
        while data.count < count {
            guard let chunk = try handle.read(upToCount: count - data.count), !chunk.isEmpty else {
                if data.isEmpty { return nil }
                throw RenderFailure(kind: .internalError, message: "a worker's message was cut short")
            }
            data.append(chunk)
        }
        return data
    }

    /// A worker process's loop: read a request, render it, write the reply, until the
    /// stream ends (the parent closed it or went away).
    public static func serve(_ worker: RenderWorker, input: FileHandle = .standardInput, output: FileHandle = .standardOutput) async throws {
        while let request = try read(RenderRequest.self, from: input) {
            let reply: Reply
            do { reply = .rendered(try await worker.render(request)) } catch let failure as RenderFailure {
                reply = .failed(failure)
            } catch {
                reply = .failed(RenderFailure(kind: .internalError, message: String(describing: error)))
            }
            try write(reply, to: output)
        }
    }
}
