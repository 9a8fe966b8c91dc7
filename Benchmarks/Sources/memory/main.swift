// Renders N documents in one process through the render worker (the web service's way of
// working), each with a different site profile and cycling through handouts, languages and
// countries, and prints resident memory after 1, 100, 1,000 and every further 1,000 renders.
// Flat figures after the caches fill mean nothing leaks.
//
//   swift run --package-path Benchmarks -c release memory [-n 10000]
import BenchSupport
import Foundation
import HandoutEngine
import HandoutModel

var count = 10_000
if let index = CommandLine.arguments.firstIndex(of: "-n"), index + 1 < CommandLine.arguments.count,
   let value = Int(CommandLine.arguments[index + 1]), value > 0 {
    count = value
}

let project = BenchSupport.project()
let worker = try RenderWorker(project: project)
let handouts = ["colostrum-facts", "first-week", "alternatives-card"]
let languages = project.languages
let countries = ["GB", "US", "DE", nil]
let start = Date()
print("renders  resident MiB  seconds")
for serial in 1...count {
    let request = RenderRequest(handout: handouts[serial % handouts.count], language: languages[serial % languages.count],
                                country: countries[serial % countries.count], site: BenchSupport.site(serial))
    _ = try await worker.render(request)
    if [1, 100].contains(serial) || serial % 1_000 == 0 {
        print(String(format: "%7d  %12.1f  %7.1f", serial, residentMiB(), Date().timeIntervalSince(start)))
    }
}
