/* test_quotes_speakers.c - the memory of people named and speaker
 * resolution (src/quotes/speakers.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/attribution.h"
#include "quotes/speakers.h"

/* The article's paragraphs: the memory borrows from them. */
static const char *const paras[] = {
    "Kingsbridge boss Marco Ferri was pleased with the draw.",
    "The club's new striker, Dylan Price, scored twice.",
    "\"We deserved it,\" Ferri said.",
    "\"We were lucky,\" he said.",
    "\"It was close,\" the boss said.",
    "\"We will appeal,\" the ministry said.",
    "\"The rules are clear,\" they said.",
    "\"No,\" she said.",
};

/* Resolves the attribution after the quote paragraph i opens with. */
static void resolve(struct nb_quotes_memory *m, size_t i, const char *speaker, const char *role)
{
    const char *p = paras[i];
    const char *close = strchr(p + 1, '"');
    struct nb_quotes_speaker sp;
    nb_quotes_attrib_after(p, (size_t)(close - p) + 1, strlen(p), &sp);
    assert_true(sp.verb);
    struct nb_quote q;
    memset(&q, 0, sizeof(q));
    assert_int_equal(nb_quotes_resolve(m, p, i, &sp, &q), 0);
    if (!speaker)
        assert_null(q.speaker);
    else if (!q.speaker || strcmp(q.speaker, speaker) != 0)
        fail_msg("paragraph %zu: speaker '%s', want '%s'", i, q.speaker ? q.speaker : "(null)",
                 speaker);
    if (!role)
        assert_null(q.role);
    else if (!q.role || strcmp(q.role, role) != 0)
        fail_msg("paragraph %zu: role '%s', want '%s'", i, q.role ? q.role : "(null)", role);
    assert_int_equal(nb_quotes_remember_speaker(m, &q, i), 0);
    free(q.speaker);
    free(q.role);
}

static void test_resolve(void **state)
{
    (void)state;
    struct nb_quotes_memory m;
    nb_quotes_memory_init(&m);
    nb_quotes_mem_scan(&m, paras[0], 0, strlen(paras[0]), 0);
    nb_quotes_mem_scan(&m, paras[1], 0, strlen(paras[1]), 1);
    assert_int_equal(m.n, 2);

    resolve(&m, 2, "Marco Ferri", "Kingsbridge boss"); /* a surname */
    assert_true(m.have_last);
    assert_string_equal(m.last_speaker, "Marco Ferri");
    assert_string_equal(m.last_role, "Kingsbridge boss");
    assert_int_equal(m.last_para, 2);

    resolve(&m, 3, "Marco Ferri", "Kingsbridge boss"); /* he */
    resolve(&m, 4, "Marco Ferri", "Kingsbridge boss"); /* the boss */
    resolve(&m, 5, "the ministry", NULL);              /* no one named */
    resolve(&m, 6, "the ministry", NULL);              /* they: the latest speaker */
    assert_string_equal(m.last_speaker, "the ministry");
    nb_quotes_memory_release(&m);
    assert_null(m.last_speaker);
    assert_int_equal(m.n, 0);
}

/* Nobody named yet: a pronoun stays unresolved. */
static void test_unresolved(void **state)
{
    (void)state;
    struct nb_quotes_memory m;
    nb_quotes_memory_init(&m);
    resolve(&m, 7, NULL, NULL);
    assert_false(m.have_last);
    resolve(&m, 3, NULL, NULL);
    nb_quotes_memory_release(&m);
}

/* The memory keeps NB_QUOTES_MEMORY_SIZE people, forgetting the least
 * recently mentioned. */
static void test_full(void **state)
{
    (void)state;
    static char names[NB_QUOTES_MEMORY_SIZE + 1][32];
    struct nb_quotes_memory m;
    nb_quotes_memory_init(&m);
    for (size_t i = 0; i <= NB_QUOTES_MEMORY_SIZE; i++) {
        char *s = names[i];
        size_t n = 0;
        memcpy(s, "Anna Q", 6);
        n = 6;
        s[n++] = (char)('a' + i % 26);
        s[n++] = (char)('a' + i / 26);
        memcpy(s + n, " met.", 6);
        nb_quotes_mem_scan(&m, s, 0, strlen(s), i);
    }
    assert_int_equal(m.n, NB_QUOTES_MEMORY_SIZE);
    for (size_t i = 0; i < m.n; i++)
        assert_true(m.e[i].para >= 1);
    nb_quotes_memory_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_unresolved),
        cmocka_unit_test(test_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
