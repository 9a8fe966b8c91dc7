import CZlib

/// zlib's deflate, for the object and cross-reference streams (`/FlateDecode`). zlib gives
/// the same bytes for the same input and settings, so reruns stay byte-identical.
enum Deflate {
    /// The window and hash table are sized to the input rather than zlib's default 32 KB
    /// window and 8 memory level (about 260 KB, allocated and cleared for every stream):
    /// the streams here are a few kilobytes, and with the default settings setting up
    /// zlib cost more than compressing. A window as large as the input finds the same
    /// matches, so the output is as small.
    static func compress(_ input: [UInt8]) throws(PDFError) -> [UInt8] {
        var bits: Int32 = 9
        while bits < 15, 1 << bits < input.count { bits += 1 }
        let memoryLevel = max(1, bits - 7)
        var stream = z_stream()
        var status = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, bits, memoryLevel,
                                   Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw PDFError("zlib could not start compressing (status \(status))") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                status = deflate(&stream, Z_FINISH)
                return out.count - Int(stream.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw PDFError("zlib could not compress a stream (status \(status))") }
        output.removeSubrange(written...)
        return output
    }
}
