/* test_normalise_markup.c - article text that looks like markup is neither
 * obeyed nor read out, from the normaliser through the synthesiser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "spoken/normalise.h"
#include "speech/speech.h"
#include "support.h"

static char *norm(const char *text)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_normalise(text, strlen(text), "en-gb", &out, NULL), NB_OK);
    return nb_buf_detach(&out, NULL);
}

/* What the normaliser makes of markup-like text: words only. */
static void test_markup_dropped(void **state)
{
    (void)state;
    char *s = norm("<voice gender=\"female\">The minister</voice> resigned &copy; 2025 "
                   "<audio src=\"x.wav; touch pwned\"/> &amp; left &lt;b&gt; [[h@l'oU]].");
    assert_string_equal(s, "The minister resigned copyright twenty twenty five and left b "
                           "h at l'oU.");
    free(s);
    s = norm("<speak><prosody rate=\"x-slow\">slow</prosody><break time=\"10s\"/></speak>");
    assert_string_equal(s, "slow");
    free(s);
    /* unknown entities are dropped, never read as "and copy" */
    s = norm("Fees &nosuch; rose &#8212; sharply &frac34;");
    assert_null(strchr(s, '&'));
    assert_null(strstr(s, "nosuch"));
    free(s);
}

static size_t say(struct nb_speech *sp, const char *text)
{
    struct nb_pcm pcm;
    struct nb_error err;
    nb_pcm_init(&pcm, nb_speech_sample_rate(sp));
    nb_error_init(&err);
    assert_int_equal(nb_speech_say(sp, text, strlen(text), &pcm, &err), NB_OK);
    size_t n = pcm.n;
    nb_pcm_release(&pcm);
    return n;
}

/* Spoken: an <audio src> runs nothing and the markup adds no speech. */
static void test_markup_spoken(void **state)
{
    (void)state;
    struct nb_speech *sp = NULL;
    struct nb_error err;
    nb_error_init(&err);
    if (nb_speech_new(&sp, &err) != NB_OK) {
        skip(); /* no eSpeak NG data on this machine */
        return;
    }
    struct nb_speech_voice v = {"en-gb", 175, 50, 50, 100};
    assert_int_equal(nb_speech_set_voice(sp, &v, &err), NB_OK);
    char *dir = nb_test_tmpdir("normalise_markup");
    char marker[512], text[2048];
    snprintf(marker, sizeof(marker), "%s/pwned", dir);
    snprintf(text, sizeof(text),
             "<voice gender=\"female\">Rates</voice> rose <audio src=\"x.wav; touch %s\"/> "
             "&copy; today.",
             marker);
    char *spoken = norm(text);
    assert_string_equal(spoken, "Rates rose copyright today.");
    size_t with_markup = say(sp, spoken);
    size_t plain = say(sp, "Rates rose copyright today.");
    size_t raw = say(sp, text); /* what the speech module alone makes of it */
    assert_true(with_markup > 0);
    /* the same words: the same length, give or take eSpeak NG's jitter */
    assert_true(with_markup * 10 > plain * 9 && with_markup * 9 < plain * 10);
    assert_true(raw > 0);
    assert_int_not_equal(access(marker, F_OK), 0);
    free(spoken);
    free(dir);
    nb_speech_free(sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup_dropped),
        cmocka_unit_test(test_markup_spoken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
