import Foundation
import HandoutEngine
import Hummingbird
import Logging
import ServiceLifecycle

/// The ward's web service: the nurse's page, the links for other systems, the cache and
/// the security rules, on Hummingbird.
public enum HandoutServer {
    /// The application for `settings`, rendering with `renderer` (the pool of helper
    /// processes in the program; the tests pass theirs). `onRunning` hears the port bound.
    /// With `warmUp`, the thumbnails are rendered at start (the program does; tests that
    /// count renders do not).
    public static func application(settings: ServerSettings, renderer: any HandoutRendering, logger: Logger, warmUp: Bool = false,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let service = HandoutService(settings: settings, renderer: renderer)
        let configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port),
                                                     serverName: nil)
        return Application(router: router(service, logger: logger), configuration: configuration,
                           services: warmUp ? [WarmUp(service: service)] : [],
                           onServerRunning: { channel in
                               let port = channel.localAddress?.port ?? settings.port
                               logger.info("listening on http://\(settings.host):\(port)/")
                               await onRunning(port)
                           },
                           logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then finishes the requests in progress, stops the
    /// helper processes and returns.
    public static func run(settings: ServerSettings, logger: Logger) async throws {
        let pool = WorkerPool(executable: settings.helper, arguments: settings.helperArguments, count: settings.workers)
        let app = application(settings: settings, renderer: pool, logger: logger, warmUp: true)
        do {
            try await app.runService()
        } catch {
            await pool.shutdown()
            throw error
        }
        await pool.shutdown()
        logger.info("stopped")
    }

    static func router(_ service: HandoutService, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLog(logger: logger))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorAnswers())
        let page = PageRoutes(service: service), files = FileRoutes(service: service)
        router.get("/") { request, _ in await page.page(request) }
        router.post("/print") { request, _ in await page.print(request) }
        router.get("/style.css") { request, _ in files.stylesheet(request) }
        router.get("/handouts/{handout}.pdf") { request, context in
            try await files.pdf(request, handout: context.parameters.get("handout") ?? "")
        }
        router.get("/previews/{handout}.png") { request, context in
            try await files.preview(request, handout: context.parameters.get("handout") ?? "")
        }
        router.get("/thumbnails/{handout}.png") { request, context in
            try await files.thumbnail(request, handout: context.parameters.get("handout") ?? "")
        }
        router.get("/handouts") { _, _ in
            Responses.json(CatalogueJSON(PageCatalogue(project: service.project, units: service.units), overlays: service.project.overlays))
        }
        router.get("/healthz") { _, _ in
            let project = service.project
            return Responses.json(Health(status: "ok", version: service.settings.version, workers: service.settings.workers,
                                         handouts: project.handouts.count, languages: project.languages.count,
                                         cache: await service.cache.statistics))
        }
        return router
    }
}

/// The thumbnails, rendered once at start: it starts the helper processes, so the first
/// nurse does not wait for them. A service of the server's group rather than a loose task,
/// so a SIGTERM during it stops it and the server returns only once it has (a loose task
/// went on rendering, and starting helpers, after the pool had stopped).
struct WarmUp: Service {
    let service: HandoutService

    func run() async throws {
        // The server answers while this runs.
        try? await cancelWhenGracefulShutdown { [service] in await service.warmUp() }
        // A service that returns stops the whole group: wait for the server's stop instead.
        try? await gracefulShutdown()
    }
}

extension HandoutService {
    func warmUp() async {
        for handout in project.handouts where !Task.isCancelled {
            let choice = HandoutChoice(handout: handout, language: "en", unit: nil, country: nil, paper: nil, variant: .standard)
            _ = try? await render(choice, output: .png(dpi: FileRoutes.thumbnailDPI))
        }
    }
}
