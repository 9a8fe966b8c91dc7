import HandoutLayout
import HandoutPDF

/// What Cairo 1.16 cannot write into a PDF, added to the file it wrote: the document's
/// language (`/Lang`, so a screen reader picks a voice), `DisplayDocTitle` (viewers show the
/// title, not the file name), alt text and languages on structure elements, and trim and
/// bleed boxes for print shops. The objects are read and changed as PDF values, never by
/// editing text, and the file is written again with object streams (`PDFFile.written`).
///
/// This was libqpdf until it showed as 31% of an English render in a profile (its
/// general-purpose object model, for a file of a few hundred small objects); the finisher
/// now takes about 3%.
enum PDFFinisher {
    struct Boxes {
        /// The trim and bleed boxes of every page, in PDF coordinates (origin bottom left).
        let trim: Rect
        let bleed: Rect
    }

    /// `elements`: extra attributes by structure element, numbered in the order the painter
    /// opened them (the order of the structure tree, depth first).
    static func finish(_ pdf: [UInt8], language: String, elements: [Int: TagInfo], boxes: Boxes?) throws -> [UInt8] {
        do {
            var file = try PDFFile(pdf)
            try finish(&file, language: language, elements: elements, boxes: boxes)
            return try file.written()
        } catch {
            throw EngineError.cairo("the PDF Cairo wrote could not be finished: \(error)")
        }
    }

    private static func finish(_ file: inout PDFFile, language: String, elements: [Int: TagInfo], boxes: Boxes?) throws(PDFError) {
        guard let rootReference = file.trailer["Root"]?.reference, var root = try file.object(rootReference).dictionary else {
            throw PDFError("the trailer has no catalog")
        }
        root["Lang"] = .text(language)
        root["ViewerPreferences"] = .dictionary(PDFDictionary([("DisplayDocTitle", .bool(true))]))
        if !elements.isEmpty, let treeValue = root["StructTreeRoot"], let tree = try file.resolve(treeValue).dictionary,
           let top = tree["K"] {
            var index = 0
            try annotate(&file, top, elements, &index)
            // Elements in another language: the document element names its own too, so a
            // structure listing shows both (`pdfinfo -struct`: Document "ar" … Span "en").
            if elements.values.contains(where: { $0.language != nil }) {
                var document = top
                if case .array(let items) = try file.resolve(top), let first = items.first { document = first }
                if let reference = document.reference, var element = try file.object(reference).dictionary, element["Lang"] == nil {
                    setLanguage(&element, language)
                    try file.replace(reference, with: .dictionary(element))
                }
            }
        }
        try file.replace(rootReference, with: .dictionary(root))
        if let boxes, let pages = root["Pages"] {
            for reference in try pageReferences(file, pages) {
                guard var page = try file.object(reference).dictionary else { throw PDFError("page \(reference.number) is not a dictionary") }
                page["TrimBox"] = rectangle(boxes.trim)
                page["BleedBox"] = rectangle(boxes.bleed)
                try file.replace(reference, with: .dictionary(page))
            }
        }
    }

    /// Walks the structure tree depth first, counting structure elements as the painter
    /// counted the tags it opened, and sets each one's extra attributes. Cairo writes every
    /// element as an object of its own, so each change replaces one object.
    private static func annotate(_ file: inout PDFFile, _ node: PDFValue, _ elements: [Int: TagInfo], _ index: inout Int) throws(PDFError) {
        let resolved = try file.resolve(node)
        if case .array(let items) = resolved {
            for item in items { try annotate(&file, item, elements, &index) }
            return
        }
        // Kids that are marked-content ids, references or annotations are not elements.
        guard var element = resolved.dictionary, element["S"] != nil else { return }
        if let info = elements[index] {
            guard let reference = node.reference else { throw PDFError("structure element \(index) is not an object of its own") }
            if let alt = info.alt { element["Alt"] = .text(alt) }
            if let language = info.language { setLanguage(&element, language) }
            try file.replace(reference, with: .dictionary(element))
        }
        index += 1
        if let kids = element["K"] { try annotate(&file, kids, elements, &index) }
    }

    /// The page objects in order, through the page tree's `/Kids`.
    private static func pageReferences(_ file: PDFFile, _ node: PDFValue, depth: Int = 0) throws(PDFError) -> [PDFReference] {
        guard depth < 32, let reference = node.reference, let dictionary = try file.object(reference).dictionary else {
            throw PDFError("the page tree is not a tree of page objects")
        }
        guard case .array(let kids)? = dictionary["Kids"] else { return [reference] }
        var pages: [PDFReference] = []
        for kid in kids { pages += try pageReferences(file, kid, depth: depth + 1) }
        return pages
    }

    /// `/Lang` for a screen reader's voice, and the tag as the element's title (`/T`), which
    /// structure listings print.
    private static func setLanguage(_ element: inout PDFDictionary, _ language: String) {
        element["Lang"] = .text(language)
        element["T"] = .text(language)
    }

    private static func rectangle(_ rect: Rect) -> PDFValue {
        .array([rect.minX, rect.minY, rect.maxX, rect.maxY].map { .real($0) })
    }
}
