extension String {
    /// The text with every `placeholder` (such as "{emergency}") replaced by `value`.
    /// Most guide texts have no placeholder at all, so a text without "{" is returned as it
    /// is; Foundation's replacingOccurrences cost 3% of an in-process render doing nothing.
    public func filling(_ placeholder: String, with value: String) -> String {
        guard utf8.contains(UInt8(ascii: "{")), !placeholder.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
