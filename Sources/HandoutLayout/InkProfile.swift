/// How far a line's ink reaches above and below its baseline, strip by strip across the
/// box: a skyline. Nastaliq cascades words diagonally, so its ink is tall in places and low in
/// others; two lines collide only where a tall strip of one meets a deep strip of the
/// other. Spacing lines by their skylines lets most pairs sit at the script's usual pitch
/// and pushes apart only the pairs that would touch.
public struct InkProfile: Sendable, Equatable {
    /// Width of one strip, in points, from the left edge of the text's box.
    public let stripWidth: Double
    /// Per strip, points of ink above the baseline (0 where there is none).
    public private(set) var above: [Double]
    /// Per strip, points of ink below the baseline.
    public private(set) var below: [Double]

    public init(stripWidth: Double, above: [Double], below: [Double]) {
        self.stripWidth = stripWidth; self.above = above; self.below = below
    }

    /// An empty skyline for a box `width` wide, to be filled with `add`.
    public init(width: Double, stripWidth: Double) {
        let count = max(1, Int((width / stripWidth).rounded(.up)) + 1)
        self.init(stripWidth: stripWidth, above: Array(repeating: 0, count: count), below: Array(repeating: 0, count: count))
    }

    /// Adds a glyph's ink box: `minX`...`maxX` across the box, `top` and `bottom` from the
    /// baseline (up positive for `top`, down positive for `bottom`).
    public mutating func add(minX: Double, maxX: Double, top: Double, bottom: Double) {
        guard maxX > minX else { return }
        let first = max(0, Int(minX / stripWidth)), last = min(above.count - 1, Int(maxX / stripWidth))
        guard first <= last else { return }
        for strip in first...last {
            above[strip] = max(above[strip], top)
            below[strip] = max(below[strip], bottom)
        }
    }

    public var highest: Double { above.max() ?? 0 }
    public var deepest: Double { below.max() ?? 0 }

    /// The least distance between this line's baseline and the next line's for their ink
    /// to stay `clearance` apart. Neighbouring strips count too: a strip is coarser than
    /// the outlines in it.
    public func baselineDistance(toNext next: InkProfile, clearance: Double) -> Double {
        var needed = 0.0
        for strip in below.indices where below[strip] > 0 {
            for other in max(0, strip - 1)...min(next.above.count - 1, strip + 1) where next.above[other] > 0 {
                needed = max(needed, below[strip] + next.above[other] + clearance)
            }
        }
        return needed
    }
}

/// Where a paragraph's baselines go: at a fixed pitch, each placed as CSS does (the font's
/// ascent plus half the leading); with a clearance, lines whose ink would come closer than
/// that are pushed apart, and the paragraph's box grows to hold its ink (up to the font's
/// ascent and descent).
public enum LineSpacing {
    public static func baselines(count: Int, profiles: [InkProfile?], style: TextStyle,
                                 metrics: (ascent: Double, descent: Double)) -> (baselines: [Double], height: Double) {
        let pitch = style.size * style.lineHeight
        let first = (pitch - metrics.ascent - metrics.descent) / 2 + metrics.ascent
        let clearance = style.inkClearance * style.size
        guard count > 0 else { return ([], 0) }
        guard clearance > 0, profiles.count == count, profiles.allSatisfy({ $0 != nil }) else {
            return ((0..<count).map { first + Double($0) * pitch }, Double(count) * pitch)
        }
        let inks = profiles.map { $0! }
        // The paragraph's box holds its first and last lines' ink up to the font's own
        // ascent and descent: only the rare cascade taller than the font says reaches into
        // the gap above (the gaps between paragraphs are wider than that overhang).
        var baselines = [max(first, min(inks[0].highest + clearance / 2, metrics.ascent))]
        for index in 1..<count {
            let distance = max(pitch, inks[index - 1].baselineDistance(toNext: inks[index], clearance: clearance))
            baselines.append(baselines[index - 1] + distance)
        }
        let last = baselines[count - 1]
        let height = max(last + pitch - first, last + min(inks[count - 1].deepest + clearance / 2, metrics.descent))
        return (baselines, height)
    }
}
