/// A bilingual edition: the mother's document, each of its blocks carrying the same block in
/// the staff's language as its companion, so the layout can set the two side by side or one
/// under the other, item by item. Both documents come from the same layout, so their pages,
/// rows and blocks correspond one to one; the guides must agree on each block's shape
/// (`check` enforces it), which is verified here before anything is laid out.
public struct BilingualComposer {
    public let mother: Composer
    public let staff: Composer

    public init(mother: Composer, staff: Composer) {
        self.mother = mother
        self.staff = staff
    }

    public func compose(_ layout: LayoutSpec, paper: Paper, options: RenderOptions = .standard) throws -> Document {
        // The card's faces are fixed and already shrink their type towards the 9 pt floor:
        // a second language has no room there (see the README's "Bilingual editions").
        if let problem = layout.bilingualProblem(largePrint: options.largePrint) { throw BilingualUnavailable(message: problem) }
        var document = try mother.compose(layout, paper: paper, options: options)
        let second = try staff.compose(layout, paper: paper, options: options)
        document.pages = try zip(document.pages, second.pages).map { ownRows, staffRows in
            try zip(ownRows, staffRows).map { try pair($0, $1) }
        }
        let ownText = document.metadata, staffText = second.metadata
        document.metadata = Document.Metadata(
            title: ownText.title + " — " + staffText.title, subject: ownText.subject + " — " + staffText.subject,
            author: ownText.author, keywords: ownText.keywords + staffText.keywords.filter { !ownText.keywords.contains($0) },
            creator: ownText.creator, date: ownText.date)
        document.companion = DocumentCompanion(language: second.language, direction: second.direction, title: second.title,
                                               subtitle: second.subtitle, continuedLabel: second.continuedLabel,
                                               name: staff.guide.englishName)
        return document
    }

    private func pair(_ own: DocumentRow, _ other: DocumentRow) throws -> DocumentRow {
        switch (own, other) {
        case let (.single(block), .single(companion)):
            return .single(try pair(block, companion))
        case let (.columns(columns), .columns(companions)) where columns.count == companions.count:
            return .columns(try zip(columns, companions).map { blocks, companions in
                try zip(blocks, companions).map { try pair($0, $1) }
            })
        default:
            throw mismatch(own.firstID, "is placed differently")
        }
    }

    private func pair(_ own: DocumentBlock, _ other: DocumentBlock) throws -> DocumentBlock {
        guard own.id == other.id else { throw mismatch(own.id, "is where \(other.id) is in \(staff.guide.file)") }
        // The sources line lists the same works in both; its one word ("Sources") is not worth a second line.
        guard own.component != .sources else { return own }
        if let difference = BlockShape.difference(own, other) {
            throw mismatch(own.id, difference)
        }
        var paired = own
        paired.companion = other
        return paired
    }

    private func mismatch(_ id: String, _ problem: String) -> LoadError {
        LoadError(file: staff.guide.file, keyPath: "blocks.\(id)",
                  problem: "block \(id) does not pair with \(mother.guide.file): it \(problem)",
                  fix: "give both guides the same items in the same order (handouts check --lang \(mother.guide.language))")
    }
}

/// A handout that has no bilingual edition (the pocket card, labels): one line saying why.
public struct BilingualUnavailable: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The staff's language of a bilingual edition, with its words for the page furniture.
public struct DocumentCompanion: Sendable, Equatable {
    public let language: String
    public let direction: TextDirection
    public let title: String
    public let subtitle: String
    /// "(continued)" in the staff's language.
    public let continuedLabel: String
    /// The language's English name ("English"), for messages.
    public let name: String
}

extension DocumentRow {
    var firstID: String {
        switch self {
        case .single(let block): return block.id
        case .columns(let columns): return columns.first?.first?.id ?? "columns"
        }
    }
}
