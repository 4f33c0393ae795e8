#include "CAllocatorTuning.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

void preflight_keep_freed_memory(int mmap_threshold, int trim_threshold) {
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
#else
    (void)mmap_threshold;
    (void)trim_threshold;
#endif
}

void preflight_limit_malloc_arenas(int count) {
#ifdef M_ARENA_MAX
    mallopt(M_ARENA_MAX, count);
#else
    (void)count;
#endif
}
