import Hummingbird
import Logging

/// One log line per request: method, path (without the query, which may be long), status
/// and milliseconds.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let path = String(request.uri.path.prefix(200))
        logger.info("\(request.method.rawValue) \(path) \(response.status.code) \(RequestLog.format(milliseconds)) ms")
        return response
    }

    /// "3.2": one decimal, without Foundation's formatters.
    static func format(_ milliseconds: Double) -> String {
        let tenths = Int((milliseconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
