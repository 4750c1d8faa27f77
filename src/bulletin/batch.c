/* batch.c - `newsbrief batch`: every article read in full to its own audio
 * file, skipping those already done, then the index (batch.h).
 *
 * The steps: the settings (briefing, voice, lexicon) and their
 * fingerprint; the listing (batch_list.c) and the share; then for each
 * article of the share: skipped when its stamp says it is done, else read,
 * made a script (headline, paragraphs), spoken (script_audio.h) and
 * stamped; last the index (batch_index.c). */
#include "bulletin/batch.h"

#include "bulletin/batch_index.h"
#include "bulletin/batch_list.h"
#include "bulletin/batch_pool.h"
#include "bulletin/bulletin.h"
#include "bulletin/script_audio.h"
#include "config/briefing.h"
#include "config/lexicon.h"
#include "config/voice_profile.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "script/script.h"
#include "speech/workers.h"
#include "text/buf.h"
#include "text/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Chapters per file: the headline and at most this many less one for the
 * paragraphs (more paragraphs share chapters), under MP3's limit of 255. */
#define CHAPTERS_MAX 250
/* A paragraph's chapter title: its first words, at most this many. */
#define TITLE_WORDS 8

/* What every article is spoken with; loaded once. */
struct settings {
    struct nb_briefing briefing;
    struct nb_voice_profile voice;
    struct nb_lexicon *lexicon;
    struct nb_loudness_target loudness;
    const char *ext;      /* ".wav" */
    char fingerprint[17]; /* 16 hex digits */
    unsigned speech_jobs; /* speech workers of an article (0: one per processor) */
};

static void settings_release(struct settings *s)
{
    nb_briefing_release(&s->briefing);
    nb_voice_profile_release(&s->voice);
    nb_lexicon_free(s->lexicon);
}

static const char *container_ext(enum nb_audio_container c)
{
    static const char *const exts[] = {".wav", ".flac", ".mp3", ".ogg", ".opus"};
    return (size_t)c < sizeof(exts) / sizeof(exts[0]) ? exts[c] : ".wav";
}

/* Adds the bytes of the file at `path` (NULL: nothing) to the hash. */
static nb_status hash_file(uint64_t *h, const char *path, struct nb_error *err)
{
    if (!path)
        return NB_OK;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_status rc = nb_file_read(path, 0, &b, err);
    if (rc == NB_OK) {
        *h = nb_batch_hash(*h, path, strlen(path) + 1);
        *h = nb_batch_hash(*h, b.data, b.len);
    }
    nb_buf_release(&b);
    return rc;
}

/* The fingerprint of everything that makes the audio besides the
 * article: the program, the briefing, the voice, the lexicons, the
 * loudness asked for. */
static nb_status fingerprint(struct settings *s, struct nb_error *err)
{
    uint64_t h = NB_BATCH_HASH_START;
    char words[256];
    const struct nb_loudness_target *t = &s->loudness;
    int n = snprintf(words, sizeof(words), "newsbrief-batch %d %s loudness %d %.3f %.3f",
                     NB_BATCH_STAMP_VERSION, NB_VERSION, t->off, t->lufs, t->ceiling_dbtp);
    h = nb_batch_hash(h, words, (size_t)n);
    struct nb_buf shipped;
    nb_buf_init(&shipped, 0);
    int found = 0;
    nb_status rc = hash_file(&h, s->briefing.path, err);
    if (rc == NB_OK)
        rc = hash_file(&h, s->voice.path, err);
    if (rc == NB_OK)
        rc = hash_file(&h, s->briefing.lexicon_path, err);
    if (rc == NB_OK &&
        nb_lexicon_shipped_path(s->voice.language, s->briefing.dir, &shipped, &found) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK && found)
        rc = hash_file(&h, shipped.data, err);
    nb_buf_release(&shipped);
    snprintf(s->fingerprint, sizeof(s->fingerprint), "%016llx", (unsigned long long)h);
    return rc;
}

/* The briefing (NULL: the example), its voice at its rate, the lexicons. */
static nb_status load_settings(struct settings *s, const struct nb_batch_options *opts,
                               struct nb_error *err)
{
    struct nb_buf example;
    nb_buf_init(&example, 0);
    const char *path = opts->briefing;
    nb_status rc = NB_OK;
    if (!path) {
        if (nb_bulletin_default_briefing(&example) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        path = example.data;
    }
    if (rc == NB_OK)
        rc = nb_briefing_load(&s->briefing, path, err);
    nb_buf_release(&example);
    const struct nb_briefing *b = &s->briefing;
    if (rc == NB_OK)
        rc = nb_voice_profile_load(&s->voice, b->voice_path, err);
    if (rc != NB_OK)
        return rc;
    if (b->rate)
        s->voice.rate = (int)b->rate;
    /* each paragraph is a chapter (a story to script_audio.h): the pause
     * between two is a paragraph's, not a story's */
    s->voice.story_pause_ms =
        s->voice.paragraph_pause_ms ? s->voice.paragraph_pause_ms : s->voice.segment_pause_ms;
    const char *own = b->lexicon_path;
    rc = nb_lexicon_open(&s->lexicon, s->voice.language, 1, b->dir, &own, 1, err);
    s->loudness = opts->loudness ? *opts->loudness : b->loudness;
    s->ext = container_ext(b->format.container);
    if (rc == NB_OK)
        rc = fingerprint(s, err);
    return rc;
}

/* ---- one article ---------------------------------------------------------- */

/* What an article's audio is made from: a file's modification time and
 * size, or a feed item's text. */
static nb_status source_key(const struct nb_batch_list *l, const struct nb_batch_item *it,
                            char *out, size_t size, struct timespec *mtime, struct nb_error *err)
{
    if (it->path) {
        struct stat st;
        if (stat(it->path, &st) != 0)
            return nb_error_set_at(err, NB_EINPUT, it->path, 0, 0, "cannot read: %s",
                                   strerror(errno));
        *mtime = st.st_mtim;
        snprintf(out, size, "file %lld.%09ld %lld", (long long)st.st_mtim.tv_sec,
                 (long)st.st_mtim.tv_nsec, (long long)st.st_size);
        return NB_OK;
    }
    const struct nb_article *a = &l->reader.stories[it->story].article;
    uint64_t h = NB_BATCH_HASH_START;
    if (a->headline)
        h = nb_batch_hash(h, a->headline, strlen(a->headline) + 1);
    for (size_t i = 0; i < a->paragraphs.n; i++)
        h = nb_batch_hash(h, a->paragraphs.v[i], strlen(a->paragraphs.v[i]) + 1);
    *mtime = (struct timespec){0, 0};
    snprintf(out, size, "text %016llx", (unsigned long long)h);
    return NB_OK;
}

static int older(struct timespec a, struct timespec b)
{
    return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* 1 when the audio at `audio` is done: its stamp matches and it is not
 * older than its source.  Fills the title and seconds from the stamp. */
static int is_done(const char *audio, const char *stamp_path, const struct settings *s,
                   const char *key, struct timespec source_mtime, struct nb_batch_stamp *stamp)
{
    struct stat st;
    if (stat(audio, &st) != 0 || older(st.st_mtim, source_mtime))
        return 0;
    if (nb_batch_stamp_read(stamp_path, stamp) != NB_OK)
        return 0;
    return strcmp(stamp->settings, s->fingerprint) == 0 && strcmp(stamp->source, key) == 0;
}

/* A paragraph's chapter title: its first words, "..." when there are more. */
static char *first_words(const char *p)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    size_t words = 0, i = 0, n = strlen(p);
    while (i < n && words < TITLE_WORDS) {
        while (i < n && p[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && p[i] != ' ')
            i++;
        if (i > start && ((words && nb_buf_addc(&b, ' ') != NB_OK) ||
                          nb_buf_add(&b, p + start, i - start) != NB_OK)) {
            nb_buf_release(&b);
            return NULL;
        }
        words += i > start;
    }
    while (i < n && p[i] == ' ')
        i++;
    if (i < n && nb_buf_adds(&b, "\xe2\x80\xa6") != NB_OK) { /* "…" */
        nb_buf_release(&b);
        return NULL;
    }
    return nb_buf_detach(&b, NULL);
}

/* The chapter of paragraph k of n (2 onwards: 1 is the headline's). */
static unsigned paragraph_chapter(size_t k, size_t n)
{
    if (n < CHAPTERS_MAX)
        return (unsigned)(k + 2);
    return (unsigned)(2 + k * (CHAPTERS_MAX - 1) / n);
}

/* The headline, then each paragraph, as segments of the voice, each
 * paragraph its own chapter; titles[c - 1] is chapter c's title (owned). */
static nb_status article_script(const struct nb_article *a, const struct settings *s,
                                struct nb_script *script, struct nb_strv *titles,
                                struct nb_error *err)
{
    const char *lang = s->voice.language;
    int sports = nb_normalise_sports(a->headline, strlen(a->headline), lang);
    for (size_t i = 0; i < a->paragraphs.n && !sports; i++)
        sports = nb_normalise_sports(a->paragraphs.v[i], strlen(a->paragraphs.v[i]), lang);
    const struct nb_normaliser norm = {.language = lang, .lexicon = s->lexicon, .sports = sports};
    nb_status rc =
        nb_script_add_ex(script, NB_SEG_STORY, 1, s->voice.name, a->headline, NULL, &norm, err);
    if (rc == NB_OK && nb_strv_pushs(titles, a->headline) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t k = 0; rc == NB_OK && k < a->paragraphs.n; k++) {
        const char *p = a->paragraphs.v[k];
        if (p[strspn(p, " \t\r\n")] == '\0')
            continue;
        unsigned chapter = paragraph_chapter(k, a->paragraphs.n);
        rc = nb_script_add_ex(script, NB_SEG_STORY, chapter, s->voice.name, p, NULL, &norm, err);
        while (rc == NB_OK && titles->n < chapter) {
            char *t = first_words(p);
            if (!t || nb_strv_push_owned(titles, t) != NB_OK) {
                free(t);
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            }
        }
    }
    if (rc == NB_OK && script->n < 2)
        rc = nb_error_set(err, NB_EINPUT, "the article has no text to read");
    return rc;
}

/* Reads, speaks and stamps one article.  The output folder is made before
 * the first article's files (*dir_made 0: not yet; 1: made; -1: it could
 * not be, err says why), so that a batch that writes nothing leaves no
 * folder behind. */
static nb_status make_article(struct nb_batch_list *l, const struct nb_batch_item *it,
                              const struct settings *s, const struct nb_batch_options *opts,
                              const char *audio, const char *stamp_path, const char *key,
                              int *dir_made, struct nb_batch_article *out, struct nb_error *err)
{
    struct nb_article own;
    nb_article_init(&own);
    const struct nb_article *a = &own;
    nb_status rc = NB_OK;
    if (it->path)
        rc = nb_source_read_article(&own, it->path, err);
    else
        a = &l->reader.stories[it->story].article;
    struct nb_script script;
    struct nb_strv titles;
    struct nb_script_audio_result res;
    nb_script_init(&script);
    nb_strv_init(&titles);
    nb_script_audio_result_init(&res);
    if (rc == NB_OK)
        rc = article_script(a, s, &script, &titles, err);
    if (rc == NB_OK && !*dir_made) {
        rc = nb_file_mkdirs(opts->output_dir, err);
        *dir_made = rc == NB_OK ? 1 : -1;
    }
    if (rc == NB_OK)
        rc = nb_batch_clean_leftovers(audio, err);
    if (rc == NB_OK) {
        const struct nb_briefing *b = &s->briefing;
        const struct nb_script_audio_settings settings = {
            .lead_in_ms = b->lead_in_ms,
            .lead_out_ms = b->lead_out_ms,
            .format = &b->format,
            .loudness = &s->loudness,
            .meta = {.title = a->headline,
                     .publisher = b->publisher ? b->publisher : a->publication},
            .titles = (const char *const *)titles.v,
            .ntitles = titles.n,
            .temp = opts->temp,
            .limits = &b->limits,
            .jobs = s->speech_jobs,
        };
        rc = nb_script_audio_write(&script, &s->voice, 1, &settings, audio, &res, err);
    }
    if (rc == NB_OK) {
        rc = nb_batch_stamp_write(stamp_path, s->fingerprint, key, a->headline, res.seconds,
                                  &opts->temp, err);
    }
    if (rc == NB_OK) {
        out->seconds = res.seconds;
        if (!(out->title = nb_strdup(a->headline)))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_script_audio_result_release(&res);
    nb_strv_release(&titles);
    nb_script_release(&script);
    nb_article_release(&own);
    if (!it->path) /* a feed's story is done with */
        nb_article_release(&l->reader.stories[it->story].article);
    return rc;
}

/* OUTDIR/NAME.EXT and OUTDIR/.NAME.batch. */
static nb_status paths(const char *dir, const char *name, const char *ext, struct nb_buf *audio,
                       struct nb_buf *stamp)
{
    struct nb_buf leaf;
    nb_buf_init(&leaf, 0);
    nb_status rc = nb_buf_addf(&leaf, "%s%s", name, ext);
    if (rc == NB_OK)
        rc = nb_path_join(dir, leaf.data, audio);
    nb_buf_reset(&leaf);
    if (rc == NB_OK)
        rc = nb_buf_addf(&leaf, ".%s" NB_BATCH_STAMP_SUFFIX, name);
    if (rc == NB_OK)
        rc = nb_path_join(dir, leaf.data, stamp);
    nb_buf_release(&leaf);
    return rc;
}

/* One article: skipped, done or failed, into `out`, and why it failed
 * into *why.  Only running out of memory, or an output folder that cannot
 * be made, stops the batch. */
static nb_status one_article(struct nb_batch_list *l, const struct nb_batch_item *it,
                             const struct settings *s, const struct nb_batch_options *opts,
                             int *dir_made, struct nb_batch_article *out, struct nb_error *why,
                             struct nb_error *err)
{
    struct nb_buf audio, stamp_path;
    nb_buf_init(&audio, 0);
    nb_buf_init(&stamp_path, 0);
    const char *source = it->path ? it->path : l->reader.stories[it->story].article.source;
    out->name = nb_strdup(it->name);
    out->source = nb_strdup(source ? source : it->identity);
    if (!out->name || !out->source ||
        paths(opts->output_dir, it->name, s->ext, &audio, &stamp_path) != NB_OK) {
        nb_buf_release(&audio);
        nb_buf_release(&stamp_path);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    struct nb_error e;
    nb_error_init(&e);
    char key[96];
    struct timespec mtime = {0, 0};
    struct nb_batch_stamp stamp;
    nb_batch_stamp_init(&stamp);
    nb_status rc = source_key(l, it, key, sizeof(key), &mtime, &e);
    if (rc == NB_OK && is_done(audio.data, stamp_path.data, s, key, mtime, &stamp)) {
        out->outcome = NB_BATCH_SKIPPED;
        out->seconds = stamp.seconds;
        out->title = stamp.title;
        stamp.title = NULL;
        if (!it->path) /* a feed's story is done with */
            nb_article_release(&l->reader.stories[it->story].article);
    } else if (rc == NB_OK) {
        out->outcome = NB_BATCH_DONE;
        rc = make_article(l, it, s, opts, audio.data, stamp_path.data, key, dir_made, out, &e);
    }
    nb_batch_stamp_release(&stamp);
    if (rc == NB_OK && !(out->file = nb_buf_detach(&audio, NULL)))
        rc = nb_error_set(&e, NB_ENOMEM, "out of memory");
    nb_buf_release(&audio);
    nb_buf_release(&stamp_path);
    if (rc == NB_ENOMEM || *dir_made < 0) {
        if (err)
            *err = e;
        return rc;
    }
    if (rc != NB_OK) {
        char msg[NB_ERROR_MSG_MAX + NB_ERROR_FILE_MAX + 64];
        if (!e.file[0]) /* the synthesiser's: say which article */
            nb_error_set_file(&e, out->source);
        *why = e;
        out->outcome = NB_BATCH_FAILED;
        free(out->title);
        out->title = NULL;
        free(out->file);
        out->file = NULL;
        if (!(out->error = nb_strdup(nb_error_format(&e, msg, sizeof(msg)))))
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}

/* ---- the batch ------------------------------------------------------------ */

void nb_batch_result_init(struct nb_batch_result *r)
{
    memset(r, 0, sizeof(*r));
}

void nb_batch_result_release(struct nb_batch_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        struct nb_batch_article *a = &r->articles[i];
        free(a->name);
        free(a->source);
        free(a->file);
        free(a->title);
        free(a->error);
    }
    free(r->articles);
    free(r->index_m3u8);
    free(r->index_json);
    nb_batch_result_init(r);
}

/* SplitMix64's finaliser: FNV-1a's low bits are weak alone. */
static uint64_t mix(uint64_t h)
{
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

int nb_batch_in_shard(const char *identity, unsigned shard, unsigned shards)
{
    if (shards <= 1)
        return 1;
    uint64_t h = mix(nb_batch_hash(NB_BATCH_HASH_START, identity, strlen(identity)));
    return h % shards == (uint64_t)(shard - 1);
}

static void tell(const struct nb_batch_options *opts, const struct nb_batch_result *res,
                 size_t total, const char *name, int finished)
{
    if (!opts->progress)
        return;
    size_t before = res->done + res->skipped + res->failed - (size_t)finished;
    const struct nb_batch_progress p = {before,      total, res->done, res->skipped,
                                        res->failed, name,  finished};
    opts->progress(opts->progress_ctx, &p);
}

/* Counts article k's outcome in res. */
static void count(struct nb_batch_result *res, size_t k)
{
    enum nb_batch_outcome o = res->articles[k].outcome;
    res->done += o == NB_BATCH_DONE;
    res->skipped += o == NB_BATCH_SKIPPED;
    res->failed += o == NB_BATCH_FAILED;
}

/* ---- several at a time ---------------------------------------------------- */

/* A batch whose articles are made in processes of their own. */
struct side_by_side {
    struct nb_batch_list *l;
    const struct settings *s;
    const struct nb_batch_options *opts;
    const size_t *items; /* the share's, in order: indexes into l->items */
    struct nb_batch_result *res;
    size_t total;
    int dir_made;
};

/* An article's result as bytes: what one_article() gave, its status and
 * error, and whether the output folder was made. */
static nb_status put_u32(struct nb_buf *b, uint32_t v)
{
    return nb_buf_add(b, (const char *)&v, sizeof(v));
}

static nb_status put_str(struct nb_buf *b, const char *str)
{
    if (!str)
        return put_u32(b, UINT32_MAX);
    size_t n = strlen(str);
    nb_status rc = put_u32(b, (uint32_t)n);
    return rc == NB_OK ? nb_buf_add(b, str, n) : rc;
}

struct reader {
    const char *p;
    size_t left;
    int bad;
};

static void get(struct reader *r, void *out, size_t n)
{
    if (r->bad || r->left < n) {
        r->bad = 1;
        memset(out, 0, n);
        return;
    }
    memcpy(out, r->p, n);
    r->p += n;
    r->left -= n;
}

/* A string of the bytes, or NULL; *bad set when they end too soon or
 * there is no memory. */
static char *get_str(struct reader *r)
{
    uint32_t n;
    get(r, &n, sizeof(n));
    if (r->bad || n == UINT32_MAX)
        return NULL;
    if (r->left < n) {
        r->bad = 1;
        return NULL;
    }
    char *str = malloc((size_t)n + 1);
    if (!str) {
        r->bad = 1;
        return NULL;
    }
    memcpy(str, r->p, n);
    str[n] = '\0';
    r->p += n;
    r->left -= n;
    return str;
}

/* In the child: article `job` of the share, made as one_article() makes
 * it in a batch of one job at a time, its result put out as bytes. */
static int run_article(void *ctx, size_t job, struct nb_buf *out)
{
    struct side_by_side *b = ctx;
    const struct nb_batch_item *it = &b->l->items[b->items[job]];
    struct nb_batch_article a;
    memset(&a, 0, sizeof(a));
    struct nb_error why, err;
    nb_error_init(&why);
    nb_error_init(&err);
    int dir_made = b->dir_made;
    nb_status rc = one_article(b->l, it, b->s, b->opts, &dir_made, &a, &why, &err);
    int32_t head[3] = {(int32_t)rc, dir_made, (int32_t)a.outcome};
    int bad = nb_buf_add(out, (const char *)head, sizeof(head)) != NB_OK ||
              nb_buf_add(out, (const char *)&a.seconds, sizeof(a.seconds)) != NB_OK ||
              nb_buf_add(out, (const char *)&err, sizeof(err)) != NB_OK ||
              put_str(out, a.title) != NB_OK || put_str(out, a.file) != NB_OK ||
              put_str(out, a.error) != NB_OK;
    free(a.name);
    free(a.source);
    free(a.file);
    free(a.title);
    free(a.error);
    return bad;
}

static void starting_article(void *ctx, size_t job)
{
    struct side_by_side *b = ctx;
    tell(b->opts, b->res, b->total, b->l->items[b->items[job]].name, 0);
}

/* In the parent: article `job`'s result, into its place in the index. */
static nb_status article_done(void *ctx, size_t job, const char *data, size_t len,
                              const char *failure, struct nb_error *err)
{
    struct side_by_side *b = ctx;
    const struct nb_batch_item *it = &b->l->items[b->items[job]];
    struct nb_batch_article *a = &b->res->articles[job];
    const char *source = it->path ? it->path : b->l->reader.stories[it->story].article.source;
    a->name = nb_strdup(it->name);
    a->source = nb_strdup(source ? source : it->identity);
    if (!a->name || !a->source)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    struct reader r = {data, len, data == NULL};
    int32_t head[3] = {0, 0, 0};
    struct nb_error e;
    nb_error_init(&e);
    get(&r, head, sizeof(head));
    get(&r, &a->seconds, sizeof(a->seconds));
    get(&r, &e, sizeof(e));
    a->title = get_str(&r);
    a->file = get_str(&r);
    a->error = get_str(&r);
    e.file[sizeof(e.file) - 1] = '\0';
    e.message[sizeof(e.message) - 1] = '\0';
    if (!r.bad && head[1] == 1)
        b->dir_made = 1;
    if (!r.bad && (head[0] != NB_OK || head[1] < 0)) {
        /* what stops the batch: no memory, an output folder not made */
        if (err)
            *err = e;
        return head[0] != NB_OK ? (nb_status)head[0] : NB_EIO;
    }
    if (r.bad) {
        free(a->title);
        free(a->file);
        free(a->error);
        a->title = a->file = NULL;
        a->outcome = NB_BATCH_FAILED;
        char msg[NB_ERROR_FILE_MAX + 128];
        snprintf(msg, sizeof(msg), "%s: %s", a->source,
                 failure ? failure : "the process making it sent nothing readable");
        if (!(a->error = nb_strdup(msg)))
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    } else {
        a->outcome = (enum nb_batch_outcome)head[2];
    }
    b->res->n++;
    count(b->res, job);
    tell(b->opts, b->res, b->total, it->name, 1);
    return NB_OK;
}

nb_status nb_bulletin_batch(const struct nb_batch_options *opts, struct nb_batch_result *res,
                            struct nb_error *err)
{
    nb_batch_result_release(res);
    if (opts->shards && (opts->shard < 1 || opts->shard > opts->shards))
        return nb_error_set(err, NB_EINPUT,
                            "share %u of %u does not exist (give K/N with 1 <= K <= N)",
                            opts->shard, opts->shards);
    struct settings s;
    memset(&s, 0, sizeof(s));
    nb_briefing_init(&s.briefing);
    nb_voice_profile_init(&s.voice);
    struct nb_batch_list l;
    nb_batch_list_init(&l);
    /* nothing is written before there is an article to write */
    nb_status rc = load_settings(&s, opts, err);
    if (rc == NB_OK)
        rc = nb_batch_list_read(&l, opts->input, s.briefing.follow_links, err);
    size_t total = 0;
    for (size_t i = 0; rc == NB_OK && i < l.n; i++)
        total += nb_batch_in_shard(l.items[i].identity, opts->shard, opts->shards);
    res->listed = l.n;
    if (rc == NB_OK && !(res->articles = calloc(total ? total : 1, sizeof(*res->articles))))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    int dir_made = 0;
    struct nb_error why;
    nb_error_init(&why);
    unsigned jobs = opts->jobs ? opts->jobs : nb_speech_workers_default();
    size_t *items = NULL;
    if (rc == NB_OK && jobs > 1 && total > 1 && !l.one_file) {
        /* side by side, each article's speech one block at a time */
        items = calloc(total, sizeof(*items));
        if (!items)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        size_t k = 0;
        for (size_t i = 0; rc == NB_OK && i < l.n; i++)
            if (nb_batch_in_shard(l.items[i].identity, opts->shard, opts->shards))
                items[k++] = i;
        s.speech_jobs = 1;
        struct side_by_side b = {&l, &s, opts, items, res, total, 0};
        const struct nb_batch_pool_work work = {total,        jobs, run_article, starting_article,
                                                article_done, &b,   &opts->temp};
        if (rc == NB_OK)
            rc = nb_batch_pool_run(&work, err);
        dir_made = b.dir_made;
        if (rc != NB_OK) /* the articles that did not finish have no entry */
            res->n = total;
    }
    for (size_t i = 0; rc == NB_OK && !items && i < l.n; i++) {
        const struct nb_batch_item *it = &l.items[i];
        if (!nb_batch_in_shard(it->identity, opts->shard, opts->shards))
            continue;
        size_t k = res->n++;
        tell(opts, res, total, it->name, 0);
        rc = one_article(&l, it, &s, opts, &dir_made, &res->articles[k], &why, err);
        if (rc == NB_OK) {
            count(res, k);
            tell(opts, res, total, it->name, 1);
        }
    }
    free(items);
    if (rc == NB_OK && l.one_file && res->failed) {
        /* one article file is bad input as `newsbrief read FILE` is */
        if (err)
            *err = why;
        rc = why.status != NB_OK ? why.status : NB_EINTERNAL;
    } else if (rc == NB_OK && (!res->failed || res->done || res->skipped)) {
        /* every article failed: no index of nothing */
        if (!dir_made)
            rc = nb_file_mkdirs(opts->output_dir, err);
        if (rc == NB_OK)
            rc = nb_batch_index_write(res, opts, err);
    }
    nb_batch_list_release(&l);
    settings_release(&s);
    return rc;
}
