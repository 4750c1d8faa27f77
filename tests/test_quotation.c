/* Tests for script/quotation: quoted words made audible by the wording. */
#include "script/quotation.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void sentence_is(const char *in, const char *want)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_buf_adds(&out, "> "), NB_OK);
    assert_int_equal(nb_quotation_sentence(in, &out), NB_OK);
    if (strcmp(out.data + 2, want) != 0)
        fail_msg("'%s'\n  gave '%s'\n  want '%s'", in, out.data + 2, want);
    nb_buf_release(&out);
}

static void headline_is(const char *in, const char *speaker, const char *want)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_quotation_headline(in, speaker, &out), NB_OK);
    if (strcmp(out.data, want) != 0)
        fail_msg("'%s'\n  gave '%s'\n  want '%s'", in, out.data, want);
    nb_buf_release(&out);
}

/* The attribution goes before the quote. */
static void test_turned_round(void **state)
{
    (void)state;
    sentence_is("“We will keep the harbour open all winter,” the mayor said.",
                "The mayor said: “We will keep the harbour open all winter.”");
    sentence_is("\"The repairs cannot wait,\" said Hilde Moen.",
                "Hilde Moen said: “The repairs cannot wait.”");
    sentence_is("‘Is anyone listening?’ she asked.", "She asked: “Is anyone listening?”");
    sentence_is("“Prices will fall,” said Karim Aziz, an analyst at Fjordbank.",
                "Karim Aziz, an analyst at Fjordbank, said: “Prices will fall.”");
    sentence_is("“It was a long night”, he added.", "He added: “It was a long night.”");
}

/* What is not a quote and its attribution is left as written. */
static void test_left_alone(void **state)
{
    (void)state;
    /* the sentence goes on after the attribution */
    sentence_is("“Stay indoors,” police said on Tuesday as the storm hit.",
                "“Stay indoors,” police said on Tuesday as the storm hit.");
    /* a reported word in the third person sounds reported already */
    sentence_is("The council called the plan “reckless and unworkable”.",
                "The council called the plan “reckless and unworkable”.");
    /* apostrophes are no quotes */
    sentence_is("The club's fans sang 'til dawn in the '90s style.",
                "The club's fans sang 'til dawn in the '90s style.");
    sentence_is("No quote here.", "No quote here.");
    /* "US" is a country, not "us" */
    sentence_is("Officials described the “US position” as firm.",
                "Officials described the “US position” as firm.");
}

/* First-person words inside the newsreader's sentence are marked. */
static void test_marked(void **state)
{
    (void)state;
    sentence_is("The captain said he was “proud of what we achieved” and would stay.",
                "The captain said he was, quote, “proud of what we achieved”, end quote, and "
                "would stay.");
    sentence_is("She said: “I have never seen anything like it.”",
                "She said: quote, “I have never seen anything like it.” end quote");
    sentence_is("Residents say the floods left them “with nothing to call our own”.",
                "Residents say the floods left them, quote, “with nothing to call our own”, end "
                "quote.");
    sentence_is("“You’re on your own now,” was all the letter said, according to Ms Lund.",
                "Quote, “You’re on your own now,” end quote, was all the letter said, according "
                "to Ms Lund.");
}

static void test_headlines(void **state)
{
    (void)state;
    headline_is("'We never stopped believing' - Rovers stun City", NULL,
                "Rovers stun City. Quote: “We never stopped believing,” end quote.");
    headline_is("‘We never stopped believing’ – Rovers stun City", "manager Jo Hart",
                "Rovers stun City. Manager Jo Hart says: “We never stopped believing.”");
    headline_is("Minister defends cuts: \"We had no choice\"", NULL,
                "Minister defends cuts. Quote: “We had no choice,” end quote.");
    headline_is("“Where did the money go?”", NULL, "Quote: “Where did the money go?” end quote.");
    headline_is("\"Historic\": leaders sign Arctic pact", "Ola Berg",
                "Leaders sign Arctic pact. Ola Berg says: “Historic.”");
    /* quotes inside the headline, or a hyphen inside a word: as written */
    headline_is("PM's 'reset' plan draws fire", NULL, "PM's 'reset' plan draws fire");
    headline_is("'Stop-go' policy-makers under fire", NULL, "'Stop-go' policy-makers under fire");
    size_t start, len;
    const char *h = "'Enough is enough' - nurses strike";
    assert_int_equal(nb_quotation_headline_quote(h, &start, &len), 1);
    assert_int_equal(len, strlen("Enough is enough"));
    assert_memory_equal(h + start, "Enough is enough", len);
    assert_int_equal(nb_quotation_headline_quote("Nurses strike", &start, &len), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_turned_round),
        cmocka_unit_test(test_left_alone),
        cmocka_unit_test(test_marked),
        cmocka_unit_test(test_headlines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
