/* test_quotes_emit.c - what a quoted stretch becomes (src/quotes/emit.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/attribution.h"
#include "quotes/emit.h"

static void test_text_add(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    const char *p = "  We   will\n fight  ";
    assert_int_equal(nb_quotes_text_add(&b, p, 0, strlen(p)), 0);
    assert_string_equal(b.data, "We will fight");
    assert_int_equal(nb_quotes_text_add(&b, "   ", 0, 3), 0); /* nothing to add */
    assert_string_equal(b.data, "We will fight");
    assert_int_equal(nb_quotes_text_add(&b, "xx on. yy", 2, 6), 0);
    assert_string_equal(b.data, "We will fight on.");
    nb_buf_release(&b);
}

static void test_title_like(void **state)
{
    (void)state;
    static const char *const titles[] = {"Face the Nation",   "Morning Joe", "The 411",
                                         "Lord of the Rings", "...",         ""};
    for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
        if (!nb_quotes_title_like(titles[i], strlen(titles[i])))
            fail_msg("'%s' is no title", titles[i]);
    static const char *const words[] = {"We will win", "overdue", "Save our park", "Yes (maybe)"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (nb_quotes_title_like(words[i], strlen(words[i])))
            fail_msg("'%s' is a title", words[i]);
}

/* Offsets of the first quote of p: the opening mark, the words. */
static void quote_at(const char *p, size_t *open, size_t *start, size_t *end)
{
    const char *o = strchr(p, '"');
    const char *c = strchr(o + 1, '"');
    *open = (size_t)(o - p);
    *start = *open + 1;
    *end = (size_t)(c - p);
}

static void test_kind(void **state)
{
    (void)state;
    static const struct {
        const char *p;
        int partial, embedded;
    } cases[] = {
        {"\"We won.\"", 0, 0},
        {"He said: \"We won.\"", 0, 0},
        {"He said, \"We won.\"", 0, 1},
        {"He said that \"We will win.\"", 1, 1},
        {"He called the plan \"overdue\".", 1, 1},
        {"He called the plan \"Overdue\".", 0, 1},
        {"Posters read \"Save our park\".", 0, 1},
        {"Then (\"maybe\") not.", 1, 0},
        /* a capitalised noun phrase of the sentence is still a fragment */
        {"Cruz railed against the \"Washington Cartel\" again.", 1, 1},
        {"He said it was his campaign's \"Best night ever.\"", 1, 1},
        {"She called him \"The best recruiter.\"", 1, 1},
        {"Its members are \"Latino, non-Latino, Caucasian.\"", 1, 1},
        {"He warned against \"Moscow's worrying moves\" there.", 1, 1},
        {"He told reporters \"We are ready.\"", 0, 1},
        /* the sentence goes on after the quote: its words are part of it */
        {"He said, \"I am so sick of it\" about her record.", 1, 1},
        {"\"We have weeks to go\" until the vote.", 1, 0},
        {"\"Closing time,\" by Ann Lee.", 1, 0},
        {"\"We won,\" the mayor said.", 0, 0},
        {"\"We won\" she said.", 0, 0},
        {"\"We won\" said Ann Lee.", 0, 0},
        {"\"We won\" according to Ann Lee.", 0, 0},
        /* a sentence opened by its attribution is the speaker's, whatever
         * its case; an attribution inside a sentence leaves a piece of it */
        {"She says \"we worked hard for this.\"", 0, 1},
        {"Clinton said, \"as long as we break no rules.\"", 0, 1},
        {"Carson told his supporters, \"our nation is in trouble.\"", 0, 1},
        {"The reality is, he added, \"there are no recusals.\"", 1, 1},
        {"In cases of abortion, it said, \"the woman is a victim.\"", 1, 1},
        {"She said, \"but I do not know.\"", 1, 1},
        {"She said \"a deal.\"", 1, 1},
        {"She called it \"a very big deal.\"", 1, 1},
        {"Photos telling \"the story of their love.\"", 1, 1},
        {"She said, \"we will win\" in May.", 1, 1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t open, start, end;
        quote_at(cases[i].p, &open, &start, &end);
        int partial = nb_quotes_is_partial(cases[i].p, 0, open, start, end);
        int embedded = nb_quotes_is_embedded(cases[i].p, 0, open);
        if (partial != cases[i].partial || embedded != cases[i].embedded)
            fail_msg("'%s': partial %d embedded %d, want %d %d", cases[i].p, partial, embedded,
                     cases[i].partial, cases[i].embedded);
    }
}

/* A quote right after another one that ended no sentence goes on with
 * that sentence: lower case, it is a fragment. */
static void test_after_quote(void **state)
{
    (void)state;
    static const struct {
        const char *p;
        int partial;
    } cases[] = {
        {"He said that \"ethanol people\" \"do a fine job.\"", 1},
        {"It cited \"war crimes,\" \"genocide\" and more.", 1},
        {"\"We won.\" \"it was close.\"", 0},
        {"He cited \"war crimes,\" \"Genocide.\"", 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *p = cases[i].p;
        size_t open, start, end;
        quote_at(p, &open, &start, &end);
        size_t from = end + 1; /* after the first quote's closing mark */
        quote_at(p + from, &open, &start, &end);
        open += from, start += from, end += from;
        int partial = nb_quotes_is_partial(p, from, open, start, end);
        if (partial != cases[i].partial)
            fail_msg("'%s': partial %d, want %d", p, partial, cases[i].partial);
    }
}

static void pass_init(struct nb_quotes_pass *st)
{
    memset(st, 0, sizeof(*st));
    nb_quotes_memory_init(&st->mem);
    nb_buf_init(&st->text, 0);
}

static void pass_release(struct nb_quotes_pass *st)
{
    for (size_t i = 0; i < st->out.n; i++)
        nb_quotes_quote_release(&st->out.v[i]);
    free(st->out.v);
    nb_buf_release(&st->text);
    nb_quotes_memory_release(&st->mem);
}

/* Emits the quote of paragraph p (index para) as the driver would, with
 * the attribution after it; merge: only an attribution stands between it
 * and the quote before. */
static nb_status emit(struct nb_quotes_pass *st, const char *p, size_t para, int merge)
{
    size_t open, start, end, len = strlen(p);
    quote_at(p, &open, &start, &end);
    struct nb_quotes_speaker none, after;
    memset(&none, 0, sizeof(none));
    nb_quotes_attrib_after(p, end + 1, len, &after);
    int partial = nb_quotes_is_partial(p, 0, open, start, end);
    int embedded = nb_quotes_is_embedded(p, 0, open);
    int alone = open == 0 && end + 1 >= len - 1;
    int cont = open == 0 && !nb_quotes_has_verb(p, end + 1, len);
    nb_buf_reset(&st->text);
    assert_int_equal(nb_quotes_text_add(&st->text, p, start, end), 0);
    struct nb_error err;
    nb_error_init(&err);
    return nb_quotes_finish_quote(st, p, para, &none, &after, partial, embedded, para, alone, cont,
                                  merge, &err);
}

static void test_finish_quote(void **state)
{
    (void)state;
    struct nb_quotes_pass st;
    pass_init(&st);

    assert_int_equal(emit(&st, "\"We won,\" said Ola Berg.", 0, 0), NB_OK);
    assert_int_equal(st.out.n, 1);
    assert_string_equal(st.out.v[0].text, "We won");
    assert_string_equal(st.out.v[0].speaker, "Ola Berg");
    assert_null(st.out.v[0].role);
    assert_false(st.out.v[0].partial);
    assert_int_equal(st.text.len, 0); /* the words were taken */

    /* a quoted paragraph without attribution: the same voice goes on */
    assert_int_equal(emit(&st, "\"It was close.\"", 1, 0), NB_OK);
    assert_int_equal(st.out.n, 2);
    assert_string_equal(st.out.v[1].speaker, "Ola Berg");
    assert_int_equal(st.out.v[1].sentence, 1);

    /* split by its attribution: joined to the quote before */
    assert_int_equal(emit(&st, "\"and we are glad.\"", 1, 1), NB_OK);
    assert_int_equal(st.out.n, 2);
    assert_string_equal(st.out.v[1].text, "It was close. and we are glad.");

    /* a scare quote with no verb near it, a title, no letters: nothing */
    assert_int_equal(emit(&st, "The \"plan\" is late.", 2, 0), NB_OK);
    assert_int_equal(emit(&st, "On \"Face the Nation\" today.", 3, 0), NB_OK);
    assert_int_equal(emit(&st, "\"...\"", 4, 0), NB_OK);
    assert_int_equal(st.out.n, 2);
    pass_release(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_add),     cmocka_unit_test(test_title_like),
        cmocka_unit_test(test_kind),         cmocka_unit_test(test_after_quote),
        cmocka_unit_test(test_finish_quote),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
