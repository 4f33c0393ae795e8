import CAllocatorTuning

/// Process-wide allocator settings for the `preflight` executable (glibc only; no-ops elsewhere). They live here, not in
/// a library, because the allocator is the host's choice: call them once, early, from a command.
enum AllocatorTuning {
    /// For probing many files in one short run: keep freed memory for reuse instead of handing it back to the kernel.
    ///
    /// Each probe allocates libavformat's sample index (about 1 MB for a 10-minute 4K MP4) and frees it again. With
    /// glibc's defaults such blocks are mmap'ed and unmapped per file, and the kernel zero-fills fresh pages every
    /// time: in a 200-file lint that was a third of the run. Raising the mmap and trim thresholds lets the next probe
    /// reuse the same pages; the memory kept is returned when the process exits.
    static func keepFreedMemoryForReuse() {
        preflight_keep_freed_memory(64 * 1024 * 1024, 256 * 1024 * 1024)
    }

    /// For long transfers on many threads: share at most `count` malloc arenas between all threads.
    ///
    /// glibc gives threads that contend for the heap their own arenas, and each keeps the buffers freed into it;
    /// with the HTTP client's event loops and the task pool that is a few MiB of peak memory for nothing while a
    /// streaming upload holds only a handful of 128 KiB chunks at a time.
    static func limitArenas(to count: Int) {
        preflight_limit_malloc_arenas(Int32(max(1, count)))
    }
}
