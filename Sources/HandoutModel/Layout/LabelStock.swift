/// A sheet of self-adhesive labels as the maker sells it (Avery L7163, 5163): the size of
/// one label and where each sits on the sheet. The handout lays one label out as a tiny page
/// and places a copy at every position, so the print must land on the die-cut shapes: the
/// numbers are the maker's, in the maker's unit, and nothing here is rounded.
public struct LabelStock: Sendable, Equatable {
    /// The maker's name for it, printed in the sheet's margin so the print room loads the
    /// right stock: "Avery L7163".
    public let name: String
    /// One label's size, in points.
    public let labelSize: PageSize
    /// Labels across and down the sheet.
    public let across: Int
    public let down: Int
    /// From the sheet's top and left edges to the first label's, in points.
    public let top: Double
    public let left: Double
    /// From one label's left (top) edge to the next one's, in points.
    public let pitchAcross: Double
    public let pitchDown: Double
    /// Which fields share a line of the label, top to bottom; each field once.
    public let rows: [[LabelField]]
    /// The maker's unit, for the margin note ("99.1 × 38.1 mm", "4 × 2 in").
    public let unit: Unit

    public enum Unit: String, Sendable, CaseIterable {
        case mm, `in`

        /// Points in one of this unit.
        public var points: Double { self == .mm ? 72 / 25.4 : 72 }
    }

    public init(name: String, labelSize: PageSize, across: Int, down: Int, top: Double, left: Double,
                pitchAcross: Double, pitchDown: Double, rows: [[LabelField]], unit: Unit) {
        self.name = name; self.labelSize = labelSize; self.across = across; self.down = down
        self.top = top; self.left = left; self.pitchAcross = pitchAcross; self.pitchDown = pitchDown
        self.rows = rows; self.unit = unit
    }

    public var count: Int { across * down }

    /// The top-left corner of label `index` (0 at top left, along the rows), in points
    /// from the sheet's top-left corner.
    public func origin(of index: Int) -> (x: Double, y: Double) {
        (left + Double(index % across) * pitchAcross, top + Double(index / across) * pitchDown)
    }

    /// "99.1 × 38.1 mm" or "4 × 2 in": the label's size in the maker's unit.
    public var sizeText: String {
        func number(_ points: Double) -> String {
            var text = (points / unit.points).fixed(2)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        return "\(number(labelSize.width)) × \(number(labelSize.height)) \(unit.rawValue)"
    }
}

/// What a milk label asks for, as the neonatal unit needs it on every syringe and bottle
/// (the card's "Label each one" line): its words are guide strings, so they translate.
public enum LabelField: String, Sendable, CaseIterable {
    case babyName = "baby_name"
    case hospitalNumber = "hospital_number"
    case dateTime = "date_time"
    /// Tick boxes: fresh or frozen.
    case freshOrFrozen = "fresh_or_frozen"
    case medicines

    /// The guide strings that name it: one for a line to write on, one per tick box.
    public var stringKeys: [String] {
        switch self {
        case .freshOrFrozen: return ["label_fresh", "label_frozen"]
        default: return ["label_\(rawValue)"]
        }
    }

    /// Whether the field is tick boxes rather than a line.
    public var isChoice: Bool { self == .freshOrFrozen }
}
