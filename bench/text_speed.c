/* text_speed.c - the text stages over many article files in one process,
 * timed without process start-up (bench/text_speed.sh builds and runs it).
 *
 *   text_speed [--runs N] [--jobs N] [--stage NAME] [--dump DIR] [--list FILE] [FILE...]
 *
 * Each stage runs over every FILE, N times (default 5); it prints the bytes
 * of article text a second of the median run, by wall-clock time and by
 * the process's CPU time (on a shared machine the wall-clock waits for
 * the other processes).  --list FILE names the files one a line.  Stages,
 * each from the file to what its command prints, written to /dev/null:
 *   read       newsbrief read: the article read, cleaned, quotes found, JSON
 *   sentences  newsbrief sentences: the file split into sentences
 *   quotes     the quote stage alone (nb_quotes_find) on articles read before
 *   summary    the summary alone (nb_summary_make) on articles read before
 *   summarise  newsbrief summarise: read, quotes, summary, printed
 *   script     newsbrief script: briefings of at most 100 of the files
 *              (its 'stories' cap), without a duration, script text written
 *   normalise  newsbrief normalise: every line of the files, spoken form
 * --jobs N (default 1): summarise and script read N files at a time on
 * threads, as the commands do by default with one a processor (the other
 * stages have one thread); compare the wall-clock figures.
 * --dump DIR writes each stage's output to DIR/NAME.txt instead (one run,
 * not timed): the same bytes before and after a change mean the same
 * results.  Under callgrind, --toggle-collect='stage_*' counts a stage's
 * instructions only.  The briefings need the voices: set NEWSBRIEF_DATA to
 * the source tree.
 */
#include "article/article.h"
#include "bulletin/bulletin.h"
#include "bulletin/summaries.h"
#include "config/lexicon.h"
#include "quotes/quotes.h"
#include "script/script_text.h"
#include "source/source.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "summary/summary.h"
#include "text/buf.h"
#include "text/file.h"
#include "text/json_out.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline))
#define SCRIPT_STORIES 100

struct bench {
    char **files; /* owned */
    size_t nfiles;
    size_t bytes;           /* of all the files */
    FILE *out;              /* /dev/null, or the dump file */
    struct nb_article *pre; /* articles read before (quotes and summary stages) */
    char **briefings;       /* for the script stage */
    size_t nbriefings;
    struct nb_lexicon *lexicon; /* for normalise, loaded once as the command does */
    unsigned jobs;              /* files read at a time by summarise and script */
};

/* Wall and CPU seconds: the machine may be shared, so both are shown. */
struct stamp {
    double wall, cpu;
};

static struct stamp now(void)
{
    struct timespec w, c;
    clock_gettime(CLOCK_MONOTONIC, &w);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    return (struct stamp){(double)w.tv_sec + (double)w.tv_nsec * 1e-9,
                          (double)c.tv_sec + (double)c.tv_nsec * 1e-9};
}

static void since(struct stamp *sum, struct stamp t0)
{
    struct stamp t1 = now();
    sum->wall += t1.wall - t0.wall;
    sum->cpu += t1.cpu - t0.cpu;
}

static void die(const char *what, const struct nb_error *err)
{
    fprintf(stderr, "text_speed: %s: %s\n", what, err ? err->message : "failed");
    exit(1);
}

static void strv_out(struct nb_json_out *o, const char *key, const struct nb_strv *sv)
{
    nb_json_out_key(o, key);
    nb_json_out_open(o, '[');
    for (size_t i = 0; i < sv->n; i++)
        nb_json_out_string(o, sv->v[i]);
    nb_json_out_close(o, ']');
}

/* The fields of `newsbrief read`, in its order. */
static void article_json(FILE *f, const struct nb_article *a)
{
    struct nb_json_out o;
    nb_json_out_init(&o, f, 0);
    nb_json_out_open(&o, '{');
    nb_json_out_key(&o, "headline");
    nb_json_out_string(&o, a->headline);
    nb_json_out_key(&o, "byline");
    nb_json_out_string(&o, a->byline);
    nb_json_out_key(&o, "date");
    nb_json_out_string(&o, a->date);
    strv_out(&o, "paragraphs", &a->paragraphs);
    strv_out(&o, "sentences", &a->sentences);
    nb_json_out_key(&o, "quotes");
    nb_json_out_open(&o, '[');
    for (size_t i = 0; i < a->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[i];
        nb_json_out_open(&o, '{');
        nb_json_out_key(&o, "text");
        nb_json_out_string(&o, q->text);
        nb_json_out_key(&o, "speaker");
        nb_json_out_string(&o, q->speaker);
        nb_json_out_key(&o, "role");
        nb_json_out_string(&o, q->role);
        nb_json_out_key(&o, "partial");
        nb_json_out_bool(&o, q->partial);
        nb_json_out_key(&o, "sentence");
        nb_json_out_int(&o, (int64_t)q->sentence);
        nb_json_out_key(&o, "speaker_id");
        nb_json_out_int(&o, (int64_t)q->speaker_id);
        nb_json_out_close(&o, '}');
    }
    nb_json_out_close(&o, ']');
    strv_out(&o, "removed", &a->removed);
    nb_json_out_key(&o, "speakers");
    nb_json_out_open(&o, '[');
    for (size_t i = 0; i < a->nspeakers; i++) {
        const struct nb_speaker *s = &a->speakers[i];
        nb_json_out_open(&o, '{');
        nb_json_out_key(&o, "name");
        nb_json_out_string(&o, s->name);
        nb_json_out_key(&o, "short");
        nb_json_out_string(&o, s->short_name);
        nb_json_out_key(&o, "role");
        nb_json_out_string(&o, s->role);
        nb_json_out_key(&o, "organisation");
        nb_json_out_string(&o, s->organisation);
        nb_json_out_key(&o, "pronoun");
        nb_json_out_int(&o, s->pronoun);
        nb_json_out_key(&o, "title");
        nb_json_out_string(&o, s->title);
        nb_json_out_close(&o, '}');
    }
    nb_json_out_close(&o, ']');
    nb_json_out_close(&o, '}');
    if (nb_json_out_finish(&o) != NB_OK)
        die("read", NULL);
}

static void summary_print(FILE *f, const char *file, const struct nb_summary *s)
{
    const struct nb_article *a = s->article;
    fprintf(f, "%s\n  headline: %s\n", file, a->headline);
    for (size_t i = 0; i < s->nlead; i++)
        fprintf(f, "    [%zu] %s\n", s->lead[i] + 1, nb_summary_lead(s, i));
    for (size_t i = 0; i < s->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[s->quotes[i]];
        fprintf(f, "  quote [%zu] %s%s%s: \"%s\"\n", q->sentence + 1,
                q->speaker ? q->speaker : "(unknown)", q->role ? ", " : "", q->role ? q->role : "",
                q->text);
    }
}

/* ---- the stages: each one run over every file ---------------------------- */

NOINLINE static void stage_read(struct bench *b)
{
    for (size_t i = 0; i < b->nfiles; i++) {
        struct nb_article a;
        struct nb_error err;
        nb_error_init(&err);
        if (nb_bulletin_read_article(&a, b->files[i], &err) != NB_OK)
            die(b->files[i], &err);
        article_json(b->out, &a);
        nb_article_release(&a);
    }
}

NOINLINE static void stage_sentences(struct bench *b)
{
    struct nb_buf text;
    struct nb_strv sentences;
    nb_buf_init(&text, 0);
    nb_strv_init(&sentences);
    for (size_t i = 0; i < b->nfiles; i++) {
        struct nb_error err;
        nb_error_init(&err);
        nb_buf_reset(&text);
        nb_strv_release(&sentences);
        nb_strv_init(&sentences);
        if (nb_file_read_text(b->files[i], 0, &text, NULL, &err) != NB_OK ||
            nb_sentences_split(text.data, text.len, &sentences, &err) != NB_OK)
            die(b->files[i], &err);
        for (size_t k = 0; k < sentences.n; k++) {
            fputs(sentences.v[k], b->out);
            fputc('\n', b->out);
        }
    }
    nb_buf_release(&text);
    nb_strv_release(&sentences);
}

NOINLINE static void stage_quotes_one(struct nb_article *a)
{
    struct nb_error err;
    nb_error_init(&err);
    if (nb_quotes_find(a, &err) != NB_OK)
        die("quotes", &err);
}

NOINLINE static nb_status stage_summary_one(struct nb_summary *s, const struct nb_article *a,
                                            const struct nb_summary_options *so,
                                            struct nb_error *err)
{
    return nb_summary_make(s, a, so, err);
}

static void drop_quotes(struct nb_article *a)
{
    for (size_t q = 0; q < a->nquotes; q++) {
        free(a->quotes[q].text);
        free(a->quotes[q].speaker);
        free(a->quotes[q].role);
    }
    free(a->quotes);
    a->quotes = NULL;
    a->nquotes = 0;
    for (size_t s = 0; s < a->nspeakers; s++)
        nb_speaker_release(&a->speakers[s]);
    free(a->speakers);
    a->speakers = NULL;
    a->nspeakers = 0;
}

/* Seconds in nb_quotes_find() alone. */
static struct stamp quotes_run(struct bench *b)
{
    struct stamp t = {0, 0};
    for (size_t i = 0; i < b->nfiles; i++) {
        drop_quotes(&b->pre[i]);
        struct stamp t0 = now();
        stage_quotes_one(&b->pre[i]);
        since(&t, t0);
        article_json(b->out, &b->pre[i]);
    }
    return t;
}

/* Seconds in nb_summary_make() alone. */
static struct stamp summary_run(struct bench *b)
{
    struct nb_summary_options so = {.sentences = 3, .quotes = 1};
    struct stamp t = {0, 0};
    for (size_t i = 0; i < b->nfiles; i++) {
        struct nb_summary s;
        struct nb_error err;
        nb_error_init(&err);
        nb_summary_init(&s);
        struct stamp t0 = now();
        if (stage_summary_one(&s, &b->pre[i], &so, &err) != NB_OK)
            die(b->files[i], &err);
        since(&t, t0);
        summary_print(b->out, b->files[i], &s);
        nb_summary_release(&s);
    }
    return t;
}

static int summary_each(void *ctx, const char *file, const struct nb_summary *s)
{
    summary_print(((struct bench *)ctx)->out, file, s);
    return 0;
}

NOINLINE static void stage_summarise(struct bench *b)
{
    struct nb_summary_options so = {.sentences = 3, .quotes = 1};
    struct nb_error err;
    nb_error_init(&err);
    if (nb_bulletin_summarise_files((const char *const *)b->files, b->nfiles, &so, b->jobs,
                                    summary_each, b, &err) != NB_OK)
        die("summarise", &err);
}

NOINLINE static void stage_script(struct bench *b)
{
    for (size_t i = 0; i < b->nbriefings; i++) {
        struct nb_bulletin bl;
        struct nb_error err;
        struct nb_buf text;
        nb_error_init(&err);
        nb_bulletin_init(&bl);
        bl.jobs = b->jobs;
        nb_buf_init(&text, 0);
        if (nb_bulletin_script(&bl, b->briefings[i], &err) != NB_OK)
            die(b->briefings[i], &err);
        if (nb_script_write_text(&bl.script, &text) != NB_OK)
            die("script", NULL);
        fwrite(text.data, 1, text.len, b->out);
        nb_buf_release(&text);
        nb_bulletin_release(&bl);
    }
}

NOINLINE static void stage_normalise(struct bench *b)
{
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = b->lexicon};
    struct nb_buf raw, in, out;
    nb_buf_init(&raw, 0);
    nb_buf_init(&in, 0);
    nb_buf_init(&out, 0);
    for (size_t i = 0; i < b->nfiles; i++) {
        struct nb_error err;
        nb_error_init(&err);
        nb_buf_reset(&raw);
        if (nb_file_read(b->files[i], 0, &raw, &err) != NB_OK)
            die(b->files[i], &err);
        const char *p = raw.data, *end = raw.data + raw.len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            nb_buf_reset(&in);
            nb_buf_reset(&out);
            if (nb_text_import(p, n, &in, NULL) != NB_OK ||
                nb_normalise_ex(in.data, in.len, &nz, &out, NULL, &err) != NB_OK)
                die(b->files[i], &err);
            for (size_t k = 0; k < out.len; k++)
                if (out.data[k] == '\n')
                    out.data[k] = ' ';
            fwrite(out.data, 1, out.len, b->out);
            fputc('\n', b->out);
            p += n + (nl ? 1 : 0);
        }
    }
    nb_buf_release(&raw);
    nb_buf_release(&in);
    nb_buf_release(&out);
}

/* ---- setting up ---------------------------------------------------------- */

static void read_before(struct bench *b)
{
    if (b->pre)
        return;
    b->pre = calloc(b->nfiles, sizeof(*b->pre));
    if (!b->pre)
        die("out of memory", NULL);
    for (size_t i = 0; i < b->nfiles; i++) {
        struct nb_error err;
        nb_error_init(&err);
        if (nb_bulletin_read_article(&b->pre[i], b->files[i], &err) != NB_OK)
            die(b->files[i], &err);
    }
}

/* Briefings of at most SCRIPT_STORIES files each, in a temporary folder. */
static void write_briefings(struct bench *b, char *dir)
{
    if (!mkdtemp(dir))
        die("cannot make a temporary folder", NULL);
    b->nbriefings = (b->nfiles + SCRIPT_STORIES - 1) / SCRIPT_STORIES;
    b->briefings = calloc(b->nbriefings ? b->nbriefings : 1, sizeof(char *));
    if (!b->briefings)
        die("out of memory", NULL);
    char cwd[4096];
    if (!getcwd(cwd, sizeof(cwd)))
        die("getcwd", NULL);
    for (size_t k = 0; k < b->nbriefings; k++) {
        struct nb_buf path, yaml;
        nb_buf_init(&path, 0);
        nb_buf_init(&yaml, 0);
        struct nb_error err;
        nb_error_init(&err);
        nb_status rc = nb_buf_addf(&path, "%s/part%02zu.yaml", dir, k);
        rc = rc ? rc
                : nb_buf_addf(&yaml,
                              "title: Bench\ndate: 2025-01-15\ntime: \"07:00\"\nvoice: anchor\n"
                              "quote_voice: correspondent\nnew_only: false\nstories: %d\n"
                              "headlines: true\nrecap: true\nmax_words: 35\ncache: %s/cache\n"
                              "articles:\n",
                              SCRIPT_STORIES, dir);
        for (size_t i = k * SCRIPT_STORIES;
             rc == NB_OK && i < b->nfiles && i < (k + 1) * SCRIPT_STORIES; i++)
            rc = b->files[i][0] == '/' ? nb_buf_addf(&yaml, "  - \"%s\"\n", b->files[i])
                                       : nb_buf_addf(&yaml, "  - \"%s/%s\"\n", cwd, b->files[i]);
        if (rc != NB_OK || nb_file_write_atomic(path.data, yaml.data, yaml.len, &err) != NB_OK)
            die("cannot write a briefing", &err);
        b->briefings[k] = nb_buf_detach(&path, NULL);
        nb_buf_release(&yaml);
    }
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, c = *(const double *)y;
    return a < c ? -1 : a > c;
}

/* Seconds of one run of stage `name`. */
static struct stamp run_stage(struct bench *b, const char *name)
{
    struct stamp t0 = now(), t = {0, 0};
    if (strcmp(name, "read") == 0)
        stage_read(b);
    else if (strcmp(name, "sentences") == 0)
        stage_sentences(b);
    else if (strcmp(name, "quotes") == 0)
        return quotes_run(b);
    else if (strcmp(name, "summary") == 0)
        return summary_run(b);
    else if (strcmp(name, "summarise") == 0)
        stage_summarise(b);
    else if (strcmp(name, "script") == 0)
        stage_script(b);
    else if (strcmp(name, "normalise") == 0)
        stage_normalise(b);
    since(&t, t0);
    return t;
}

/* The files named one a line in `path`, appended to *files. */
static void read_list(const char *path, char ***files, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die(path, NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len)
            continue;
        char **v = realloc(*files, (*n + 1) * sizeof(*v));
        if (!v || !(v[*n] = nb_strdup(line)))
            die("out of memory", NULL);
        *files = v;
        (*n)++;
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv)
{
    static const char *const stages[] = {"read",      "sentences", "quotes",   "summary",
                                         "summarise", "script",    "normalise"};
    const size_t nstages = sizeof(stages) / sizeof(stages[0]);
    struct bench b;
    memset(&b, 0, sizeof(b));
    int runs = 5;
    b.jobs = 1;
    const char *only = NULL, *dump = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else if (strcmp(argv[i], "--jobs") == 0 && i + 1 < argc)
            b.jobs = atoi(argv[++i]) > 0 ? (unsigned)atoi(argv[i]) : 1;
        else if (strcmp(argv[i], "--stage") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump = argv[++i];
        else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc)
            read_list(argv[++i], &b.files, &b.nfiles);
        else
            break;
    }
    for (; i < argc; i++) {
        char **v = realloc(b.files, (b.nfiles + 1) * sizeof(*v));
        if (!v || !(v[b.nfiles] = nb_strdup(argv[i])))
            die("out of memory", NULL);
        b.files = v;
        b.nfiles++;
    }
    if (!b.nfiles) {
        fprintf(stderr, "usage: text_speed [--runs N] [--jobs N] [--stage NAME] [--dump DIR] "
                        "[--list FILE] [FILE...]\n");
        return 2;
    }
    for (size_t k = 0; k < b.nfiles; k++) {
        struct stat st;
        if (stat(b.files[k], &st) != 0)
            die(b.files[k], NULL);
        b.bytes += (size_t)st.st_size;
    }
    char dir[] = "/tmp/text_speed.XXXXXX";
    write_briefings(&b, dir);
    struct nb_error err;
    nb_error_init(&err);
    if (nb_lexicon_open(&b.lexicon, "en-gb", 1, NULL, NULL, 0, &err) != NB_OK)
        die("lexicon", &err);
    if (dump)
        runs = 1;
    else
        printf("%zu files, %.2f MB of article text; median of %d runs in one process, %u job(s)\n"
               "  stage          wall MB/s    cpu MB/s   wall ms    cpu ms\n",
               b.nfiles, (double)b.bytes / 1e6, runs, b.jobs);
    for (size_t s = 0; s < nstages; s++) {
        if (only && strcmp(only, stages[s]) != 0)
            continue;
        if (strcmp(stages[s], "quotes") == 0 || strcmp(stages[s], "summary") == 0)
            read_before(&b);
        struct nb_buf path;
        nb_buf_init(&path, 0);
        if (dump && nb_buf_addf(&path, "%s/%s.txt", dump, stages[s]) != NB_OK)
            die("out of memory", NULL);
        b.out = fopen(dump ? path.data : "/dev/null", "w");
        if (!b.out)
            die(dump ? path.data : "/dev/null", NULL);
        double *wall = calloc((size_t)runs, sizeof(double));
        double *cpu = calloc((size_t)runs, sizeof(double));
        if (!wall || !cpu)
            die("out of memory", NULL);
        for (int r = 0; r < runs; r++) {
            struct stamp t = run_stage(&b, stages[s]);
            wall[r] = t.wall;
            cpu[r] = t.cpu;
        }
        if (fclose(b.out) != 0)
            die("cannot write the output", NULL);
        qsort(wall, (size_t)runs, sizeof(double), cmp_double);
        qsort(cpu, (size_t)runs, sizeof(double), cmp_double);
        double mb = (double)b.bytes / 1e6, w = wall[runs / 2], c = cpu[runs / 2];
        if (!dump)
            printf("  %-12s %10.1f  %10.1f  %8.1f  %8.1f\n", stages[s], mb / w, mb / c, w * 1e3,
                   c * 1e3);
        fflush(stdout);
        free(wall);
        free(cpu);
        nb_buf_release(&path);
    }
    for (size_t k = 0; b.pre && k < b.nfiles; k++)
        nb_article_release(&b.pre[k]);
    free(b.pre);
    for (size_t k = 0; k < b.nbriefings; k++) {
        unlink(b.briefings[k]);
        free(b.briefings[k]);
    }
    free(b.briefings);
    for (size_t k = 0; k < b.nfiles; k++)
        free(b.files[k]);
    free(b.files);
    nb_lexicon_free(b.lexicon);
    char cache[sizeof(dir) + 8];
    snprintf(cache, sizeof(cache), "%s/cache", dir);
    rmdir(cache);
    rmdir(dir);
    return 0;
}
