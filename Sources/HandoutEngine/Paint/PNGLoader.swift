import CPangoCairo
import Foundation

/// A PNG logo from its bytes into a Cairo image, at a size worth embedding. A logo is
/// printed at most a few centimetres wide: 2,000 pixels on its long side is over 1,000 dpi
/// there, so a larger one is scaled down before it goes into the PDF (a 6,000-pixel photo
/// would otherwise add megabytes to every handout). Over the limits it is refused before
/// it is decoded, so a huge file never costs its decoded size in memory.
enum PNGLoader {
    /// Longest side embedded, in pixels.
    static let embeddedLongSide = 2_000
    /// Longest side accepted, in pixels (decoding 6,000 × 6,000 takes 144 MB for a moment).
    static let maximumLongSide = 6_000

    struct Loaded {
        let surface: OpaquePointer
        /// Set when the picture was scaled down: what to tell the user.
        let note: String?
    }

    /// Width and height from the IHDR chunk, which a PNG file must start with.
    static func dimensions(of bytes: Data) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes.prefix(8)) == signature, Array(bytes[bytes.startIndex + 12 ..< bytes.startIndex + 16]) == Array("IHDR".utf8) else {
            return nil
        }
        func number(at offset: Int) -> Int {
            bytes[bytes.startIndex + offset ..< bytes.startIndex + offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        return (number(at: 16), number(at: 20))
    }

    static func load(_ bytes: Data, path: String) throws -> Loaded {
        guard let (width, height) = dimensions(of: bytes), width > 0, height > 0 else {
            throw EngineError.image("the logo \(path) is not a readable PNG file", fix: "use a PNG or SVG file")
        }
        let longSide = max(width, height)
        guard longSide <= maximumLongSide else {
            throw EngineError.image("the logo \(path) is \(width) × \(height) px, larger than \(maximumLongSide.grouped) px on its long side",
                                    fix: "export it at \(embeddedLongSide.grouped) px or less on its long side, or as SVG")
        }
        let source = Source(bytes)
        let decoded = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(Source.read, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let decoded, cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS else {
            if let decoded { cairo_surface_destroy(decoded) }
            throw EngineError.image("the logo \(path) is not a readable PNG file", fix: "use a PNG or SVG file")
        }
        guard longSide > embeddedLongSide else { return Loaded(surface: decoded, note: nil) }
        let scale = Double(embeddedLongSide) / Double(longSide)
        let newWidth = max(1, Int((Double(width) * scale).rounded())), newHeight = max(1, Int((Double(height) * scale).rounded()))
        guard let scaled = cairo_image_surface_create(cairo_image_surface_get_format(decoded), Int32(newWidth), Int32(newHeight)) else {
            cairo_surface_destroy(decoded)
            throw EngineError.cairo("could not create an image surface")
        }
        let context = cairo_create(scaled)
        cairo_scale(context, scale, scale)
        cairo_set_source_surface(context, decoded, 0, 0)
        // GOOD averages the pixels each new one covers (a box filter when shrinking).
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_paint(context)
        cairo_destroy(context)
        cairo_surface_destroy(decoded)
        cairo_surface_flush(scaled)
        return Loaded(surface: scaled, note: "the logo \(path) is \(width) × \(height) px: scaled down to \(newWidth) × \(newHeight) px "
                        + "before embedding (\(embeddedLongSide.grouped) px on its long side is over 1,000 dpi where it is printed)")
    }

    /// The bytes Cairo's PNG reader asks for, in order.
    private final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ data: Data) { bytes = [UInt8](data) }

        static let read: cairo_read_func_t = { closure, buffer, length in
            guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { all in
                buffer.update(from: all.baseAddress! + source.offset, count: count)
            }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
    }
}

extension Int {
    /// "6,000": thousands grouped, as the messages and the README write limits.
    var grouped: String {
        let digits = String(self)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
