// Renders one handout N times in one process, each time with a different site profile, and
// prints the rate the way the peers' `typst_render.py en -n 50 --vary` do: the renderer is
// made first and not timed; the N renders (compose + lay out + paint to PDF bytes) are.
//
// usage: inprocess [-n N] [--handout ID] [--paper P] [-o LAST.pdf] LANG
//   swift run --package-path Benchmarks -c release inprocess -n 50 en
import BenchSupport
import Foundation
import HandoutEngine
import HandoutModel

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("inprocess: \(message)\n".utf8))
    exit(64)
}

var count = 50
var handout = "colostrum-facts"
var paper = Paper.a4
var output: String?
var language: String?
var arguments = Array(CommandLine.arguments.dropFirst()).makeIterator()
/// The value after an option, or stop with a usage error.
@MainActor func value(of option: String, _ check: (String) -> Bool = { _ in true }) -> String {
    guard let value = arguments.next(), check(value) else { fail("\(option) needs a valid value") }
    return value
}
while let argument = arguments.next() {
    switch argument {
    case "-n": count = Int(value(of: "-n") { (Int($0) ?? 0) > 0 })!
    case "--handout": handout = value(of: "--handout")
    case "--paper": paper = Paper(rawValue: value(of: "--paper") { Paper(rawValue: $0) != nil })!
    case "-o": output = value(of: "-o")
    case _ where argument.hasPrefix("-"): fail("unknown option \(argument)")
    default: language = argument
    }
}
guard let language else { fail("usage: inprocess [-n N] [--handout ID] [--paper P] [-o LAST.pdf] LANG") }

do {
    let renderer = try Renderer(project: BenchSupport.project())
    var pdf = Data()
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for serial in 1...count {
            pdf = try renderer.renderPDF(handout: handout, language: language, paper: paper,
                                         site: BenchSupport.site(serial))
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if let output { try pdf.write(to: URL(fileURLWithPath: output)) }
    print(String(format: "ours %@ %@ vary: %d renders in %.3f s = %.1f docs/s = %.2f ms/doc",
                 language, handout, count, seconds, Double(count) / seconds, seconds * 1000 / Double(count)))
} catch {
    fail("\(error)")
}
