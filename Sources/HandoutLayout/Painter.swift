import HandoutModel

/// Something that draws laid-out pages: Cairo for PDF and PNG, or a recorder for tests.
public protocol Painter: AnyObject {
    func beginDocument(_ document: LaidOutDocument) throws
    func beginPage(size: Size, index: Int) throws
    func draw(_ frame: Frame, artifact: Bool)
    func beginTag(_ role: StructureRole)
    func endTag(_ role: StructureRole)
    func link(_ rect: Rect, uri: String)
    func outline(title: String, level: Int, page: Int, y: Double)
    /// Attributes of the structure element just opened.
    func tagInfo(_ info: TagInfo)
    /// Limits drawing to `rect` until the matching `endClip`.
    func beginClip(_ rect: Rect)
    func endClip()
    func endPage()
    func endDocument() throws
}

extension LaidOutDocument {
    /// Walks every page's items in reading order and hands them to `painter`.
    public func paint(on painter: Painter) throws {
        try painter.beginDocument(self)
        for (index, page) in pages.enumerated() {
            try painter.beginPage(size: page.size, index: index)
            for item in page.flatItems {
                switch item {
                case .frame(let frame): painter.draw(frame, artifact: false)
                case .artifact(let frame): painter.draw(frame, artifact: true)
                case .beginTag(let role): painter.beginTag(role)
                case .endTag(let role): painter.endTag(role)
                case let .link(rect, uri): painter.link(rect, uri: uri)
                case let .outline(title, level, y): painter.outline(title: title, level: level, page: index + 1, y: y)
                case .tagInfo(let info): painter.tagInfo(info)
                case .beginClip(let rect): painter.beginClip(rect)
                case .endClip: painter.endClip()
                case .group: break  // flattened above
                }
            }
            painter.endPage()
        }
        try painter.endDocument()
    }
}
