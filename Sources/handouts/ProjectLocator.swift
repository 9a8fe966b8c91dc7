import Foundation
import HandoutAssets
import HandoutModel

/// Finds the folder with Guide/, Layouts/ and Fonts/: --root, else the current folder if it
/// is a project (so a ward can keep and edit its own copy), else the bundled copies (so an
/// installed binary works anywhere).
enum ProjectLocator {
    static func locate(root: String?) throws -> Project {
        if let root {
            let url = URL(fileURLWithPath: root, isDirectory: true)
            guard Project.looksLikeProject(url) else {
                throw UsageError(message: "--root \(root): this folder has no Guide/, Layouts/ and Fonts/ — give the folder that holds them")
            }
            return try Project(root: url)
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if Project.looksLikeProject(current) { return try Project(root: current) }
        if let bundled = BundledAssets.root, Project.looksLikeProject(bundled) { return try Project(root: bundled) }
        throw UsageError(message: "no Guide/, Layouts/ and Fonts/ here and no bundled copy found — run from the project folder or pass --root DIR")
    }
}
