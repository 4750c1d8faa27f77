/* test_misreadings.c - what a listener heard wrong, checked by ear: the
 * phonemes eSpeak NG makes of our spoken form must be those it makes of a
 * respelling a person wrote (spoken/normalise.c through
 * speech/speech.c:nb_speech_phonemes).  Stress marks and word boundaries
 * are left out of the comparison; the sounds must be the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/lexicon.h"
#include "speech/speech.h"
#include "spoken/normalise.h"
#include "text/buf.h"

static struct nb_speech *sp;

static int setup(void **state)
{
    (void)state;
    struct nb_error err;
    nb_error_init(&err);
    return nb_speech_new(&sp, &err) == NB_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nb_speech_free(sp);
    return 0;
}

/* The sounds of s: eSpeak NG's phonemes less stress, length of pauses,
 * word and syllable boundaries. */
static char *sounds(const char *voice, const char *s)
{
    struct nb_buf ph, out;
    nb_buf_init(&ph, 0);
    nb_buf_init(&out, 0);
    struct nb_error err;
    nb_error_init(&err);
    if (nb_speech_phonemes(sp, voice, s, strlen(s), &ph, &err) != NB_OK)
        fail_msg("phonemes of '%s': %s", s, err.message);
    for (size_t i = 0; i < ph.len; i++)
        if (!strchr("',;_:- \n", ph.data[i]))
            assert_int_equal(nb_buf_addc(&out, ph.data[i]), NB_OK);
    assert_int_equal(nb_buf_addc(&out, '\0'), NB_OK);
    nb_buf_release(&ph);
    return nb_buf_detach(&out, NULL);
}

static void heard_as(const char *lang, const char *written, const char *respelt)
{
    struct nb_buf spoken;
    nb_buf_init(&spoken, 0);
    assert_int_equal(nb_normalise(written, strlen(written), lang, &spoken, NULL), NB_OK);
    assert_int_equal(nb_buf_addc(&spoken, '\0'), NB_OK);
    char *got = sounds(lang, spoken.data), *want = sounds(lang, respelt);
    if (strcmp(got, want) != 0)
        fail_msg("%s: '%s' is said '%s' [%s], want '%s' [%s]", lang, written, spoken.data, got,
                 respelt, want);
    free(got);
    free(want);
    nb_buf_release(&spoken);
}

/* Letters joined by "&": said as letters, the A as "eigh", not "uh". */
static void test_ampersand_initialisms(void **state)
{
    (void)state;
    for (int v = 0; v < 2; v++) {
        const char *lang = v ? "en-us" : "en-gb";
        heard_as(lang, "She was taken to A&E on Monday.",
                 "She was taken to eigh and ee on Monday.");
        heard_as(lang, "AT&T agreed.", "eigh tee and tee agreed.");
        heard_as(lang, "M&A deals rose.", "em and eigh deals rose.");
        heard_as(lang, "B&Q opened.", "bee and queue opened.");
    }
}

/* An A inside a spelled name: "the UAE" is "you eigh ee". */
static void test_spelled_a(void **state)
{
    (void)state;
    heard_as("en-gb", "the UAE said", "the you eigh ee said");
    heard_as("en-gb", "DNA is", "dee en eigh is");
}

/* "m" after a number: metres or million by what it measures. */
static void test_metres_or_million(void **state)
{
    (void)state;
    heard_as("en-gb", "The car sat under 1.2m of water.",
             "The car sat under one point two metres of water.");
    heard_as("en-gb", "Waiting lists stand at 7.4m.",
             "Waiting lists stand at seven point four million.");
    heard_as("en-gb", "A wave 3m high hit the pier.", "A wave three metres high hit the pier.");
    heard_as("en-gb", "About 5m people watched.", "About five million people watched.");
}

/* Flight and model codes, letter by letter and digit by digit; short road
 * and group names as eSpeak NG says them. */
static void test_codes(void **state)
{
    (void)state;
    for (int v = 0; v < 2; v++) {
        const char *lang = v ? "en-us" : "en-gb";
        heard_as(lang, "The flight BA286 landed late.",
                 "The flight bee eigh two eight six landed late.");
        heard_as(lang, "A B747 was parked.", "A bee seven four seven was parked.");
        heard_as(lang, "An A380 landed.", "An eigh three eight zero landed.");
    }
    heard_as("en-gb", "Traffic on the M25 was slow.", "Traffic on the em twenty five was slow.");
}

/* Names in the news eSpeak NG gets wrong: the shipped lexicon's entry must
 * sound as a person respelt it, and the name as written must not (else the
 * entry is not needed). */
static void test_shipped_names(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Putin", "Poo tin"},   {"Orban", "Or bahn"},   {"Scholz", "Shoalts"},
        {"Stoere", "Stur reh"}, {"Støre", "Stur reh"},  {"Achterberg", "Acter bairg"},
        {"Huawei", "Wah way"},  {"Hyundai", "Hun day"}, {"Nestle", "Ness lay"},
        {"Qatar", "Kuh tar"},
    };
    struct nb_lexicon *lex = nb_lexicon_new();
    assert_non_null(lex);
    struct nb_error err;
    nb_error_init(&err);
    if (nb_lexicon_load(lex, NB_DATA_DIR "/voices/lexicon-en.yaml", NB_LEXICON_SHIPPED, &err) !=
        NB_OK)
        fail_msg("%s", err.message);
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = lex};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_buf spoken;
        nb_buf_init(&spoken, 0);
        assert_int_equal(
            nb_normalise_ex(cases[i][0], strlen(cases[i][0]), &nz, &spoken, NULL, &err), NB_OK);
        assert_int_equal(nb_buf_addc(&spoken, '\0'), NB_OK);
        char *got = sounds("en-gb", spoken.data), *want = sounds("en-gb", cases[i][1]);
        char *raw = sounds("en-gb", cases[i][0]);
        if (strcmp(got, want) != 0)
            fail_msg("'%s' is said '%s' [%s], want '%s' [%s]", cases[i][0], spoken.data, got,
                     cases[i][1], want);
        if (strcmp(raw, want) == 0)
            fail_msg("'%s': eSpeak NG says it right alone; the entry is not needed", cases[i][0]);
        free(got);
        free(want);
        free(raw);
        nb_buf_release(&spoken);
    }
    nb_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ampersand_initialisms), cmocka_unit_test(test_spelled_a),
        cmocka_unit_test(test_metres_or_million),     cmocka_unit_test(test_codes),
        cmocka_unit_test(test_shipped_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
