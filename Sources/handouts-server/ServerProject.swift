import Foundation
import HandoutAssets
import HandoutModel

/// Where the server's Guide/, Layouts/ and Fonts/ come from, in the command line's order:
/// --root, else the current folder if it holds them, else the copies bundled with the
/// programs.
enum ServerProject {
    static func locate(root: String?) throws -> Project {
        do {
            if let root {
                let url = URL(fileURLWithPath: root, isDirectory: true)
                guard Project.looksLikeProject(url) else {
                    throw StartError(message: "--root \(root): this folder has no Guide/, Layouts/ and Fonts/ — give the folder that holds them", status: 64)
                }
                return try Project(root: url)
            }
            let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            if Project.looksLikeProject(current) { return try Project(root: current) }
            if let bundled = BundledAssets.root, Project.looksLikeProject(bundled) { return try Project(root: bundled) }
        } catch let error as StartError {
            throw error
        } catch {
            throw StartError(message: String(describing: error), status: 65)
        }
        throw StartError(message: "no Guide/, Layouts/ and Fonts/ here and no bundled copy found — run from the project folder or pass --root DIR", status: 64)
    }

    /// The folder this program is in (where `handouts` is installed beside it).
    static var ownFolder: URL {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).deletingLastPathComponent()
    }
}
