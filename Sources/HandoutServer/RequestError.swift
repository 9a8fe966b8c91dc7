import HandoutEngine
import HandoutModel
import Hummingbird

/// A request the service cannot answer as asked, with the status code and the one-line
/// message the command line gives for the same mistake.
struct RequestError: Error, Sendable, CustomStringConvertible {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = LoadError.oneLine(message)
    }

    var description: String { message }

    /// Any error as a request error: what the engine and the loaders throw describe
    /// themselves in one line; nothing becomes a 500 or a stack.
    static func from(_ error: any Error) -> RequestError {
        switch error {
        case let known as RequestError:
            return known
        case let failure as RenderFailure:
            switch failure.kind {
            case .request: return RequestError(.badRequest, failure.message)
            case .data: return RequestError(.unprocessableContent, failure.message)
            case .io, .internalError: return RequestError(.serviceUnavailable, failure.message)
            }
        case is LanguageError, is UnknownCountry:
            return RequestError(.badRequest, String(describing: error))
        case let http as HTTPError:
            return RequestError(http.status, http.body ?? http.status.reasonPhrase.lowercased())
        case is LoadError:
            // A broken guide, layout or unit profile on the server's side of the request.
            return RequestError(.unprocessableContent, String(describing: error))
        default:
            return RequestError(.serviceUnavailable, "the handout could not be made: \(String(describing: error))")
        }
    }
}
