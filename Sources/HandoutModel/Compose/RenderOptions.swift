/// Variants of a handout a ward may ask for, beyond language and paper.
public struct RenderOptions: Sendable, Hashable, Codable {
    /// Body text at least 16 pt, one column, more pages allowed (RNIB, UKAAF G003).
    public var largePrint: Bool
    /// Greys only, for black-and-white printers; meaning never rests on colour.
    public var grayscale: Bool
    /// Lay the handout out on this trim size instead of the paper's (a cell of an n-up sheet).
    public var pageSize: PageSize?

    public init(largePrint: Bool = false, grayscale: Bool = false, pageSize: PageSize? = nil) {
        self.largePrint = largePrint; self.grayscale = grayscale; self.pageSize = pageSize
    }

    public static let standard = RenderOptions()
}
