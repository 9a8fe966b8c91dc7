import HandoutModel

/// A picture the layout places: a figure of the guide (`Guide/figures/ID.svg`) or the
/// unit's logo (a file the site profile names). The engine's image library resolves it.
public enum ImageRef: Sendable, Hashable, CustomStringConvertible {
    case figure(String)
    case logo(String)

    public var description: String {
        switch self {
        case .figure(let id): return "figure \(id)"
        case .logo(let path): return "logo " + (path.split(separator: "/").last.map(String.init) ?? path)
        }
    }
}

/// Tells the layout how big each picture is (only its proportions matter once scaled),
/// so the layout, not the painter, fits pictures; geometry tests use a fixed stand-in.
public protocol ImageMeasurer {
    func size(of image: ImageRef) throws -> Size
}

/// Every picture 100 × 100: for tests that do not care about pictures.
public struct SquareImageMeasurer: ImageMeasurer {
    public init() {}
    public func size(of image: ImageRef) throws -> Size { Size(width: 100, height: 100) }
}
