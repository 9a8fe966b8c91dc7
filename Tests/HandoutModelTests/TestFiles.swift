import Foundation
@testable import HandoutModel

/// Paths into the repository and helpers to parse YAML written inline in a test.
enum TestFiles {
    /// The package root (…/Tests/HandoutModelTests/TestFiles.swift -> …).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func yaml(_ text: String, file: String = "test.yaml") throws -> YAMLNode {
        try YAMLFile.parse(Data(text.utf8), displayName: file)
    }

    /// The error a throwing expression produces, as a LoadError.
    static func loadError(_ body: () throws -> Void) -> LoadError? {
        do {
            try body()
            return nil
        } catch let error as LoadError {
            return error
        } catch {
            return nil
        }
    }
}
