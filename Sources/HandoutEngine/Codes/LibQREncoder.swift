import CQRencode
import Foundation
import HandoutLayout

/// QR codes through libqrencode, error-correction level M (15 % of the symbol can be
/// damaged or smudged and it still scans), byte mode so any URL encodes as written.
public struct LibQREncoder: QREncoder {
    public init() {}

    public func encode(_ text: String) throws -> QRMatrix {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            throw EngineError.image("the web address is too long for a QR code (\(text.utf8.count) bytes)",
                                    fix: "use a shorter address, e.g. a short link")
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        var modules = [Bool](repeating: false, count: size * size)
        for index in 0..<(size * size) {
            modules[index] = code.pointee.data[index] & 1 == 1
        }
        return QRMatrix(size: size, modules: modules)
    }
}
