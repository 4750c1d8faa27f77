/* fuzz_common.h - what the libFuzzer harnesses share: a scratch folder for
 * harnesses whose target reads files, and writing the input there.
 * Header-only (static functions), so that each harness is one file. */
#ifndef NB_FUZZ_COMMON_H
#define NB_FUZZ_COMMON_H
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir_path[512];

static void fuzz_remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char p[1024];
            snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
            if (unlink(p) != 0)
                fuzz_remove_tree(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

static void fuzz_cleanup(void)
{
    if (fuzz_dir_path[0] && getpid() > 0)
        fuzz_remove_tree(fuzz_dir_path);
}

/* A private folder for this process ($TMPDIR or /tmp), made on first use
 * and removed at exit. */
__attribute__((unused)) static const char *fuzz_dir(void)
{
    if (!fuzz_dir_path[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir_path, sizeof(fuzz_dir_path), "%s/nb-fuzz-XXXXXX",
                 tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(fuzz_dir_path))
            abort();
        atexit(fuzz_cleanup);
    }
    return fuzz_dir_path;
}

/* Writes data[0..len) to fuzz_dir()/name; returns the path (static). */
__attribute__((unused)) static const char *fuzz_write(const char *name, const void *data, size_t len)
{
    static char path[1024];
    snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (len && fwrite(data, 1, len, f) != len)
        abort();
    if (fclose(f) != 0)
        abort();
    return path;
}

/* A library call must fill the error it returns. */
__attribute__((unused)) static void fuzz_check_error(nb_status rc, const struct nb_error *err)
{
    if (rc != NB_OK && err->message[0] == '\0') {
        fprintf(stderr, "status %d without a message\n", (int)rc);
        abort();
    }
}
#endif
