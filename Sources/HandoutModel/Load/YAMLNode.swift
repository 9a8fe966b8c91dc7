import Foundation
import Yams

/// A YAML node together with where it came from (file, line, column, key path), so every
/// check on it can produce an error that points at the exact place.
public struct YAMLNode {
    let node: Node
    public let file: String
    /// Keys and indices from the file's top, e.g. ["blocks", "colostrum.intro", "items", "[2]"].
    public let path: [String]

    init(_ node: Node, file: String, path: [String]) {
        self.node = node
        self.file = file
        self.path = path
    }

    public var line: Int? { node.mark?.line }
    public var column: Int? { node.mark?.column }
    public var keyPath: String {
        path.reduce(into: "") { result, part in
            if part.hasPrefix("[") { result += part } else { result += result.isEmpty ? part : "." + part }
        }
    }

    public func error(_ problem: String, fix: String = "") -> LoadError {
        LoadError(file: file, line: line, column: column, keyPath: keyPath, problem: problem, fix: fix)
    }

    /// Whether this is a mapping (key: value lines), for values that may be either text or
    /// a mapping (hours per language).
    public var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    /// What kind of YAML value this is, in words for error messages.
    var kindDescription: String {
        switch node {
        case .scalar(let scalar): return scalar.tag == .implicit && scalar.string.isEmpty ? "nothing" : "text \"\(scalar.string.prefix(40))\""
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Scalars

    /// Any scalar as text, exactly as written (so "020 7946 0321" and "999" stay text).
    public func string() throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected text, found \(kindDescription)", fix: "write the text on the same line as its key")
        }
        // YAMLFile refuses control characters typed into the file; an escape in double
        // quotes ("\0", "\e", "\x07") would otherwise bring them back. A NUL would also cut
        // a path or text short where it reaches C ("/etc/hostname\0.png" passes as a .png).
        if let control = scalar.string.unicodeScalars.first(where: YAMLFile.isForbiddenControl) {
            throw error("control character \(control.codePoint) is not allowed",
                        fix: "delete the escape that writes it (such as \\0, \\e or \\x..)")
        }
        return scalar.string
    }

    /// Text that must not be empty once spaces are trimmed.
    public func text() throws -> String {
        let value = try string()
        if value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw error("text is empty", fix: "write the text, or remove the key")
        }
        return value
    }

    public func int(in range: ClosedRange<Int>) throws -> Int {
        let raw = try string()
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw error("expected a whole number, found \"\(raw.prefix(40))\"", fix: "write a number from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(value) else {
            throw error("\(value) is out of range", fix: "use a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func double(in range: ClosedRange<Double>) throws -> Double {
        let raw = try string()
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw error("expected a number, found \"\(raw.prefix(40))\"", fix: "write a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
        guard range.contains(value) else {
            throw error("\(format(value)) is out of range", fix: "use a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
        return value
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("expected true or false, found \"\(other.prefix(40))\"", fix: "write true or false")
        }
    }

    /// One of a fixed set of words, with a suggestion when misspelt.
    public func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try string()
        if let value = T(rawValue: raw) { return value }
        let names = T.allCases.map(\.rawValue)
        throw error("\"\(raw.prefix(40))\" is not a valid value", fix: NearestName.hint(for: raw, among: names))
    }

    // MARK: Collections

    /// The items of a list. A single scalar is not silently promoted to a list.
    public func sequence(maximumCount: Int = 1_000) throws -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list, found \(kindDescription)", fix: "start each item on its own line with \"- \"")
        }
        guard sequence.count <= maximumCount else {
            throw error("list has \(sequence.count) items, more than the limit of \(maximumCount)", fix: "split it into shorter lists")
        }
        return sequence.enumerated().map { index, child in YAMLNode(child, file: file, path: path + ["[\(index + 1)]"]) }
    }

    /// A mapping whose keys are names chosen by the author (block ids, handout ids):
    /// returned in file order.
    public func entries(maximumCount: Int = 1_000) throws -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping (key: value lines), found \(kindDescription)")
        }
        guard mapping.count <= maximumCount else {
            throw error("mapping has \(mapping.count) keys, more than the limit of \(maximumCount)")
        }
        var result: [(key: String, value: YAMLNode)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let keyReader = YAMLNode(keyNode, file: file, path: path)
            let key = try keyReader.text()
            // The YAML parser tells 1 from "1" (an integer and a string) and true from "true";
            // as key text they are the same, and the second would silently replace the first.
            guard seen.insert(key).inserted else {
                throw keyReader.error("key \"\(key)\" appears twice in the same mapping", fix: "keep one of them")
            }
            result.append((key, YAMLNode(value, file: file, path: path + [key])))
        }
        return result
    }

    /// A mapping with a fixed set of keys: unknown keys are errors with a suggestion,
    /// missing required keys are errors at the mapping.
    public func fields(required: [String] = [], optional: [String] = []) throws -> YAMLFields {
        let allowed = required + optional
        var values: [String: YAMLNode] = [:]
        for (key, value) in try entries() {
            guard allowed.contains(key) else {
                let keyNode = value.keyNode(named: key, in: self) ?? value
                throw keyNode.error("unknown key \"\(key)\"", fix: NearestName.hint(for: key, among: allowed, noun: "one of"))
            }
            values[key] = value
        }
        for key in required where values[key] == nil {
            throw error("missing key \"\(key)\"", fix: "add \"\(key): …\" here")
        }
        return YAMLFields(owner: self, values: values)
    }

    /// The node of a key itself (for errors that point at the key, not its value).
    private func keyNode(named key: String, in parent: YAMLNode) -> YAMLNode? {
        guard case .mapping(let mapping) = parent.node else { return nil }
        for (keyNode, _) in mapping where keyNode.string == key {
            return YAMLNode(keyNode, file: parent.file, path: parent.path + [key])
        }
        return nil
    }

    /// Whole numbers without ".0". Only those an Int can hold: Int(1e300) traps, and such a
    /// number reaches here in the message that says it is out of range.
    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The checked keys of one mapping.
public struct YAMLFields {
    public let owner: YAMLNode
    let values: [String: YAMLNode]

    public subscript(_ key: String) -> YAMLNode? { values[key] }

    /// A key listed as required in `fields(required:)`.
    public func required(_ key: String) -> YAMLNode {
        guard let value = values[key] else { preconditionFailure("\(key) was not declared required") }
        return value
    }
}
