import Foundation
import HandoutModel
import Synchronization

/// The units' site profiles (`--units DIR`): `riverside.yaml` is unit `riverside`. A unit
/// id from a request is looked up in the folder's listing, never joined into a path, so
/// `../../etc/passwd` is only an unknown unit. Profiles are loaded on first use and again
/// when their file changes.
final class UnitProfiles: Sendable {
    struct Unit: Sendable {
        let id: String
        let site: Site
    }

    private struct Loaded: Sendable {
        let site: Site
        let stamp: UInt64
    }

    private struct Listing: Sendable {
        let stamp: UInt64
        let ids: [String]
    }

    let folder: URL?
    private let loaded = Mutex<[String: Loaded]>([:])
    private let listing = Mutex<Listing?>(nil)

    init(folder: URL?) {
        self.folder = folder?.standardizedFileURL
    }

    /// The unit ids the folder holds now, sorted: listed again when the folder changes
    /// (a file added, removed or renamed changes its modification time).
    var ids: [String] {
        guard let folder else { return [] }
        let stamp = FileFingerprint.of(folders: [], files: [folder.path])
        if let known = listing.withLock({ $0 }), known.stamp == stamp { return known.ids }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ids = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .filter(UnitProfiles.isUnitID)
            .sorted()
        listing.withLock { $0 = Listing(stamp: stamp, ids: ids) }
        return ids
    }

    /// Binary search: the listing is sorted, and a folder may hold many units.
    private static func find(_ id: String, in sorted: [String]) -> String? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == id ? sorted[low] : nil
    }

    /// Lower-case letters, digits and dashes: what a file name may give as a unit id.
    static func isUnitID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 60 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            && text.first != "-"
    }

    /// The unit `id`'s profile. Throws a request error for an id the folder does not list,
    /// the profile's own one-line error when it is broken.
    func unit(_ id: String, countries: [String]) throws -> Unit {
        let listed = ids
        guard let folder, let name = UnitProfiles.find(id, in: listed) else {
            throw RequestError(.badRequest, "unknown unit \"\(LoadError.oneLine(String(id.prefix(40))))\" — "
                                   + (listed.isEmpty ? "this server has no unit profiles (start it with --units DIR)"
                                                     : NearestName.hint(for: id, among: listed, noun: "one of")))
        }
        // The file name comes from the listing, not from the request.
        let file = folder.appendingPathComponent(name + ".yaml")
        let stamp = FileFingerprint.of(folders: [], files: [file.path])
        if let hit = loaded.withLock({ $0[name] }), hit.stamp == stamp { return Unit(id: name, site: hit.site) }
        let site = try SiteLoader.load(file, displayName: name + ".yaml", countries: countries)
        loaded.withLock { $0[name] = Loaded(site: site, stamp: stamp) }
        return Unit(id: name, site: site)
    }

    /// The unit shown first on the page: the only one, when there is only one; with
    /// several, none (write-in lines) until the nurse picks hers.
    var defaultUnit: String? {
        let listed = ids
        return listed.count == 1 ? listed[0] : nil
    }
}
