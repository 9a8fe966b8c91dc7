import Foundation
import Hummingbird

/// Responses with the headers the service always sets for their kind.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A file the service made, with its ETag: a repeat with `If-None-Match` gets 304 and
    /// no body. `no-cache` lets a browser keep it but ask again each time, so an edited
    /// guide is seen at once.
    static func file(_ data: Data, type: String, etag: String, request: Request, fileName: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type, .eTag: etag, .cacheControl: "no-cache"]
        if let fileName { headers[.contentDisposition] = "attachment; filename=\"\(fileName)\"" }
        if let asked = request.headers[.ifNoneMatch], matches(asked, etag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `If-None-Match: "a", "b"` or `*`.
    private static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { part in
            let tag = part.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// A bad request's answer: `{"error": "…", "status": 400}` for other systems, a short
    /// page with the message for people.
    static func error(_ error: RequestError, json: Bool) -> Response {
        if json { return Responses.json(ErrorBody(error: error.message, status: Int(error.status.code)), status: error.status) }
        let body = """
            <header class="top"><h1>Breastfeeding handouts</h1></header>
            <main><p class="message error" role="alert" id="error"><strong>Not possible:</strong> \(HTML.escape(error.message))</p>
            <p><a class="button" href="/">Back to the handouts</a></p></main>
            """
        return html(HTML.document(title: "Not possible — Breastfeeding handouts", body: body), status: error.status)
    }

    struct ErrorBody: Encodable {
        let error: String
        let status: Int
    }
}
