import CFFmpeg

extension MediaFile {
    /// Tunes the process's allocator for probing many files in one run. Call it once, early, from a short-lived
    /// command-line tool; libraries should leave the choice to their host.
    ///
    /// Each probe allocates libavformat's sample index (about 1 MB for a 10-minute 4K MP4) and frees it again. With
    /// glibc's defaults such blocks are mmap'ed and unmapped per file, and the kernel zero-fills fresh pages every
    /// time: in a 200-file lint that was a third of the run. Raising the mmap and trim thresholds lets the next probe
    /// reuse the same pages; the memory kept is returned when the process exits. A no-op on other C libraries.
    public static func keepFreedMemoryForReuse() {
        cffmpeg_keep_freed_memory(64 * 1024 * 1024, 256 * 1024 * 1024)
    }
}
