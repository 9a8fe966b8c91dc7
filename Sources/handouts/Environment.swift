import Glibc

/// One environment variable, read with getenv: Foundation's ProcessInfo.environment builds a
/// dictionary of the whole environment on every call, a cost paid before each render.
enum Environment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
