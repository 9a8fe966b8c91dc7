import CZlib

/// zlib's deflate, for the object and cross-reference streams (`/FlateDecode`). zlib gives
/// the same bytes for the same input and level, so reruns stay byte-identical.
enum Deflate {
    static func compress(_ input: [UInt8]) throws(PDFError) -> [UInt8] {
        var size = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { source in
                compress2(out.baseAddress, &size, source.baseAddress, uLong(source.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { throw PDFError("zlib could not compress a stream (status \(status))") }
        output.removeSubrange(Int(size)...)
        return output
    }
}
