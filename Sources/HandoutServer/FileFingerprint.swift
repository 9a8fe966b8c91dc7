import Glibc

/// What the files on disk are now, as one number: every file's path, modification time and
/// size under some folders. Part of the cache key, so an edited guide, layout, region,
/// font or unit profile gives a new key at once, without a restart and without reading a
/// file. (The project re-reads the changed file itself when the render asks for it.)
enum FileFingerprint {
    /// Files under `folders` (two levels: Guide/regions/GB.yaml) and the single `files`.
    static func of(folders: [String], files: [String] = []) -> UInt64 {
        var hash = ContentHash()
        for folder in folders { addFolder(folder, depth: 2, to: &hash) }
        for file in files { addFile(file, to: &hash) }
        return hash.value
    }

    private static func addFolder(_ path: String, depth: Int, to hash: inout ContentHash) {
        addFile(path, to: &hash)
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        // The listing's order is the file system's: sort so the same files hash the same.
        for name in names.sorted() {
            let child = path + "/" + name
            var info = stat()
            guard stat(child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if depth > 0 { addFolder(child, depth: depth - 1, to: &hash) }
            } else {
                add(child, info, to: &hash)
            }
        }
    }

    private static func addFile(_ path: String, to hash: inout ContentHash) {
        var info = stat()
        if stat(path, &info) == 0 { add(path, info, to: &hash) } else { hash.add(path); hash.add(-1) }
    }

    private static func add(_ path: String, _ info: stat, to hash: inout ContentHash) {
        hash.add(path)
        hash.add(Int(info.st_mtim.tv_sec))
        hash.add(Int(info.st_mtim.tv_nsec))
        hash.add(Int(info.st_size))
    }
}
