/* cmd_summarise.c - newsbrief summarise FILE...: what would be read of each story. */
#include "cli/cli.h"

#include "article/article.h"
#include "bulletin/summaries.h"
#include "summary/summary.h"
#include "text/json_out.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static const char usage[] =
    "usage: newsbrief summarise FILE... [--sentences N] [--json] [-j N]\n"
    "\n"
    "Reads each article and shows what the summariser picks for the bulletin:\n"
    "the lead sentences (by their number in the article) and the quotes with\n"
    "their speakers.\n"
    "\n"
    "Options:\n"
    "  --sentences N   lead sentences per story (1-50, default 3)\n"
    "  --json          print a JSON array, one object per file:\n"
    "                  {\"file\", \"headline\", \"lead\": [{\"sentence\": int, \"text\": str}],\n"
    "                   \"quotes\": [{\"text\", \"speaker\", \"role\", \"partial\",\n"
    "                   \"sentence\"}]}\n"
    "  -j, --jobs N    read N files at a time, on threads (default: one per\n"
    "                  processor); the output is the same for every N\n"
    "\n"
    "The lead skips what is not news prose (a dateline, a standfirst repeating the\n"
    "headline); the quote is the best full quote from a named speaker.\n";

static void summary_out(struct nb_json_out *o, const char *file, const struct nb_summary *s)
{
    const struct nb_article *a = s->article;
    nb_json_out_open(o, '{');
    nb_json_out_key(o, "file");
    nb_json_out_string(o, file);
    nb_json_out_key(o, "headline");
    nb_json_out_string(o, a->headline);
    nb_json_out_key(o, "lead");
    nb_json_out_open(o, '[');
    for (size_t i = 0; i < s->nlead; i++) {
        nb_json_out_open(o, '{');
        nb_json_out_key(o, "sentence");
        nb_json_out_int(o, (int64_t)s->lead[i]);
        nb_json_out_key(o, "text");
        nb_json_out_string(o, nb_summary_lead(s, i));
        nb_json_out_close(o, '}');
    }
    nb_json_out_close(o, ']');
    nb_json_out_key(o, "quotes");
    nb_json_out_open(o, '[');
    for (size_t i = 0; i < s->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[s->quotes[i]];
        nb_json_out_open(o, '{');
        nb_json_out_key(o, "text");
        nb_json_out_string(o, q->text);
        nb_json_out_key(o, "speaker");
        nb_json_out_string(o, q->speaker);
        nb_json_out_key(o, "role");
        nb_json_out_string(o, q->role);
        nb_json_out_key(o, "partial");
        nb_json_out_bool(o, q->partial);
        nb_json_out_key(o, "sentence");
        nb_json_out_int(o, (int64_t)q->sentence);
        nb_json_out_close(o, '}');
    }
    nb_json_out_close(o, ']');
    nb_json_out_close(o, '}');
}

static void print_summary(const char *file, const struct nb_summary *s)
{
    const struct nb_article *a = s->article;
    printf("%s\n  headline: %s\n  lead:\n", file, a->headline);
    for (size_t i = 0; i < s->nlead; i++)
        printf("    [%zu] %s\n", s->lead[i] + 1, nb_summary_lead(s, i));
    if (!s->nquotes)
        printf("  quotes: none\n");
    for (size_t i = 0; i < s->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[s->quotes[i]];
        printf("  quote [%zu] %s%s%s: \"%s\"\n", q->sentence + 1,
               q->speaker ? q->speaker : "(unknown)", q->role ? ", " : "", q->role ? q->role : "",
               q->text);
    }
}

/* Each summary as it comes: JSON into the document kept until the end,
 * text to standard output at once (a failed write stops the run). */
struct out {
    struct nb_json_out *json; /* NULL: text */
};

static int each_summary(void *ctx, const char *file, const struct nb_summary *s)
{
    struct out *o = ctx;
    if (o->json) {
        summary_out(o->json, file, s);
        return 0;
    }
    print_summary(file, s);
    return ferror(stdout) != 0;
}

static int run(int argc, char **argv)
{
    const char *sentences = NULL, *jobs_text = NULL;
    int json = 0;
    struct nb_cli_option opts[] = {{"--sentences", NULL, &sentences, NULL},
                                   {"--json", NULL, NULL, &json},
                                   {"--jobs", "-j", &jobs_text, NULL},
                                   {NULL, NULL, NULL, NULL}};
    struct nb_strv files;
    int code = 0;
    nb_strv_init(&files);
    if (!nb_cli_parse(&nb_cmd_summarise, argc, argv, opts, &files, &code))
        goto out;
    long n = 3;
    unsigned jobs = 0;
    if ((sentences && !nb_cli_number("--sentences", sentences, 1, 50, &n)) ||
        !nb_cli_jobs(jobs_text, &jobs)) {
        code = NB_EXIT_INPUT;
        goto out;
    }
    if (files.n == 0) {
        code = nb_cli_failf(NB_EXIT_INPUT, "summarise: give at least one FILE");
        goto out;
    }
    /* JSON is kept until every file is read: a failure prints no half document */
    char *doc = NULL;
    size_t doc_len = 0;
    FILE *mem = json ? open_memstream(&doc, &doc_len) : NULL;
    struct nb_json_out o;
    if (json && !mem) {
        code = nb_cli_failf(NB_EXIT_FAIL, "out of memory");
        goto out;
    }
    if (json) {
        nb_json_out_init(&o, mem, isatty(STDOUT_FILENO));
        nb_json_out_open(&o, '[');
    }
    struct nb_summary_options so = {.sentences = (size_t)n, .quotes = 1};
    struct out each = {json ? &o : NULL};
    struct nb_error err;
    nb_error_init(&err);
    if (nb_bulletin_summarise_files((const char *const *)files.v, files.n, &so, jobs, each_summary,
                                    &each, &err) != NB_OK)
        code = nb_cli_fail(&err);
    if (json) {
        nb_json_out_close(&o, ']');
        nb_status rc = nb_json_out_finish(&o);
        fclose(mem);
        if (code == 0 && rc != NB_OK)
            code = nb_cli_failf(NB_EXIT_FAIL, "out of memory");
        else if (code == 0)
            fwrite(doc, 1, doc_len, stdout); /* checked with the rest below */
        free(doc);
    }
    if (code == 0)
        code = nb_cli_stdout_check();
out:
    nb_strv_release(&files);
    return code;
}

const struct nb_cli_command nb_cmd_summarise = {
    "summarise", "show the lead sentences and quotes picked from articles", usage, run};
