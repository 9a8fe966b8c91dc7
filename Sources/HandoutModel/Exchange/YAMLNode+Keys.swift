import Yams

extension YAMLNode {
    /// The key node `name` of this mapping (its position is where the key is written),
    /// with its value.
    func keyAndValue(_ name: String) -> (key: YAMLNode, value: YAMLNode)? {
        guard case .mapping(let mapping) = node else { return nil }
        for (key, value) in mapping where key.string == name {
            return (YAMLNode(key, file: file, path: path + [name]), YAMLNode(value, file: file, path: path + [name]))
        }
        return nil
    }

    /// `{kind: paragraph, …}` on one line rather than one key per line.
    var isFlowMapping: Bool {
        guard case .mapping(let mapping) = node else { return false }
        return mapping.style == .flow
    }
}
