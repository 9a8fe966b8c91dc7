import HTTPTypes
import Hummingbird

/// Headers on every answer, errors included: a strict Content-Security-Policy (this
/// server's stylesheet and images only; no script, no framing, forms back to this server
/// only), no content-type sniffing, no framing for old browsers, no referrer to elsewhere.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    private static var extra: [(HTTPField.Name, String)] {
        [("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"), ("Cross-Origin-Opener-Policy", "same-origin")]
            .compactMap { name, value in HTTPField.Name(name).map { ($0, value) } }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = SecurityHeaders.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in SecurityHeaders.extra { response.headers[name] = value }
        return response
    }
}

/// Turns every error into the service's own answer (a 4xx with the CLI's one-line
/// message, as JSON for the links and a page for people), and refuses addresses longer
/// than any real one before anything reads them.
struct ErrorAnswers<Context: RequestContext>: RouterMiddleware {
    /// A real link is under 200 characters; 2,048 leaves room and stops a 10 KB query.
    static var longestAddress: Int { 2048 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let json = ErrorAnswers.wantsJSON(request.uri.path)
        let length = request.uri.string.utf8.count
        guard length <= ErrorAnswers.longestAddress else {
            return Responses.error(RequestError(.uriTooLong, "the address is \(length) characters long; at most \(ErrorAnswers.longestAddress) are accepted — use the page's menus or a link from /handouts"), json: json)
        }
        do {
            return try await next(request, context)
        } catch {
            return Responses.error(RequestError.from(error), json: json)
        }
    }

    /// The links for other systems answer in JSON; the page and its parts in HTML.
    static func wantsJSON(_ path: String) -> Bool {
        path == "/handouts" || path.hasPrefix("/handouts/") || path == "/healthz"
    }
}
