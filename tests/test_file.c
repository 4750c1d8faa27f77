#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"
#include "text/file.h"

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    if (d)
        closedir(d);
    return n;
}

static void test_write_then_read(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_rw");
    char path[1024];
    snprintf(path, sizeof(path), "%s/out.txt", dir);
    struct nb_error err;
    assert_int_equal(nb_file_write_atomic(path, "hello\n", 6, &err), NB_OK);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_file_read(path, 0, &b, &err), NB_OK);
    assert_string_equal(b.data, "hello\n");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true((st.st_mode & 0444) == 0444); /* not mkstemp's 0600 */
    assert_int_equal(count_entries(dir), 1);  /* no temporary left */
    nb_buf_release(&b);
    free(dir);
}

static void test_read_errors(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_err");
    char path[1024];
    struct nb_error err;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    snprintf(path, sizeof(path), "%s/missing.txt", dir);
    assert_int_equal(nb_file_read(path, 0, &b, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    assert_int_equal(nb_file_read(dir, 0, &b, &err), NB_EINPUT);
    assert_string_equal(err.file, dir);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "is a directory, not a file");
    snprintf(path, sizeof(path), "%s/big.txt", dir);
    assert_int_equal(nb_file_write_atomic(path, "0123456789", 10, &err), NB_OK);
    assert_int_equal(nb_file_read(path, 5, &b, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "file is too large (over 5 bytes)");
    assert_int_equal(b.len, 0);
    nb_buf_release(&b);
    free(dir);
}

static void test_failed_write_keeps_previous(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_keep");
    char path[1024];
    struct nb_error err;
    snprintf(path, sizeof(path), "%s/missing-folder/out.txt", dir);
    assert_int_equal(nb_file_write_atomic(path, "x", 1, &err), NB_EIO);
    assert_string_equal(err.file, path);
    /* a temp file that cannot be renamed (target is a folder) is removed */
    snprintf(path, sizeof(path), "%s/target", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(nb_file_write_atomic(path, "x", 1, &err), NB_EIO);
    assert_int_equal(count_entries(dir), 1);
    free(dir);
}

static void test_paths(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_path_dirname("a/b/c.yaml", &b);
    assert_string_equal(b.data, "a/b");
    nb_buf_reset(&b);
    nb_path_dirname("c.yaml", &b);
    assert_string_equal(b.data, ".");
    nb_buf_reset(&b);
    nb_path_dirname("/c.yaml", &b);
    assert_string_equal(b.data, "/");
    nb_buf_reset(&b);
    nb_path_join("a/b", "c.txt", &b);
    assert_string_equal(b.data, "a/b/c.txt");
    nb_buf_reset(&b);
    nb_path_join("a/b", "/abs.txt", &b);
    assert_string_equal(b.data, "/abs.txt");
    nb_buf_reset(&b);
    nb_path_join(".", "c.txt", &b);
    assert_string_equal(b.data, "c.txt");
    assert_string_equal(nb_path_basename("x/y/z.wav"), "z.wav");
    assert_string_equal(nb_path_basename("z.wav"), "z.wav");
    nb_buf_release(&b);
}

static void test_read_text(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_text");
    char path[1024];
    snprintf(path, sizeof(path), "%s/in.txt", dir);
    struct nb_error err;
    struct nb_buf b;
    struct nb_strv warnings;
    nb_strv_init(&warnings);
    /* UTF-8 with a byte order mark and CR LF: library text */
    assert_int_equal(nb_file_write_atomic(path,
                                          "\xef\xbb\xbf"
                                          "Caf\xc3\xa9\r\nok",
                                          12, &err),
                     NB_OK);
    nb_buf_init(&b, 0);
    assert_int_equal(nb_file_read_text(path, 0, &b, &warnings, &err), NB_OK);
    assert_string_equal(b.data, "Caf\xc3\xa9\nok");
    assert_int_equal(warnings.n, 0);
    nb_buf_release(&b);
    /* Windows-1252, said so, with where the first byte that is not UTF-8 is */
    assert_int_equal(nb_file_write_atomic(path,
                                          "Caf\xe9 \x93"
                                          "hi\x94",
                                          9, &err),
                     NB_OK);
    nb_buf_init(&b, 0);
    assert_int_equal(nb_file_read_text(path, 0, &b, &warnings, &err), NB_OK);
    assert_string_equal(b.data, "Caf\xc3\xa9 \xe2\x80\x9c"
                                "hi\xe2\x80\x9d");
    assert_int_equal(warnings.n, 1);
    assert_string_equal(warnings.v[0], "not valid UTF-8 (byte 4): read as Windows-1252");
    nb_strv_release(&warnings);
    nb_buf_release(&b);
    /* what is not text at all is refused, naming the file, not read as
     * Windows-1252 */
    static const struct {
        const char *bytes;
        size_t len;
        const char *message;
    } refused[] = {
        {"\x7f"
         "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
         20, "not a text file (it holds binary data)"},
        {"\xff\xfeH\0i\0\n\0", 8,
         "UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8"},
        {"\xfe\xff\0H\0i\0\n", 8,
         "UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8"},
    };
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        assert_int_equal(nb_file_write_atomic(path, refused[i].bytes, refused[i].len, &err), NB_OK);
        nb_buf_init(&b, 0);
        assert_int_equal(nb_file_read_text(path, 0, &b, NULL, &err), NB_EINPUT);
        assert_string_equal(err.file, path);
        assert_string_equal(err.message, refused[i].message);
        assert_int_equal(b.len, 0);
        nb_buf_release(&b);
    }
    /* the errors of nb_file_read, whole */
    char missing[1100], msg[2048];
    snprintf(missing, sizeof(missing), "%s/none.txt", dir);
    nb_buf_init(&b, 0);
    assert_int_equal(nb_file_read_text(missing, 0, &b, NULL, &err), NB_EINPUT);
    assert_int_equal(b.len, 0);
    char want[2048];
    snprintf(want, sizeof(want), "%s: cannot open: No such file or directory", missing);
    assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), want);
    nb_buf_release(&b);
    free(dir);
}

/* Item 9 of issue 15: what is not a regular file is refused at once, from
 * the descriptor opened (a FIFO swapped in for an article after a check
 * would block a read for ever). */
static void test_open_refuses_what_is_not_a_file(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_fifo");
    char path[1024];
    snprintf(path, sizeof(path), "%s/story.txt", dir);
    struct nb_error err;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(mkfifo(path, 0600), 0);
    alarm(10); /* a read that blocks fails the test instead of hanging it */
    assert_int_equal(nb_file_read(path, 0, &b, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    assert_string_equal(err.message, "not a regular file");
    assert_int_equal(nb_file_read_text(path, 0, &b, NULL, &err), NB_EINPUT);
    assert_string_equal(err.message, "not a regular file");
    assert_int_equal(nb_file_open_input(path, &err), -1);
    /* a device */
    assert_int_equal(nb_file_read("/dev/null", 0, &b, &err), NB_EINPUT);
    assert_string_equal(err.file, "/dev/null");
    assert_string_equal(err.message, "not a regular file");
    /* a folder */
    assert_int_equal(nb_file_open_input(dir, &err), -1);
    assert_string_equal(err.message, "is a directory, not a file");
    alarm(0);
    unlink(path);
    /* a regular file: a descriptor that blocks again, as reads expect */
    assert_int_equal(nb_file_write_atomic(path, "x", 1, &err), NB_OK);
    int fd = nb_file_open_input(path, &err);
    assert_true(fd >= 0);
    int flags = fcntl(fd, F_GETFL);
    assert_true(flags >= 0 && !(flags & O_NONBLOCK));
    assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    close(fd);
    assert_int_equal(b.len, 0);
    nb_buf_release(&b);
    free(dir);
}

/* Item 10 of issue 15: an empty name is said to be one, not "cannot open:
 * No such file or directory" about nothing. */
static void test_empty_name(void **state)
{
    (void)state;
    struct nb_error err;
    struct nb_buf b;
    char msg[256];
    nb_buf_init(&b, 0);
    nb_error_init(&err);
    assert_int_equal(nb_file_read("", 0, &b, &err), NB_EINPUT);
    assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), "'': no file name given");
    assert_int_equal(nb_file_read_text("", 0, &b, NULL, &err), NB_EINPUT);
    assert_string_equal(err.message, "'': no file name given");
    assert_int_equal(b.len, 0);
    nb_buf_release(&b);
}

static void test_mkdirs(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_mkdirs");
    char path[1024];
    struct nb_error err;
    snprintf(path, sizeof(path), "%s/a/b/c", dir);
    assert_int_equal(nb_file_mkdirs(path, &err), NB_OK);
    assert_int_equal(nb_file_mkdirs(path, &err), NB_OK);
    snprintf(path, sizeof(path), "%s/f", dir);
    assert_int_equal(nb_file_write_atomic(path, "x", 1, &err), NB_OK);
    snprintf(path, sizeof(path), "%s/f/sub", dir);
    assert_int_not_equal(nb_file_mkdirs(path, &err), NB_OK);
    free(dir);
}

/* What a hook was told, and whether each file existed when it was. */
struct told {
    char path[8][1024];
    int created[8], existed[8];
    int n;
};

static void record(void *ctx, const char *path, int created)
{
    struct told *t = ctx;
    assert_true(t->n < 8);
    snprintf(t->path[t->n], sizeof(t->path[0]), "%s", path);
    struct stat st;
    t->created[t->n] = created;
    t->existed[t->n] = stat(path, &st) == 0;
    t->n++;
}

/* Each temporary file is told before it exists (a signal at any moment
 * finds it told) and told gone once renamed or removed. */
static void test_temp_files_told_before_they_exist(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("file_told");
    struct told t = {.n = 0};
    const struct nb_temp_hook hook = {record, &t, NULL};
    char tmpl[1024];
    snprintf(tmpl, sizeof(tmpl), "%s/.x.tmp-XXXXXX", dir);
    int fd = nb_temp_create(tmpl, &hook);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(t.n, 1);
    assert_string_equal(t.path[0], tmpl);
    assert_true(t.created[0] && !t.existed[0]);
    assert_null(strstr(tmpl, "XXXXXX"));
    for (const char *c = tmpl + strlen(tmpl) - 6; *c; c++)
        assert_true((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                    (*c >= '0' && *c <= '9'));
    unlink(tmpl);
    /* two in a row get different names */
    char again[1024];
    snprintf(again, sizeof(again), "%s/.x.tmp-XXXXXX", dir);
    char first[1024];
    snprintf(first, sizeof(first), "%s", again);
    fd = nb_temp_create(first, NULL);
    assert_true(fd >= 0);
    close(fd);
    int fd2 = nb_temp_create(again, NULL);
    assert_true(fd2 >= 0);
    close(fd2);
    assert_string_not_equal(first, again);
    unlink(first);
    unlink(again);
    /* not a template; a missing folder: -1, and told gone again */
    char bad[] = "no-x-at-the-end";
    assert_int_equal(nb_temp_create(bad, NULL), -1);
    t.n = 0;
    snprintf(tmpl, sizeof(tmpl), "%s/missing/.x.tmp-XXXXXX", dir);
    assert_int_equal(nb_temp_create(tmpl, &hook), -1);
    assert_int_equal(t.n, 2);
    assert_true(t.created[0] && !t.created[1]);
    /* a committed file and an aborted one: told created, then gone */
    char path[1024];
    snprintf(path, sizeof(path), "%s/out.txt", dir);
    struct nb_tmpfile f;
    struct nb_error err;
    t.n = 0;
    assert_int_equal(nb_tmpfile_open(&f, path, &hook, &err), NB_OK);
    assert_int_equal(nb_tmpfile_commit(&f, &err), NB_OK);
    assert_int_equal(t.n, 2);
    assert_true(t.created[0] && !t.existed[0] && !t.created[1] && !t.existed[1]);
    assert_string_equal(t.path[0], t.path[1]);
    t.n = 0;
    assert_int_equal(nb_tmpfile_open(&f, path, &hook, &err), NB_OK);
    nb_tmpfile_abort(&f);
    assert_int_equal(t.n, 2);
    assert_true(!t.created[1] && !t.existed[1]);
    assert_int_equal(count_entries(dir), 1); /* out.txt only */
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_then_read),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_failed_write_keeps_previous),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_mkdirs),
        cmocka_unit_test(test_read_text),
        cmocka_unit_test(test_open_refuses_what_is_not_a_file),
        cmocka_unit_test(test_empty_name),
        cmocka_unit_test(test_temp_files_told_before_they_exist),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
