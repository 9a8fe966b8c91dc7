import Foundation
import HandoutProcess

/// A W3C WebDriver session with headless Chromium through chromedriver, over plain HTTP
/// (TinyHTTP): navigate, find, click, run a script, read an attribute.
final class WebDriver {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    /// W3C's key for an element reference in JSON.
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// Why a browser cannot run here, or nil.
    static var unavailableReason: String? {
        for path in [chromium, chromedriver] where !FileManager.default.isExecutableFile(atPath: path) {
            return "\(path) is missing (apt-get install chromium chromium-driver)"
        }
        return nil
    }

    private let driver: ChildProcess
    private let http: TinyHTTP
    private var session = ""

    init() throws {
        let port = try TinyHTTP.freePort()
        driver = try ChildProcess(executable: WebDriver.chromedriver, arguments: ["--port=\(port)"], output: .null, error: .null)
        http = TinyHTTP(port: port)
        var ready = false
        for _ in 0..<100 where !ready {
            ready = ((try? http.get("/status"))?.status == 200)
            if !ready { usleep(100_000) }
        }
        guard ready else { stop(); throw Failure(description: "chromedriver did not start on port \(port)") }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": WebDriver.chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--window-size=1280,1000", "--no-first-run", "--disable-extensions"]],
        ] as [String: Any]]]
        do {
            let value = try call("POST", "/session", capabilities)
            guard let id = (value as? [String: Any])?["sessionId"] as? String else { throw Failure(description: "no session: \(value)") }
            session = id
        } catch {
            stop()
            throw error
        }
    }

    func stop() {
        if !session.isEmpty { _ = try? call("DELETE", "/session/\(session)", nil) }
        session = ""
        if driver.isRunning {
            driver.send(SIGTERM)
            for _ in 0..<20 where driver.isRunning { usleep(50_000) }
            driver.send(SIGKILL)
            driver.wait()
        }
    }

    deinit { stop() }

    func open(_ url: String) throws { _ = try call("POST", "/session/\(session)/url", ["url": url]) }

    /// The element for a CSS selector, waiting up to `seconds` for it to appear.
    func find(_ selector: String, seconds: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                let value = try call("POST", "/session/\(session)/element", ["using": "css selector", "value": selector])
                if let id = (value as? [String: Any])?[WebDriver.elementKey] as? String { return id }
            } catch where Date() < deadline {
                usleep(200_000)
                continue
            }
            throw Failure(description: "no element \(selector)")
        }
    }

    func click(_ selector: String) throws {
        _ = try call("POST", "/session/\(session)/element/\(try find(selector))/click", [:])
    }

    func type(_ text: String, into selector: String) throws {
        let element = try find(selector)
        _ = try call("POST", "/session/\(session)/element/\(element)/clear", [:])
        _ = try call("POST", "/session/\(session)/element/\(element)/value", ["text": text])
    }

    func attribute(_ name: String, of selector: String) throws -> String? {
        try call("GET", "/session/\(session)/element/\(try find(selector))/attribute/\(name)", nil) as? String
    }

    func text(of selector: String, seconds: Double = 30) throws -> String {
        (try call("GET", "/session/\(session)/element/\(try find(selector, seconds: seconds))/text", nil) as? String) ?? ""
    }

    /// Runs JavaScript in the page (WebDriver's own channel, not subject to the page's CSP).
    func execute(_ script: String) throws -> Any {
        try call("POST", "/session/\(session)/execute/sync", ["script": script, "args": [Any]()])
    }

    /// Waits until `script` returns true.
    func wait(until script: String, seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? execute(script)) as? Bool == true { return }
            usleep(200_000)
        }
        throw Failure(description: "waited \(Int(seconds)) s for: \(script)")
    }

    private func call(_ method: String, _ path: String, _ body: Any?) throws -> Any {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let response = try http.send(method, path, headers: data == nil ? [:] : ["Content-Type": "application/json"], body: data)
        let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard response.status == 200 else {
            let message = ((json?["value"] as? [String: Any])?["message"] as? String) ?? response.text
            throw Failure(description: "WebDriver \(method) \(path): \(response.status) \(message.prefix(300))")
        }
        return json?["value"] ?? NSNull()
    }
}
