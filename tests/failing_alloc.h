/* failing_alloc.h - a failing allocator for tests (not part of the
 * library).
 *
 * A test program linked with
 *   -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free
 * (CMake does it for tests/test_oom.c) routes every allocation of the
 * library's code and its own through these counters, so that a test can
 * make the Nth allocation fail and check what the library does then.  The
 * library itself keeps no allocator hook and no global state: the hook is
 * the linker's.
 */
#ifndef NB_TESTS_FAILING_ALLOC_H
#define NB_TESTS_FAILING_ALLOC_H

/* Starts counting allocations from 0; allocation number `fail_at` (and
 * every later one when `fail_after` is set) returns NULL.  fail_at < 0
 * never fails. */
void nb_test_alloc_arm(long fail_at, int fail_after);
/* Stops counting; returns how many allocations were asked for since
 * nb_test_alloc_arm(). */
long nb_test_alloc_disarm(void);
/* How many blocks allocated while armed are not freed yet: a leak when it
 * is not 0 after the call under test has returned. */
long nb_test_alloc_live(void);

#endif
