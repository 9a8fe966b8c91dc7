import Foundation
import HandoutModel

/// How errors name the fuzzed file; every error's description must start with it.
let displayName = "fuzz.yaml"

/// FUZZ_VERBOSE=1 prints what each loader made of an input (for `run.sh repro`).
let verbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil

/// One input: parse it as YAML, then hand the same tree to every loader. Thrown LoadErrors
/// are the expected outcome; anything else (a crash, a hang, huge memory, an error of another
/// type, or an error whose message is not one line naming the file) is a defect, and traps
/// here so that libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let root: YAMLNode
    do {
        root = try YAMLFile.parse(bytes, displayName: displayName)
    } catch {
        check(error, loader: "YAMLFile.parse")
        if verbose { print("YAMLFile.parse: \(error)") }
        return 0
    }
    run("GuideLoader.parse") {
        let guide = try GuideLoader.parse(root)
        checkStrings(guide, loader: "GuideLoader.parse")
        // A block id listed twice would mean two blocks silently merged into one.
        if Set(guide.blockOrder).count != guide.blockOrder.count || guide.blockOrder.count != guide.blocks.count {
            fatalError("GuideLoader.parse accepted duplicate block ids: \(guide.blockOrder.count) ids, \(guide.blocks.count) blocks")
        }
    }
    run("LayoutLoader.parse") { checkStrings(try LayoutLoader.parse(root), loader: "LayoutLoader.parse") }
    run("ThemeLoader.parse") { checkStrings(try ThemeLoader.parse(root), loader: "ThemeLoader.parse") }
    run("SiteLoader.parse") { checkStrings(try SiteLoader.parse(root), loader: "SiteLoader.parse") }
    run("RegionLoader.parse") { checkStrings(try RegionLoader.parse(root), loader: "RegionLoader.parse") }
    run("RegionLoader.parseStorageRules") {
        checkStrings(try RegionLoader.parseStorageRules(root), loader: "RegionLoader.parseStorageRules")
    }
    run("SourceList.parse") {
        let list = try SourceList.parse(root)
        checkStrings(list, loader: "SourceList.parse")
        if Set(list.order).count != list.order.count || list.order.count != list.sources.count {
            fatalError("SourceList.parse accepted duplicate source keys: \(list.order.count) keys, \(list.sources.count) sources")
        }
    }
    return 0
}

func run(_ loader: String, _ body: () throws -> Void) {
    do {
        try body()
        if verbose { print("\(loader): loaded") }
    } catch {
        check(error, loader: loader)
        if verbose { print("\(loader): \(error)") }
    }
}

/// Line breaks that would split a message over several lines on a terminal or in a log.
let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

func check(_ error: any Error, loader: String) {
    guard let loadError = error as? LoadError else {
        fatalError("\(loader) threw \(type(of: error)), not a LoadError: \(String(describing: error).debugDescription)")
    }
    let text = loadError.description
    if text.unicodeScalars.contains(where: lineBreaks.contains) {
        fatalError("\(loader): LoadError description is not one line: \(text.debugDescription)")
    }
    if !text.hasPrefix(displayName + ":") {
        fatalError("\(loader): LoadError description does not start with the file name: \(text.debugDescription)")
    }
}

/// YAMLFile refuses control characters typed into the file ("they would print as boxes or cut
/// a string short in C"); the same must hold for every string a loader returns, including
/// those written as escapes in double quotes ("\0", "\e", "\x07").
func checkStrings(_ value: Any, loader: String) {
    if let string = value as? String {
        if let scalar = string.unicodeScalars.first(where: { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || $0.value == 0x7F }) {
            fatalError("\(loader) returned text with control character U+\(String(scalar.value, radix: 16)): \(string.debugDescription)")
        }
        return
    }
    for child in Mirror(reflecting: value).children { checkStrings(child.value, loader: loader) }
}
