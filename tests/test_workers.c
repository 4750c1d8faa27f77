/* Tests of speech/workers.h, speech/take_store.h and speech/render_stored.h:
 * blocks spoken in forked children give the same samples for any number
 * of workers, a crashed or hung worker is a clean error naming the
 * segment, takes are kept and read back, and a stored rendering equals its
 * own measure. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <cmocka.h>

#include "speech/pcm.h"
#include "speech/render_stored.h"
#include "speech/speech.h"
#include "speech/take_store.h"
#include "speech/workers.h"
#include "support.h"

static const struct nb_speech_voice voices[] = {
    {"en-gb", 175, 50, 50, 100},
    {"en-gb+f3", 190, 60, 50, 100},
};

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

/* Every take a run gave, by block. */
struct takes {
    struct nb_pcm pcm[8];
    size_t nlengths[8];
    uint32_t lengths[8][16];
    int calls;
    int kill_after_first; /* kills this process's other children */
};

static void kill_children(void)
{
    /* every process whose parent is this one */
    DIR *d = opendir("/proc");
    for (struct dirent *e; d && (e = readdir(d));) {
        char path[300], buf[512];
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        size_t n = fread(buf, 1, sizeof(buf) - 1, f);
        fclose(f);
        buf[n] = '\0';
        const char *close = strrchr(buf, ')');
        int ppid = 0;
        char st;
        if (close && sscanf(close + 1, " %c %d", &st, &ppid) == 2 && ppid == (int)getpid())
            kill((pid_t)atoi(e->d_name), SIGKILL);
    }
    if (d)
        closedir(d);
}

static nb_status keep(void *ctx, size_t block, const struct nb_speech_take *take,
                      struct nb_error *err)
{
    (void)err;
    struct takes *t = ctx;
    assert_true(block < 8);
    assert_true(take->nlengths <= 16);
    nb_pcm_init(&t->pcm[block], 22050);
    assert_int_equal(nb_pcm_add(&t->pcm[block], take->samples, take->nsamples), NB_OK);
    memcpy(t->lengths[block], take->lengths, take->nlengths * sizeof(uint32_t));
    t->nlengths[block] = take->nlengths;
    size_t sum = 0;
    for (size_t i = 0; i < take->nlengths; i++)
        sum += take->lengths[i];
    assert_int_equal(sum, take->nsamples);
    if (t->kill_after_first && !t->calls)
        kill_children();
    t->calls++;
    return NB_OK;
}

static void release(struct takes *t)
{
    for (int i = 0; i < 8; i++)
        nb_pcm_release(&t->pcm[i]);
}

static const struct nb_speech_part parts[] = {
    {"Good evening. Here is the news.", 0, 0, 300, 600, 1},
    {"The tunnel opens in spring.", 0, 0, 300, 600, 1},
    {"\xf0\x9f\x8c\xab", 1, 0, 300, 600, 2}, /* nothing to say */
    {"It is a great day. We never stopped believing.", 1, 0, 300, 600, 2},
    {"And that is the news.", 0, 0, 300, 600, 0},
};
static const struct nb_speech_block blocks[] = {{0, 2}, {2, 2}, {4, 1}};

static void run(struct nb_speech *sp, unsigned workers, struct takes *t)
{
    memset(t, 0, sizeof(*t));
    struct nb_error err;
    const struct nb_speech_work w = {.parts = parts,
                                     .voices = voices,
                                     .nvoices = 2,
                                     .blocks = blocks,
                                     .nblocks = 3,
                                     .workers = workers,
                                     .done = keep,
                                     .ctx = t};
    if (nb_speech_workers_run(sp, &w, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_int_equal(t->calls, 3);
}

/* The same samples for one worker and for three, sentence by sentence,
 * and the same again in a second run in this process. */
static void test_same_for_any_number_of_workers(void **state)
{
    struct takes *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b)), *c = malloc(sizeof(*c));
    run(*state, 1, a);
    run(*state, 3, b);
    run(*state, 1, c);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(a->pcm[k].n, b->pcm[k].n);
        assert_int_equal(a->pcm[k].n, c->pcm[k].n);
        assert_true(a->pcm[k].n > 22050 / 2); /* speech, not silence */
        assert_memory_equal(a->pcm[k].samples, b->pcm[k].samples, a->pcm[k].n * 2);
        assert_memory_equal(a->pcm[k].samples, c->pcm[k].samples, a->pcm[k].n * 2);
        assert_int_equal(a->nlengths[k], b->nlengths[k]);
    }
    /* sentences: 2 + 1, 1 (silent) + 2, 1 */
    assert_int_equal(a->nlengths[0], 3);
    assert_int_equal(a->nlengths[1], 3);
    assert_int_equal(a->lengths[1][0], 0);
    assert_int_equal(a->nlengths[2], 1);
    release(a);
    release(b);
    release(c);
    free(a);
    free(b);
    free(c);
}

/* A worker killed while it speaks: an error naming its segment, and no
 * child left running. */
static void test_killed_worker_is_a_clean_error(void **state)
{
    /* the second block long enough to be still speaking when the first
     * is done */
    struct nb_buf long_text;
    nb_buf_init(&long_text, 0);
    for (int i = 0; i < 400; i++)
        nb_buf_addf(&long_text, "Sentence %d of a long text that takes a while to say. ", i);
    const struct nb_speech_part p[] = {
        {"Short.", 0, 0, 0, 0, 0},
        {long_text.data, 0, 0, 0, 0, 0},
    };
    const struct nb_speech_block b[] = {{0, 1}, {1, 1}};
    struct takes *t = calloc(1, sizeof(*t));
    t->kill_after_first = 1;
    struct nb_error err;
    const struct nb_speech_work w = {.parts = p,
                                     .voices = voices,
                                     .nvoices = 1,
                                     .blocks = b,
                                     .nblocks = 2,
                                     .workers = 2,
                                     .done = keep,
                                     .ctx = t};
    assert_int_equal(nb_speech_workers_run(*state, &w, &err), NB_ESYNTH);
    assert_non_null(strstr(err.message, "segment 2 (\"Sentence 0 of a long text"));
    assert_non_null(strstr(err.message, "crashed (signal 9)"));
    assert_int_equal(t->calls, 1);
    release(t);
    free(t);
    nb_buf_release(&long_text);
}

static int never_stop(void *ctx)
{
    (void)ctx;
    return 0;
}

static nb_status ignore_take(void *ctx, size_t block, const struct nb_speech_take *take,
                               struct nb_error *err)
{
    (void)ctx;
    (void)block;
    (void)take;
    (void)err;
    return NB_OK;
}

/* A worker that hangs is killed when its time is up, named in the error. */
static void test_hung_worker_is_stopped(void **state)
{
    struct nb_buf long_text;
    nb_buf_init(&long_text, 0);
    for (int i = 0; i < 2000; i++)
        nb_buf_addf(&long_text, "Sentence %d of a very long text. ", i);
    const struct nb_speech_part p[] = {{long_text.data, 0, 0, 0, 0, 0}};
    const struct nb_speech_block b[] = {{0, 1}};
    struct nb_error err;
    const struct nb_speech_work w = {.parts = p,
                                     .voices = voices,
                                     .nvoices = 1,
                                     .blocks = b,
                                     .nblocks = 1,
                                     .workers = 1,
                                     .timeout = 0.05, /* far too little */
                                     .done = ignore_take,
                                     .stop_after = never_stop};
    assert_int_equal(nb_speech_workers_run(*state, &w, &err), NB_ESYNTH);
    assert_non_null(strstr(err.message, "segment 1"));
    assert_non_null(strstr(err.message, "did not finish"));
    nb_buf_release(&long_text);
}

/* A voice eSpeak NG refuses, found by the worker: its message, with the
 * segment. */
static void test_worker_error_names_segment(void **state)
{
    const struct nb_speech_voice bad[] = {{"en-gb+nosuchvariant", 175, 50, 50, 100}};
    const struct nb_speech_part p[] = {{"Hello.", 0, 0, 0, 0, 0}};
    const struct nb_speech_block b[] = {{0, 1}};
    struct nb_error err;
    const struct nb_speech_work w = {
        .parts = p, .voices = bad, .nvoices = 1, .blocks = b, .nblocks = 1, .done = ignore_take};
    assert_int_equal(nb_speech_workers_run(*state, &w, &err), NB_ESYNTH);
    assert_non_null(strstr(err.message, "segment 1 (\"Hello.\")"));
    assert_non_null(strstr(err.message, "nosuchvariant"));
}

static void test_take_store(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("take_store");
    struct nb_take_store *s;
    struct nb_error err;
    assert_int_equal(nb_take_store_open(&s, dir, NULL, &err), NB_OK);
    /* nothing left in the folder: the file is unlinked at once */
    DIR *d = opendir(dir);
    int entries = 0;
    for (struct dirent *e; (e = readdir(d));)
        entries += e->d_name[0] != '.' || strlen(e->d_name) > 2;
    closedir(d);
    assert_int_equal(entries, 0);
    int16_t samples[3000];
    for (int i = 0; i < 3000; i++)
        samples[i] = (int16_t)(i * 7);
    /* many keys: the table grows, every take is still found */
    for (int k = 0; k < 200; k++) {
        char key[32];
        snprintf(key, sizeof(key), "key %d", k);
        uint32_t lengths[2] = {(uint32_t)k, 5};
        const struct nb_speech_take t = {lengths, 2, samples + k, (size_t)k + 5};
        assert_int_equal(nb_take_store_put(s, key, strlen(key), NULL, &t, &err), NB_OK);
    }
    assert_int_equal(nb_take_store_count(s), 200);
    for (int k = 0; k < 200; k += 7) {
        char key[32];
        snprintf(key, sizeof(key), "key %d", k);
        const struct nb_stored_take *t = nb_take_store_find(s, key, strlen(key));
        assert_non_null(t);
        assert_int_equal(t->nlengths, 2);
        assert_int_equal(t->lengths[0], k);
        assert_int_equal(t->nsamples, (size_t)k + 5);
        int16_t back[300];
        assert_int_equal(nb_take_store_read(s, t, 1, back, (size_t)k + 4, &err), NB_OK);
        assert_memory_equal(back, samples + k + 1, ((size_t)k + 4) * 2);
        assert_int_equal(nb_take_store_read(s, t, 2, back, (size_t)k + 4, &err), NB_EINTERNAL);
    }
    assert_null(nb_take_store_find(s, "key 200", 7));
    assert_null(nb_take_store_find(s, "key 1", 4)); /* a prefix is another key */
    nb_take_store_free(s);
    assert_int_equal(nb_take_store_open(&s, "/nonexistent/folder", NULL, &err), NB_EIO);
    assert_non_null(strstr(err.file, "/nonexistent/folder"));
    free(dir);
}

/* A take's first sentences, found by the start of its key up to one of
 * its sentence ends: kept under that key with no copy of the samples;
 * nothing is found by a start that ends inside a sentence. */
static void test_take_store_heads(void **state)
{
    (void)state;
    struct nb_take_store *s;
    struct nb_error err;
    assert_int_equal(nb_take_store_open(&s, NULL, NULL, &err), NB_OK);
    int16_t samples[60];
    for (int i = 0; i < 60; i++)
        samples[i] = (int16_t)(i + 1);
    const char *key = "v|one|two|three";
    const size_t ends[3] = {5, 9, 15};
    uint32_t lengths[3] = {10, 20, 30};
    const struct nb_speech_take t = {lengths, 3, samples, 60};
    assert_int_equal(nb_take_store_put(s, key, 15, ends, &t, &err), NB_OK);
    /* a key that is not kept: the table finds only whole keys */
    assert_null(nb_take_store_find(s, key, 9));
    const struct nb_stored_take *h = NULL;
    assert_int_equal(nb_take_store_find_head(s, key, 9, &h, &err), NB_OK);
    assert_non_null(h);
    assert_int_equal(h->nlengths, 2);
    assert_int_equal(h->lengths[1], 20);
    assert_int_equal(h->nsamples, 30);
    int16_t back[30];
    assert_int_equal(nb_take_store_read(s, h, 0, back, 30, &err), NB_OK);
    assert_memory_equal(back, samples, sizeof(back));
    assert_int_equal(nb_take_store_samples(s), 60); /* no copy */
    assert_int_equal(nb_take_store_count(s), 2);
    /* now kept under its own key */
    assert_non_null(nb_take_store_find(s, key, 9));
    assert_int_equal(nb_take_store_find_head(s, key, 9, &h, &err), NB_OK);
    assert_int_equal(nb_take_store_count(s), 2);
    /* inside a sentence, or another text: nothing */
    assert_int_equal(nb_take_store_find_head(s, key, 7, &h, &err), NB_OK);
    assert_null(h);
    assert_int_equal(nb_take_store_find_head(s, "v|one|TWO", 9, &h, &err), NB_OK);
    assert_null(h);
    /* the whole key */
    assert_int_equal(nb_take_store_find_head(s, key, 15, &h, &err), NB_OK);
    assert_int_equal(h->nsamples, 60);
    /* ends that do not end the key */
    const size_t bad[3] = {5, 9, 14};
    assert_int_equal(nb_take_store_put(s, "w|one|two|three", 15, bad, &t, &err), NB_EINTERNAL);
    nb_take_store_free(s);
}

static nb_status to_pcm(void *ctx, const int16_t *s, size_t n, struct nb_error *err)
{
    (void)err;
    return nb_pcm_add(ctx, s, n);
}

/* Stored rendering: the same samples as rendering in this process would
 * give in a fresh process (checked: same for any workers), its measure
 * equals its audio, a second rendering speaks nothing again, and a limit
 * stops at the end of a block. */
static void test_render_stored(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_take_store *s;
    struct nb_error err;
    assert_int_equal(nb_take_store_open(&s, NULL, NULL, &err), NB_OK);
    struct nb_render_span measured[5], spans[5], again[5];
    size_t done, length;
    assert_int_equal(nb_speech_render_stored(sp, s, 2, parts, 5, voices, 2, 0, 0, NULL, measured,
                                             &done, &length, NULL, &err),
                     NB_OK);
    assert_int_equal(done, 5);
    size_t kept = nb_take_store_count(s);
    assert_true(kept >= 1);
    struct nb_pcm pcm;
    nb_pcm_init(&pcm, 22050);
    const struct nb_render_sink sink = {to_pcm, NULL, &pcm};
    assert_int_equal(nb_speech_render_stored(sp, s, 1, parts, 5, voices, 2, 0, 0, &sink, spans,
                                             &done, &length, NULL, &err),
                     NB_OK);
    assert_int_equal(nb_take_store_count(s), kept); /* nothing spoken again */
    assert_int_equal(pcm.n, length);
    assert_memory_equal(measured, spans, sizeof(spans));
    /* the silent part: an empty span where the speech stopped */
    assert_int_equal(spans[2].start, spans[2].end);
    assert_int_equal(spans[2].start, spans[1].end);
    /* the closing pause ends the audio */
    assert_int_equal(pcm.n - spans[4].end, (size_t)22050 * 600 / 1000);
    /* in a fresh store with one worker: the same samples */
    struct nb_take_store *s2;
    assert_int_equal(nb_take_store_open(&s2, NULL, NULL, &err), NB_OK);
    struct nb_pcm pcm2;
    nb_pcm_init(&pcm2, 22050);
    const struct nb_render_sink sink2 = {to_pcm, NULL, &pcm2};
    assert_int_equal(nb_speech_render_stored(sp, s2, 1, parts, 5, voices, 2, 0, 0, &sink2, again,
                                             NULL, NULL, NULL, &err),
                     NB_OK);
    assert_int_equal(pcm.n, pcm2.n);
    assert_memory_equal(pcm.samples, pcm2.samples, pcm.n * 2);
    /* and with two workers, whose blocks come in any order: a block that
     * comes before its turn is kept until then */
    for (int round = 0; round < 3; round++) {
        struct nb_take_store *s4;
        assert_int_equal(nb_take_store_open(&s4, NULL, NULL, &err), NB_OK);
        struct nb_pcm pcm4;
        nb_pcm_init(&pcm4, 22050);
        const struct nb_render_sink sink4 = {to_pcm, NULL, &pcm4};
        assert_int_equal(nb_speech_render_stored(sp, s4, 2, parts, 5, voices, 2, 0, 0, &sink4,
                                                 again, NULL, NULL, NULL, &err),
                         NB_OK);
        assert_int_equal(pcm.n, pcm4.n);
        assert_memory_equal(pcm.samples, pcm4.samples, pcm.n * 2);
        assert_memory_equal(again, spans, sizeof(spans));
        nb_take_store_free(s4);
        nb_pcm_release(&pcm4);
    }
    /* a limit of a tenth of a second: the first block only */
    struct nb_take_store *s3;
    assert_int_equal(nb_take_store_open(&s3, NULL, NULL, &err), NB_OK);
    struct nb_speech_block b[5];
    size_t nb = nb_render_blocks(parts, 5, b);
    assert_int_equal(nb, 3); /* each story a block, and the part outside them */
    assert_int_equal(nb_speech_render_stored(sp, s3, 1, parts, 5, voices, 2, 0, 0.1, NULL, again,
                                             &done, &length, NULL, &err),
                     NB_OK);
    assert_int_equal(done, 2); /* the first block's two parts */
    nb_take_store_free(s3);
    nb_take_store_free(s2);
    nb_take_store_free(s);
    nb_pcm_release(&pcm);
    nb_pcm_release(&pcm2);
}

/* A story trimmed from its end (fitting drops its last sentences or its
 * quote) is not spoken again: its samples are the start of the whole
 * story's take, and the same as a fresh rendering of the trimmed story. */
static void test_trimmed_story_reused(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_error err;
    const struct nb_speech_part whole[] = {
        {"Our top story. The bridge opens today. It took ten years.", 0, 300, 300, 600, 1},
        {"She said: it is a great day.", 1, 300, 300, 600, 1},
    };
    const struct nb_speech_part trimmed[] = {
        {"Our top story. The bridge opens today.", 0, 300, 300, 600, 1},
    };
    struct nb_take_store *s, *fresh;
    assert_int_equal(nb_take_store_open(&s, NULL, NULL, &err), NB_OK);
    assert_int_equal(nb_take_store_open(&fresh, NULL, NULL, &err), NB_OK);
    assert_int_equal(nb_speech_render_stored(sp, s, 1, whole, 2, voices, 2, 0, 0, NULL, NULL, NULL,
                                             NULL, NULL, &err),
                     NB_OK);
    size_t kept = nb_take_store_samples(s);
    struct nb_pcm a, b;
    nb_pcm_init(&a, 22050);
    nb_pcm_init(&b, 22050);
    const struct nb_render_sink sa = {to_pcm, NULL, &a}, sb = {to_pcm, NULL, &b};
    assert_int_equal(nb_speech_render_stored(sp, s, 1, trimmed, 1, voices, 2, 0, 0, &sa, NULL, NULL,
                                             NULL, NULL, &err),
                     NB_OK);
    assert_int_equal(nb_take_store_samples(s), kept); /* nothing spoken */
    assert_int_equal(nb_speech_render_stored(sp, fresh, 1, trimmed, 1, voices, 2, 0, 0, &sb, NULL,
                                             NULL, NULL, NULL, &err),
                     NB_OK);
    /* spoken in its turn: given to the sink as it came, not kept */
    assert_int_equal(nb_take_store_samples(fresh), 0);
    assert_true(b.n > 0);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.samples, b.samples, a.n * 2);
    /* the same text in the other voice is other speech */
    const struct nb_speech_part other[] = {
        {"Our top story. The bridge opens today.", 1, 300, 300, 600, 1},
    };
    assert_int_equal(nb_speech_render_stored(sp, s, 1, other, 1, voices, 2, 0, 0, NULL, NULL, NULL,
                                             NULL, NULL, &err),
                     NB_OK);
    assert_true(nb_take_store_samples(s) > kept);
    nb_take_store_free(s);
    nb_take_store_free(fresh);
    nb_pcm_release(&a);
    nb_pcm_release(&b);
}

/* Each group is a block of its own, whatever its size; a run of parts
 * without a group closes after about NB_RENDER_BLOCK_CHARS characters. */
static void test_blocks(void **state)
{
    (void)state;
    static char text[NB_RENDER_BLOCK_CHARS / 2 + 1];
    memset(text, 'a', sizeof(text) - 1);
    struct nb_speech_part p[7];
    const unsigned groups[7] = {1, 1, 1, 2, 0, 0, 0};
    for (int i = 0; i < 7; i++)
        p[i] = (struct nb_speech_part){text, 0, 0, 0, 0, groups[i]};
    struct nb_speech_block b[7];
    size_t n = nb_render_blocks(p, 7, b);
    /* group 1 whole (3 parts, over the size), group 2 alone (under it),
     * then the parts without a group two by two */
    assert_int_equal(n, 4);
    assert_int_equal(b[0].first, 0);
    assert_int_equal(b[0].n, 3);
    assert_int_equal(b[1].first, 3);
    assert_int_equal(b[1].n, 1);
    assert_int_equal(b[2].first, 4);
    assert_int_equal(b[2].n, 2);
    assert_int_equal(b[3].first, 6);
    assert_int_equal(b[3].n, 1);
    assert_int_equal(nb_render_blocks(p, 0, b), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_take_store),
        cmocka_unit_test(test_take_store_heads),
        cmocka_unit_test(test_same_for_any_number_of_workers),
        cmocka_unit_test(test_killed_worker_is_a_clean_error),
        cmocka_unit_test(test_hung_worker_is_stopped),
        cmocka_unit_test(test_worker_error_names_segment),
        cmocka_unit_test(test_render_stored),
        cmocka_unit_test(test_trimmed_story_reused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
