import CPangoCairo
import CPangoInlineFontMatch
import Foundation

/// The fonts the program uses: a private fontconfig that sees only `Fonts/`, and one Pango
/// font map over it for the whole process (Cairo embeds one subset per font face object, so
/// one map keeps PDFs small).
///
/// Output never depends on the fonts a machine happens to have installed.
public final class FontLibrary {
    let pangoFontMap: UnsafeMutablePointer<PangoFontMap>
    public let folder: URL
    /// Families fontconfig found in the folder, for reports.
    public let families: [String]
    /// Every character some shipped font can draw (the union of their character maps).
    private let coverage: OpaquePointer

    public init(folder: URL) throws {
        self.folder = folder
        let configURL = folder.appendingPathComponent("fonts.conf")
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw EngineError.fonts("\(configURL.path) is missing", fix: "restore Fonts/fonts.conf from the repository")
        }
        guard let config = FcConfigCreate() else { throw EngineError.fonts("fontconfig could not start", fix: "") }
        guard FcConfigParseAndLoad(config, configURL.path, 1) == 1 else {
            FcConfigDestroy(config)
            throw EngineError.fonts("\(configURL.path) is not a valid fontconfig file", fix: "restore it from the repository")
        }
        guard FcConfigAppFontAddDir(config, folder.path) == 1 else {
            FcConfigDestroy(config)
            throw EngineError.fonts("cannot read the fonts in \(folder.path)", fix: "check the folder exists and is readable")
        }
        // Pango warms up fontconfig's default configuration on a background thread. Made
        // current, our own configuration is that default: no scan of the system's fonts
        // and config files (a tenth of a whole render's time).
        FcConfigSetCurrent(config)
        families = FontLibrary.families(in: config)
        coverage = FontLibrary.coverage(in: config)
        guard !families.isEmpty else {
            FcConfigDestroy(config)
            throw EngineError.fonts("no fonts found in \(folder.path)", fix: "restore the .ttf files from the repository")
        }
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            FcConfigDestroy(config)
            throw EngineError.fonts("Pango could not create a font map", fix: "")
        }
        pangoFontMap = map
        pango_fc_font_map_set_config(handouts_as_fc_font_map(map), config)
        FcConfigDestroy(config)  // the font map holds its own reference
        // 72 dpi: one Pango point is one PDF unit.
        pango_cairo_font_map_set_resolution(handouts_as_cairo_font_map(map), 72)
    }

    /// Whether Pango's font matching runs on the render worker's thread (CPangoInlineFontMatch)
    /// rather than on two new threads for every new font pattern.
    public static var matchesFontsOnTheWorkerThread: Bool { handouts_font_match_runs_inline() == 1 }

    deinit {
        handouts_object_unref(pangoFontMap)
        FcCharSetDestroy(coverage)
    }

    /// Characters of `text` that no shipped font has (tofu), in order, each once. Spaces,
    /// controls and invisible format characters (bidi isolates, joiners) need no glyph.
    public func missingCharacters(in text: String) -> [Unicode.Scalar] {
        var missing: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || scalar.properties.isWhitespace { continue }
            if FcCharSetHasChar(coverage, scalar.value) == 0, !missing.contains(scalar) { missing.append(scalar) }
        }
        return missing
    }

    private static func coverage(in config: OpaquePointer) -> OpaquePointer {
        let union = FcCharSetCreate()!
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return union }
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index] else { continue }
            var charset: OpaquePointer?
            if FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) == FcResultMatch, let charset {
                FcCharSetMerge(union, charset, nil)
            }
        }
        return union
    }

    private static func families(in config: OpaquePointer) -> [String] {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return [] }
        var names: Set<String> = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index] else { continue }
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, FC_FAMILY, 0, &value) == FcResultMatch, let value {
                names.insert(String(cString: value))
            }
        }
        return names.sorted()
    }
}

/// Problems in the engine's environment (fonts, output), each with a fix.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    case fonts(String, fix: String)
    case output(String, fix: String)
    /// The site's logo cannot be used.
    case image(String, fix: String)
    case cairo(String)

    /// The problem alone, without the fix.
    public var problem: String {
        switch self {
        case let .fonts(problem, _), let .output(problem, _), let .image(problem, _), let .cairo(problem): return problem
        }
    }

    public var fix: String {
        switch self {
        case let .fonts(_, fix), let .output(_, fix), let .image(_, fix): return fix
        case .cairo: return ""
        }
    }

    public var description: String {
        switch self {
        case let .fonts(problem, fix), let .output(problem, fix), let .image(problem, fix):
            return fix.isEmpty ? problem : "\(problem) — \(fix)"
        case .cairo(let problem):
            return "Cairo failed: \(problem)"
        }
    }
}
