// swift-tools-version:6.0
// Handouts: breastfeeding handouts for maternity wards, typeset with Pango and drawn with Cairo.
import PackageDescription

let package = Package(
    name: "Handouts",
    products: [
        .executable(name: "handouts", targets: ["handouts"]),
        .library(name: "HandoutEngine", targets: ["HandoutEngine"]),
        .library(name: "HandoutModel", targets: ["HandoutModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        // Load + compose: YAML files into checked value types, then a document tree. No C.
        .target(
            name: "HandoutModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Pure geometry: blocks into frames on pages, behind a TextMeasurer protocol. No C.
        .target(
            name: "HandoutLayout",
            dependencies: ["HandoutModel"]
        ),
        // The C-backed stages: Pango typesetting, Cairo painting, PDF writing.
        .target(
            name: "HandoutEngine",
            dependencies: ["HandoutModel", "HandoutLayout", "CPangoCairo", "CQRencode"]
        ),
        // The guide, layouts and fonts bundled with the program, so an installed binary
        // works anywhere. Its path is the package root so the real folders are the resources.
        .target(
            name: "HandoutAssets",
            path: ".",
            exclude: [
                "Sources/CPangoCairo", "Sources/CQRencode", "Sources/HandoutModel", "Sources/HandoutLayout",
                "Sources/HandoutEngine", "Sources/handouts", "Tests", "README.md", "docs", "scripts", "Fuzz", "Benchmarks",
            ],
            sources: ["Sources/HandoutAssets"],
            resources: [.copy("Guide"), .copy("Layouts"), .copy("Fonts")]
        ),
        .executableTarget(
            name: "handouts",
            dependencies: [
                "HandoutModel", "HandoutEngine", "HandoutAssets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HandoutModelTests", dependencies: ["HandoutModel"]),
        .testTarget(name: "HandoutLayoutTests", dependencies: ["HandoutLayout", "HandoutModel"]),
        .testTarget(
            name: "HandoutEngineTests",
            dependencies: ["HandoutEngine", "HandoutLayout", "HandoutModel", "HandoutAssets"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["handouts", "HandoutModel"]
        ),
    ]
)
