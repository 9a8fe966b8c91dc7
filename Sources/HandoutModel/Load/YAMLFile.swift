import Foundation
import Yams

/// Reads one YAML file into a node tree that remembers line and column, with limits that
/// keep a hostile or broken file from costing more than a clear error.
public enum YAMLFile {
    /// Handout files are a few kilobytes; 2 MB leaves room for every language of a large
    /// guide while bounding memory and time for a file that is clearly not one of ours.
    public static let maximumBytes = 2 * 1024 * 1024

    /// Parses `data` (the file's bytes). `displayName` is how errors name the file.
    public static func parse(_ data: Data, displayName: String) throws -> YAMLNode {
        guard data.count <= maximumBytes else {
            throw LoadError(file: displayName, problem: "file is \(data.count / 1024) KB, larger than the \(maximumBytes / 1024 / 1024) MB limit",
                            fix: "is this the right file? Handout files are a few kilobytes")
        }
        guard let text = String(validatingUTF8Data: data) else {
            let (line, column) = firstInvalidUTF8Position(in: data)
            throw LoadError(file: displayName, line: line, column: column,
                            problem: "the file is not valid UTF-8 text",
                            fix: "save it as UTF-8 in your editor")
        }
        let scan = data.withUnsafeBytes { ByteScan(of: $0) }
        if let (line, column, scalar) = scan.forbiddenCharacter {
            throw LoadError(file: displayName, line: line, column: column,
                            problem: "control character \(scalar.codePoint) is not allowed",
                            fix: "delete it (it may have come from a copy and paste)")
        }
        if let (line, depth) = scan.deepNesting {
            throw LoadError(file: displayName, line: line, problem: "brackets nested \(depth) deep",
                            fix: "handout files nest a few levels at most; check for a stray [ or {")
        }
        let root: Node?
        do {
            // The parser must outlive the anchor check: nodes refer to anchors weakly.
            // The basic resolver leaves every scalar as text: our loaders read numbers and
            // booleans themselves, and Yams's implicit-type regexes were a fifth of load time.
            // The encoding is given so that Yams does not read it from the environment per file.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            root = try parser.singleRoot()
            if scan.mayHaveAnchors, let root, let anchored = firstAnchoredNode(root) {
                throw LoadError(file: displayName, line: anchored.mark?.line, column: anchored.mark?.column,
                                problem: "YAML anchors and aliases (&name, *name) are not allowed in handout files",
                                fix: "write the value out in full")
            }
            withExtendedLifetime(parser) {}
        } catch let error as YamlError {
            throw loadError(from: error, file: displayName)
        }
        guard let root else {
            throw LoadError(file: displayName, problem: "the file is empty", fix: "restore it from the repository")
        }
        return YAMLNode(root, file: displayName, path: [])
    }

    /// Flow collections nested deeper than this are refused before parsing: the YAML
    /// parser's time grows with nesting × size (a 2 MB file of 999-deep brackets took 6 s),
    /// and no handout file nests more than three.
    static let maximumFlowDepth = 32

    /// Anchors save nothing in files this size and open the door to "billion laughs"
    /// inputs. Depth-first, stopping at the first anchored node: an alias bomb is caught
    /// before any of its copies is walked.
    private static func firstAnchoredNode(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar: return nil
        case .alias: return node
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchoredNode(key) ?? firstAnchoredNode(value) { return found }
            }
            return nil
        case .sequence(let sequence):
            for child in sequence {
                if let found = firstAnchoredNode(child) { return found }
            }
            return nil
        }
    }

    /// Reads and parses a file from disk: a regular file only (a named pipe or a device is
    /// refused at once, never read).
    public static func read(_ url: URL, displayName: String) throws -> YAMLNode {
        let data: Data
        do {
            data = try RegularFile.read(url.path, maximumBytes: maximumBytes)
        } catch let refusal {
            if let size = refusal.size {
                throw LoadError(file: displayName, problem: "file is \(size / 1024) KB, larger than the \(maximumBytes / 1024 / 1024) MB limit",
                                fix: "is this the right file? Handout files are a few kilobytes")
            }
            throw LoadError(file: displayName, problem: refusal.problem, fix: refusal.fix)
        }
        return try parse(data, displayName: displayName)
    }

    private static func loadError(from error: YamlError, file: String) -> LoadError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var text = "YAML syntax error: \(problem)"
            if let context { text += " (\(context.text) at line \(context.mark.line))" }
            return LoadError(file: file, line: mark.line, column: mark.column, problem: text,
                             fix: "check the indentation and quotes on this line; text with a colon needs \"quotes\"")
        case let .duplicatedKeysInMapping(duplicates, context):
            return LoadError(file: file, line: context.mark.line, column: context.mark.column,
                             problem: "key \(duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) appears twice in the same mapping",
                             fix: "keep one of them")
        case let .reader(problem, _, _, _):
            return LoadError(file: file, problem: "cannot read the text: \(problem)", fix: "save it as UTF-8 in your editor")
        default:
            return LoadError(file: file, problem: "YAML error: \(error)", fix: "check the file's syntax")
        }
    }

    /// C0 controls other than tab, newline and carriage return, and DEL.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    private static func firstInvalidUTF8Position(in data: Data) -> (Int, Int) {
        // Decode byte by byte until the first ill-formed sequence, counting lines.
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}

extension String {
    /// Strict UTF-8 decoding: nil for any ill-formed byte sequence (Foundation's initialiser
    /// would silently repair some).
    init?(validatingUTF8Data data: Data) {
        guard let text = data.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }) else {
            return nil
        }
        self = text
    }
}
