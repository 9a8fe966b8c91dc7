// swift-tools-version: 6.1
// Benchmarks for Handouts, in a package of their own so that `swift build` and `swift test`
// in the repository root never build ordo-one/benchmark.
//
//   swift package --package-path Benchmarks benchmark            # the suite (release build)
//   swift run --package-path Benchmarks -c release inprocess ...  # ms/doc, as the peers print it
//   Benchmarks/compare-peers.sh                                   # against Typst and WeasyPrint
import PackageDescription

let package = Package(
    name: "HandoutsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, so that the dependency does not take the name of the clone's folder.
        .package(name: "Handouts", path: ".."),
        // The trait list replaces the package's defaults: its other default trait pulls in a
        // runtime interposer that is not available here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Finds the project root and makes the changing site profiles.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "HandoutEngine", package: "Handouts"),
                .product(name: "HandoutModel", package: "Handouts"),
            ]
        ),
        // The ordo-one/benchmark suite: the plugin runs every executable target whose folder
        // is in Benchmarks/Benchmarks/.
        .executableTarget(
            name: "HandoutsBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HandoutEngine", package: "Handouts"),
                .product(name: "HandoutModel", package: "Handouts"),
            ],
            path: "Benchmarks/Handouts",
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Renders one handout N times in one process and prints docs/s and ms/doc, the
        // peers' `-n N --vary` figure. Used by compare-peers.sh.
        .executableTarget(
            name: "inprocess",
            dependencies: [
                "BenchSupport",
                .product(name: "HandoutEngine", package: "Handouts"),
                .product(name: "HandoutModel", package: "Handouts"),
            ]
        ),
        // Renders 10,000 documents in one process through the render worker, the input
        // changed every time, and prints resident memory as it goes: a leak shows as growth.
        .executableTarget(
            name: "memory",
            dependencies: [
                "BenchSupport",
                .product(name: "HandoutEngine", package: "Handouts"),
                .product(name: "HandoutModel", package: "Handouts"),
            ]
        ),
    ]
)
