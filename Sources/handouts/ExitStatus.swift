import ArgumentParser
import Foundation
import HandoutEngine
import HandoutModel
import HandoutPrinting

/// Exit codes, in the spirit of BSD sysexits so scripts can tell the causes apart.
enum ExitStatus: Int32 {
    case ok = 0
    /// `render --all`: some items failed, the rest were written.
    case someFailed = 1
    /// Bad command line: unknown option, handout, language or paper.
    case usage = 64
    /// Bad data in a guide, layout, theme or site file, or content that does not fit.
    case data = 65
    /// Printing is not possible here (no CUPS, no such printer).
    case unavailable = 69
    /// A file could not be read or written.
    case io = 74

    static let help = """
        Exit status: 0 ok; 1 some items failed (the rest were written); 64 bad command line \
        (unknown handout, language, paper or option); 65 bad data (guide, layout, theme or \
        site file) or text that does not fit; 69 printing unavailable (no CUPS or no such \
        printer); 74 a file could not be read or written.
        """

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The status an error deserves.
    static func of(_ error: Error) -> ExitStatus {
        switch error {
        case is UsageError: return .usage
        case is CUPSQueue.Unavailable: return .unavailable
        case let failure as RenderFailure:
            switch failure.kind {
            case .request: return .usage
            case .data: return .data
            case .io: return .io
            case .internalError: return .someFailed
            }
        case is LanguageError, is UnknownCountry: return .usage
        case let engine as EngineError:
            if case .output = engine { return .io }
            return .data
        default: return .data
        }
    }
}

/// A mistake on the command line, in one line with the fix.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Messages for people: errors and warnings on standard error, one line each.
enum Console {
    static func error(_ error: Error) {
        // Our errors describe themselves in one line (CustomStringConvertible).
        let text = String(describing: error)
        FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    }

    /// In a helper process: warnings are the parent's to give, once.
    nonisolated(unsafe) static var quiet = false

    static func warning(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// Terminal columns a string takes: combining marks none, East Asian wide characters two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return width
            default: break
            }
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            return width + (wide ? 2 : 1)
        }
    }

    static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }
}
