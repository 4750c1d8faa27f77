/* test_quotes_tokens.c - tokens and bounded windows of them
 * (src/quotes/tokens.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/tokens.h"
#include "text/buf.h"

/* The window's tokens joined by '|'. */
static void assert_tokens(const struct nb_quotes_win *w, const char *want)
{
    char got[512];
    size_t n = 0;
    got[0] = '\0';
    for (size_t k = 0; k < w->n; k++) {
        int r = snprintf(got + n, sizeof(got) - n, "%s%.*s", k ? "|" : "",
                         (int)nb_quotes_tok_len(w, k), w->p + w->t[k].s);
        assert_true(r >= 0 && (size_t)r < sizeof(got) - n);
        n += (size_t)r;
    }
    if (strcmp(got, want) != 0)
        fail_msg("tokens '%s', want '%s'", got, want);
}

static void test_words(void **state)
{
    (void)state;
    const char *p = "  Dr. G.K. Berg's O'Brien al-Assad, the Nurses' Union (D-N.C.) said: "
                    "\xe2\x80\x9cWe\xe2\x80\x99re 6'2\" \xe2\x80\x94 R&D.\xe2\x80\x9d";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_tokens(&w, "Dr.|G.K.|Berg's|O'Brien|al-Assad|,|the|Nurses'|Union|(|D-N.C.|)|said|:|"
                      "\xe2\x80\x9c|We\xe2\x80\x99re|6'2|\"|\xe2\x80\x94|R&D|.|\xe2\x80\x9d");
    assert_ptr_equal(w.p, p);

    /* from and to bound the window */
    nb_quotes_win_fill(&w, p, 6, 15);
    assert_tokens(&w, "G.K.|Berg");

    size_t i = 0;
    struct nb_quotes_tok t;
    assert_int_equal(nb_quotes_next_token("   \t ", 5, &i, &t), 0);
    i = 0;
    assert_int_equal(nb_quotes_next_token(" ab ", 4, &i, &t), 1);
    assert_int_equal(t.s, 1);
    assert_int_equal(t.e, 3);
    assert_int_equal(i, 3);

    /* a word that goes on past ASCII, one that ends the text, one mark */
    const char *q = "caf\xc3\xa9s Zo\xc3\xab, \xc3\x89mile;x";
    nb_quotes_win_fill(&w, q, 0, strlen(q));
    assert_tokens(&w, "caf\xc3\xa9s|Zo\xc3\xab|,|\xc3\x89mile|;|x");
}

static void test_predicates(void **state)
{
    (void)state;
    const char *p = "Mrs. Berg's staff \xe2\x80\x93 ministers\xe2\x80\x99 aides, they said 42";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_tokens(&w, "Mrs.|Berg's|staff|\xe2\x80\x93|ministers\xe2\x80\x99|aides|,|they|said|42");
    int g = -1;
    assert_true(nb_quotes_tok_honorific(&w, 0, &g));
    assert_int_equal(g, 2);
    assert_false(nb_quotes_tok_honorific(&w, 1, NULL));
    assert_true(nb_quotes_tok_cap(&w, 1));
    assert_false(nb_quotes_tok_cap(&w, 2));
    assert_true(nb_quotes_tok_possessive(&w, 1));
    assert_true(nb_quotes_tok_possessive(&w, 4));
    assert_false(nb_quotes_tok_possessive(&w, 2));
    assert_true(nb_quotes_tok_dash(&w, 3));
    assert_false(nb_quotes_tok_word(&w, 3));
    assert_false(nb_quotes_tok_dash(&w, 6));
    assert_true(nb_quotes_tok_punct(&w, 6, ','));
    assert_false(nb_quotes_tok_punct(&w, 6, '.'));
    assert_false(nb_quotes_tok_punct(&w, 8, 's'));
    assert_true(nb_quotes_tok_word(&w, 9));
    assert_true(nb_quotes_tok_is(&w, 7, "they"));
    assert_false(nb_quotes_tok_is(&w, 7, "the"));
    assert_true(nb_quotes_tok_in(&w, 7, NB_QUOTES_PRONOUNS_OTHER));
    assert_false(nb_quotes_tok_in(&w, 7, NB_QUOTES_PRONOUNS_M));
    assert_int_equal(nb_quotes_tok_verb(&w, 8), NB_QUOTES_V_SPEECH | NB_QUOTES_V_INV);
    assert_int_equal(nb_quotes_tok_verb(&w, 2), 0);
    assert_int_equal(nb_quotes_tok_len(&w, 4), strlen("ministers") + 3);
}

/* A window holds NB_QUOTES_WIN_TOKENS tokens: the first of a long text,
 * or, for the tail, the last ones within NB_QUOTES_WIN_BYTES. */
static void test_bounds(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (int i = 0; i < 300; i++) {
        char word[16];
        snprintf(word, sizeof(word), "w%d ", i);
        assert_int_equal(nb_buf_adds(&b, word), 0);
    }
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, b.data, 0, b.len);
    assert_int_equal(w.n, NB_QUOTES_WIN_TOKENS);
    assert_true(nb_quotes_tok_is(&w, 0, "w0"));
    assert_true(nb_quotes_tok_is(&w, NB_QUOTES_WIN_TOKENS - 1, "w47"));

    nb_quotes_win_fill_tail(&w, b.data, 0, b.len);
    assert_int_equal(w.n, NB_QUOTES_WIN_TOKENS);
    assert_true(nb_quotes_tok_is(&w, NB_QUOTES_WIN_TOKENS - 1, "w299"));
    assert_true(nb_quotes_tok_is(&w, 0, "w252"));

    /* a short text: the whole of it */
    nb_quotes_win_fill_tail(&w, b.data, 0, 6);
    assert_tokens(&w, "w0|w1");

    /* the tail never starts inside a word */
    nb_quotes_win_fill_tail(&w, b.data, b.len - NB_QUOTES_WIN_BYTES - 2, b.len);
    assert_true(w.t[0].s == 0 || b.data[w.t[0].s - 1] == ' ');
    assert_true(b.len - w.t[0].s <= NB_QUOTES_WIN_BYTES);
    nb_buf_release(&b);
}

/* The first tokens only; a window slid on keeps its later tokens, and
 * what it remembered of them, as a window filled afresh from there. */
static void test_first_and_drop(void **state)
{
    (void)state;
    const char *p = "Mr. Berg said the Oslo staff \xe2\x80\x93 they said \"no\"";
    struct nb_quotes_win w;
    nb_quotes_win_fill_first(&w, p, 0, strlen(p), 2);
    assert_tokens(&w, "Mr.|Berg");
    nb_quotes_win_fill_first(&w, p, 0, strlen(p), 1000); /* at most a window */
    assert_tokens(&w, "Mr.|Berg|said|the|Oslo|staff|\xe2\x80\x93|they|said|\"|no|\"");
    nb_quotes_win_fill_first(&w, p, 0, 0, 1);
    assert_int_equal(w.n, 0);

    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_true(nb_quotes_tok_honorific(&w, 0, NULL));
    assert_true(nb_quotes_tok_verb(&w, 2) & NB_QUOTES_V_SPEECH);
    assert_false(nb_quotes_tok_in(&w, 4, NB_QUOTES_CAP_STOPS));
    assert_true(nb_quotes_tok_in(&w, 7, NB_QUOTES_PRONOUNS_OTHER));
    nb_quotes_win_drop(&w, 2);
    struct nb_quotes_win fresh;
    nb_quotes_win_fill(&fresh, p, w.t[0].s, strlen(p));
    assert_int_equal(w.n, fresh.n);
    for (size_t k = 0; k < w.n; k++) {
        assert_int_equal(w.t[k].s, fresh.t[k].s);
        assert_int_equal(w.t[k].e, fresh.t[k].e);
        assert_int_equal(nb_quotes_tok_verb(&w, k), nb_quotes_tok_verb(&fresh, k));
        assert_int_equal(nb_quotes_tok_honorific(&w, k, NULL),
                         nb_quotes_tok_honorific(&fresh, k, NULL));
        assert_int_equal(nb_quotes_tok_in(&w, k, NB_QUOTES_PRONOUNS_OTHER),
                         nb_quotes_tok_in(&fresh, k, NB_QUOTES_PRONOUNS_OTHER));
        assert_int_equal(nb_quotes_tok_in(&w, k, NB_QUOTES_CAP_STOPS),
                         nb_quotes_tok_in(&fresh, k, NB_QUOTES_CAP_STOPS));
    }
    assert_true(nb_quotes_tok_in(&w, 5, NB_QUOTES_PRONOUNS_OTHER)); /* "they" */
    nb_quotes_win_drop(&w, w.n + 3);                                /* past the end: nothing left */
    assert_int_equal(w.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_predicates),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_first_and_drop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
