import CQPDF
import Foundation
import HandoutLayout

/// What Cairo 1.16 cannot write into a PDF, added with libqpdf to the bytes it wrote: the
/// document's language (`/Lang`, so a screen reader picks a voice), `DisplayDocTitle` (viewers
/// show the title, not the file name), alt text and languages on structure elements, and
/// trim and bleed boxes for print shops. Through qpdf's object handles, never by editing
/// bytes; the output is written with a deterministic ID, so reruns stay byte-identical.
enum PDFFinisher {
    struct Boxes {
        /// The trim and bleed boxes of every page, in PDF coordinates (origin bottom left).
        let trim: Rect
        let bleed: Rect
    }

    /// `elements`: extra attributes by structure element, numbered in the order the painter
    /// opened them (the order of the structure tree, depth first).
    static func finish(_ pdf: [UInt8], language: String, elements: [Int: TagInfo], boxes: Boxes?) throws -> [UInt8] {
        guard let qpdf = qpdf_init() else { throw EngineError.cairo("libqpdf could not start") }
        defer {
            var handle: qpdf_data? = qpdf
            qpdf_cleanup(&handle)
        }
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, 1)
        let read = pdf.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { qpdf_read_memory(qpdf, "handout.pdf", $0.baseAddress, UInt64(bytes.count), nil) }
        }
        try check(qpdf, read)
        let root = qpdf_get_root(qpdf)
        qpdf_oh_replace_key(qpdf, root, "/Lang", qpdf_oh_new_unicode_string(qpdf, language))
        let preferences = qpdf_oh_new_dictionary(qpdf)
        qpdf_oh_replace_key(qpdf, preferences, "/DisplayDocTitle", qpdf_oh_new_bool(qpdf, 1))
        qpdf_oh_replace_key(qpdf, root, "/ViewerPreferences", preferences)
        if !elements.isEmpty, qpdf_oh_has_key(qpdf, root, "/StructTreeRoot") != 0 {
            let top = qpdf_oh_get_key(qpdf, qpdf_oh_get_key(qpdf, root, "/StructTreeRoot"), "/K")
            var index = 0
            annotate(qpdf, top, elements, &index)
            // Elements in another language: the document element names its own too, so a
            // structure listing shows both (`pdfinfo -struct`: Document "ar" … Span "en").
            if elements.values.contains(where: { $0.language != nil }) {
                let document = qpdf_oh_is_array(qpdf, top) != 0 ? qpdf_oh_get_array_item(qpdf, top, 0) : top
                if qpdf_oh_is_dictionary(qpdf, document) != 0, qpdf_oh_has_key(qpdf, document, "/Lang") == 0 {
                    setLanguage(qpdf, document, language)
                }
            }
        }
        if let boxes {
            for page in 0..<Int(qpdf_get_num_pages(qpdf)) {
                let handle = qpdf_get_page_n(qpdf, page)
                qpdf_oh_replace_key(qpdf, handle, "/TrimBox", rectangle(qpdf, boxes.trim))
                qpdf_oh_replace_key(qpdf, handle, "/BleedBox", rectangle(qpdf, boxes.bleed))
            }
        }
        try check(qpdf, qpdf_init_write_memory(qpdf))
        qpdf_set_deterministic_ID(qpdf, 1)
        try check(qpdf, qpdf_write(qpdf))
        guard let buffer = qpdf_get_buffer(qpdf) else { throw EngineError.cairo("libqpdf wrote nothing") }
        return Array(UnsafeBufferPointer(start: buffer, count: qpdf_get_buffer_length(qpdf)))
    }

    /// Walks the structure tree depth first, counting structure elements as the painter
    /// counted the tags it opened, and sets each one's extra attributes.
    private static func annotate(_ qpdf: qpdf_data, _ node: qpdf_oh, _ elements: [Int: TagInfo], _ index: inout Int) {
        if qpdf_oh_is_array(qpdf, node) != 0 {
            for item in 0..<Int(qpdf_oh_get_array_n_items(qpdf, node)) {
                annotate(qpdf, qpdf_oh_get_array_item(qpdf, node, Int32(item)), elements, &index)
            }
            return
        }
        // Kids that are marked-content references or annotations are not elements.
        guard qpdf_oh_is_dictionary(qpdf, node) != 0, qpdf_oh_has_key(qpdf, node, "/S") != 0 else { return }
        if let info = elements[index] {
            if let alt = info.alt { qpdf_oh_replace_key(qpdf, node, "/Alt", qpdf_oh_new_unicode_string(qpdf, alt)) }
            if let language = info.language { setLanguage(qpdf, node, language) }
        }
        index += 1
        if qpdf_oh_has_key(qpdf, node, "/K") != 0 { annotate(qpdf, qpdf_oh_get_key(qpdf, node, "/K"), elements, &index) }
    }

    /// `/Lang` for a screen reader's voice, and the tag as the element's title (`/T`), which
    /// structure listings print.
    private static func setLanguage(_ qpdf: qpdf_data, _ node: qpdf_oh, _ language: String) {
        qpdf_oh_replace_key(qpdf, node, "/Lang", qpdf_oh_new_unicode_string(qpdf, language))
        qpdf_oh_replace_key(qpdf, node, "/T", qpdf_oh_new_unicode_string(qpdf, language))
    }

    private static func rectangle(_ qpdf: qpdf_data, _ rect: Rect) -> qpdf_oh {
        let array = qpdf_oh_new_array(qpdf)
        for value in [rect.minX, rect.minY, rect.maxX, rect.maxY] {
            qpdf_oh_append_item(qpdf, array, qpdf_oh_new_real_from_double(qpdf, value, 3))
        }
        return array
    }

    private static func check(_ qpdf: qpdf_data, _ code: QPDF_ERROR_CODE) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(qpdf) != 0 else { return }
        let message = qpdf_get_error(qpdf).flatMap { qpdf_get_error_full_text(qpdf, $0) }.map { String(cString: $0) } ?? "unknown error"
        throw EngineError.cairo("libqpdf: \(message)")
    }
}
