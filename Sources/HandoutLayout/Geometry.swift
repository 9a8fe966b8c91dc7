import HandoutModel

/// Points (1/72 inch) with y growing downwards from the page's top-left corner, as in Cairo.
public struct Point: Sendable, Equatable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

public struct Size: Sendable, Equatable {
    public var width: Double, height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

public struct Rect: Sendable, Equatable, CustomStringConvertible {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func offsetBy(dx: Double, dy: Double) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }

    /// Mirrored about the vertical centre line of a page `pageWidth` wide (for right-to-left pages).
    public func mirrored(pageWidth: Double) -> Rect { Rect(x: pageWidth - x - width, y: y, width: width, height: height) }

    /// Whether the two rectangles share any area (touching edges do not count).
    public func overlaps(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        minX < other.maxX - tolerance && other.minX < maxX - tolerance
            && minY < other.maxY - tolerance && other.minY < maxY - tolerance
    }

    /// Whether `other` lies inside this rectangle.
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    public var description: String {
        func f(_ v: Double) -> String { v.fixed(1) }
        return "(\(f(x)) \(f(y)) \(f(width))x\(f(height)))"
    }
}
