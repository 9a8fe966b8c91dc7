/// A QR code symbol as a square grid of dark and light modules.
public struct QRMatrix: Sendable, Equatable {
    public let size: Int
    /// Row-major, `size * size` values; true is a dark module.
    public let modules: [Bool]
    public init(size: Int, modules: [Bool]) { self.size = size; self.modules = modules }
    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }
}

/// Encodes text as a QR code. The libqrencode implementation lives in HandoutEngine, so
/// layout stays free of C.
public protocol QREncoder {
    func encode(_ text: String) throws -> QRMatrix
}

extension QRMatrix {
    /// The dark modules as horizontal runs, `module` points square, the quiet zone (4
    /// modules, as the standard requires) included in the origin offset.
    func rects(module: Double) -> [Rect] {
        var rects: [Rect] = []
        let quiet = 4.0 * module
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size && isDark(row: row, column: column) { column += 1 }
                rects.append(Rect(x: quiet + Double(start) * module, y: quiet + Double(row) * module,
                                  width: Double(column - start) * module, height: module))
            }
        }
        return rects
    }
}
