/* Tests of speech/render.h: parts of text, voices by index, pauses that
 * never add up, spans, and errors that leave the output as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "speech/pcm.h"
#include "speech/render.h"
#include "speech/speech.h"

#define MS(ms) ((size_t)22050 * (ms) / 1000)

static const struct nb_speech_voice voices[] = {
    {"en-gb", 175, 50, 50, 100},
    {"en-gb+f3", 190, 60, 50, 100},
};

static int all_zero(const struct nb_pcm *p, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (p->samples[i])
            return 0;
    return 1;
}

static int setup(void **state)
{
    struct nb_speech *sp = NULL;
    struct nb_error err;
    if (nb_speech_new(&sp, &err) != NB_OK)
        return -1;
    *state = sp;
    return 0;
}

static int teardown(void **state)
{
    nb_speech_free(*state);
    return 0;
}

static void test_pauses_between_parts(void **state)
{
    struct nb_speech *sp = *state;
    const struct nb_speech_part parts[] = {
        {"Good evening.", 0, 0, 300, 600, 0},
        {"The tunnel opens in spring.", 0, 1500, 300, 200, 0},
        {"\xf0\x9f\x8c\xab", 1, 4000, 300, 100, 0}, /* nothing to say */
        {"It is a great day.", 1, 0, 300, 700, 0},
    };
    struct nb_render_span spans[4];
    struct nb_pcm out;
    nb_pcm_init(&out, 0);
    struct nb_error err;
    nb_error_init(&err);
    if (nb_speech_render(sp, parts, 4, voices, 2, 0, &out, spans, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_int_equal(out.rate, 22050);
    assert_int_equal(spans[0].start, 0);
    /* the longer of the pause after and the pause before is heard */
    assert_int_equal(spans[1].start - spans[0].end, MS(1500));
    /* a silent part is an empty span where the speech stopped, and its
     * pauses still count: before 4000 beats 200 and 100 */
    assert_int_equal(spans[2].start, spans[1].end);
    assert_int_equal(spans[2].end, spans[1].end);
    assert_int_equal(spans[3].start - spans[1].end, MS(4000));
    assert_true(all_zero(&out, spans[0].end, spans[1].start));
    /* the pause after the last part ends the audio */
    assert_int_equal(out.n, spans[3].end + MS(700));
    nb_pcm_release(&out);
}

/* What a sink is given: the same samples as the buffer, a sentence at a
 * time, and where each sentence's speech lies. */
struct collected {
    struct nb_pcm pcm;
    size_t calls, sentences;
    size_t part[8], index[8], start[8], end[8];
    char text[8][64];
};

static nb_status collect_samples(void *ctx, const int16_t *s, size_t n, struct nb_error *err)
{
    (void)err;
    struct collected *c = ctx;
    c->calls++;
    return nb_pcm_add(&c->pcm, s, n);
}

static nb_status collect_sentence(void *ctx, size_t part, size_t index, const char *text,
                                  size_t start, size_t end, struct nb_error *err)
{
    (void)err;
    struct collected *c = ctx;
    if (c->sentences < 8) {
        c->part[c->sentences] = part;
        c->index[c->sentences] = index;
        c->start[c->sentences] = start;
        c->end[c->sentences] = end;
        snprintf(c->text[c->sentences], sizeof(c->text[0]), "%s", text);
    }
    c->sentences++;
    return NB_OK;
}

static void test_sink(void **state)
{
    struct nb_speech *sp = *state;
    const struct nb_speech_part parts[] = {
        {"Good evening. Here is the news.", 0, 0, 300, 600, 0},
        {"\xf0\x9f\x8c\xab", 1, 4000, 300, 100, 0}, /* nothing to say */
        {"The tunnel opens in spring.", 1, 0, 300, 200, 0},
    };
    struct nb_error err;
    nb_error_init(&err);
    struct nb_pcm whole;
    nb_pcm_init(&whole, 0);
    struct nb_render_span want[3], got[3];
    (void)want;
    if (nb_speech_render(sp, parts, 3, voices, 2, 0, &whole, want, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct collected c;
    memset(&c, 0, sizeof(c));
    nb_pcm_init(&c.pcm, 22050);
    const struct nb_render_sink sink = {collect_samples, collect_sentence, &c};
    if (nb_speech_render_to(sp, parts, 3, voices, 2, 0, &sink, got, &err) != NB_OK)
        fail_msg("%s", err.message);
    /* eSpeak NG carries state between calls, so a second rendering in one
     * process may differ by a few samples: the same shape, not the same
     * bytes */
    assert_true(c.pcm.n + 50 > whole.n && c.pcm.n < whole.n + 50);
    assert_true(c.calls >= 4); /* a sentence at a time, then the final pause */
    assert_int_equal(got[0].start, 0);
    assert_int_equal(got[1].start, got[0].end); /* silent: where the speech stopped */
    assert_int_equal(got[2].start - got[0].end, MS(4000));
    assert_int_equal(c.pcm.n, got[2].end + MS(300)); /* its sentence pause beats 200 */
    /* three sentences spoken; the silent part tells nothing */
    assert_int_equal(c.sentences, 3);
    assert_int_equal(c.part[0], 0);
    assert_int_equal(c.index[1], 1);
    assert_string_equal(c.text[1], "Here is the news.");
    assert_int_equal(c.part[2], 2);
    assert_int_equal(c.start[0], got[0].start);
    assert_int_equal(c.end[1], got[0].end);
    assert_int_equal(c.start[2], got[2].start);
    assert_int_equal(c.start[1] - c.end[0], MS(300)); /* the sentence pause between */
    assert_true(all_zero(&c.pcm, c.end[0], c.start[1]));
    nb_pcm_release(&c.pcm);
    nb_pcm_release(&whole);
}

static void test_sentence_pause_inside_a_part(void **state)
{
    struct nb_speech *sp = *state;
    const struct nb_speech_part one[] = {{"It rained. It stopped.", 0, 0, 900, 0, 0}};
    const struct nb_speech_part two[] = {{"It rained. It stopped.", 0, 0, 0, 0, 0}};
    struct nb_pcm a, b;
    nb_pcm_init(&a, 0);
    nb_pcm_init(&b, 0);
    struct nb_error err;
    assert_int_equal(nb_speech_render(sp, one, 1, voices, 1, 0, &a, NULL, &err), NB_OK);
    assert_int_equal(nb_speech_render(sp, two, 1, voices, 1, 0, &b, NULL, &err), NB_OK);
    /* a sentence pause of 900 ms after each sentence, the last one
     * included (it beats the part's pause after, 0 here); eSpeak NG's state
     * moves the length by a few milliseconds */
    long diff = (long)a.n - (long)b.n;
    assert_true(diff > (long)MS(1750) && diff < (long)MS(1850));
    nb_pcm_release(&a);
    nb_pcm_release(&b);
}

static void test_errors_leave_out_alone(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_pcm out;
    nb_pcm_init(&out, 22050);
    int16_t mark[2] = {1, 2};
    assert_int_equal(nb_pcm_add(&out, mark, 2), 0);
    struct nb_error err;
    nb_error_init(&err);

    const struct nb_speech_part bad[] = {{"Hello.", 0, 0, 0, 0, 0}, {"Again.", 2, 0, 0, 0, 0}};
    assert_int_equal(nb_speech_render(sp, bad, 2, voices, 2, 0, &out, NULL, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "part 2 uses voice 3 of 2");
    assert_int_equal(out.n, 2);

    const struct nb_speech_voice odd[] = {{"xx-yy", 175, 50, 50, 100}};
    assert_int_equal(nb_speech_render(sp, bad, 1, odd, 1, 0, &out, NULL, &err), NB_EINPUT);
    assert_int_equal(out.n, 2);

    struct nb_pcm other;
    nb_pcm_init(&other, 44100);
    assert_int_equal(nb_pcm_add(&other, mark, 2), 0);
    assert_int_equal(nb_speech_render(sp, bad, 1, voices, 1, 0, &other, NULL, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "samples at 44100 Hz given to a 22050 Hz synthesiser");
    assert_int_equal(other.n, 2);
    nb_pcm_release(&other);

    /* no parts: nothing at all */
    nb_pcm_release(&out);
    nb_pcm_init(&out, 0);
    assert_int_equal(nb_speech_render(sp, NULL, 0, voices, 2, 0, &out, NULL, &err), NB_OK);
    assert_int_equal(out.n, 0);
    nb_pcm_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pauses_between_parts),
        cmocka_unit_test(test_sink),
        cmocka_unit_test(test_sentence_pause_inside_a_part),
        cmocka_unit_test(test_errors_leave_out_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
