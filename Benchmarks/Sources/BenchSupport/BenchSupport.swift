import Foundation
import HandoutModel

/// What the benchmarks share: where the project is, and a site profile that differs on
/// every render.
public enum BenchSupport {
    /// The folder holding `Guide/`, `Layouts/` and `Fonts/`: `$HANDOUTS_ROOT` when set, else
    /// the repository this file is in, found from `#filePath` (Benchmarks/Sources/BenchSupport/
    /// BenchSupport.swift is four levels below the root). `#filePath` is fixed at compile time,
    /// so a binary moved to another machine needs `HANDOUTS_ROOT`.
    public static func projectRoot(filePath: String = #filePath) -> URL {
        if let root = ProcessInfo.processInfo.environment["HANDOUTS_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    /// A fresh `Project` at `projectRoot()`; stops with a clear message if it is not one.
    public static func project() -> Project {
        let root = projectRoot()
        guard Project.looksLikeProject(root) else {
            fatalError("\(root.path) has no Guide/, Layouts/ and Fonts/: set HANDOUTS_ROOT to the repository root")
        }
        do { return try Project(root: root) } catch { fatalError("cannot open the project at \(root.path): \(error)") }
    }

    /// A site profile that differs on every call with a different `serial`: the unit name and
    /// the ward number change the footer, the author field and the contacts box, and the
    /// emergency number the `{emergency}` strings, so a cache keyed on the document (or on
    /// those strings) cannot return an earlier result. The numbers keep their length, so the
    /// layout does the same work each time.
    public static func site(_ serial: Int) -> Site {
        let four = String(format: "%04d", serial % 10_000)
        return Site(
            unit: "Ward \(serial)",
            phones: [
                .init(role: .ward, number: "020 7946 \(four)"),
                .init(role: .infantFeeding, number: "020 7946 0322"),
                .init(role: .line24h, number: "020 7946 0000"),
                .init(role: .emergency, number: "9\(serial % 10)9"),
            ],
            hours: nil, url: nil, logoPath: nil, brandColor: nil, file: "bench")
    }
}

import HandoutEngine

extension Renderer {
    /// One handout as the command line makes it: the language tag and country resolved the
    /// same way, then composed, laid out and painted to PDF bytes.
    public func renderPDF(handout: String, language: String, country: String? = "GB", paper: Paper, site: Site) throws -> Data {
        let edition = try project.edition(language: language, country: country, site: site)
        return try renderPDF(handout: handout, edition: edition, paper: paper, site: site).pdf
    }
}

/// Resident memory of this process, in MiB (from /proc/self/statm).
public func residentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
