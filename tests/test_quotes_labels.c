/* test_quotes_labels.c - a round-up's label before a quote
 * (src/quotes/labels.c): "Name, Outlet:", "heading - Name:", and a
 * one-word label only for a surname the article has given in full.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/labels.h"

static int colon(const char *p, char *name, size_t cap)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    struct nb_quotes_speaker sp;
    memset(&sp, 0, sizeof(sp));
    if (!nb_quotes_colon_label(&w, &sp))
        return 0;
    snprintf(name, cap, "%.*s", (int)(sp.ne - sp.ns), p + sp.ns);
    return 1;
}

static void test_colon_label(void **state)
{
    (void)state;
    char name[64];
    assert_true(colon("Gerald F. Seib, The Wall Street Journal:", name, sizeof(name)));
    assert_string_equal(name, "Gerald F. Seib");
    assert_true(colon("Pollsters agree - Carl Bialik:", name, sizeof(name)));
    assert_string_equal(name, "Carl Bialik");
    assert_true(colon("The Ferry Workers Union:", name, sizeof(name)));
    assert_string_equal(name, "Ferry Workers Union");
    assert_false(colon("Solberg:", name, sizeof(name)));
    assert_false(colon("The plan, in short:", name, sizeof(name)));
    assert_false(colon("Ingrid Solberg, of course, not:", name, sizeof(name))); /* no outlet */
    assert_false(colon("Ingrid Solberg's answer:", name, sizeof(name)));
}

static int known(struct nb_quotes_memory *m, const char *p, char *name, size_t cap)
{
    struct nb_quotes_speaker sp;
    memset(&sp, 0, sizeof(sp));
    if (!nb_quotes_known_label(p, 0, strlen(p), m, &sp))
        return 0;
    assert_int_equal(sp.kind, NB_QUOTES_SP_NAME);
    assert_int_equal(sp.verb, 1);
    snprintf(name, cap, "%.*s", (int)(sp.ne - sp.ns), p + sp.ns);
    return 1;
}

static void test_known_label(void **state)
{
    (void)state;
    struct nb_quotes_memory m;
    nb_quotes_memory_init(&m);
    const char *para = "Ingrid Solberg and Jonas Berg debated the levy on Sunday.";
    nb_quotes_mem_scan(&m, para, 0, strlen(para), 0);
    char name[64];
    assert_true(known(&m, "Solberg:", name, sizeof(name)));
    assert_string_equal(name, "Solberg");
    assert_true(known(&m, "More from Berg:", name, sizeof(name)));
    assert_string_equal(name, "Berg");
    assert_true(known(&m, "Asked about the cost - Solberg:", name, sizeof(name)));
    /* no person of that surname: a heading as likely */
    assert_false(known(&m, "Verdict:", name, sizeof(name)));
    assert_false(known(&m, "Lunde:", name, sizeof(name)));
    /* more than the label before the colon */
    assert_false(known(&m, "Then Solberg said this:", name, sizeof(name)));
    assert_false(known(&m, "Solberg", name, sizeof(name)));
    nb_quotes_memory_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colon_label),
        cmocka_unit_test(test_known_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
