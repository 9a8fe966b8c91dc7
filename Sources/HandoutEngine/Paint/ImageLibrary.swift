import CPangoCairo
import Foundation
import HandoutLayout
import HandoutModel

/// The unit's logo: PNG through Cairo, SVG through librsvg (drawn as vectors, the library
/// loaded only when an SVG is used). Loaded once, checked before anything is written, and
/// drawn scaled to fit its box.
public final class ImageLibrary: ImageMeasurer {
    enum Picture {
        case png(OpaquePointer, width: Double, height: Double)
        case svg(OpaquePointer, width: Double, height: Double)  // HandoutsRsvgHandle
    }

    private var pictures: [String: Picture] = [:]
    /// Where figures come from: ids of the catalogue only.
    private let assets: AssetSource?

    public init(assets: AssetSource? = nil) { self.assets = assets }

    /// The file behind a picture reference: a figure by its catalogue id, the logo by the
    /// path the site profile gave.
    func path(for image: ImageRef) throws -> String {
        switch image {
        case .logo(let path): return path
        case .figure(let id):
            guard let assets else { throw EngineError.image("no figures for figure \(id)", fix: "") }
            do { return try assets.figure(id).path } catch {
                throw EngineError.image(String(describing: error), fix: "")
            }
        }
    }

    /// The picture's natural size in points, for the layout to fit it.
    public func size(of image: ImageRef) throws -> Size {
        switch try picture(path(for: image)) {
        case let .png(_, width, height), let .svg(_, width, height): return Size(width: width, height: height)
        }
    }

    deinit {
        for picture in pictures.values {
            switch picture {
            case .png(let surface, _, _): cairo_surface_destroy(surface)
            case .svg(let handle, _, _): handouts_object_unref(UnsafeMutableRawPointer(handle))
            }
        }
    }

    /// Largest picture file read: a logo is a few hundred kilobytes; a larger file is
    /// most likely a photograph or the wrong file.
    public static let maximumBytes = 16 * 1024 * 1024

    /// What loading a picture changed, by path (a logo scaled down), to be said once.
    private var notes: [String: String] = [:]

    /// Loads and checks a picture file, or says in one line why it cannot be used. Returns
    /// what was done to it, if anything ("scaled down to 2000 × 1000 px").
    @discardableResult
    public func check(_ path: String) throws -> String? {
        _ = try picture(path)
        return notes[path]
    }

    func picture(_ path: String) throws -> Picture {
        if let cached = pictures[path] { return cached }
        // Read here, from a regular file only: a named pipe would block Cairo's or librsvg's
        // own read for ever.
        let bytes: Data
        do {
            bytes = try RegularFile.read(path, maximumBytes: ImageLibrary.maximumBytes)
        } catch let refusal {
            throw EngineError.image("cannot use the logo \(path): \(refusal.problem)",
                                    fix: refusal.size != nil ? "export it smaller (a logo needs at most \(PNGLoader.embeddedLongSide.grouped) px), or as SVG"
                                        : refusal.fix)
        }
        let picture: Picture
        if path.lowercased().hasSuffix(".svg") {
            guard let rsvg = handouts_rsvg() else {
                throw EngineError.image("the SVG logo \(path) needs librsvg, which is not installed",
                                        fix: "apt-get install librsvg2-2, or use a PNG logo")
            }
            var error: UnsafeMutablePointer<GError>?
            let created = bytes.withUnsafeBytes { buffer in
                rsvg.pointee.new_from_data(buffer.bindMemory(to: guint8.self).baseAddress, gsize(buffer.count), &error)
            }
            guard let handle = created else {
                let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
                if let error { g_error_free(error) }
                throw EngineError.image("the logo \(path) is not a readable SVG file (\(reason))", fix: "export it again as SVG or PNG")
            }
            var width = 0.0, height = 0.0
            if rsvg.pointee.intrinsic_size_in_pixels(handle, &width, &height) == 0 || width <= 0 || height <= 0 {
                // No width and height: use the view box's proportions.
                var hasViewBox: gboolean = 0
                var viewBox = HandoutsRsvgRectangle()
                rsvg.pointee.intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
                (width, height) = hasViewBox != 0 ? (viewBox.width, viewBox.height) : (100, 100)
            }
            picture = .svg(handle, width: width, height: height)
        } else {
            let loaded = try PNGLoader.load(bytes, path: path)
            if let note = loaded.note { notes[path] = note }
            picture = .png(loaded.surface, width: Double(cairo_image_surface_get_width(loaded.surface)),
                           height: Double(cairo_image_surface_get_height(loaded.surface)))
        }
        pictures[path] = picture
        return picture
    }

    /// Draws `path` centred in `rect`, as large as fits without distortion. In grayscale
    /// the picture is drawn as greys (an SVG is rasterised at 300 dpi for that).
    func draw(_ image: ImageRef, in rect: Rect, on cr: OpaquePointer, grayscale: Bool) throws {
        let path = try path(for: image)
        let picture = try picture(path)
        let (width, height): (Double, Double)
        switch picture {
        case let .png(_, w, h), let .svg(_, w, h): (width, height) = (w, h)
        }
        let scale = min(rect.width / width, rect.height / height)
        let drawn = Rect(x: rect.x + (rect.width - width * scale) / 2, y: rect.y + (rect.height - height * scale) / 2,
                         width: width * scale, height: height * scale)
        cairo_save(cr)
        defer { cairo_restore(cr) }
        // A picture never draws outside the box the layout gave it.
        cairo_rectangle(cr, drawn.x, drawn.y, drawn.width, drawn.height)
        cairo_clip(cr)
        switch picture {
        case let .png(surface, _, _):
            let source = grayscale ? ImageLibrary.greyCopy(surface) : cairo_surface_reference(surface)!
            defer { cairo_surface_destroy(source) }
            cairo_translate(cr, drawn.x, drawn.y)
            cairo_scale(cr, scale, scale)
            cairo_set_source_surface(cr, source, 0, 0)
            cairo_paint(cr)
        case let .svg(handle, _, _):
            if grayscale {
                // Rasterise at 300 dpi, then drop the colour.
                let pixels = 300.0 / 72.0
                let raster = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(drawn.width * pixels), Int32(drawn.height * pixels))!
                let rasterContext = cairo_create(raster)
                var viewport = HandoutsRsvgRectangle(x: 0, y: 0, width: drawn.width * pixels, height: drawn.height * pixels)
                _ = handouts_rsvg()!.pointee.render_document(handle, rasterContext, &viewport, nil)
                cairo_destroy(rasterContext)
                let grey = ImageLibrary.greyCopy(raster)
                cairo_surface_destroy(raster)
                defer { cairo_surface_destroy(grey) }
                cairo_translate(cr, drawn.x, drawn.y)
                cairo_scale(cr, 1 / pixels, 1 / pixels)
                cairo_set_source_surface(cr, grey, 0, 0)
                cairo_paint(cr)
            } else {
                var viewport = HandoutsRsvgRectangle(x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height)
                var error: UnsafeMutablePointer<GError>?
                if handouts_rsvg()!.pointee.render_document(handle, cr, &viewport, &error) == 0 {
                    let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
                    if let error { g_error_free(error) }
                    throw EngineError.image("the logo \(path) could not be drawn (\(reason))", fix: "export it again as SVG or PNG")
                }
            }
        }
    }

    /// An ARGB copy of `surface` with every pixel replaced by its luminance.
    static func greyCopy(_ surface: OpaquePointer) -> OpaquePointer {
        let width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface)
        let copy = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        let context = cairo_create(copy)
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_paint(context)
        cairo_destroy(context)
        cairo_surface_flush(copy)
        let stride = Int(cairo_image_surface_get_stride(copy))
        if let data = cairo_image_surface_get_data(copy) {
            for y in 0..<Int(height) {
                let row = data + y * stride
                for x in 0..<Int(width) {
                    let pixel = row + x * 4  // BGRA in memory on little-endian machines
                    let blue = 0.0722 * Double(pixel[0]), green = 0.7152 * Double(pixel[1]), red = 0.2126 * Double(pixel[2])
                    let grey = UInt8(min(255.0, (blue + green + red).rounded()))
                    pixel[0] = grey; pixel[1] = grey; pixel[2] = grey
                }
            }
        }
        cairo_surface_mark_dirty(copy)
        return copy
    }
}
