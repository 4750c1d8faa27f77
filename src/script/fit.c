/* fit.c - choosing stories, sentences and quotes to fill a slot. */
#include "script/fit.h"

#include "script/transitions.h"
#include "text/sentences.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What a candidate reads of story k (index into the stories kept). */
struct pick {
    size_t nlead; /* 0: the story is not read */
    int quotes;   /* 1: its quotes are read */
};

/* A step that makes the bulletin longer, with its estimated cost. */
struct unit {
    size_t story; /* index into the kept stories */
    size_t lead;  /* the lead sentence it adds (1-based); 0 for the quotes */
    double cost;
    double value; /* its news value: what goes first (unit_value) */
};

/* The news value of a unit: a story is worth less the later it comes
 * (stories are in the order of their news value), and within a story its
 * first sentence most, then its quote, then each further sentence less.
 * Units are read in this order, so fitting drops later stories and later
 * sentences first and keeps the quotes of the main stories. */
static double unit_value(size_t story, size_t lead)
{
    double w = 1.0 / (1.0 + 0.3 * (double)story);
    if (lead == 1)
        return w;
    if (lead == 0)
        return 0.7 * w;
    return 0.6 * w * pow(0.7, (double)(lead - 2));
}

static int by_value(const void *a, const void *b)
{
    const struct unit *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    return x->lead == y->lead ? 0 : (x->lead == 1 || (y->lead != 1 && x->lead == 0) ? -1 : 1);
}

struct fitter {
    const struct nb_script_input *in;
    struct nb_script_fit *fit;
    nb_script_measure_fn measure;
    void *ctx;
    size_t *kept; /* indices into in->stories of the stories read */
    size_t nkept;
    struct nb_summary *subset; /* shallow copies, the candidate's stories */
    struct unit *units;
    size_t nunits;
    double fixed; /* intro, outro and the words around the headlines */
};

/* The script of pick p, into s (initialised). */
static nb_status build_pick(struct fitter *f, struct nb_script *s, const struct pick *p,
                            struct nb_error *err)
{
    size_t n = 0;
    for (size_t k = 0; k < f->nkept; k++) {
        if (!p[k].nlead)
            continue;
        f->subset[n] = f->in->stories[f->kept[k]];
        f->subset[n].nlead = p[k].nlead;
        if (!p[k].quotes)
            f->subset[n].nquotes = 0;
        n++;
    }
    struct nb_script_input in = *f->in;
    in.stories = f->subset;
    in.nstories = n;
    return nb_script_build(s, &in, err);
}

static nb_status measure_script(struct fitter *f, struct nb_script *s, const struct pick *p,
                                double limit, double **seconds, size_t *measured, double *total,
                                struct nb_error *err)
{
    nb_status rc = build_pick(f, s, p, err);
    if (rc != NB_OK)
        return rc;
    free(*seconds);
    *seconds = calloc(s->n ? s->n : 1, sizeof(**seconds));
    if (!*seconds) {
        nb_script_release(s);
        nb_script_init(s);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    f->fit->measured++;
    *measured = s->n;
    rc = f->measure(f->ctx, s, limit, *seconds, measured, total, err);
    if (rc == NB_OK && *measured > s->n)
        *measured = s->n;
    if (rc != NB_OK) { /* the script is not the caller's to keep */
        nb_script_release(s);
        nb_script_init(s);
    }
    return rc;
}

/* Seconds a character of text takes to say, guessed before anything is
 * measured.  eSpeak NG at the shipped voices' rates took 0.064 to 0.069 s
 * a character (a segment and its pause) on BBC articles and the example.
 * A guess a little under that makes the first measure read a little more
 * of each story, which the candidates then trim (a story trimmed from its
 * end is not spoken again); a guess over it has them add sentences, which
 * speaks the story again.  Against 0.07, 0.06 spoke 10% less over eight
 * fits (slots of 1 to 6 minutes, three sets of 100 BBC articles and the
 * example) and 4% less over three it was not chosen on. */
#define GUESS_S_PER_CHAR 0.06

/* Seconds of the segments the first measure did not reach, estimated by
 * their length in characters at the rate of those it did (a segment and
 * its pause together; GUESS_S_PER_CHAR when none was measured); *total
 * grows by them. */
static void estimate_rest(const struct nb_script *s, size_t measured, double *sec, double *total)
{
    double chars = 0, secs = 0;
    for (size_t i = 0; i < measured; i++) {
        const struct nb_segment *g = &s->segments[i];
        chars += (double)strlen(g->spoken ? g->spoken : g->text) + 1.0;
        secs += sec[i];
    }
    double rate = chars > 0 ? secs / chars : GUESS_S_PER_CHAR;
    for (size_t i = measured; i < s->n; i++) {
        const struct nb_segment *g = &s->segments[i];
        sec[i] = rate * ((double)strlen(g->spoken ? g->spoken : g->text) + 1.0);
        *total += sec[i];
    }
}

static double text_weight(const char *s)
{
    return (double)strlen(s) + 1.0;
}

/* Costs of each unit from script `full` of pick `p` and the seconds of its
 * segments: a lead sentence it did not read costs its characters at the
 * rate of its story's sentences that were read. */
static nb_status make_units(struct fitter *f, const struct nb_script *full, const struct pick *p,
                            const double *sec, double total, struct nb_error *err)
{
    const struct nb_script_input *in = f->in;
    free(f->units);
    f->units = NULL;
    f->nunits = 0;
    f->fixed = 0;
    size_t max_units = 0;
    for (size_t k = 0; k < f->nkept; k++)
        max_units += in->stories[f->kept[k]].nlead + 1;
    f->units = calloc(max_units ? max_units : 1, sizeof(*f->units));
    double *story_sec = calloc(f->nkept + 1, sizeof(double));
    double *quote_sec = calloc(f->nkept + 1, sizeof(double));
    double *trans_sec = calloc(f->nkept + 1, sizeof(double));
    double *story_chars = calloc(f->nkept + 1, sizeof(double));
    double *head_share = calloc(f->nkept + 1, sizeof(double));
    nb_status rc = NB_OK;
    if (!f->units || !story_sec || !quote_sec || !trans_sec || !story_chars || !head_share) {
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        goto out;
    }
    double headlines_sec = 0, segments_sec = 0;
    for (size_t i = 0; i < full->n; i++) {
        const struct nb_segment *g = &full->segments[i];
        segments_sec += sec[i];
        size_t k = g->story ? g->story - 1 : f->nkept;
        if (k > f->nkept)
            k = f->nkept;
        if (g->kind == NB_SEG_TRANSITION) {
            trans_sec[k] += sec[i];
        } else if (g->kind == NB_SEG_STORY) {
            story_sec[k] += sec[i];
            story_chars[k] += text_weight(g->text);
        } else if (g->kind == NB_SEG_QUOTE) {
            quote_sec[k] += sec[i];
        } else if (g->kind == NB_SEG_HEADLINES) {
            headlines_sec += sec[i];
        } else {
            f->fixed += sec[i];
        }
    }
    f->fixed += total - segments_sec; /* anything the segments do not account for */
    /* the headlines segments: each story's headline its share */
    double head_chars = 0;
    for (size_t k = 0; k < f->nkept; k++) {
        const char *h = in->stories[f->kept[k]].article->headline;
        head_share[k] = h ? text_weight(h) : 0;
        head_chars += head_share[k];
    }
    double head_words = 0;
    if (in->headlines && in->transitions->headlines)
        head_words += text_weight(in->transitions->headlines);
    if (in->recap && in->transitions->recap)
        head_words += text_weight(in->transitions->recap);
    if (head_chars + head_words > 0) {
        f->fixed += headlines_sec * head_words / (head_chars + head_words);
        for (size_t k = 0; k < f->nkept; k++)
            head_share[k] = headlines_sec * head_share[k] / (head_chars + head_words);
    }

    /* round 1: every story's first sentence; then the second sentences,
     * the quotes, the third sentences... */
    size_t maxlead = 0;
    for (size_t k = 0; k < f->nkept; k++)
        if (in->stories[f->kept[k]].nlead > maxlead)
            maxlead = in->stories[f->kept[k]].nlead;
    for (size_t j = 1; j <= maxlead; j++) {
        for (int quotes = 0; quotes <= (j == 2); quotes++) {
            for (size_t k = 0; k < f->nkept; k++) {
                const struct nb_summary *sum = &in->stories[f->kept[k]];
                double lead_chars = 0;
                for (size_t i = 0; i < p[k].nlead && i < sum->nlead; i++)
                    lead_chars += text_weight(nb_summary_lead(sum, i));
                double chars = story_chars[k] > lead_chars ? story_chars[k] : lead_chars;
                double per_char = chars > 0 ? story_sec[k] / chars : 0;
                struct unit u = {k, quotes ? 0 : j, 0, 0};
                if (quotes) {
                    if (!sum->nquotes || quote_sec[k] <= 0)
                        continue;
                    u.cost = quote_sec[k] + per_char * (chars - lead_chars);
                } else {
                    if (j > sum->nlead)
                        continue;
                    u.cost = per_char * text_weight(nb_summary_lead(sum, j - 1));
                    if (j == 1)
                        u.cost += trans_sec[k] + head_share[k];
                }
                f->units[f->nunits++] = u;
            }
        }
        if (j == 1 && maxlead == 1) {
            /* quotes of one-sentence stories come after the first round */
            for (size_t k = 0; k < f->nkept; k++) {
                const struct nb_summary *sum = &in->stories[f->kept[k]];
                if (sum->nquotes && quote_sec[k] > 0)
                    f->units[f->nunits++] = (struct unit){k, 0, quote_sec[k], 0};
            }
        }
    }
    for (size_t x = 0; x < f->nunits; x++)
        f->units[x].value = unit_value(f->units[x].story, f->units[x].lead);
    qsort(f->units, f->nunits, sizeof(*f->units), by_value);
out:
    free(story_sec);
    free(quote_sec);
    free(trans_sec);
    free(story_chars);
    free(head_share);
    return rc;
}

/* 1 when unit u can be added to pick p: the story's previous step is in. */
static int eligible(const struct fitter *f, const struct pick *p, const struct unit *u)
{
    const struct pick *s = &p[u->story];
    if (u->lead == 0)
        return s->nlead >= 1 && !s->quotes;
    if (u->lead == 1)
        return s->nlead == 0 && (u->story == 0 || p[u->story - 1].nlead >= 1);
    return s->nlead == u->lead - 1;
}

static void apply(struct pick *p, const struct unit *u)
{
    if (u->lead == 0)
        p[u->story].quotes = 1;
    else
        p[u->story].nlead = u->lead;
}

/* 1 when unit u is the last step of its story in p, so that it can go:
 * the quote, the last sentence, or the story itself when it is the last
 * one read and has nothing else. */
static int removable(const struct fitter *f, const struct pick *p, const struct unit *u)
{
    const struct pick *s = &p[u->story];
    if (u->lead == 0)
        return s->quotes;
    if (u->lead > 1)
        return s->nlead == u->lead;
    return s->nlead == 1 && !s->quotes && (u->story + 1 == f->nkept || !p[u->story + 1].nlead);
}

static void unapply(struct pick *p, const struct unit *u)
{
    if (u->lead == 0)
        p[u->story].quotes = 0;
    else
        p[u->story].nlead = u->lead - 1;
}

static int included(const struct pick *p, const struct unit *u)
{
    return u->lead ? p[u->story].nlead >= u->lead : p[u->story].quotes;
}

/* The selection whose estimate is nearest `target`: the best prefix of the
 * units in the order of their news value (unit_value), improved by adding,
 * removing or swapping single steps while that brings the estimate
 * nearer. */
static void plan(const struct fitter *f, double target, struct pick *best, struct pick *tmp)
{
    double best_gap = INFINITY, est = f->fixed, best_est = est;
    memset(tmp, 0, f->nkept * sizeof(*tmp));
    for (size_t len = 1; len <= f->nunits; len++) {
        apply(tmp, &f->units[len - 1]);
        est += f->units[len - 1].cost;
        if (fabs(est - target) < best_gap) {
            best_gap = fabs(est - target);
            best_est = est;
            memcpy(best, tmp, f->nkept * sizeof(*tmp));
        }
        if (est > target)
            break; /* longer prefixes only get further away */
    }
    for (int round = 0; round < 64; round++) {
        /* the best single move or swap from `best`; what goes is always the
         * step of least news value that can go */
        double gap = best_gap;
        size_t add = SIZE_MAX, drop = SIZE_MAX, least = SIZE_MAX;
        for (size_t x = 0; x < f->nunits; x++) {
            const struct unit *u = &f->units[x];
            if (included(best, u) && removable(f, best, u) && !(u->lead == 1 && u->story == 0) &&
                (least == SIZE_MAX || u->value < f->units[least].value))
                least = x;
        }
        for (size_t x = 0; x < f->nunits; x++) {
            const struct unit *u = &f->units[x];
            if (!included(best, u) && eligible(f, best, u) &&
                fabs(best_est + u->cost - target) < gap) {
                gap = fabs(best_est + u->cost - target);
                add = x;
                drop = SIZE_MAX;
            }
            if (x != least)
                continue;
            if (fabs(best_est - u->cost - target) < gap) {
                gap = fabs(best_est - u->cost - target);
                add = SIZE_MAX;
                drop = x;
            }
            memcpy(tmp, best, f->nkept * sizeof(*tmp));
            unapply(tmp, u);
            for (size_t y = 0; y < f->nunits; y++) {
                const struct unit *v = &f->units[y];
                double e = best_est - u->cost + v->cost;
                if (y != x && !included(tmp, v) && eligible(f, tmp, v) && fabs(e - target) < gap) {
                    gap = fabs(e - target);
                    add = y;
                    drop = x;
                }
            }
        }
        if (add == SIZE_MAX && drop == SIZE_MAX)
            break;
        if (drop != SIZE_MAX) {
            unapply(best, &f->units[drop]);
            best_est -= f->units[drop].cost;
        }
        if (add != SIZE_MAX) {
            apply(best, &f->units[add]);
            best_est += f->units[add].cost;
        }
        best_gap = gap;
    }
}

static void count_pick(const struct fitter *f, const struct pick *p)
{
    struct nb_script_fit *fit = f->fit;
    fit->stories = fit->sentences = fit->quotes = 0;
    fit->left_stories = fit->left_sentences = fit->left_quotes = 0;
    for (size_t k = 0; k < f->nkept; k++) {
        const struct nb_summary *sum = &f->in->stories[f->kept[k]];
        if (!p[k].nlead) {
            fit->left_stories++;
            continue;
        }
        fit->stories++;
        fit->sentences += p[k].nlead;
        fit->left_sentences += sum->nlead - p[k].nlead;
        if (p[k].quotes)
            fit->quotes += sum->nquotes;
        else
            fit->left_quotes += sum->nquotes;
    }
}

/* The headline of kept story k, or "story N" without one, into b. */
static nb_status story_name(const struct fitter *f, size_t k, struct nb_buf *b)
{
    const char *h = f->in->stories[f->kept[k]].article->headline;
    if (!h || !*h)
        return nb_buf_addf(b, "story %zu", k + 1);
    if (nb_buf_adds(b, "\xE2\x80\x9C") != NB_OK || nb_text_collapse_space(h, strlen(h), b) != NB_OK)
        return NB_ENOMEM;
    return nb_buf_adds(b, "\xE2\x80\x9D");
}

/* Lists in s->left_out what pick p leaves out: whole stories first, then
 * quotes, then sentences. */
static nb_status list_left_out(const struct fitter *f, const struct pick *p, struct nb_script *s)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_status rc = NB_OK;
    for (int pass = 0; pass < 3 && rc == NB_OK; pass++) {
        for (size_t k = 0; k < f->nkept && rc == NB_OK; k++) {
            const struct nb_summary *sum = &f->in->stories[f->kept[k]];
            nb_buf_reset(&b);
            if (pass == 0 && !p[k].nlead) {
                rc = nb_buf_adds(&b, "the story ");
            } else if (pass == 1 && p[k].nlead && !p[k].quotes && sum->nquotes) {
                const struct nb_quote *q = sum->quotes[0] < sum->article->nquotes
                                               ? &sum->article->quotes[sum->quotes[0]]
                                               : NULL;
                rc = q && q->speaker ? nb_buf_addf(&b, "the quote of %s in ", q->speaker)
                                     : nb_buf_adds(&b, "the quote in ");
            } else if (pass == 2 && p[k].nlead && p[k].nlead < sum->nlead) {
                rc = nb_buf_addf(&b, "%zu of %zu sentences of ", sum->nlead - p[k].nlead,
                                 sum->nlead);
            } else {
                continue;
            }
            if (rc == NB_OK)
                rc = story_name(f, k, &b);
            if (rc == NB_OK)
                rc = nb_strv_push(&s->left_out, b.data, b.len);
        }
    }
    nb_buf_release(&b);
    return rc;
}

static nb_status fit(struct fitter *f, struct nb_script *out, struct nb_error *err)
{
    struct nb_script_fit *fit = f->fit;
    struct pick *full = calloc(f->nkept, sizeof(*full));
    struct pick *cand = calloc(f->nkept, sizeof(*cand));
    struct pick *tmp = calloc(f->nkept, sizeof(*tmp));
    struct pick *last = calloc(f->nkept, sizeof(*last));
    struct pick *last_chosen = calloc(f->nkept, sizeof(*last_chosen));
    struct pick *first = calloc(f->nkept, sizeof(*first)); /* what the first measure reads */
    double *sec = NULL, total = 0;
    nb_status rc = NB_OK;
    if (!full || !cand || !tmp || !last || !last_chosen || !first) {
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t k = 0; k < f->nkept; k++)
        full[k] = (struct pick){f->in->stories[f->kept[k]].nlead, 1};
    struct nb_script s;
    nb_script_init(&s);
    double hi = fit->target * (1 + fit->tolerance);
    /* What the slot will likely hold, by characters alone: the first
     * measure reads that much of each story (and its quotes, to know their
     * length), not whole stories of which the bulletin keeps a few
     * sentences.  The candidates then mostly repeat its stories or their
     * first sentences, which are not spoken again (speech/take_store.h). */
    if ((rc = build_pick(f, &s, full, err)) != NB_OK)
        goto out;
    sec = calloc(s.n ? s.n : 1, sizeof(*sec));
    if (!sec) {
        nb_script_release(&s);
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        goto out;
    }
    total = 0;
    estimate_rest(&s, 0, sec, &total);
    rc = make_units(f, &s, full, sec, total, err);
    nb_script_release(&s);
    if (rc != NB_OK)
        goto out;
    plan(f, fit->target, cand, tmp);
    int capped = 0;
    for (size_t k = 0; k < f->nkept; k++) {
        size_t n = cand[k].nlead ? cand[k].nlead : 1;
        first[k] = (struct pick){n < full[k].nlead ? n : full[k].nlead, 1};
        capped |= first[k].nlead < full[k].nlead;
    }
    size_t measured;
    if ((rc = measure_script(f, &s, first, hi, &sec, &measured, &total, err)) != NB_OK)
        goto out;
    if (measured < s.n)
        estimate_rest(&s, measured, sec, &total);
    else if (total <= hi && !capped) {
        fit->seconds = total;
        fit->short_of_material = total < fit->target * (1 - fit->tolerance);
        count_pick(f, full);
        *out = s;
        goto out;
    }
    rc = make_units(f, &s, first, sec, total, err);
    nb_script_release(&s);
    if (rc != NB_OK)
        goto out;

    double aim = fit->target, best_gap = INFINITY;
    for (unsigned pass = 0; pass < NB_SCRIPT_FIT_PASSES; pass++) {
        plan(f, aim, cand, tmp);
        if (pass && memcmp(cand, last, f->nkept * sizeof(*cand)) == 0)
            break; /* the correction changes nothing any more */
        memcpy(last, cand, f->nkept * sizeof(*cand));
        nb_script_init(&s);
        if ((rc = measure_script(f, &s, cand, 0, &sec, &measured, &total, err)) != NB_OK)
            goto out;
        double gap = fabs(total - fit->target);
        if (gap < best_gap) {
            best_gap = gap;
            nb_script_release(out);
            *out = s;
            fit->seconds = total;
            count_pick(f, cand);
            memcpy(last_chosen, cand, f->nkept * sizeof(*cand));
        } else {
            nb_script_release(&s);
        }
        /* within the tolerance, and not running over the slot by more than
         * a second or so: a bulletin that overruns is cut off on air */
        if (gap <= fit->target * fit->tolerance && total <= fit->target * 1.01)
            break;
        aim *= fit->target / total; /* the estimate was off by this much */
    }
    if (rc == NB_OK && list_left_out(f, last_chosen, out) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK && fit->stories == 1 && fit->sentences == 1 && fit->quotes == 0 &&
        fit->seconds > hi) {
        rc = nb_error_set(err, NB_EINPUT,
                          "a bulletin of %.0f s cannot be made: the shortest one (intro, one "
                          "story of one sentence, outro) lasts %.1f s",
                          fit->target, fit->seconds);
    }
out:
    free(sec);
    free(full);
    free(cand);
    free(tmp);
    free(last);
    free(last_chosen);
    free(first);
    return rc;
}

nb_status nb_script_fit(struct nb_script *s, const struct nb_script_input *in,
                        struct nb_script_fit *fitp, nb_script_measure_fn measure, void *ctx,
                        struct nb_error *err)
{
    struct fitter f = {.in = in, .fit = fitp, .measure = measure, .ctx = ctx};
    fitp->seconds = 0;
    fitp->short_of_material = 0;
    fitp->stories = fitp->sentences = fitp->quotes = 0;
    fitp->measured = 0;
    nb_script_init(s);
    if (!(fitp->target > 0) || fitp->tolerance < 0)
        return nb_error_set(err, NB_EINTERNAL, "bad target for fitting");
    unsigned char *keep = calloc(in->nstories ? in->nstories : 1, 1);
    f.kept = calloc(in->nstories ? in->nstories : 1, sizeof(*f.kept));
    f.subset = calloc(in->nstories ? in->nstories : 1, sizeof(*f.subset));
    nb_status rc = NB_OK;
    if (!keep || !f.kept || !f.subset) {
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    } else {
        size_t nread;
        rc = nb_script_stories_read(in, keep, &nread, err);
        for (size_t i = 0; rc == NB_OK && i < in->nstories; i++)
            if (keep[i])
                f.kept[f.nkept++] = i;
    }
    if (rc == NB_OK)
        rc = fit(&f, s, err);
    if (rc != NB_OK)
        nb_script_release(s);
    free(keep);
    free(f.kept);
    free(f.subset);
    free(f.units);
    return rc;
}
