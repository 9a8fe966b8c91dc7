import Foundation
import HandoutAssets
import HandoutModel

/// Finds the folders with Guide/, Layouts/ and Fonts/: --root, else the current folder if
/// it holds any of them (so a ward can keep and edit its own copy of one), else the bundled
/// copies (so an installed binary works anywhere). A folder holding only some of the three
/// takes the others from the bundled copy, and says which came from where, once.
enum ProjectLocator {
    static let parts = ["Guide", "Layouts", "Fonts"]
    /// A file each folder of ours holds: a folder of the same name that lacks it (someone's
    /// own Fonts/) is not taken for ours.
    static let markers = ["Guide": "sources.yaml", "Layouts": "theme.yaml", "Fonts": "fonts.conf"]

    static func locate(root: String?) throws -> Project {
        let folder = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        if Project.looksLikeProject(folder) { return try Project(root: folder) }
        let present = parts.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/\(markers[$0]!)").path) }
        let bundled = BundledAssets.root.map(\.standardizedFileURL).flatMap { Project.looksLikeProject($0) ? $0 : nil }
        if present.isEmpty {
            if let root {
                throw UsageError(message: "--root \(root): this folder has no Guide/, Layouts/ or Fonts/ — give the folder that holds them")
            }
            if let bundled { return try Project(root: bundled) }
            throw UsageError(message: "no Guide/, Layouts/ and Fonts/ here and no bundled copy found — run from the project folder or pass --root DIR")
        }
        let missing = parts.filter { !present.contains($0) }
        guard let bundled else {
            throw UsageError(message: "\(displayFolder(folder, root: root)) has \(list(present)) but no \(list(missing, joiner: " or ")), "
                                + "and there is no bundled copy to take \(missing.count == 1 ? "it" : "them") from — add \(missing.count == 1 ? "it" : "them") or pass --root DIR")
        }
        func pick(_ part: String) -> URL { (present.contains(part) ? folder : bundled).appendingPathComponent(part) }
        // Names stay relative to this folder: the bundled files are named by their full path,
        // so no message makes a bundled file look like the ward's own.
        let project = try Project(guide: pick("Guide"), layouts: pick("Layouts"), fonts: pick("Fonts"), root: folder)
        Console.warning("using \(list(present)) from \(displayFolder(folder, root: root)) and \(list(missing)) from the bundled copy (\(bundled.path))")
        return project
    }

    /// "this folder" for the current one, else the path as given.
    private static func displayFolder(_ folder: URL, root: String?) -> String {
        root.map { "--root \($0)" } ?? "this folder (\(folder.path))"
    }

    /// "Guide/", "Guide/ and Fonts/", "Guide/, Layouts/ and Fonts/".
    private static func list(_ names: [String], joiner: String = " and ") -> String {
        let folders = names.map { $0 + "/" }
        guard folders.count > 1 else { return folders.first ?? "" }
        return folders.dropLast().joined(separator: ", ") + joiner + folders.last!
    }
}
