import CMalloc

/// Keeps freed heap memory in the process between documents. Pango, Cairo and zlib allocate
/// and free a few megabytes for every document; with glibc's default trim threshold
/// (128 KB) the top of the heap went back to the kernel after each render and was faulted
/// in again by the next: 41,518 page faults in 300 English fact sheets, 13% of the time in
/// the kernel. With 16 MB kept, 1,960 faults and about 10% less time a document
/// (Benchmarks' inprocess, release). At most 16 MB more stays resident.
enum HeapTrimming {
    static let keptBytes: Int32 = 16 << 20

    /// Once per process, before the first render (mallopt changes the whole process's
    /// allocator, which is the render worker's to set: it is the one user of C memory).
    static let applied: Bool = mallopt(M_TRIM_THRESHOLD, keptBytes) == 1
}
