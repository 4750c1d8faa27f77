/* support.h - helpers shared by the cmocka tests (not part of the library). */
#ifndef NB_TESTS_SUPPORT_H
#define NB_TESTS_SUPPORT_H

#include <stddef.h>

/* Reads a file under tests/fixtures into a malloc'd NUL-terminated string
 * (fails the test when missing). */
char *nb_test_fixture(const char *relpath, size_t *len);

/* Reads the file at `path` the same way (fails the test when missing). */
char *nb_test_file(const char *path, size_t *len);

/* A fresh, empty scratch folder under the build tree for this test;
 * malloc'd path. */
char *nb_test_tmpdir(const char *name);

/* Runs `argv` (argv[0] is a path) with stdin from `input` (may be NULL),
 * captures stdout and stderr into malloc'd strings (may pass NULL to
 * discard) and returns the exit code (or 128+signal). */
int nb_test_run(char *const argv[], const char *input, char **out, char **err);

/* The length in seconds of the audio file at `path` (fails the test when
 * it cannot be read). */
double nb_test_wav_seconds(const char *path);

/* 1 when the shared reference data folder (../shared/data/NAME) exists. */
int nb_test_shared_exists(const char *name);

#endif
