/* test_summaries.c - the summaries of many files, read ahead on threads:
 * the same for every number of jobs, in order, the first failure named. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bulletin/summaries.h"
#include "text/buf.h"

#define MAX_FILES 64

/* Every .txt fixture of two folders, in name order. */
static size_t list_files(char **files)
{
    static const char *const dirs[] = {NB_TEST_FIXTURES "/quotes", NB_TEST_FIXTURES "/cleanup"};
    size_t n = 0;
    for (size_t d = 0; d < 2; d++) {
        struct dirent **names;
        int k = scandir(dirs[d], &names, NULL, alphasort);
        assert_true(k >= 0);
        for (int i = 0; i < k; i++) {
            size_t len = strlen(names[i]->d_name);
            if (n < MAX_FILES && len > 4 && strcmp(names[i]->d_name + len - 4, ".txt") == 0) {
                files[n] = malloc(strlen(dirs[d]) + len + 2);
                sprintf(files[n++], "%s/%s", dirs[d], names[i]->d_name);
            }
            free(names[i]);
        }
        free(names);
    }
    return n;
}

/* What was handed over, as text, and when to stop. */
struct seen {
    struct nb_buf text;
    size_t count, stop_after;
};

static int record(void *ctx, const char *file, const struct nb_summary *s)
{
    struct seen *seen = ctx;
    nb_buf_addf(&seen->text, "%s|%s", file, s->article->headline);
    for (size_t i = 0; i < s->nlead; i++)
        nb_buf_addf(&seen->text, "|%zu:%s", s->lead[i], nb_summary_lead(s, i));
    for (size_t i = 0; i < s->nquotes; i++) {
        const struct nb_quote *q = &s->article->quotes[s->quotes[i]];
        nb_buf_addf(&seen->text, "|q%zu:%s:%s", q->sentence, q->speaker ? q->speaker : "-",
                    q->text);
    }
    nb_buf_addc(&seen->text, '\n');
    return ++seen->count == seen->stop_after;
}

static void run(char **files, size_t n, unsigned jobs, size_t stop_after, struct seen *seen,
                nb_status want)
{
    struct nb_summary_options o = {.sentences = 3, .quotes = 1, .max_words = 35};
    struct nb_error err;
    nb_error_init(&err);
    nb_buf_init(&seen->text, 0);
    seen->count = 0;
    seen->stop_after = stop_after;
    assert_int_equal(
        nb_bulletin_summarise_files((const char *const *)files, n, &o, jobs, record, seen, &err),
        want);
}

static void test_same_for_every_jobs(void **state)
{
    (void)state;
    char *files[MAX_FILES];
    size_t n = list_files(files);
    assert_true(n >= 20);
    struct seen one, many;
    run(files, n, 1, 0, &one, NB_OK);
    assert_int_equal(one.count, n);
    for (unsigned jobs = 2; jobs <= 8; jobs *= 2) {
        run(files, n, jobs, 0, &many, NB_OK);
        assert_int_equal(many.count, n);
        assert_string_equal(many.text.data, one.text.data);
        nb_buf_release(&many.text);
    }
    /* stopped by the caller after 5: 5 handed over */
    run(files, n, 3, 5, &many, NB_OK);
    assert_int_equal(many.count, 5);
    nb_buf_release(&many.text);
    nb_buf_release(&one.text);
    for (size_t i = 0; i < n; i++)
        free(files[i]);
}

static void test_first_failure(void **state)
{
    (void)state;
    char *files[4] = {strdup(NB_TEST_FIXTURES "/cleanup/prose.txt"),
                      strdup(NB_TEST_FIXTURES "/cleanup/share.txt"),
                      strdup(NB_TEST_FIXTURES "/cleanup/no-such-file.txt"),
                      strdup(NB_TEST_FIXTURES "/cleanup/tail.txt")};
    for (unsigned jobs = 1; jobs <= 4; jobs += 3) {
        struct seen seen;
        struct nb_summary_options o = {.sentences = 3, .quotes = 1};
        struct nb_error err;
        nb_error_init(&err);
        nb_buf_init(&seen.text, 0);
        seen.count = 0;
        seen.stop_after = 0;
        nb_status rc = nb_bulletin_summarise_files((const char *const *)files, 4, &o, jobs, record,
                                                   &seen, &err);
        assert_int_not_equal(rc, NB_OK);
        assert_int_equal(err.status, rc);
        assert_int_equal(seen.count, 2); /* the two before it */
        char msg[1024];
        assert_non_null(strstr(nb_error_format(&err, msg, sizeof(msg)), "no-such-file.txt"));
        nb_buf_release(&seen.text);
    }
    for (size_t i = 0; i < 4; i++)
        free(files[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_for_every_jobs),
        cmocka_unit_test(test_first_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
