/* render_stored.c - parts spoken a block at a time by workers, kept, and
 * put together with their pauses. */
#include "speech/render_stored.h"

#include "text/buf.h"
#include "text/sentences.h"
#include "text/strv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 16384 /* samples read back or made silent at a time */

static unsigned longer(unsigned a, unsigned b)
{
    return a > b ? a : b;
}

size_t nb_render_blocks(const struct nb_speech_part *parts, size_t nparts,
                        struct nb_speech_block *out)
{
    size_t n = 0, chars = 0;
    for (size_t i = 0; i < nparts; i++) {
        /* a new group always; parts outside one by size */
        int starts = i == 0 || parts[i].group != parts[i - 1].group ||
                     (parts[i].group == 0 && chars >= NB_RENDER_BLOCK_CHARS);
        if (starts) {
            out[n++] = (struct nb_speech_block){i, 0};
            chars = 0;
        }
        out[n - 1].n++;
        chars += parts[i].text ? strlen(parts[i].text) : 0;
    }
    return n;
}

/* A block's key: everything its speech depends on, in the order of the
 * calls its worker makes (speech/workers.c): a voice set where the voice
 * changes, then each sentence said.  ends[i]: where sentence i's part
 * ends, so that the key up to it says everything the first i + 1
 * sentences depend on (speech/take_store.h).  What follows the last
 * sentence (a voice set for a part with nothing to say) changes no
 * sample and is left out. */
struct block_key {
    struct nb_buf key;
    size_t *ends;
    size_t nends, alloc;
};

static nb_status block_key(const struct nb_speech_part *parts, const struct nb_speech_block *b,
                           const struct nb_speech_voice *voices, size_t nvoices, unsigned flags,
                           struct nb_strv *sentences, struct block_key *k, struct nb_error *err)
{
    struct nb_buf *key = &k->key;
    nb_buf_reset(key);
    k->nends = 0;
    if (nb_buf_addf(key, "%u", flags) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    size_t last = key->len, current = nvoices;
    for (size_t i = b->first; i < b->first + b->n; i++) {
        if (parts[i].voice != current) {
            const struct nb_speech_voice *v = &voices[parts[i].voice];
            current = parts[i].voice;
            if (nb_buf_addf(key, "\x1d%s\x1f%d\x1f%d\x1f%d\x1f%d", v->name ? v->name : "", v->rate,
                            v->pitch, v->range, v->volume) != NB_OK)
                return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        const char *text = parts[i].text ? parts[i].text : "";
        nb_strv_release(sentences);
        nb_status rc = nb_sentences_split(text, strlen(text), sentences, err);
        if (rc != NB_OK)
            return rc;
        for (size_t s = 0; s < sentences->n; s++) {
            if (k->nends == k->alloc) {
                size_t n = k->alloc ? 2 * k->alloc : 16;
                size_t *e = realloc(k->ends, n * sizeof(*e));
                if (!e)
                    return nb_error_set(err, NB_ENOMEM, "out of memory");
                k->ends = e;
                k->alloc = n;
            }
            if (nb_buf_adds(key, "\x1e") != NB_OK || nb_buf_adds(key, sentences->v[s]) != NB_OK)
                return nb_error_set(err, NB_ENOMEM, "out of memory");
            k->ends[k->nends++] = last = key->len;
        }
    }
    key->len = last; /* nothing after the last sentence */
    key->data[last] = '\0';
    return NB_OK;
}

/* A rendering in progress. */
struct stored {
    struct nb_take_store *store;
    const size_t *missing_index; /* block of each job given to the workers */
    const struct nb_speech_part *parts;
    size_t nparts;
    const struct nb_speech_block *blocks;
    size_t nblocks;
    struct block_key *keys;
    /* for stopping early: which blocks are done, and their speech */
    unsigned char *done;
    size_t *speech; /* samples of speech of each block done */
    size_t limit;   /* samples; 0: none */
    /* putting the blocks together, in order */
    const struct nb_render_sink *sink;
    int reading; /* the sink takes samples */
    struct nb_render_span *spans;
    unsigned rate;
    int16_t *buf;
    struct nb_strv sentences;
    size_t next; /* the block to put together next */
    size_t pos, done_parts;
    unsigned pending;
    int stop; /* the limit was reached */
};

static nb_status put_together(struct stored *r, size_t b, const uint32_t *lengths, size_t nlengths,
                              const int16_t *samples, const struct nb_stored_take *t,
                              struct nb_error *err);
static nb_status put_kept(struct stored *r, struct nb_error *err);

static nb_status keep_take(void *ctx, size_t block, const struct nb_speech_take *take,
                           struct nb_error *err)
{
    struct stored *r = ctx;
    block = r->missing_index[block];
    r->done[block] = 1;
    r->speech[block] = take->nsamples;
    if (r->reading && block == r->next && !r->stop) {
        /* its turn: to the sink as it is, and the blocks kept after it */
        nb_status rc =
            put_together(r, block, take->lengths, take->nlengths, take->samples, NULL, err);
        return rc == NB_OK ? put_kept(r, err) : rc;
    }
    const struct block_key *k = &r->keys[block];
    return nb_take_store_put(r->store, k->key.data, k->key.len,
                             take->nlengths == k->nends ? k->ends : NULL, take, err);
}

/* 1 once the blocks done in order from the first hold `limit` samples of
 * speech: the rendering cannot need a later block. */
static int enough(void *ctx)
{
    struct stored *r = ctx;
    if (!r->limit)
        return 0;
    size_t sum = 0;
    for (size_t b = 0; b < r->nblocks && r->done[b]; b++) {
        sum += r->speech[b];
        if (sum >= r->limit)
            return 1;
    }
    return 0;
}

static nb_status emit_silence(const struct nb_render_sink *sink, size_t n, struct nb_error *err)
{
    static const int16_t zeros[CHUNK];
    while (n) {
        size_t k = n < CHUNK ? n : CHUNK;
        nb_status rc = sink->samples(sink->ctx, zeros, k, err);
        if (rc != NB_OK)
            return rc;
        n -= k;
    }
    return NB_OK;
}

/* n samples of a take from its sample `from`: in memory (samples), else
 * read back from the store (t). */
static nb_status emit_take(const struct nb_take_store *store, const struct nb_stored_take *t,
                           const int16_t *samples, size_t from, size_t n, int16_t *buf,
                           const struct nb_render_sink *sink, struct nb_error *err)
{
    if (samples)
        return n ? sink->samples(sink->ctx, samples + from, n, err) : NB_OK;
    while (n) {
        size_t k = n < CHUNK ? n : CHUNK;
        nb_status rc = nb_take_store_read(store, t, from, buf, k, err);
        if (rc == NB_OK)
            rc = sink->samples(sink->ctx, buf, k, err);
        if (rc != NB_OK)
            return rc;
        from += k;
        n -= k;
    }
    return NB_OK;
}

static size_t ms_samples(unsigned ms, unsigned rate)
{
    return (size_t)ms * rate / 1000;
}

/* Block b put together: each sentence's speech (lengths, from `samples`
 * in memory or take t in the store) after the pause pending before it,
 * given to the sink when reading, its spans and sentences told. */
static nb_status put_together(struct stored *r, size_t b, const uint32_t *lengths, size_t nlengths,
                              const int16_t *samples, const struct nb_stored_take *t,
                              struct nb_error *err)
{
    const struct nb_speech_block *blk = &r->blocks[b];
    const struct nb_render_sink *sink = r->sink;
    nb_status rc = NB_OK;
    size_t k = 0, from = 0;
    for (size_t i = blk->first; rc == NB_OK && i < blk->first + blk->n; i++) {
        const struct nb_speech_part *part = &r->parts[i];
        r->pending = longer(r->pending, part->pause_before_ms);
        const char *text = part->text ? part->text : "";
        nb_strv_release(&r->sentences);
        rc = nb_sentences_split(text, strlen(text), &r->sentences, err);
        struct nb_render_span span = {r->pos, r->pos};
        int any = 0;
        for (size_t s = 0; rc == NB_OK && s < r->sentences.n; s++, k++) {
            if (k >= nlengths) {
                rc = nb_error_set(err, NB_EINTERNAL, "a take has too few sentences");
                break;
            }
            size_t len = lengths[k];
            if (!len)
                continue;
            size_t silence = ms_samples(r->pending, r->rate);
            if (r->reading) {
                rc = emit_silence(sink, silence, err);
                if (rc == NB_OK)
                    rc = emit_take(r->store, t, samples, from, len, r->buf, sink, err);
            }
            size_t start = r->pos + silence, end = start + len;
            from += len;
            r->pos = end;
            r->pending = part->sentence_pause_ms;
            if (rc == NB_OK && sink && sink->sentence)
                rc = sink->sentence(sink->ctx, i, s, r->sentences.v[s], start, end, err);
            if (!any)
                span.start = start;
            any = 1;
            span.end = end;
        }
        if (!any)
            span.start = span.end = r->pos;
        if (r->spans)
            r->spans[i] = span;
        r->pending = longer(r->pending, part->pause_after_ms);
    }
    if (rc != NB_OK)
        return rc;
    r->done_parts = blk->first + blk->n;
    r->next = b + 1;
    if (r->limit && r->pos >= r->limit && r->done_parts < r->nparts)
        r->stop = 1;
    return NB_OK;
}

/* The blocks kept in the store whose turn has come, put together. */
static nb_status put_kept(struct stored *r, struct nb_error *err)
{
    while (r->next < r->nblocks && !r->stop) {
        const struct block_key *k = &r->keys[r->next];
        const struct nb_stored_take *t = nb_take_store_find(r->store, k->key.data, k->key.len);
        if (!t)
            return NB_OK; /* not spoken yet */
        nb_status rc = put_together(r, r->next, t->lengths, t->nlengths, NULL, t, err);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

nb_status nb_speech_render_stored(struct nb_speech *sp, struct nb_take_store *store,
                                  unsigned workers, const struct nb_speech_part *parts,
                                  size_t nparts, const struct nb_speech_voice *voices,
                                  size_t nvoices, unsigned flags, double limit,
                                  const struct nb_render_sink *sink, struct nb_render_span *spans,
                                  size_t *nparts_done, size_t *length, size_t *failed_part,
                                  struct nb_error *err)
{
    if (nparts_done)
        *nparts_done = 0;
    if (length)
        *length = 0;
    for (size_t i = 0; i < nparts; i++)
        if (parts[i].voice >= nvoices)
            return nb_error_set(err, NB_EINTERNAL, "part %zu uses voice %zu of %zu", i + 1,
                                parts[i].voice + 1, nvoices);
    unsigned rate = nb_speech_sample_rate(sp);
    int reading = sink && sink->samples;
    struct stored r;
    memset(&r, 0, sizeof(r));
    r.store = store;
    r.parts = parts;
    r.nparts = nparts;
    size_t n = nparts ? nparts : 1;
    struct nb_speech_block *blocks = calloc(n, sizeof(*blocks));
    struct nb_speech_block *missing = calloc(n, sizeof(*missing));
    size_t *missing_index = calloc(n, sizeof(*missing_index));
    r.keys = calloc(n, sizeof(*r.keys));
    r.done = calloc(n, 1);
    r.speech = calloc(n, sizeof(*r.speech));
    int16_t *buf = reading ? malloc(CHUNK * sizeof(*buf)) : NULL;
    r.sink = sink;
    r.reading = reading;
    r.spans = spans;
    r.rate = rate;
    r.buf = buf;
    nb_strv_init(&r.sentences);
    nb_status rc = NB_OK;
    if (!blocks || !missing || !missing_index || !r.keys || !r.done || !r.speech ||
        (reading && !buf))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK) {
        r.nblocks = nb_render_blocks(parts, nparts, blocks);
        r.blocks = blocks;
        r.limit = limit > 0 ? (size_t)(limit * rate) : 0;
    }
    size_t nmissing = 0;
    struct nb_strv sentences;
    nb_strv_init(&sentences);
    for (size_t b = 0; r.keys && b < r.nblocks; b++)
        nb_buf_init(&r.keys[b].key, 0);
    for (size_t b = 0; rc == NB_OK && b < r.nblocks; b++) {
        rc = block_key(parts, &blocks[b], voices, nvoices, flags, &sentences, &r.keys[b], err);
        /* kept, or the start of a take kept (a story trimmed from its end) */
        const struct nb_stored_take *t = NULL;
        if (rc == NB_OK)
            rc = nb_take_store_find_head(store, r.keys[b].key.data, r.keys[b].key.len, &t, err);
        if (rc != NB_OK)
            break;
        if (t) {
            r.done[b] = 1;
            r.speech[b] = t->nsamples;
        } else {
            missing_index[nmissing] = b;
            missing[nmissing++] = blocks[b];
        }
    }
    nb_strv_release(&sentences);
    /* the blocks not kept yet, spoken; done() is told the index among
     * the missing ones: map it back.  Those kept are put together first,
     * so that a block spoken in its turn goes to the sink as it comes */
    r.missing_index = missing_index;
    if (rc == NB_OK)
        rc = put_kept(&r, err);
    if (rc == NB_OK && nmissing && !r.stop) {
        const struct nb_speech_work work = {.parts = parts,
                                            .voices = voices,
                                            .nvoices = nvoices,
                                            .flags = flags,
                                            .blocks = missing,
                                            .nblocks = nmissing,
                                            .workers = workers,
                                            .done = keep_take,
                                            .stop_after = enough,
                                            .ctx = &r,
                                            .failed_part = failed_part};
        rc = nb_speech_workers_run(sp, &work, err);
    }
    /* the blocks not given to the sink as they came, in order */
    if (rc == NB_OK)
        rc = put_kept(&r, err);
    if (rc == NB_OK && r.next < r.nblocks && !r.stop && !r.limit)
        rc = nb_error_set(err, NB_EINTERNAL, "a block was not spoken");
    size_t pos = r.pos, done_parts = r.done_parts;
    unsigned pending = r.pending;
    int stop = r.stop;
    nb_strv_release(&r.sentences);
    if (rc == NB_OK && spans)
        for (size_t i = done_parts; i < nparts; i++)
            spans[i] = (struct nb_render_span){pos, pos};
    /* the pauses still pending end the audio */
    size_t closing = stop ? 0 : ms_samples(pending, rate);
    if (rc == NB_OK && reading)
        rc = emit_silence(sink, closing, err);
    if (nparts_done)
        *nparts_done = rc == NB_OK ? done_parts : 0;
    if (length && rc == NB_OK)
        *length = pos + closing;
    for (size_t b = 0; r.keys && b < r.nblocks; b++) {
        nb_buf_release(&r.keys[b].key);
        free(r.keys[b].ends);
    }
    free(blocks);
    free(missing);
    free(missing_index);
    free(r.keys);
    free(r.done);
    free(r.speech);
    free(buf);
    return rc;
}
