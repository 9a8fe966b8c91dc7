// swift-tools-version:6.0
// A libFuzzer target over the YAML loaders of HandoutModel. Its own package, so the main
// package's `swift build` and `swift test` never build it. Build and run with ./run.sh.
import PackageDescription

let package = Package(
    name: "HandoutsFuzz",
    dependencies: [
        // Named, so the product reference below does not depend on the clone's folder name.
        .package(name: "Handouts", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzLoaders",
            dependencies: [.product(name: "HandoutModel", package: "Handouts")]
        ),
    ]
)
