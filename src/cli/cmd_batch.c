/* cmd_batch.c - newsbrief batch DIR|GLOB|FEED -o OUTDIR: every article in
 * full, one audio file each, resumable and shardable (bulletin/batch.h). */
#include "cli/cli.h"

#include "bulletin/batch.h"
#include "text/duration.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: newsbrief batch DIR|GLOB|FEED -o OUTDIR [--briefing FILE] [--shard K/N]\n"
    "                       [--loudness L] [-j N] [-q]\n"
    "\n"
    "Reads every article in full, its headline then every paragraph, and speaks\n"
    "each to its own audio file OUTDIR/NAME.EXT, with a chapter per paragraph and\n"
    "the transcript and manifest beside it, in the voice, lexicon, rate, pauses,\n"
    "format and loudness of the briefing; then writes the index, OUTDIR/index.m3u8\n"
    "and OUTDIR/index.json, in order.  The articles are the .txt, .md, .html and\n"
    ".htm files of folder DIR by name, the files GLOB matches (quote it:\n"
    "'archive/*.txt'), or the items of FEED (an RSS or Atom file, or an http(s)\n"
    "URL).  NAME is the file's name (a feed item's link's) in lower case with\n"
    "dashes.\n"
    "\n"
    "Options:\n"
    "  -o, --output-dir DIR   write into DIR (created if missing); required\n"
    "  --briefing FILE        the briefing whose voice, lexicon, rate, pauses, output\n"
    "                         format and loudness are used (its articles are not\n"
    "                         read); default: the example, found as 'build' finds it\n"
    "  --shard K/N            only the K-th of N shares (1 <= K <= N), chosen by a\n"
    "                         hash of each article's name in its folder (a feed\n"
    "                         item's guid), so that N machines share an archive with\n"
    "                         no coordinator and adding articles moves no other;\n"
    "                         the index is then index-K-of-N.m3u8 and .json\n"
    "  --loudness L           podcast (-16 LUFS), broadcast (EBU R128: -23), atsc\n"
    "                         (-24), alexa (-14), off, or a number of LUFS; replaces\n"
    "                         the briefing's 'loudness'\n"
    "  -j, --jobs N           articles made at a time, each in a process of its own\n"
    "                         (default: one per processor; the files are the same\n"
    "                         for any N)\n"
    "  -q, --quiet            no progress bar (it is shown only when standard error\n"
    "                         is a terminal)\n"
    "\n"
    "Resumable: an article whose audio is newer than its source and was made with\n"
    "the same settings (briefing, voice, lexicons, loudness) is skipped, so a run\n"
    "that was stopped continues where it stopped, and a run without --shard after\n"
    "every share is done writes the whole index.  Every file appears atomically.\n"
    "An article that fails is reported and the others go on; when every one\n"
    "fails, no index is written.  A single article FILE given instead of DIR is\n"
    "read as 'newsbrief read' reads it: when it fails, its error is the batch's.\n"
    "\n"
    "Prints a summary: how many articles were done, skipped and failed, each\n"
    "failure with its reason.  Exit status: 0 when no article failed, 1 when any\n"
    "did, 2 for bad input or usage (a single FILE that is not an article).\n";

/* The progress bar's state: when the batch started. */
struct bar {
    struct timespec start;
    int drawn;
};

static double elapsed(const struct bar *b)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - b->start.tv_sec) + (double)(now.tv_nsec - b->start.tv_nsec) / 1e9;
}

/* "[#########.........]  12/50  0.8/min  3m10s left  name" on one line. */
static void draw(void *ctx, const struct nb_batch_progress *p)
{
    struct bar *b = ctx;
    enum { WIDTH = 24 };
    size_t finished = p->index + (size_t)p->finished;
    size_t fill = p->total ? finished * WIDTH / p->total : WIDTH;
    char cells[WIDTH + 1];
    for (size_t i = 0; i < WIDTH; i++)
        cells[i] = i < fill ? '#' : '.';
    cells[WIDTH] = '\0';
    double t = elapsed(b);
    size_t worked = p->done + p->failed; /* the skipped take no time */
    char rate[32] = "", left[48] = "";
    if (worked && t > 0) {
        double per_minute = (double)worked * 60.0 / t;
        snprintf(rate, sizeof(rate), "  %.1f/min", per_minute);
        char dur[32];
        double remaining = (double)(p->total - finished) * t / (double)worked;
        snprintf(left, sizeof(left), "  %s left", nb_duration_format(remaining, dur, sizeof(dur)));
    }
    fprintf(stderr, "\r[%s] %zu/%zu%s%s  %.40s\033[K", cells, finished, p->total, rate, left,
            p->name);
    b->drawn = 1;
}

/* "K/N" with 1 <= K <= N: 1 and the numbers, or 0 after a usage error. */
static int parse_shard(const char *text, unsigned *k, unsigned *n)
{
    char *slash, *end;
    errno = 0;
    unsigned long a = strtoul(text, &slash, 10), b = 0;
    int ok = slash != text && *slash == '/' && text[0] >= '0' && text[0] <= '9';
    if (ok) {
        b = strtoul(slash + 1, &end, 10);
        ok = end != slash + 1 && !*end && slash[1] >= '0' && slash[1] <= '9' && !errno;
    }
    if (!ok || a < 1 || b < a || b > 1000000) {
        nb_cli_failf(NB_EXIT_INPUT, "batch: --shard must be K/N with 1 <= K <= N, not '%s'", text);
        return 0;
    }
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 1;
}

static void summary(const struct nb_batch_result *res, const struct nb_batch_options *o)
{
    printf("%zu done, %zu skipped, %zu failed", res->done, res->skipped, res->failed);
    if (o->shards > 1)
        printf(" (%zu of %zu articles in share %u/%u)", res->n, res->listed, o->shard, o->shards);
    printf("\n");
    for (size_t i = 0; i < res->n; i++)
        if (res->articles[i].outcome == NB_BATCH_FAILED)
            fprintf(stderr, "newsbrief: failed: %s\n", res->articles[i].error);
    if (res->index_m3u8)
        printf("wrote %s\nwrote %s\n", res->index_m3u8, res->index_json);
    else
        printf("no index written: every article failed\n");
}

static int run(int argc, char **argv)
{
    const char *dir = NULL, *briefing = NULL, *shard = NULL, *loudness = NULL, *jobs = NULL;
    int quiet = 0;
    struct nb_cli_option opts[] = {{"--output-dir", "-o", &dir, NULL},
                                   {"--briefing", NULL, &briefing, NULL},
                                   {"--shard", NULL, &shard, NULL},
                                   {"--loudness", NULL, &loudness, NULL},
                                   {"--jobs", "-j", &jobs, NULL},
                                   {"--quiet", "-q", NULL, &quiet},
                                   {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_batch_result res;
    struct nb_error err;
    struct nb_loudness_target target;
    struct bar bar = {{0, 0}, 0};
    int code = 0;
    nb_strv_init(&args);
    nb_batch_result_init(&res);
    nb_error_init(&err);
    nb_loudness_target_init(&target);
    struct nb_batch_options o = {.briefing = briefing};
    if (!nb_cli_parse(&nb_cmd_batch, argc, argv, opts, &args, &code))
        goto out;
    if (args.n != 1) {
        code = nb_cli_failf(NB_EXIT_INPUT, "batch: give one DIR, GLOB or FEED (see 'newsbrief "
                                           "batch --help')");
        goto out;
    }
    if (!dir) {
        code = nb_cli_failf(NB_EXIT_INPUT, "batch: give the output folder with -o OUTDIR");
        goto out;
    }
    if (!nb_cli_jobs(jobs, &o.jobs)) {
        code = NB_EXIT_INPUT;
        goto out;
    }
    if (shard && !parse_shard(shard, &o.shard, &o.shards)) {
        code = NB_EXIT_INPUT;
        goto out;
    }
    if (loudness) {
        if (nb_loudness_target_parse(loudness, &target, &err) != NB_OK) {
            code = nb_cli_failf(NB_EXIT_INPUT, "batch: --loudness: %s", err.message);
            goto out;
        }
        o.loudness = &target;
    }
    o.input = args.v[0];
    o.output_dir = dir;
    o.briefing = briefing;
    o.temp = nb_cli_cleanup_on_signals();
    if (!quiet && isatty(STDERR_FILENO)) {
        clock_gettime(CLOCK_MONOTONIC, &bar.start);
        o.progress = draw;
        o.progress_ctx = &bar;
    }
    nb_status rc = nb_bulletin_batch(&o, &res, &err);
    if (bar.drawn)
        fputs("\r\033[K", stderr);
    if (rc != NB_OK) {
        code = nb_cli_fail(&err);
        goto out;
    }
    summary(&res, &o);
    code = res.failed ? NB_EXIT_FAIL : NB_EXIT_OK;
out:
    nb_batch_result_release(&res);
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_batch = {
    "batch", "every article in full, one audio file each, with an index", usage, run};
