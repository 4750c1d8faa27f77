/* test_state.c - the feed state database: what it keeps, two users at
 * once, and the files it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "support.h"
#include "source/state.h"
#include "text/buf.h"
#include "text/file.h"

/* state.db in a fresh folder for the test; malloc'd. */
static char *db_path(const char *test)
{
    char *dir = nb_test_tmpdir(test);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_path_join(dir, "state.db", &b), NB_OK);
    free(dir);
    return nb_buf_detach(&b, NULL);
}

static struct nb_state *open_ok(const char *path)
{
    struct nb_state *st = NULL;
    struct nb_error err;
    nb_error_init(&err);
    if (nb_state_open(&st, path, &err) != NB_OK)
        fail_msg("%s: %s", path, err.message);
    assert_non_null(st);
    return st;
}

static int heard(struct nb_state *st, const char *source, const char *guid)
{
    int h = -1;
    struct nb_error err;
    nb_error_init(&err);
    if (nb_state_is_heard(st, source, guid, &h, &err) != NB_OK)
        fail_msg("is_heard: %s", err.message);
    return h;
}

static void mark(struct nb_state *st, const char *source, const char *guid, long long when)
{
    struct nb_error err;
    nb_error_init(&err);
    if (nb_state_mark_heard(st, source, &guid, 1, when, &err) != NB_OK)
        fail_msg("mark_heard: %s", err.message);
}

static void test_keeps_what_it_heard(void **state)
{
    (void)state;
    char *path = db_path("state_keeps");
    struct nb_state *st = open_ok(path);
    struct nb_error err;
    nb_error_init(&err);
    static const char *const guids[] = {"a", "b", "it's \"quoted\"; DROP TABLE heard"};
    assert_int_equal(nb_state_mark_heard(st, "nordwire", guids, 3, 1000, &err), NB_OK);
    assert_int_equal(nb_state_mark_heard(st, "nordwire", NULL, 0, 1000, &err), NB_OK);
    assert_int_equal(nb_state_record_fetch(st, "nordwire", 1100, NULL, &err), NB_OK);
    assert_int_equal(nb_state_record_fetch(st, "fjord", 1200, "HTTP 404 Not Found", &err), NB_OK);
    nb_state_close(st);

    st = open_ok(path); /* reopened: all still there */
    assert_int_equal(heard(st, "nordwire", "a"), 1);
    assert_int_equal(heard(st, "nordwire", "b"), 1);
    assert_int_equal(heard(st, "nordwire", guids[2]), 1);
    assert_int_equal(heard(st, "nordwire", "c"), 0);
    assert_int_equal(heard(st, "fjord", "a"), 0); /* per source */

    long long when = -1;
    char *error = (char *)"unset";
    assert_int_equal(nb_state_last_fetch(st, "nordwire", &when, &error, &err), NB_OK);
    assert_true(when == 1100);
    assert_null(error);
    assert_int_equal(nb_state_last_fetch(st, "fjord", &when, &error, &err), NB_OK);
    assert_true(when == 1200);
    assert_string_equal(error, "HTTP 404 Not Found");
    free(error);
    assert_int_equal(nb_state_last_fetch(st, "never", &when, &error, &err), NB_OK);
    assert_true(when == 0);
    assert_null(error);

    /* the last outcome replaces the one before */
    assert_int_equal(nb_state_record_fetch(st, "fjord", 1300, NULL, &err), NB_OK);
    assert_int_equal(nb_state_last_fetch(st, "fjord", &when, &error, &err), NB_OK);
    assert_true(when == 1300);
    assert_null(error);
    nb_state_close(st);
    nb_state_close(NULL);
    free(path);
}

static void test_forget_before(void **state)
{
    (void)state;
    char *path = db_path("state_forget");
    struct nb_state *st = open_ok(path);
    mark(st, "s", "old", 100);
    mark(st, "s", "again", 100);
    mark(st, "s", "again", 500); /* marked again: the new time counts */
    mark(st, "s", "new", 900);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_state_forget_before(st, 400, &err), NB_OK);
    assert_int_equal(heard(st, "s", "old"), 0);
    assert_int_equal(heard(st, "s", "again"), 1);
    assert_int_equal(heard(st, "s", "new"), 1);
    nb_state_close(st);
    free(path);
}

static void expect_open_error(const char *path, nb_status status, const char *message)
{
    struct nb_state *st = (struct nb_state *)&st; /* must come back NULL */
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_state_open(&st, path, &err), status);
    assert_null(st);
    assert_string_equal(err.file, path);
    assert_string_equal(err.message, message);
}

static void test_corrupt_file(void **state)
{
    (void)state;
    char *path = db_path("state_corrupt");
    char garbage[4096];
    for (size_t i = 0; i < sizeof(garbage); i++)
        garbage[i] = (char)('a' + i % 26);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_file_write_atomic(path, garbage, sizeof(garbage), &err), NB_OK);
    expect_open_error(path, NB_EINPUT,
                      "feed state is corrupt (file is not a database): delete it to start again");
    free(path);
}

static void test_newer_schema(void **state)
{
    (void)state;
    char *path = db_path("state_newer");
    nb_state_close(open_ok(path));
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    expect_open_error(path, NB_EINPUT,
                      "feed state was written by a newer newsbrief (schema 99, this one reads 1)");
    free(path);
}

static void test_missing_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("state_missing");
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_path_join(dir, "no/such/folder/state.db", &b), NB_OK);
    expect_open_error(b.data, NB_EIO, "cannot create the feed state: its folder does not exist");
    nb_buf_release(&b);
    free(dir);
}

/* Two handles on one file, their writes interleaved: each sees the other's. */
static void test_two_handles(void **state)
{
    (void)state;
    char *path = db_path("state_two");
    struct nb_state *one = open_ok(path), *two = open_ok(path);
    mark(one, "s", "1", 10);
    assert_int_equal(heard(two, "s", "1"), 1);
    mark(two, "s", "2", 20);
    mark(one, "s", "3", 30);
    assert_int_equal(heard(one, "s", "2"), 1);
    assert_int_equal(heard(two, "s", "3"), 1);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_state_record_fetch(two, "s", 40, "timed out after 30 s", &err), NB_OK);
    long long when;
    char *error;
    assert_int_equal(nb_state_last_fetch(one, "s", &when, &error, &err), NB_OK);
    assert_true(when == 40);
    assert_string_equal(error, "timed out after 30 s");
    free(error);
    nb_state_close(one);
    nb_state_close(two);
    free(path);
}

/* Another process creating the database and writing at the same time: the
 * busy timeout makes the writers take turns, and nothing is lost. */
static void test_two_processes(void **state)
{
    (void)state;
    enum { N = 200 };
    char *path = db_path("state_processes");
    fflush(NULL); /* both create the file and its schema at once */
    pid_t child = fork();
    assert_true(child >= 0);
    const char *who = child == 0 ? "child" : "parent";
    struct nb_state *st = NULL;
    struct nb_error err;
    nb_error_init(&err);
    int failed = nb_state_open(&st, path, &err) != NB_OK;
    for (int i = 0; !failed && i < N; i++) {
        char guid[32];
        snprintf(guid, sizeof(guid), "%s-%d", who, i);
        const char *g = guid;
        failed = nb_state_mark_heard(st, "s", &g, 1, i, &err) != NB_OK ||
                 nb_state_record_fetch(st, who, i, NULL, &err) != NB_OK;
    }
    nb_state_close(st);
    if (child == 0) {
        if (failed)
            fprintf(stderr, "child: %s\n", err.message);
        _exit(failed ? 1 : 0);
    }
    if (failed)
        fail_msg("parent: %s", err.message);
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    st = open_ok(path);
    assert_int_equal(heard(st, "s", "child-0"), 1);
    assert_int_equal(heard(st, "s", "child-199"), 1);
    assert_int_equal(heard(st, "s", "parent-199"), 1);
    long long when;
    char *error;
    assert_int_equal(nb_state_last_fetch(st, "child", &when, &error, &err), NB_OK);
    assert_true(when == N - 1);
    nb_state_close(st);
    free(path);
}

/* Validators per URL: kept, replaced, NULL fields kept as NULL. */
static void test_validators(void **state)
{
    (void)state;
    char *path = db_path("state_validators");
    struct nb_state *st = open_ok(path);
    struct nb_error err;
    struct nb_state_validators v, got;
    memset(&got, 0, sizeof(got));
    int found = 1;
    assert_int_equal(nb_state_get_validators(st, "http://a.example/feed", &got, &found, &err),
                     NB_OK);
    assert_false(found);
    v = (struct nb_state_validators){.etag = "\"abc\"",
                                     .content_type = "application/rss+xml",
                                     .length = 1234,
                                     .fnv1a = UINT64_C(0xfedcba9876543210)};
    assert_int_equal(nb_state_put_validators(st, "http://a.example/feed", &v, &err), NB_OK);
    nb_state_close(st);
    st = open_ok(path);
    assert_int_equal(nb_state_get_validators(st, "http://a.example/feed", &got, &found, &err),
                     NB_OK);
    assert_true(found);
    assert_string_equal(got.etag, "\"abc\"");
    assert_string_equal(got.content_type, "application/rss+xml");
    assert_null(got.last_modified);
    assert_null(got.final_url);
    assert_int_equal(got.length, 1234);
    assert_true(got.fnv1a == UINT64_C(0xfedcba9876543210));
    v = (struct nb_state_validators){.last_modified = "Tue, 01 Dec 2026 07:00:00 GMT", .length = 5};
    assert_int_equal(nb_state_put_validators(st, "http://a.example/feed", &v, &err), NB_OK);
    assert_int_equal(nb_state_get_validators(st, "http://a.example/feed", &got, &found, &err),
                     NB_OK);
    assert_null(got.etag);
    assert_string_equal(got.last_modified, "Tue, 01 Dec 2026 07:00:00 GMT");
    nb_state_validators_release(&got);
    nb_state_close(st);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keeps_what_it_heard), cmocka_unit_test(test_forget_before),
        cmocka_unit_test(test_corrupt_file),        cmocka_unit_test(test_newer_schema),
        cmocka_unit_test(test_missing_folder),      cmocka_unit_test(test_two_handles),
        cmocka_unit_test(test_two_processes),       cmocka_unit_test(test_validators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
