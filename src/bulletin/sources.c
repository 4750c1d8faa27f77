/* sources.c - the bulletin's stories from its sources, and what it remembers. */
#include "bulletin/sources.h"

#include "bulletin/read_ahead.h"
#include "quotes/quotes.h"
#include "script/script_build.h"
#include "speech/workers.h"
#include "summary/summary.h"
#include "summary/wordset.h"
#include "text/buf.h"
#include "text/file.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

nb_status nb_bulletin_default_cache(const char *path, struct nb_buf *out, int *found)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    *found = 0;
    struct nb_buf base;
    nb_buf_init(&base, 0);
    nb_status rc = NB_OK;
    if (xdg && xdg[0] == '/')
        rc = nb_buf_addf(&base, "%s/newsbrief", xdg);
    else if (home && home[0])
        rc = nb_buf_addf(&base, "%s/.cache/newsbrief", home);
    else {
        nb_buf_release(&base);
        return NB_OK;
    }
    /* FNV-1a of the absolute path: two briefings called morning.yaml in
     * two folders keep apart */
    char cwd[4096];
    uint32_t h = 2166136261u;
    if (path[0] != '/' && getcwd(cwd, sizeof(cwd))) {
        for (const char *p = cwd; *p; p++)
            h = (h ^ (unsigned char)*p) * 16777619u;
        h = (h ^ '/') * 16777619u;
    }
    for (const char *p = path; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    const char *name = nb_path_basename(path), *dot = strrchr(name, '.');
    size_t stem = dot && dot != name ? (size_t)(dot - name) : strlen(name);
    if (rc == NB_OK)
        rc = nb_buf_addf(out, "%s/%.*s-%08x", base.data, (int)stem, name, (unsigned)h);
    nb_buf_release(&base);
    if (rc == NB_OK)
        *found = 1;
    return rc;
}

/* The Unix time `since: 1d` counts back from: the briefing's date and time
 * when it gives them (local time; the end of that day without a time),
 * else now. */
static long long since_base(const struct nb_briefing *b, long long now)
{
    if (!b->has_date)
        return now;
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = b->year - 1900;
    tm.tm_mon = b->month - 1;
    tm.tm_mday = b->day;
    tm.tm_hour = b->has_time ? b->hour : 23;
    tm.tm_min = b->has_time ? b->minute : 59;
    tm.tm_sec = b->has_time ? 0 : 59;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    return t == (time_t)-1 ? now : (long long)t;
}

static nb_status set_options(struct nb_bulletin *bl, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    struct nb_source_options *o = &bl->source_options;
    nb_source_options_init(o);
    if (b->since_kind == NB_SINCE_AGO)
        o->since = since_base(b, o->now) - (long long)(b->since_ms / 1000);
    else if (b->since_kind == NB_SINCE_TIME)
        o->since = b->since_time;
    o->max_items = b->max_items;
    o->new_only = b->new_only;
    o->follow_links = b->follow_links;
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    int found = 1;
    nb_status rc = b->cache_dir ? nb_buf_adds(&dir, b->cache_dir)
                                : nb_bulletin_default_cache(b->path, &dir, &found);
    if (rc == NB_OK && found && !(bl->cache_dir = nb_buf_detach(&dir, NULL)))
        rc = NB_ENOMEM;
    nb_buf_release(&dir);
    if (rc != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    o->cache_dir = bl->cache_dir;
    /* the state database sits in the cache folder; it is opened (and the
     * folder made) only when a feed or URL needs it */
    static const char state_file[] = "/state.db";
    if (bl->cache_dir) {
        size_t n = strlen(bl->cache_dir);
        char *p = malloc(n + sizeof(state_file));
        if (!p)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        memcpy(p, bl->cache_dir, n);
        memcpy(p + n, state_file, sizeof(state_file));
        bl->state_path = p;
        o->state_path = p;
    }
    return NB_OK;
}

static nb_status warn_failed(struct nb_strv *warnings, const struct nb_error *e)
{
    char msg[NB_ERROR_MSG_MAX];
    nb_error_format(e, msg, sizeof(msg));
    struct nb_buf w;
    nb_buf_init(&w, 0);
    nb_status rc = nb_buf_addf(&w, "%s; skipped", msg);
    if (rc == NB_OK)
        rc = nb_strv_push_owned(warnings, nb_buf_detach(&w, NULL));
    nb_buf_release(&w);
    return rc;
}

/* When every source failed: one error at the briefing's entry of the
 * first failure ("no story could be read: 'a.txt': the file is empty: ...
 * (and 2 more sources failed)") in place of a warning for each. */
static nb_status none_read(const struct nb_briefing *b, size_t first, const struct nb_error *e,
                           size_t failed, struct nb_error *err)
{
    struct nb_mark at = b->article_marks ? b->article_marks[first] : (struct nb_mark){0, 0};
    char where[NB_ERROR_FILE_MAX + 32] = "", more[64] = "";
    if (e->file[0] && e->line)
        snprintf(where, sizeof(where), "'%s' (line %u): ", e->file, e->line);
    else if (e->file[0])
        snprintf(where, sizeof(where), "'%s': ", e->file);
    if (failed > 1)
        snprintf(more, sizeof(more), " (and %zu more source%s failed)", failed - 1,
                 failed > 2 ? "s" : "");
    return nb_error_set_at(err, NB_EINPUT, b->path, at.line, at.column,
                           "no story could be read: %s%s%s", where, e->message, more);
}

/* The opening of an article, its first two sentences, into b (reset):
 * what tells one story told twice. */
static nb_status opening(const struct nb_article *a, struct nb_buf *b)
{
    nb_buf_reset(b);
    for (size_t i = 0; i < a->sentences.n && i < 2; i++)
        if ((i && nb_buf_addc(b, ' ') != NB_OK) || nb_buf_adds(b, a->sentences.v[i]) != NB_OK)
            return NB_ENOMEM;
    return nb_buf_addc(b, '\0') == NB_OK ? NB_OK : NB_ENOMEM;
}

/* How many of the stories read from index `from` on tell a story not
 * already read (near-duplicates, NB_SCRIPT_DUPLICATE alike, are skipped
 * when the script is built, so they must not take a place under the
 * `stories` cap).  `openings` holds the words of the openings of the
 * stories before `from` and gains those of the new ones.  *distinct is
 * updated; NB_OK or NB_ENOMEM. */
static nb_status count_distinct(const struct nb_source_reader *r, size_t from,
                                struct nb_wordset_index *openings, size_t *distinct)
{
    struct nb_buf a;
    struct nb_wordset words;
    nb_buf_init(&a, 0);
    nb_wordset_init(&words);
    nb_status rc = NB_OK;
    for (size_t j = from; j < r->nstories && rc == NB_OK; j++) {
        int dup = 0;
        rc = opening(&r->stories[j].article, &a);
        if (rc == NB_OK)
            rc = nb_wordset_make(&words, a.data);
        if (rc == NB_OK)
            dup = nb_wordset_index_has_alike(openings, &words);
        if (rc == NB_OK)
            rc = nb_wordset_index_add(openings, &words);
        nb_wordset_release(&words);
        if (rc == NB_OK && !dup)
            (*distinct)++;
    }
    nb_buf_release(&a);
    return rc;
}

/* Reading ahead: the local files among the entries read, parsed and their
 * quotes found on other threads while the caller counts the stories before
 * them (read_ahead.h).  Every entry's outcome is what nb_source_read and
 * nb_quotes_find give, whatever the number of threads. */
struct ahead {
    char *const *entries;
    struct nb_source_prepared *prep; /* one per entry */
    struct nb_read_ahead pool;
};

static void prepare_entry(void *ctx, size_t i)
{
    struct ahead *ah = ctx;
    struct nb_source_prepared *p = &ah->prep[i];
    nb_source_prepare(p, ah->entries[i]);
    if (p->ready && p->rc == NB_OK && !p->feed &&
        (p->rc = nb_quotes_find(&p->article, &p->err)) != NB_OK)
        nb_error_set_file(&p->err, p->article.source ? p->article.source : ah->entries[i]);
}

/* Read-ahead for `n` entries on `jobs` threads (0: one per processor); 0
 * (the entries read in turn) with one job or without memory. */
static int ahead_start(struct ahead *ah, char *const *entries, size_t n, unsigned jobs)
{
    memset(ah, 0, sizeof(*ah));
    if (!jobs)
        jobs = nb_speech_workers_default();
    if (jobs < 2 || n < 2 || !(ah->prep = calloc(n, sizeof(*ah->prep))))
        return 0;
    ah->entries = entries;
    for (size_t i = 0; i < n; i++)
        nb_source_prepared_init(&ah->prep[i]);
    /* four files ahead a thread: fewer hand-overs between threads (each
     * wake-up costs more than a tenth of an article's reading); what is
     * read past the `stories` cap is wasted: a fraction of a millisecond a
     * text file, a few milliseconds a saved web page */
    nb_read_ahead_start(&ah->pool, n, jobs, 4 * jobs, prepare_entry, ah);
    return 1;
}

static void ahead_stop(struct ahead *ah, size_t n)
{
    if (!ah->prep)
        return;
    nb_read_ahead_stop(&ah->pool);
    for (size_t i = 0; i < n; i++)
        nb_source_prepared_release(&ah->prep[i]);
    free(ah->prep);
    ah->prep = NULL;
}

nb_status nb_bulletin_read_sources(struct nb_bulletin *bl, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    nb_status rc = set_options(bl, err);
    struct nb_source_reader *r = &bl->sources;
    size_t failed = 0, distinct = 0, first_failed = 0;
    struct nb_error first;  /* the first source that failed */
    struct nb_strv skipped; /* a warning for each, shown when a story was read */
    nb_error_init(&first);
    nb_strv_init(&skipped);
    struct nb_wordset_index openings;
    nb_wordset_index_init(&openings, NB_SCRIPT_DUPLICATE);
    struct ahead ah;
    int ahead = rc == NB_OK && ahead_start(&ah, b->articles.v, b->articles.n, bl->jobs);
    struct nb_buf quoted; /* a byte per story: 1 when its quotes are found */
    nb_buf_init(&quoted, 0);
    for (size_t i = 0; rc == NB_OK && i < b->articles.n && distinct < b->stories; i++) {
        struct nb_error e;
        nb_error_init(&e);
        size_t before = r->nstories;
        int prepared = 0;
        if (ahead) {
            nb_read_ahead_get(&ah.pool, i);
            prepared = ah.prep[i].ready;
        }
        size_t max = b->stories - distinct;
        nb_status src = prepared ? nb_source_add_prepared(r, b->articles.v[i], &ah.prep[i], max, &e)
                                 : nb_source_read(r, b->articles.v[i], max, &e);
        char found = prepared && !ah.prep[i].feed;
        for (size_t k = before; k < r->nstories; k++)
            if (nb_buf_addc(&quoted, found) != NB_OK)
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        if (count_distinct(r, before, &openings, &distinct) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        if (src == NB_OK && !r->state_failed)
            continue;
        /* a state database that cannot be used fails the bulletin whatever
         * the policy: it is the briefing's, not one source's */
        if (src == NB_ENOMEM || b->fail_on_source_error || r->state_failed) {
            if (err)
                *err = e;
            rc = src != NB_OK ? src : NB_EIO; /* the state failed after all was read */
        } else {
            if (!failed++) {
                first = e;
                first_failed = i;
            }
            if (warn_failed(&skipped, &e) != NB_OK)
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        }
    }
    if (ahead)
        ahead_stop(&ah, b->articles.n);
    nb_wordset_index_release(&openings);
    /* the sources skipped, unless none gave a story: one error says so */
    int keep = r->nstories || rc != NB_OK;
    for (size_t i = 0; keep && i < skipped.n; i++)
        if (nb_strv_pushs(&bl->warnings, skipped.v[i]) != NB_OK && rc == NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_strv_release(&skipped);
    for (size_t i = 0; rc == NB_OK && i < r->warnings.n; i++)
        if (nb_strv_pushs(&bl->warnings, r->warnings.v[i]) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    int feeds = 0;
    for (size_t i = 0; i < r->nstories; i++)
        feeds |= r->stories[i].feed != NULL;
    if (rc == NB_OK && feeds && b->new_only && !bl->cache_dir &&
        nb_strv_pushs(&bl->warnings,
                      "no cache folder (neither HOME nor XDG_CACHE_HOME is set): feed items "
                      "heard before are read again; give the briefing a 'cache' folder") != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc != NB_OK) {
        nb_buf_release(&quoted);
        return rc;
    }
    size_t n = r->nstories;
    if (!n && failed) {
        nb_buf_release(&quoted);
        return none_read(b, first_failed, &first, failed, err);
    }
    if (!n) {
        nb_buf_release(&quoted);
        return nb_error_set_at(err, NB_EINPUT, b->path, 0, 0,
                               "no story to read: the feeds have no new items%s",
                               b->since_kind ? " in the 'since' window" : "");
    }
    bl->articles = calloc(n, sizeof(*bl->articles));
    bl->summaries = calloc(n, sizeof(*bl->summaries));
    if (!bl->articles || !bl->summaries)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; rc == NB_OK && i < n; i++) {
        nb_summary_init(&bl->summaries[i]);
        bl->articles[i] = r->stories[i].article;
        nb_article_init(&r->stories[i].article);
        bl->narticles = i + 1;
        if (i < quoted.len && quoted.data[i])
            continue; /* found when it was read ahead */
        rc = nb_quotes_find(&bl->articles[i], err);
        if (rc != NB_OK)
            nb_error_set_file(err, bl->articles[i].source);
    }
    nb_buf_release(&quoted);
    return rc;
}

nb_status nb_bulletin_remember_heard(struct nb_bulletin *bl, struct nb_error *err)
{
    if (!bl->briefing.new_only)
        return NB_OK;
    /* every story up to the last one spoken: those between were skipped as
     * near-duplicates of a spoken one, or had nothing to read; those after
     * it did not fit the slot and stay new */
    size_t last = 0;
    for (size_t i = 0; i < bl->script.n; i++)
        if (bl->script.segments[i].source > last)
            last = bl->script.segments[i].source;
    struct nb_error e;
    nb_error_init(&e);
    if (nb_source_mark_heard(&bl->sources, last, (long long)time(NULL), &e) == NB_OK)
        return NB_OK;
    if (e.status == NB_ENOMEM)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    /* the bulletin is written: not remembering is a warning, not a failure */
    char msg[NB_ERROR_MSG_MAX];
    struct nb_buf w;
    nb_buf_init(&w, 0);
    nb_status rc = nb_buf_addf(&w, "%s; the items it spoke will be read again",
                               nb_error_format(&e, msg, sizeof(msg)));
    if (rc == NB_OK)
        rc = nb_strv_push_owned(&bl->warnings, nb_buf_detach(&w, NULL));
    nb_buf_release(&w);
    return rc == NB_OK ? NB_OK : nb_error_set(err, NB_ENOMEM, "out of memory");
}

/* The quotes of r's stories from `first` on, found. */
static nb_status find_quotes(struct nb_source_reader *r, size_t first, const char *entry,
                             struct nb_error *err)
{
    nb_status rc = NB_OK;
    for (size_t i = first; rc == NB_OK && i < r->nstories; i++) {
        struct nb_article *a = &r->stories[i].article;
        if ((rc = nb_quotes_find(a, err)) != NB_OK)
            nb_error_set_file(err, a->source ? a->source : entry);
    }
    return rc;
}

nb_status nb_bulletin_read_source(struct nb_source_reader *r, const char *entry,
                                  struct nb_error *err)
{
    size_t first = r->nstories;
    nb_status rc = nb_source_read(r, entry, SIZE_MAX, err);
    return rc == NB_OK ? find_quotes(r, first, entry, err) : rc;
}

void nb_bulletin_read_each_source(char *const *entries, size_t n, const struct nb_source_options *o,
                                  unsigned jobs, nb_bulletin_source_fn each, void *ctx)
{
    struct ahead ah;
    int ahead = ahead_start(&ah, entries, n, jobs);
    for (size_t i = 0; i < n; i++) {
        struct nb_source_reader r;
        nb_source_reader_init(&r, o);
        struct nb_error e;
        nb_error_init(&e);
        nb_status rc;
        if (ahead)
            nb_read_ahead_get(&ah.pool, i);
        if (ahead && ah.prep[i].ready) {
            int quoted = !ah.prep[i].feed; /* found when it was read ahead */
            rc = nb_source_add_prepared(&r, entries[i], &ah.prep[i], SIZE_MAX, &e);
            if (rc == NB_OK && !quoted)
                rc = find_quotes(&r, 0, entries[i], &e);
            nb_source_prepared_release(&ah.prep[i]);
        } else {
            rc = nb_bulletin_read_source(&r, entries[i], &e);
        }
        int stop = each(ctx, entries[i], &r, rc, &e);
        nb_source_reader_release(&r);
        if (stop)
            break;
    }
    if (ahead)
        ahead_stop(&ah, n);
}
