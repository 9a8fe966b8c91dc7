import HandoutEngine

/// What renders for the web service: the engine's pool of helper processes (one per core),
/// or, in a test, anything with the same call.
public protocol HandoutRendering: Sendable {
    func render(_ request: RenderRequest) async throws -> RenderResult
}

extension WorkerPool: HandoutRendering {}
extension RenderWorker: HandoutRendering {}
