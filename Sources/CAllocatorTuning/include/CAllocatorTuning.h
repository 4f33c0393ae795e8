#ifndef PREFLIGHT_CALLOCATOR_TUNING_H
#define PREFLIGHT_CALLOCATOR_TUNING_H

// glibc's mallopt(3) for the `preflight` executable; no-ops where glibc's knobs do not exist.

// Keep freed blocks up to these sizes in the heap for reuse instead of unmapping them.
void preflight_keep_freed_memory(int mmap_threshold, int trim_threshold);

// The most malloc arenas all threads share.
void preflight_limit_malloc_arenas(int count);

#endif
