import CPangoCairo
import Foundation
import HandoutLayout
import HandoutModel

/// Draws laid-out pages through Cairo: into a PDF held in memory (metadata, outline, links
/// and structure tags included), or into one PNG per page for previews. The only code that
/// calls Cairo.
public final class CairoPainter: Painter {
    public enum Output {
        case pdf
        /// One PNG per page at `dpi` dots per inch, on white.
        case png(dpi: Double)
    }

    private let output: Output
    private let sink = ByteSink()
    private var surface: OpaquePointer?
    private var cr: OpaquePointer?
    private var outlineParents: [Int: Int32] = [:]
    private var failure: String?

    private let images: ImageLibrary
    private let faces: FontRegistry
    private var grayscale = false
    /// With `.png`: the pages painted so far, as PNG files.
    public private(set) var pngPages: [Data] = []

    public init(output: Output = .pdf, images: ImageLibrary, faces: FontRegistry) {
        self.output = output
        self.images = images
        self.faces = faces
    }

    private var isPDF: Bool { if case .pdf = output { return true }; return false }

    deinit {
        if let cr { cairo_destroy(cr) }
        if let surface { cairo_surface_destroy(surface) }
    }

    /// The finished PDF, after `endDocument`.
    public var pdf: Data { finished.map { Data($0) } ?? sink.data }

    /// The PDF after `PDFFinisher`, once the document is ended.
    private var finished: [UInt8]?
    private var language = "en"
    /// The TrimBox and BleedBox of every page, for a print shop's PDF.
    private var boxes: PDFFinisher.Boxes?
    /// Structure elements opened so far (every cairo_tag_begin: the document, roles, links)
    /// and the extra attributes of some of them, for the finisher.
    private var elementCount = 0
    private var elementInfo: [Int: TagInfo] = [:]

    public func beginDocument(_ document: LaidOutDocument) throws {
        grayscale = document.document.options.grayscale
        language = document.document.language
        if let print = document.printBoxes, let page = document.pages.first?.size {
            // PDF boxes count y from the bottom of the page.
            func flipped(_ rect: Rect) -> Rect { Rect(x: rect.x, y: page.height - rect.maxY, width: rect.width, height: rect.height) }
            boxes = PDFFinisher.Boxes(trim: flipped(print.trim), bleed: flipped(print.bleed))
        }
        guard isPDF else { return }
        let first = document.pages.first?.size ?? Size(width: 595, height: 842)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, first.width, first.height) else {
            throw EngineError.cairo("could not create a PDF surface")
        }
        self.surface = surface
        try check(cairo_surface_status(surface))
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        let meta = document.document.metadata
        set(CAIRO_PDF_METADATA_TITLE, meta.title)
        set(CAIRO_PDF_METADATA_SUBJECT, meta.subject)
        set(CAIRO_PDF_METADATA_AUTHOR, meta.author)
        set(CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.joined(separator: ", "))
        set(CAIRO_PDF_METADATA_CREATOR, meta.creator)
        // Cairo 1.16 ignores SOURCE_DATE_EPOCH: set both dates so reruns are byte-identical.
        let date = CalendarDate.isoTimestamp(meta.date)
        set(CAIRO_PDF_METADATA_CREATE_DATE, date)
        set(CAIRO_PDF_METADATA_MOD_DATE, date)
        cr = cairo_create(surface)
        pageSize = first
    }

    private var pageSize: Size?

    public func beginPage(size: Size, index: Int) throws {
        if case .png(let dpi) = output {
            let scale = dpi / 72
            guard let page = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((size.width * scale).rounded()),
                                                        Int32((size.height * scale).rounded())) else {
                throw EngineError.cairo("could not create an image surface")
            }
            surface = page
            cr = cairo_create(page)
            cairo_scale(cr, scale, scale)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            return
        }
        // Setting the size restarts the page's recording, so it must come before any
        // drawing or tag on the page: a tag issued earlier would be lost.
        if size != pageSize {
            cairo_pdf_surface_set_size(surface, size.width, size.height)
            pageSize = size
        }
        // Opening "Document" before any other tag makes the PDF a tagged one
        // (pdfinfo: Tagged: yes); cairo 1.16 checks the first tag it sees.
        if index == 0 { cairo_tag_begin(cr, "Document", ""); elementCount += 1 }
    }

    public func draw(_ frame: Frame, artifact: Bool) {
        guard let cr else { return }
        switch frame {
        case let .text(text, origin, color):
            setColor(color)
            for line in text.lines {
                if let problem = GlyphDrawing.draw(line, x: origin.x + line.x, y: origin.y + line.baseline, on: cr,
                                                    faces: faces, withText: isPDF) {
                    failure = problem
                }
            }
        case let .rect(rect, fill, stroke, width):
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            if let fill {
                setColor(fill)
                if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
            }
            if let stroke {
                setColor(stroke)
                cairo_set_line_width(cr, width)
                cairo_stroke(cr)
            }
        case let .line(from, to, color, width):
            setColor(color)
            cairo_set_line_width(cr, width)
            cairo_move_to(cr, from.x, from.y)
            cairo_line_to(cr, to.x, to.y)
            cairo_stroke(cr)
        case let .disc(center, radius, color):
            setColor(color)
            cairo_new_sub_path(cr)
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
            cairo_fill(cr)
        case let .rects(rects, fill):
            setColor(fill)
            for rect in rects { cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height) }
            cairo_fill(cr)
        case let .image(image, rect):
            do {
                try images.draw(image, in: rect, on: cr, grayscale: grayscale)
            } catch {
                failure = String(describing: error)
            }
        }
    }

    public func beginTag(_ role: StructureRole) {
        guard isPDF else { return }
        cairo_tag_begin(cr, role.rawValue, "")
        elementCount += 1
    }

    public func tagInfo(_ info: TagInfo) {
        guard isPDF, elementCount > 0 else { return }
        elementInfo[elementCount - 1] = info
    }
    public func endTag(_ role: StructureRole) { if isPDF { cairo_tag_end(cr, role.rawValue) } }

    public func link(_ rect: Rect, uri: String) {
        guard isPDF else { return }
        let attributes = "rect=[\(rect.x.fixed(2)) \(rect.y.fixed(2)) \(rect.width.fixed(2)) \(rect.height.fixed(2))] "
            + "uri='\(CairoPainter.escape(uri))'"
        cairo_tag_begin(cr, "Link", attributes)
        elementCount += 1
        cairo_tag_end(cr, "Link")
    }

    public func outline(title: String, level: Int, page: Int, y: Double) {
        guard isPDF else { return }
        let parent = level <= 1 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : (outlineParents[level - 1] ?? Int32(CAIRO_PDF_OUTLINE_ROOT))
        let target = "page=\(page) pos=[0 \(y.fixed(2))]"
        let id = cairo_pdf_surface_add_outline(surface, parent, title, target, cairo_pdf_outline_flags_t(rawValue: 0))
        outlineParents[level] = id
    }

    public func beginClip(_ rect: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    public func endClip() { cairo_restore(cr) }

    public func endPage() {
        guard !isPDF else {
            cairo_show_page(cr)
            return
        }
        let page = ByteSink()
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(page).toOpaque())
        if status != CAIRO_STATUS_SUCCESS { failure = String(cString: cairo_status_to_string(status)) }
        pngPages.append(page.data)
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        cr = nil
        surface = nil
    }

    public func endDocument() throws {
        guard isPDF else {
            if let failure { throw EngineError.cairo(failure) }
            return
        }
        cairo_tag_end(cr, "Document")
        if let failure { throw EngineError.image(failure, fix: "") }
        try check(cairo_status(cr))
        cairo_destroy(cr)
        cr = nil
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface))
        cairo_surface_destroy(surface)
        surface = nil
        finished = try PDFFinisher.finish(sink.bytes, language: language, elements: elementInfo, boxes: boxes)
    }

    // MARK: Helpers

    private func set(_ key: cairo_pdf_metadata_t, _ value: String) {
        guard !value.isEmpty else { return }
        cairo_pdf_surface_set_metadata(surface, key, value)
    }

    private func setColor(_ color: RGB) {
        cairo_set_source_rgb(cr, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
    }

    private func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw EngineError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    /// Cairo's tag attribute strings quote with ' and escape with \.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if character == "\\" || character == "'" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

}

/// Collects the bytes Cairo writes. Cairo calls this for every few bytes of PDF it prints
/// (ten thousand calls for a fact sheet), so the bytes go into a plain array, not `Data`,
/// whose per-call append cost was 8% of an in-process render.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64 * 1024) }

    var data: Data { Data(bytes) }

    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
