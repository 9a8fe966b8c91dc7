// swift-tools-version:6.0
// Handouts: breastfeeding handouts for maternity wards, typeset with Pango and drawn with Cairo.
import PackageDescription

let package = Package(
    name: "Handouts",
    products: [
        .executable(name: "handouts", targets: ["handouts"]),
        .executable(name: "handouts-server", targets: ["handouts-server"]),
        .library(name: "HandoutEngine", targets: ["HandoutEngine"]),
        .library(name: "HandoutModel", targets: ["HandoutModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The ward's web page (handouts-server only; the handouts program does not link them).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The C libraries, from Debian: only Typeset/ uses Pango, only Paint/ uses Cairo.
        .systemLibrary(
            name: "CPangoCairo",
            path: "Sources/CPangoCairo",
            pkgConfig: "pangoft2",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev", "libfontconfig-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            path: "Sources/CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // zlib: the compressed object and cross-reference streams of the finished PDF.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's mallopt, for the render worker's heap (HeapTrimming).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Pango 1.50's font matching done on the render worker's thread, not on two new
        // threads per font pattern (see its one C file for why and how).
        .target(name: "CPangoInlineFontMatch", dependencies: ["CPangoCairo"]),
        // Load + compose: YAML files into checked value types, then a document tree. No C.
        .target(
            name: "HandoutModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Starting and awaiting programs (render helpers, lp) with posix_spawn; see ChildProcess.
        .target(name: "HandoutProcess"),
        // Pure geometry: blocks into frames on pages, behind a TextMeasurer protocol. No C.
        .target(
            name: "HandoutLayout",
            dependencies: ["HandoutModel"]
        ),
        // Reading the PDF Cairo wrote, changing a few objects, writing it again with object
        // streams: what Cairo 1.16 cannot write itself (document language, alt text, boxes).
        .target(name: "HandoutPDF", dependencies: ["CZlib"]),
        // The C-backed stages: Pango typesetting, Cairo painting, PDF writing.
        .target(
            name: "HandoutEngine",
            dependencies: ["HandoutModel", "HandoutLayout", "HandoutProcess", "CPangoCairo", "CPangoInlineFontMatch", "CQRencode", "CMalloc", "HandoutPDF"]
        ),
        // The guide, layouts and fonts bundled with the program, so an installed binary
        // works anywhere. Its path is the package root so the real folders are the resources.
        .target(
            name: "HandoutAssets",
            path: ".",
            exclude: [
                "Sources/CPangoCairo", "Sources/CPangoInlineFontMatch", "Sources/CQRencode", "Sources/CZlib", "Sources/CMalloc", "Sources/HandoutPDF", "Sources/HandoutModel", "Sources/HandoutLayout",
                "Sources/HandoutEngine", "Sources/HandoutProcess", "Sources/handouts", "Sources/HandoutPrinting", "Sources/HandoutServer",
                "Sources/handouts-server", "Tests", "README.md", "docs", "scripts", "Fuzz", "Benchmarks",
            ],
            sources: ["Sources/HandoutAssets"],
            resources: [.copy("Guide"), .copy("Layouts"), .copy("Fonts")]
        ),
        // Printing through CUPS's lp, shared by `handouts print` and the web page.
        .target(name: "HandoutPrinting", dependencies: ["HandoutEngine", "HandoutProcess"]),
        .executableTarget(
            name: "handouts",
            dependencies: [
                "HandoutModel", "HandoutEngine", "HandoutAssets", "HandoutPrinting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The ward's web page: routes, HTML, the PDF cache and the security rules. It renders
        // through the engine's helper processes and calls no C library itself.
        .target(
            name: "HandoutServer",
            dependencies: [
                "HandoutModel", "HandoutEngine", "HandoutPrinting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Its own program, so that Hummingbird and SwiftNIO never slow `handouts render`'s
        // start; `handouts serve` starts it.
        .executableTarget(
            name: "handouts-server",
            dependencies: [
                "HandoutServer", "HandoutModel", "HandoutAssets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HandoutModelTests", dependencies: ["HandoutModel"]),
        .testTarget(name: "HandoutPDFTests", dependencies: ["HandoutPDF", "HandoutProcess"]),
        .testTarget(name: "HandoutLayoutTests", dependencies: ["HandoutLayout", "HandoutModel"]),
        .testTarget(
            name: "HandoutEngineTests",
            dependencies: ["HandoutEngine", "HandoutLayout", "HandoutModel", "HandoutAssets", "HandoutProcess"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["handouts", "HandoutModel", "HandoutProcess"]
        ),
        .testTarget(
            name: "HandoutServerTests",
            dependencies: [
                "HandoutServer", "HandoutEngine", "HandoutModel", "HandoutProcess", "handouts", "handouts-server",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
