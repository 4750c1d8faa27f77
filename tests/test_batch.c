/* Tests of `newsbrief batch` (bulletin/batch.h): one audio file per
 * article and the index, skipping what is done, redoing what changed,
 * going on past a failed article, resuming after SIGTERM, and shares that
 * cover every article exactly once (GNU parallel too, when installed). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "support.h"
#include "bulletin/batch.h"
#include "text/buf.h"
#include "text/file.h"

#define BIN NB_TEST_BINARY

struct run {
    int code;
    char *out;
    char *err;
};

static struct run run_cmd(char *const argv[])
{
    struct run r;
    r.code = nb_test_run(argv, NULL, &r.out, &r.err);
    return r;
}

static void run_free(struct run *r)
{
    free(r->out);
    free(r->err);
}

static void write_text(const char *path, const char *text)
{
    struct nb_error err;
    nb_error_init(&err);
    if (nb_file_write_atomic(path, text, strlen(text), &err) != NB_OK)
        fail_msg("%s", err.message);
}

static char *path_in(const char *dir, const char *name)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_addf(&b, "%s/%s", dir, name);
    return nb_buf_detach(&b, NULL);
}

/* A test's folder: src/ with `n` small articles a01.txt..., paragraphs
 * each, and b.yaml, a briefing in the shipped voice with loudness off. */
struct fixture {
    char *dir, *src, *out, *briefing;
    size_t n;
};

static const char *const headlines[] = {
    "Harbour tunnel opens in spring", "Fishing quotas cut in the Arctic",
    "Chip maker signs a new deal",    "Evening clinics for the island",
    "Late winner for Dunmore",        "Water vapour found on a planet",
    "Freezing fog brings snow",       "Library loans double",
    "Ferry operator orders two ships"};

static struct fixture make_fixture(const char *name, size_t n, size_t paragraphs)
{
    struct fixture f;
    f.dir = nb_test_tmpdir(name);
    f.src = path_in(f.dir, "src");
    f.out = path_in(f.dir, "out");
    f.briefing = path_in(f.dir, "b.yaml");
    f.n = n;
    struct nb_error err;
    assert_int_equal(nb_file_mkdirs(f.src, &err), NB_OK);
    for (size_t i = 0; i < n; i++) {
        struct nb_buf text, file;
        nb_buf_init(&text, 0);
        nb_buf_init(&file, 0);
        nb_buf_addf(&text, "%s\n\n", headlines[i % 9]);
        for (size_t p = 0; p < paragraphs; p++)
            nb_buf_addf(&text, "Paragraph %zu of story %zu says little.\n\n", p + 1, i + 1);
        nb_buf_addf(&file, "%s/a%02zu.txt", f.src, i + 1);
        write_text(file.data, text.data);
        nb_buf_release(&text);
        nb_buf_release(&file);
    }
    /* a briefing names articles, which a batch does not read */
    char *ref = path_in(f.dir, "ref.txt");
    write_text(ref, "A briefing's own article\n\nNot read by a batch.\n");
    free(ref);
    write_text(f.briefing, "title: Batch\nvoice: anchor\narticles: [ref.txt]\nloudness: off\n");
    return f;
}

static void fixture_free(struct fixture *f)
{
    free(f->dir);
    free(f->src);
    free(f->out);
    free(f->briefing);
}

/* Runs `newsbrief batch INPUT -o OUT --briefing B -q [extra...]`. */
static struct run batch(const struct fixture *f, const char *input, const char *extra1,
                        const char *extra2)
{
    char *argv[] = {BIN,         "batch", (char *)input,  "-o",           f->out, "--briefing",
                    f->briefing, "-q",    (char *)extra1, (char *)extra2, NULL};
    return run_cmd(argv);
}

static int exists(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    struct stat st;
    int r = stat(p, &st) == 0;
    free(p);
    return r;
}

static struct timespec mtime_of(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    struct stat st;
    if (stat(p, &st) != 0)
        fail_msg("%s is missing", p);
    free(p);
    return st.st_mtim;
}

static int same_time(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* Temporary files left in `dir`: ".*.tmp-*", the sidecars' ".*.new" and
 * ".*.old". */
static int temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' &&
            (strstr(e->d_name, ".tmp-") || (len > 4 && (strcmp(e->d_name + len - 4, ".new") == 0 ||
                                                        strcmp(e->d_name + len - 4, ".old") == 0))))
            n++;
    }
    closedir(d);
    return n;
}

static int count_ext(const char *dir, const char *ext)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    size_t k = strlen(ext);
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        n += e->d_name[0] != '.' && len > k && strcmp(e->d_name + len - k, ext) == 0;
    }
    closedir(d);
    return n;
}

static void touch(const char *path)
{
    struct timespec now[2];
    clock_gettime(CLOCK_REALTIME, &now[0]);
    now[0].tv_sec += 2; /* later than any output, whatever the clock's grain */
    now[1] = now[0];
    assert_int_equal(utimensat(AT_FDCWD, path, now, 0), 0);
}

static struct json_object *read_json(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    struct json_object *o = json_object_from_file(p);
    if (!o)
        fail_msg("%s does not parse", p);
    free(p);
    return o;
}

/* Five articles, five audio files and the index in order; a rerun skips
 * them all; a touched article is redone alone; a changed briefing redoes
 * them all. */
static void test_folder_resume(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_resume", 5, 2);
    struct run r = batch(&f, f.src, NULL, NULL);
    if (r.code != 0)
        fail_msg("batch failed: %s", r.err);
    assert_non_null(strstr(r.out, "5 done, 0 skipped, 0 failed"));
    run_free(&r);
    char names[5][16];
    struct timespec first[5];
    for (int i = 0; i < 5; i++) {
        snprintf(names[i], sizeof(names[i]), "a%02d.wav", i + 1);
        char *p = path_in(f.out, names[i]);
        assert_true(nb_test_wav_seconds(p) > 1.0);
        free(p);
        first[i] = mtime_of(f.out, names[i]);
    }
    /* a chapter per paragraph and the headline's, with a transcript */
    struct json_object *ch = read_json(f.out, "a01.chapters.json"), *list;
    assert_true(json_object_object_get_ex(ch, "chapters", &list));
    assert_int_equal(json_object_array_length(list), 3);
    struct json_object *title;
    assert_true(json_object_object_get_ex(json_object_array_get_idx(list, 0), "title", &title));
    assert_string_equal(json_object_get_string(title), "Harbour tunnel opens in spring");
    json_object_put(ch);
    assert_true(exists(f.out, "a01.vtt"));
    /* the index, in order */
    char *m3u8 = path_in(f.out, "index.m3u8");
    char *text = nb_test_file(m3u8, NULL);
    assert_true(strncmp(text, "#EXTM3U\n#EXTINF:", 16) == 0);
    const char *at = text;
    for (int i = 0; i < 5; i++) {
        const char *next = strstr(at, names[i]);
        assert_non_null(next);
        at = next;
    }
    assert_non_null(strstr(text, ",Fishing quotas cut in the Arctic\na02.wav\n"));
    free(text);
    free(m3u8);
    struct json_object *index = read_json(f.out, "index.json"), *articles;
    assert_true(json_object_object_get_ex(index, "articles", &articles));
    assert_int_equal(json_object_array_length(articles), 5);
    for (int i = 0; i < 5; i++) {
        struct json_object *a = json_object_array_get_idx(articles, (size_t)i), *v;
        assert_true(json_object_object_get_ex(a, "file", &v));
        assert_string_equal(json_object_get_string(v), names[i]);
        assert_true(json_object_object_get_ex(a, "seconds", &v));
        assert_true(json_object_get_double(v) > 1.0);
        assert_true(json_object_object_get_ex(a, "title", &v));
        assert_string_equal(json_object_get_string(v), headlines[i]);
        assert_true(json_object_object_get_ex(a, "source", &v));
        assert_non_null(strstr(json_object_get_string(v), "src/a0"));
    }
    json_object_put(index);

    /* again: nothing to do, nothing touched */
    r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "0 done, 5 skipped, 0 failed"));
    run_free(&r);
    for (int i = 0; i < 5; i++)
        assert_true(same_time(first[i], mtime_of(f.out, names[i])));

    /* a touched source is redone, alone */
    char *third = path_in(f.src, "a03.txt");
    touch(third);
    free(third);
    r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "1 done, 4 skipped, 0 failed"));
    run_free(&r);
    for (int i = 0; i < 5; i++)
        assert_int_equal(same_time(first[i], mtime_of(f.out, names[i])), i != 2);

    /* a changed setting redoes every article */
    write_text(f.briefing,
               "title: Batch\nvoice: anchor\narticles: [ref.txt]\nloudness: off\nrate: 200\n");
    r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "5 done, 0 skipped, 0 failed"));
    run_free(&r);
    /* and so does another loudness asked for */
    r = batch(&f, f.src, "--loudness", "broadcast");
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "5 done, 0 skipped, 0 failed"));
    run_free(&r);
    assert_int_equal(temp_files(f.out), 0);
    fixture_free(&f);
}

/* The same files whatever the number of articles made at a time: one
 * after another in the batch's process (-j 1), or side by side in
 * processes of their own (-j 3), with a failing article among them. */
static void test_jobs_same_files(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_jobs", 6, 2);
    char *bad = path_in(f.src, "a04.txt");
    write_text(bad, "Only a headline\n"); /* not an article */
    free(bad);
    struct run r = batch(&f, f.src, "-j", "1");
    assert_int_equal(r.code, 1);
    assert_non_null(strstr(r.out, "5 done, 0 skipped, 1 failed"));
    run_free(&r);
    char *one = path_in(f.dir, "one");
    assert_int_equal(rename(f.out, one), 0);
    r = batch(&f, f.src, "-j", "3");
    assert_int_equal(r.code, 1);
    assert_non_null(strstr(r.out, "5 done, 0 skipped, 1 failed"));
    assert_non_null(strstr(r.err, "a04.txt"));
    run_free(&r);
    const char *const files[] = {"a01.wav", "a06.wav",    "a03.chapters.json", "a05.manifest.json",
                                 "a02.vtt", "index.m3u8", "index.json",        ".a06.batch"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        char *a = path_in(one, files[i]), *b = path_in(f.out, files[i]);
        size_t na, nb;
        char *ta = nb_test_file(a, &na), *tb = nb_test_file(b, &nb);
        if (na != nb || memcmp(ta, tb, na) != 0)
            fail_msg("%s differs between -j 1 and -j 3", files[i]);
        free(ta);
        free(tb);
        free(a);
        free(b);
    }
    assert_false(exists(f.out, "a04.wav"));
    assert_int_equal(temp_files(f.out), 0);
    /* and resumed side by side: nothing to do */
    r = batch(&f, f.src, "-j", "2");
    assert_non_null(strstr(r.out, "0 done, 5 skipped, 1 failed"));
    run_free(&r);
    free(one);
    fixture_free(&f);
}

/* An article that cannot be read is reported with its reason; the others
 * are done and indexed; the exit status says something failed. */
static void test_failed_article(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_failed", 3, 1);
    char *bad = path_in(f.src, "a02.txt");
    write_text(bad, "Only a headline\n"); /* no body: not an article */
    char *junk = path_in(f.src, "zz-junk.md");
    write_text(junk, "---\ntitle: [unclosed\n---\nBody.\n"); /* bad front matter */
    struct run r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 1);
    assert_non_null(strstr(r.out, "2 done, 0 skipped, 2 failed"));
    assert_non_null(strstr(r.err, "a02.txt"));
    assert_non_null(strstr(r.err, "zz-junk.md"));
    run_free(&r);
    assert_true(exists(f.out, "a01.wav"));
    assert_true(exists(f.out, "a03.wav"));
    assert_false(exists(f.out, "a02.wav"));
    struct json_object *index = read_json(f.out, "index.json"), *articles, *failed;
    assert_true(json_object_object_get_ex(index, "articles", &articles));
    assert_true(json_object_object_get_ex(index, "failed", &failed));
    assert_int_equal(json_object_array_length(articles), 2);
    assert_int_equal(json_object_array_length(failed), 2);
    json_object_put(index);
    /* mended, it is done; the others are skipped */
    write_text(bad, "Only a headline\n\nNow with a body.\n");
    r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 1); /* the junk still fails */
    assert_non_null(strstr(r.out, "1 done, 2 skipped, 1 failed"));
    run_free(&r);
    free(bad);
    free(junk);
    fixture_free(&f);
}

/* One article file given alone is bad input when it is not an article,
 * as for `newsbrief read`: its own error, exit 2, nothing written, not
 * even the output folder. */
static void test_one_bad_file(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_one_bad", 1, 1);
    char *empty = path_in(f.dir, "empty.txt"), *headline = path_in(f.dir, "headline.txt");
    write_text(empty, "");
    write_text(headline, "Only a headline\n");
    char want[1024];
    struct run r = batch(&f, empty, NULL, NULL);
    assert_int_equal(r.code, 2);
    snprintf(want, sizeof(want), "newsbrief: %s: the file is empty: an article needs a headline\n",
             empty);
    assert_string_equal(r.err, want);
    assert_string_equal(r.out, "");
    run_free(&r);
    struct stat st;
    assert_int_not_equal(stat(f.out, &st), 0); /* no output folder */
    assert_int_equal(mkdir(f.out, 0755), 0);   /* nor anything in one that is there */
    r = batch(&f, headline, NULL, NULL);
    assert_int_equal(r.code, 2);
    snprintf(want, sizeof(want), "newsbrief: %s: no body text after the headline\n", headline);
    assert_string_equal(r.err, want);
    run_free(&r);
    assert_false(exists(f.out, "index.json"));
    assert_false(exists(f.out, "index.m3u8"));
    assert_int_equal(count_ext(f.out, ".wav"), 0);
    /* a good one alone is a batch of one, with its index */
    char *good = path_in(f.src, "a01.txt");
    r = batch(&f, good, NULL, NULL);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "1 done, 0 skipped, 0 failed"));
    run_free(&r);
    assert_true(exists(f.out, "a01.wav"));
    assert_true(exists(f.out, "index.json"));
    free(good);
    free(empty);
    free(headline);
    fixture_free(&f);
}

/* A folder whose every article fails says so and writes no index (of
 * nothing), nor the output folder. */
static void test_every_article_fails(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_all_fail", 2, 1);
    char *a = path_in(f.src, "a01.txt"), *b = path_in(f.src, "a02.txt");
    write_text(a, "Only a headline\n");
    write_text(b, "");
    struct run r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 1);
    assert_string_equal(r.out,
                        "0 done, 0 skipped, 2 failed\nno index written: every article failed\n");
    assert_non_null(strstr(r.err, "a01.txt: no body text after the headline"));
    assert_non_null(strstr(r.err, "a02.txt: the file is empty"));
    run_free(&r);
    struct stat st;
    assert_int_not_equal(stat(f.out, &st), 0);
    /* an output folder that cannot be made stops the run at the first
     * article to write, not each article in turn */
    write_text(a, "A headline\n\nAnd a body.\n");
    write_text(b, "Another headline\n\nAnd its body.\n");
    write_text(f.out, "a file where the folder should be\n");
    r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 1);
    char want[1024];
    snprintf(want, sizeof(want), "newsbrief: %s: not a folder\n", f.out);
    assert_string_equal(r.err, want);
    run_free(&r);
    free(a);
    free(b);
    fixture_free(&f);
}

/* SIGTERM after the first article leaves no temporary file and no half
 * article; the next run does only the rest. */
static void test_interrupted_resumes(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_interrupt", 6, 6);
    char stamp[1200];
    snprintf(stamp, sizeof(stamp), "%s/.a01.batch", f.out);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(BIN, BIN, "batch", f.src, "-o", f.out, "--briefing", f.briefing, "-q", (char *)NULL);
        _exit(127);
    }
    int seen = 0;
    for (int i = 0; i < 6000 && !seen; i++) {
        struct stat st;
        seen = stat(stamp, &st) == 0;
        if (!seen)
            nanosleep(&(struct timespec){0, 5000000}, NULL);
    }
    assert_true(seen);
    kill(pid, SIGTERM);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    assert_int_equal(temp_files(f.out), 0);
    /* done: stamped (an article stopped between its audio and its stamp,
     * one of those made side by side, is made again) */
    int done = 0;
    for (int i = 1; i <= 6; i++) {
        char name[32];
        snprintf(name, sizeof(name), ".a%02d.batch", i);
        done += exists(f.out, name);
    }
    assert_true(done >= 1 && done < 6);
    assert_true(count_ext(f.out, ".wav") >= done);
    assert_false(exists(f.out, "index.json"));

    struct run r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 0);
    char want[64];
    snprintf(want, sizeof(want), "%d done, %d skipped, 0 failed", 6 - done, done);
    if (!strstr(r.out, want))
        fail_msg("wanted '%s', got '%s'", want, r.out);
    run_free(&r);
    assert_int_equal(count_ext(f.out, ".wav"), 6);
    assert_int_equal(temp_files(f.out), 0);
    fixture_free(&f);
}

/* The names in index-K-of-N.json's articles, counted into seen[] by
 * article number (a01 -> seen[0]); done counts those made by this run. */
static void count_share(const char *out, const char *index_name, int *seen, size_t n, int *done)
{
    struct json_object *index = read_json(out, index_name), *articles, *failed;
    assert_true(json_object_object_get_ex(index, "articles", &articles));
    assert_true(json_object_object_get_ex(index, "failed", &failed));
    assert_int_equal(json_object_array_length(failed), 0);
    for (size_t i = 0; i < json_object_array_length(articles); i++) {
        struct json_object *a = json_object_array_get_idx(articles, i), *name, *status;
        assert_true(json_object_object_get_ex(a, "name", &name));
        assert_true(json_object_object_get_ex(a, "status", &status));
        unsigned k = 0;
        assert_int_equal(sscanf(json_object_get_string(name), "a%u", &k), 1);
        assert_true(k >= 1 && k <= n);
        seen[k - 1]++;
        *done += strcmp(json_object_get_string(status), "done") == 0;
    }
    json_object_put(index);
}

/* Shares 1..3 of 3 hold every article exactly once, whatever was added;
 * a run without a share then skips them all and indexes them all. */
static void test_shards_cover_once(void **state)
{
    (void)state;
    /* the share of an article depends only on its identity */
    for (unsigned n = 1; n <= 7; n++) {
        for (unsigned i = 0; i < 500; i++) {
            char id[32];
            snprintf(id, sizeof(id), "story-%u.txt", i);
            unsigned in = 0;
            for (unsigned k = 1; k <= n; k++)
                in += (unsigned)nb_batch_in_shard(id, k, n);
            assert_int_equal(in, 1);
        }
    }
    size_t per[3] = {0, 0, 0};
    for (unsigned i = 0; i < 3000; i++) {
        char id[32];
        snprintf(id, sizeof(id), "%u.md", i);
        for (unsigned k = 1; k <= 3; k++)
            per[k - 1] += (size_t)nb_batch_in_shard(id, k, 3);
    }
    for (int k = 0; k < 3; k++)
        assert_true(per[k] > 900 && per[k] < 1100); /* even shares */

    struct fixture f = make_fixture("batch_shards", 7, 1);
    int seen[7] = {0}, done = 0;
    for (int k = 1; k <= 3; k++) {
        char shard[16], index[32];
        snprintf(shard, sizeof(shard), "%d/3", k);
        struct run r = batch(&f, f.src, "--shard", shard);
        if (r.code != 0)
            fail_msg("shard %s failed: %s", shard, r.err);
        run_free(&r);
        snprintf(index, sizeof(index), "index-%d-of-3.json", k);
        count_share(f.out, index, seen, 7, &done);
    }
    for (int i = 0; i < 7; i++)
        assert_int_equal(seen[i], 1);
    assert_int_equal(done, 7);
    assert_int_equal(count_ext(f.out, ".wav"), 7);
    struct run r = batch(&f, f.src, NULL, NULL);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "0 done, 7 skipped, 0 failed"));
    run_free(&r);
    struct json_object *index = read_json(f.out, "index.json"), *articles;
    assert_true(json_object_object_get_ex(index, "articles", &articles));
    assert_int_equal(json_object_array_length(articles), 7);
    json_object_put(index);
    r = batch(&f, f.src, "--shard", "4/3");
    assert_int_equal(r.code, 2);
    run_free(&r);
    fixture_free(&f);
}

/* Two shares run side by side by GNU parallel, as on two machines: every
 * article done exactly once. */
static void test_gnu_parallel(void **state)
{
    (void)state;
    const char *parallel = NULL;
    static const char *const where[] = {"/usr/bin/parallel", "/usr/local/bin/parallel",
                                        "/bin/parallel"};
    for (size_t i = 0; i < 3 && !parallel; i++)
        if (access(where[i], X_OK) == 0)
            parallel = where[i];
    if (!parallel)
        skip(); /* Debian's `parallel` is not installed */
    struct fixture f = make_fixture("batch_parallel", 6, 1);
    char *argv[] = {
        (char *)parallel, "--will-cite", "--halt", "never", "-j",         "2",        BIN,
        "batch",          f.src,         "-o",     f.out,   "--briefing", f.briefing, "-q",
        "--shard",        "{}/2",        ":::",    "1",     "2",          NULL};
    struct run r = run_cmd(argv);
    if (r.code != 0)
        fail_msg("parallel failed (%d): %s%s", r.code, r.out, r.err);
    run_free(&r);
    int seen[6] = {0}, done = 0;
    count_share(f.out, "index-1-of-2.json", seen, 6, &done);
    count_share(f.out, "index-2-of-2.json", seen, 6, &done);
    for (int i = 0; i < 6; i++)
        assert_int_equal(seen[i], 1);
    assert_int_equal(done, 6);
    assert_int_equal(count_ext(f.out, ".wav"), 6);
    assert_int_equal(temp_files(f.out), 0);
    fixture_free(&f);
}

/* A feed's items, named from their links; a rerun skips them. */
static void test_feed(void **state)
{
    (void)state;
    struct fixture f = make_fixture("batch_feed", 0, 0);
    const char *feed = NB_DATA_DIR "/briefings/feeds/coastal-news.rss";
    struct run r = batch(&f, feed, NULL, NULL);
    if (r.code != 0)
        fail_msg("batch failed: %s", r.err);
    assert_non_null(strstr(r.out, "2 done, 0 skipped, 0 failed"));
    run_free(&r);
    assert_true(exists(f.out, "electric-ferries.wav"));
    assert_true(exists(f.out, "library-e-readers.wav"));
    r = batch(&f, feed, NULL, NULL);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "0 done, 2 skipped, 0 failed"));
    run_free(&r);
    fixture_free(&f);
}

static void test_usage(void **state)
{
    (void)state;
    struct run r = run_cmd((char *[]){BIN, "batch", "--help", NULL});
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "--shard K/N"));
    run_free(&r);
    r = run_cmd((char *[]){BIN, "--help", NULL});
    assert_non_null(strstr(r.out, "  batch "));
    run_free(&r);
    r = run_cmd((char *[]){BIN, "batch", "somewhere", NULL});
    assert_int_equal(r.code, 2); /* no -o */
    run_free(&r);
    struct fixture f = make_fixture("batch_usage", 1, 1);
    r = batch(&f, f.src, "--shard", "0/2");
    assert_int_equal(r.code, 2);
    run_free(&r);
    r = batch(&f, f.src, "--shard", "2");
    assert_int_equal(r.code, 2);
    run_free(&r);
    char *missing = path_in(f.dir, "nothing-here");
    r = batch(&f, missing, NULL, NULL);
    assert_int_equal(r.code, 2);
    assert_non_null(strstr(r.err, "nothing-here"));
    run_free(&r);
    free(missing);
    char *empty = path_in(f.dir, "no-match-*.txt");
    r = batch(&f, empty, NULL, NULL);
    assert_int_equal(r.code, 2);
    run_free(&r);
    free(empty);
    fixture_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage),
        cmocka_unit_test(test_folder_resume),
        cmocka_unit_test(test_failed_article),
        cmocka_unit_test(test_jobs_same_files),
        cmocka_unit_test(test_one_bad_file),
        cmocka_unit_test(test_every_article_fails),
        cmocka_unit_test(test_interrupted_resumes),
        cmocka_unit_test(test_shards_cover_once),
        cmocka_unit_test(test_gnu_parallel),
        cmocka_unit_test(test_feed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
