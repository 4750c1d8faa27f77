/* test_quotes_names.c - noun phrases split into name and role
 * (src/quotes/names.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/names.h"

/* Splits the whole of text (a subject) and checks what it names: kind,
 * name (or noun phrase) and role ("-" for none). */
static struct nb_quotes_speaker split(const char *text, int kind, const char *name,
                                      const char *role)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, text, 0, strlen(text));
    struct nb_quotes_speaker sp;
    memset(&sp, 0, sizeof(sp));
    nb_quotes_np_split(&w, 0, w.n, &sp);
    if (sp.kind != kind)
        fail_msg("'%s': kind %d, want %d", text, sp.kind, kind);
    size_t nl = strlen(name);
    if (sp.ne - sp.ns != nl || memcmp(text + sp.ns, name, nl) != 0)
        fail_msg("'%s': name '%.*s', want '%s'", text, (int)(sp.ne - sp.ns), text + sp.ns, name);
    if (strcmp(role, "-") == 0) {
        if (sp.rs != sp.re)
            fail_msg("'%s': role '%.*s', want none", text, (int)(sp.re - sp.rs), text + sp.rs);
    } else {
        size_t rl = strlen(role);
        if (sp.re - sp.rs != rl || memcmp(text + sp.rs, role, rl) != 0)
            fail_msg("'%s': role '%.*s', want '%s'", text, (int)(sp.re - sp.rs), text + sp.rs,
                     role);
    }
    return sp;
}

static void test_np_split(void **state)
{
    (void)state;
    struct nb_quotes_speaker sp;
    sp = split("Ola Berg", NB_QUOTES_SP_NAME, "Ola Berg", "-");
    assert_true(sp.person);
    split("Norway's foreign minister Ola Berg", NB_QUOTES_SP_NAME, "Ola Berg",
          "Norway's foreign minister");
    sp = split("Mrs. Ann Reed", NB_QUOTES_SP_NAME, "Ann Reed", "-");
    assert_int_equal(sp.gender, 2);
    split("Mayor Ann Reed", NB_QUOTES_SP_NAME, "Ann Reed", "Mayor");
    split("Secretary of State John Kerry", NB_QUOTES_SP_NAME, "John Kerry", "Secretary of State");
    split("Sen. Ann Reed (D-N.C.)", NB_QUOTES_SP_NAME, "Ann Reed", "Sen.");
    split("Dr. Maren Holt of the Tromvik Centre", NB_QUOTES_SP_NAME, "Maren Holt",
          "of the Tromvik Centre");
    sp = split("the Justice Department", NB_QUOTES_SP_NAME, "Justice Department", "-");
    assert_false(sp.person);
    sp = split("the minister", NB_QUOTES_SP_NP, "the minister", "-");
    sp = split("a spokeswoman for Granite Coast", NB_QUOTES_SP_NP,
               "a spokeswoman for Granite Coast", "-");
    assert_int_equal(sp.gender, 2);
    split("the Pole", NB_QUOTES_SP_NP, "the Pole", "-");
    sp = split("he", NB_QUOTES_SP_PRONOUN, "he", "-");
    assert_int_equal(sp.gender, 1);
    sp = split("She", NB_QUOTES_SP_PRONOUN, "She", "-");
    assert_int_equal(sp.gender, 2);
    sp = split("they", NB_QUOTES_SP_PRONOUN, "they", "-");
    assert_int_equal(sp.gender, 0);

    /* not names: a clause cut short, a possessive, an event */
    static const char *const none[] = {"harbour officials haven't", "Brekke's",
                                       "the Nordhavn Shipping Symposium", "they'll"};
    for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
        struct nb_quotes_win nw;
        nb_quotes_win_fill(&nw, none[i], 0, strlen(none[i]));
        memset(&sp, 0, sizeof(sp));
        nb_quotes_np_split(&nw, 0, nw.n, &sp);
        if (sp.kind != NB_QUOTES_SP_NONE)
            fail_msg("'%s' is no subject", none[i]);
    }
    sp = split("The New York Times", NB_QUOTES_SP_NAME, "New York Times", "-");
    assert_false(sp.person);
    split("the United Nations", NB_QUOTES_SP_NAME, "United Nations", "-");
    split("Brekke's spokesman", NB_QUOTES_SP_NP, "Brekke's spokesman", "-");

    /* nothing to split: *sp is left alone */
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, ", --", 0, 4);
    memset(&sp, 0, sizeof(sp));
    sp.gender = 7;
    nb_quotes_np_split(&w, 0, w.n, &sp);
    assert_int_equal(sp.kind, NB_QUOTES_SP_NONE);
    assert_int_equal(sp.gender, 7);
}

static void test_np_back(void **state)
{
    (void)state;
    const char *p = "Yesterday Ola Berg also said";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_int_equal(w.n, 5);
    assert_int_equal(nb_quotes_np_back(&w, 0, 4), 1); /* "Ola Berg", past "also" */
    assert_int_equal(nb_quotes_np_back(&w, 2, 4), 2); /* not before lo */

    p = "harbour officials haven't said";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_int_equal(nb_quotes_np_back(&w, 0, 3), 0); /* past "haven't" */

    p = "and said";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_int_equal(nb_quotes_np_back(&w, 0, 1), 1); /* none */
}

static void test_contraction(void **state)
{
    (void)state;
    const char *p = "haven't didn\xe2\x80\x99t we're they\xe2\x80\x99ll I'd O'Brien Berg's n't";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_int_equal(w.n, 8);
    assert_int_equal(nb_quotes_contraction(&w, 0), 2);
    assert_int_equal(nb_quotes_contraction(&w, 1), 2);
    assert_int_equal(nb_quotes_contraction(&w, 2), 1);
    assert_int_equal(nb_quotes_contraction(&w, 3), 1);
    assert_int_equal(nb_quotes_contraction(&w, 4), 1);
    assert_int_equal(nb_quotes_contraction(&w, 5), 0);
    assert_int_equal(nb_quotes_contraction(&w, 6), 0);
    assert_int_equal(nb_quotes_contraction(&w, 7), 0);
}

static void test_adverb(void **state)
{
    (void)state;
    const char *p = "Brekke famously the family also Italy their assembly";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_int_equal(w.n, 8);
    assert_true(nb_quotes_adverb(&w, 1));
    assert_false(nb_quotes_adverb(&w, 3)); /* after "the" */
    assert_true(nb_quotes_adverb(&w, 4));
    assert_false(nb_quotes_adverb(&w, 5)); /* a capital */
    assert_false(nb_quotes_adverb(&w, 7));
}

static void test_words(void **state)
{
    (void)state;
    const char *p = "Berg berg Monday Mr Italian Pole Vatican Ministry spokeswoman who that";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    assert_int_equal(w.n, 11);
    assert_true(nb_quotes_name_token(&w, 0));
    assert_false(nb_quotes_name_token(&w, 1));
    assert_false(nb_quotes_name_token(&w, 2)); /* a weekday */
    assert_true(nb_quotes_name_token(&w, 3));  /* an honorific is part of a name */
    assert_true(nb_quotes_demonym(&w, 4));
    assert_true(nb_quotes_demonym(&w, 5));
    assert_false(nb_quotes_demonym(&w, 6));
    assert_false(nb_quotes_demonym(&w, 7));
    assert_false(nb_quotes_demonym(&w, 0));
    assert_int_equal(nb_quotes_role_gender(&w, 0, w.n), 1); /* "Mr" comes first */
    assert_int_equal(nb_quotes_role_gender(&w, 4, w.n), 2); /* "spokeswoman" */
    assert_int_equal(nb_quotes_role_gender(&w, 0, 3), 0);
    assert_true(nb_quotes_relative_word(&w, 9));
    assert_true(nb_quotes_relative_word(&w, 10));
    assert_false(nb_quotes_relative_word(&w, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_np_split),    cmocka_unit_test(test_np_back),
        cmocka_unit_test(test_contraction), cmocka_unit_test(test_adverb),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
