/* data_path.c - the one search for data files: $NEWSBRIEF_DATA, beside the
 * briefing, then the data installed with the program. */
#include "text/data_path.h"

#include "text/file.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* From bindir to the data folder, set by CMake from GNUInstallDirs. */
#ifndef NB_DATA_RELDIR
#define NB_DATA_RELDIR "../share/newsbrief"
#endif

static int is_dir(const char *path, struct stat *st)
{
    return stat(path, st) == 0 && S_ISDIR(st->st_mode);
}

static int is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

#if defined(NB_BUILD_DIR) && defined(NB_SOURCE_DATA_DIR)
/* 1 when folder `dir` is the build folder this file was compiled for: the
 * program has not been installed, and its data is the source tree's. */
static int is_build_dir(const char *dir)
{
    struct stat a, b;
    return is_dir(dir, &a) && is_dir(NB_BUILD_DIR, &b) && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}
#endif

/* Appends `rel` resolved against folder dir[0..len) by its words alone:
 * ".." drops the last folder of an absolute path whose links are already
 * resolved, so "/opt/nb/bin" and "../share/newsbrief" give
 * "/opt/nb/share/newsbrief". */
static nb_status append_resolved(const char *dir, size_t len, const char *rel, struct nb_buf *out)
{
    if (rel[0] == '/')
        return nb_buf_adds(out, rel);
    size_t start = out->len;
    if (nb_buf_add(out, dir, len) != NB_OK)
        return NB_ENOMEM;
    const char *p = rel;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = strrchr(out->data + start, '/');
            if (slash)
                nb_buf_truncate(out, slash == out->data + start ? start + 1
                                                                : (size_t)(slash - out->data));
        } else if (n && !(n == 1 && p[0] == '.')) {
            if ((out->len == start || out->data[out->len - 1] != '/') &&
                nb_buf_addc(out, '/') != NB_OK)
                return NB_ENOMEM;
            if (nb_buf_add(out, p, n) != NB_OK)
                return NB_ENOMEM;
        }
        p += n;
        while (*p == '/')
            p++;
    }
    return NB_OK;
}

nb_status nb_data_installed_dir_of(const char *exe, struct nb_buf *out)
{
    const char *slash = strrchr(exe, '/');
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    nb_status rc = slash ? nb_buf_add(&dir, exe, slash == exe ? 1 : (size_t)(slash - exe))
                         : nb_buf_addc(&dir, '.');
#if defined(NB_BUILD_DIR) && defined(NB_SOURCE_DATA_DIR)
    if (rc == NB_OK && is_build_dir(dir.data)) {
        nb_buf_release(&dir);
        return nb_buf_adds(out, NB_SOURCE_DATA_DIR);
    }
#endif
    if (rc == NB_OK)
        rc = append_resolved(dir.data, dir.len, NB_DATA_RELDIR, out);
    nb_buf_release(&dir);
    return rc;
}

nb_status nb_data_installed_dir(struct nb_buf *out, int *found)
{
    char exe[4096]; /* PATH_MAX on Linux */
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe));
    *found = 0;
    if (n <= 0 || (size_t)n >= sizeof(exe))
        return NB_OK;
    exe[n] = '\0';
    nb_status rc = nb_data_installed_dir_of(exe, out);
    *found = rc == NB_OK;
    return rc;
}

/* Appends dir/sub to dirs. */
static nb_status push_joined(struct nb_strv *dirs, const char *dir, const char *sub)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_path_join(dir, sub, &b) != NB_OK) {
        nb_buf_release(&b);
        return NB_ENOMEM;
    }
    return nb_strv_push_owned(dirs, nb_buf_detach(&b, NULL));
}

/* Appends dir/../sub to dirs. */
static nb_status push_parent(struct nb_strv *dirs, const char *dir, const char *sub)
{
    struct nb_buf up;
    nb_buf_init(&up, 0);
    nb_status rc = nb_buf_addf(&up, "../%s", sub);
    if (rc == NB_OK)
        rc = push_joined(dirs, dir, up.data);
    nb_buf_release(&up);
    return rc;
}

static const char *env_value(const char *name)
{
    const char *v = getenv(name);
    return v && v[0] ? v : NULL;
}

nb_status nb_data_dirs(const char *sub, const char *base_dir, struct nb_strv *dirs)
{
    const char *data = env_value("NEWSBRIEF_DATA");
    if (data && push_joined(dirs, data, sub) != NB_OK)
        return NB_ENOMEM;
    const char *voices = env_value("NEWSBRIEF_VOICES");
    if (voices && strcmp(sub, NB_DATA_VOICES) == 0 && nb_strv_pushs(dirs, voices) != NB_OK)
        return NB_ENOMEM;
    if (base_dir &&
        (push_joined(dirs, base_dir, sub) != NB_OK || push_parent(dirs, base_dir, sub) != NB_OK))
        return NB_ENOMEM;
    struct nb_buf installed;
    nb_buf_init(&installed, 0);
    int found;
    nb_status rc = nb_data_installed_dir(&installed, &found);
    if (rc == NB_OK && found)
        rc = push_joined(dirs, installed.data, sub);
    nb_buf_release(&installed);
    return rc;
}

nb_status nb_data_find_in(const struct nb_strv *dirs, const char *file, struct nb_buf *out,
                          int *found)
{
    size_t start = out->len;
    *found = 0;
    for (size_t i = 0; i < dirs->n; i++) {
        if (nb_path_join(dirs->v[i], file, out) != NB_OK) {
            nb_buf_truncate(out, start);
            return NB_ENOMEM;
        }
        if (is_regular_file(out->data + start)) {
            *found = 1;
            return NB_OK;
        }
        nb_buf_truncate(out, start);
    }
    return NB_OK;
}

nb_status nb_data_find(const char *sub, const char *file, const char *base_dir, struct nb_buf *out,
                       int *found)
{
    struct nb_strv dirs;
    nb_strv_init(&dirs);
    *found = 0;
    nb_status rc = nb_data_dirs(sub, base_dir, &dirs);
    if (rc == NB_OK)
        rc = nb_data_find_in(&dirs, file, out, found);
    nb_strv_release(&dirs);
    return rc;
}

int nb_data_dir_is_new(const struct nb_strv *dirs, size_t i)
{
    struct stat st, earlier;
    if (i >= dirs->n || !is_dir(dirs->v[i], &st))
        return 0;
    for (size_t j = 0; j < i; j++)
        if (stat(dirs->v[j], &earlier) == 0 && earlier.st_dev == st.st_dev &&
            earlier.st_ino == st.st_ino)
            return 0;
    return 1;
}

nb_status nb_data_dirs_format(const struct nb_strv *dirs, struct nb_buf *out)
{
    for (size_t i = 0; i < dirs->n; i++)
        if (nb_buf_addf(out, "%s%s", i ? ", " : "", dirs->v[i]) != NB_OK)
            return NB_ENOMEM;
    return NB_OK;
}
