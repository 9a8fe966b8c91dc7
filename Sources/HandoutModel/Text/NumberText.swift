/// Numbers as text without Foundation's `String(format:)`, which goes through CoreFoundation
/// and ICU: a few hundred microseconds and several megabytes of ICU data touched on first
/// use, in a program that starts, renders one PDF and ends (see README, Performance).
extension Double {
    /// Fixed-point text with `places` digits after the point, rounded half away from zero, as
    /// `%.Nf` prints it: `12.345.fixed(2) == "12.35"`, `0.4.fixed(0) == "0"`.
    public func fixed(_ places: Int) -> String {
        guard isFinite else { return isNaN ? "nan" : (self < 0 ? "-inf" : "inf") }
        let scale = (0..<places).reduce(1.0) { value, _ in value * 10 }
        let scaled = (abs(self) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(self)" }   // beyond exact integers: no page measure gets here
        let units = Int(scaled)
        let sign = self < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return sign + String(units) }
        let divisor = Int(scale)
        let fraction = String(units % divisor)
        return sign + String(units / divisor) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}

extension BinaryInteger {
    /// Hexadecimal digits, zero-padded to `width`: `0x2F.hex(4) == "002F"`.
    public func hex(_ width: Int, uppercase: Bool = true) -> String {
        let digits = String(self, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// Decimal digits, zero-padded to `width`: `7.padded(2) == "07"`.
    public func padded(_ width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}

extension Unicode.Scalar {
    /// "U+00AD", as error messages name a character.
    public var codePoint: String { "U+" + value.hex(4) }
}
