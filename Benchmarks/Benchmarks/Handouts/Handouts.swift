// The Handouts benchmark suite (ordo-one/benchmark). Run from the repository root:
//
//   swift package --package-path Benchmarks benchmark
//   swift package --package-path Benchmarks benchmark --filter "Fact sheet.*"
//
// Every render gets a different site profile (BenchSupport.site), so the work cannot come
// from a cache. The project root is found from #filePath, or from $HANDOUTS_ROOT when set
// (see BenchSupport.projectRoot).
//
// ordo-one/benchmark runs each benchmark in a process of its own, so the renderer below is
// made once per benchmark, in its first (warm-up) iteration, and peak memory is per benchmark.
// The CPU-time metric of ordo-one/benchmark reads /proc/self/stat and moves in 10 ms steps
// here, too coarse for one document: "CPU time, getrusage (us)" is the same figure, the
// process's user + system time, from getrusage to the microsecond.

import Benchmark
import BenchSupport
import Foundation
import HandoutEngine
import HandoutModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One renderer per benchmark process, made on first use (in a warm-up iteration).
private let renderer: Renderer = {
    do { return try Renderer(project: BenchSupport.project()) } catch { fatalError("cannot start a renderer: \(error)") }
}()

import Synchronization

/// Counts renders in this process, so every render gets a site profile of its own.
private let renders = Atomic<Int>(0)
private enum Serial { static func next() -> Int { renders.add(1, ordering: .relaxed).newValue } }

private let cpuMetric = BenchmarkMetric.custom("CPU time, getrusage (us)")

/// User + system CPU time of the whole process (every thread), in microseconds.
private func cpuMicroseconds() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return (Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec)) * 1_000_000
        + Int(usage.ru_utime.tv_usec) + Int(usage.ru_stime.tv_usec)
}

/// Runs `body` once per scaled iteration and records its CPU time as `cpuMetric`.
private func measure(_ benchmark: Benchmark, _ body: () throws -> Void) throws {
    let start = cpuMicroseconds()
    for _ in benchmark.scaledIterations { try body() }
    benchmark.measurement(cpuMetric, cpuMicroseconds() - start)
}

/// Compose + typeset + lay out + paint to PDF bytes (nothing is written to disk).
private func render(_ handout: String, _ language: String, _ paper: Paper) throws -> Int {
    let site = BenchSupport.site(Serial.next())
    return try renderer.renderPDF(handout: handout, language: language, paper: paper, site: site).count
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, cpuMetric, .mallocCountTotal, .peakMemoryResident]
    let units: [BenchmarkMetric: BenchmarkUnits] = [cpuMetric: .count]  // always microseconds, never "(K)"

    // One document per iteration.
    let single = Benchmark.Configuration(
        metrics: metrics, timeUnits: .milliseconds, units: units, warmupIterations: 3,
        maxDuration: .seconds(5), maxIterations: 200)

    for language in ["en", "ar", "ja"] {
        Benchmark("Fact sheet \(language) A4 (colostrum-facts)", configuration: single) { benchmark in
            try measure(benchmark) { blackHole(try render("colostrum-facts", language, .a4)) }
        }
    }
    Benchmark("Checklist en A4 (first-week)", configuration: single) { benchmark in
        try measure(benchmark) { blackHole(try render("first-week", "en", .a4)) }
    }
    Benchmark("Card en A6 (alternatives-card)", configuration: single) { benchmark in
        try measure(benchmark) { blackHole(try render("alternatives-card", "en", .a6)) }
    }

    // Every handout x every language x every paper it is made for, in one iteration.
    Benchmark(
        "Batch: every handout x language x paper",
        configuration: .init(metrics: metrics, timeUnits: .milliseconds, units: units, warmupIterations: 1,
                             maxDuration: .seconds(30), maxIterations: 15)
    ) { benchmark in
        try measure(benchmark) {
            let project = renderer.project
            for handout in project.handouts {
                let papers = try project.layout(handout).papers
                for language in project.languages {
                    for paper in papers { blackHole(try render(handout, language, paper)) }
                }
            }
        }
    }

    // Start-up, in parts and whole; a fresh Project (no cached files) each iteration.
    let startup = Benchmark.Configuration(
        metrics: metrics, timeUnits: .milliseconds, units: units, warmupIterations: 3,
        maxDuration: .seconds(5), maxIterations: 200)

    // The private fontconfig over Fonts/, the Pango font map, and Layouts/theme.yaml.
    Benchmark("Start-up: Renderer(project:) (font map + theme)", configuration: startup) { benchmark in
        try measure(benchmark) { blackHole(try Renderer(project: BenchSupport.project())) }
    }
    // Guide/*.yaml (every language), Guide/sources.yaml, Layouts/*.yaml and the theme.
    Benchmark("Start-up: load every guide and layout", configuration: startup) { benchmark in
        try measure(benchmark) {
            let project = BenchSupport.project()
            for language in project.languages { blackHole(try project.guide(language)) }
            for handout in project.handouts { blackHole(try project.layout(handout)) }
            blackHole(try project.sources())
            blackHole(try project.theme())
        }
    }
    // What one `handouts render colostrum-facts` does in process: a fresh Project and
    // Renderer, then the first render, which also loads the guide, the font files and warms Pango.
    Benchmark("Start-up: fresh Renderer + first fact sheet en A4", configuration: startup) { benchmark in
        try measure(benchmark) {
            let fresh = try Renderer(project: BenchSupport.project())
            blackHole(try fresh.renderPDF(handout: "colostrum-facts", language: "en", paper: .a4,
                                          site: BenchSupport.site(Serial.next())).count)
        }
    }
}
