/* cmd_read.c - newsbrief read FILE|URL...: the parsed article as JSON (a
 * feed, or more than one source: one JSON object per article, JSON Lines). */
#include "cli/cli.h"

#include "article/article.h"
#include "text/json_out.h"

#include <stdint.h>
#include <unistd.h>

static const char usage[] =
    "usage: newsbrief read [--offline] [-j N] FILE|URL...\n"
    "\n"
    "Reads an article, a web page or a feed and prints it, as newsbrief understood\n"
    "it, as one JSON object per article (a feed, or more than one FILE or URL, gives\n"
    "one line per article, JSON Lines, in the order given):\n"
    "  {\"headline\": str, \"byline\": str|null, \"date\": str|null, \"paragraphs\": [str],\n"
    "   \"sentences\": [str], \"quotes\": [{\"text\": str, \"speaker\": str|null,\n"
    "   \"role\": str|null, \"partial\": bool, \"sentence\": int,\n"
    "   \"speaker_id\": int|null}], \"removed\": [str],\n"
    "   \"publication\": str|null, \"language\": str|null, \"source\": str|null,\n"
    "   \"guid\": str|null, \"speakers\": [{\"id\": int, \"name\": str,\n"
    "   \"short\": str|null, \"role\": str|null, \"organisation\": str|null,\n"
    "   \"pronoun\": \"he\"|\"she\"|\"they\"|null, \"title\": str|null}]}\n"
    "(source: the file, URL or feed item link it came from; guid: a feed item's id;\n"
    "speakers: who the quotes are by, as the article refers to them: short is the\n"
    "surname it uses alone, title the honorific (Mr, Ms, Dame), pronoun the one it\n"
    "uses or its title tells; a quote's speaker_id is its speaker's id).\n"
    "A plain-text article has its headline on the first line, then paragraphs\n"
    "separated by blank lines; .md is Markdown, .html/.htm a web page, .rss/.atom\n"
    "(or any XML file that is one) an RSS or Atom feed.  FILE '-' reads standard\n"
    "input.  An http(s):// URL is fetched (a page or a feed); a feed item that\n"
    "carries only a summary is read from its page.\n"
    "  --offline  fetch nothing: a URL is an error, summaries are read as they are\n"
    "  -j, --jobs N  read N local files at a time, on threads (default: one per\n"
    "             processor); the output is the same for every N\n"
    "Warnings (e.g. text that was not UTF-8) go to standard error.  A source that\n"
    "cannot be read is reported there and the others are still printed; the exit\n"
    "code is then that of the first failure.\n";

static void strv_out(struct nb_json_out *o, const char *key, const struct nb_strv *sv)
{
    nb_json_out_key(o, key);
    nb_json_out_open(o, '[');
    for (size_t i = 0; i < sv->n; i++)
        nb_json_out_string(o, sv->v[i]);
    nb_json_out_close(o, ']');
}

static void speakers_out(struct nb_json_out *o, const struct nb_article *a)
{
    static const char *const pronouns[] = {NULL, "he", "she", "they"};
    nb_json_out_key(o, "speakers");
    nb_json_out_open(o, '[');
    for (size_t i = 0; i < a->nspeakers; i++) {
        const struct nb_speaker *s = &a->speakers[i];
        nb_json_out_open(o, '{');
        nb_json_out_key(o, "id");
        nb_json_out_int(o, (int64_t)s->id);
        nb_json_out_key(o, "name");
        nb_json_out_string(o, s->name);
        nb_json_out_key(o, "short");
        nb_json_out_string(o, s->short_name);
        nb_json_out_key(o, "role");
        nb_json_out_string(o, s->role);
        nb_json_out_key(o, "organisation");
        nb_json_out_string(o, s->organisation);
        nb_json_out_key(o, "pronoun");
        nb_json_out_string(o, s->pronoun > 0 && s->pronoun < 4 ? pronouns[s->pronoun] : NULL);
        nb_json_out_key(o, "title");
        nb_json_out_string(o, s->title);
        nb_json_out_close(o, '}');
    }
    nb_json_out_close(o, ']');
}

/* Written as it is made: the output can be as large as the article. */
static int article_out(const struct nb_article *a, const char *guid, int pretty)
{
    struct nb_json_out o;
    nb_json_out_init(&o, stdout, pretty);
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
        if (q->speaker_id)
            nb_json_out_int(&o, (int64_t)q->speaker_id);
        else
            nb_json_out_string(&o, NULL);
        nb_json_out_close(&o, '}');
    }
    nb_json_out_close(&o, ']');
    strv_out(&o, "removed", &a->removed);
    nb_json_out_key(&o, "publication");
    nb_json_out_string(&o, a->publication);
    nb_json_out_key(&o, "language");
    nb_json_out_string(&o, a->language);
    nb_json_out_key(&o, "source");
    nb_json_out_string(&o, a->source);
    nb_json_out_key(&o, "guid");
    nb_json_out_string(&o, guid);
    speakers_out(&o, a);
    nb_json_out_close(&o, '}');
    if (nb_json_out_finish(&o) != NB_OK)
        return nb_cli_failf(NB_EXIT_FAIL, "read: could not write the output");
    return NB_EXIT_OK;
}

/* What is printed of the sources, and how. */
struct printing {
    int lines; /* one line an article (JSON Lines) whatever the terminal */
    int code;  /* the first failure's exit code */
};

/* Prints one source's articles, or its error. */
static int print_source(void *ctx, const char *source, const struct nb_source_reader *r,
                        nb_status rc, const struct nb_error *err)
{
    struct printing *pr = ctx;
    int code = NB_EXIT_OK;
    if (rc != NB_OK) {
        code = nb_cli_fail(err);
    } else {
        for (size_t i = 0; i < r->warnings.n; i++)
            fprintf(stderr, "newsbrief: warning: %s\n", r->warnings.v[i]);
        if (r->nstories == 0 && r->warnings.n)
            code = nb_cli_failf(NB_EXIT_INPUT, "%s: no item of the feed could be read", source);
        /* one article: pretty on a terminal; a feed: one line per item */
        int pretty = !pr->lines && !(r->nstories && r->stories[0].feed) && isatty(STDOUT_FILENO);
        for (size_t k = 0; k < r->nstories && code == NB_EXIT_OK; k++) {
            const struct nb_article *a = &r->stories[k].article;
            for (size_t i = 0; i < a->warnings.n; i++)
                fprintf(stderr, "newsbrief: warning: %s: %s\n", a->source ? a->source : source,
                        a->warnings.v[i]);
            code = article_out(a, r->stories[k].guid, pretty);
        }
    }
    if (code != NB_EXIT_OK && pr->code == NB_EXIT_OK)
        pr->code = code;
    /* a failed write to standard output stops everything */
    return ferror(stdout) != 0;
}

static int run(int argc, char **argv)
{
    struct nb_strv args;
    int code = 0, offline = 0;
    const char *jobs_text = NULL;
    const struct nb_cli_option opts[] = {
        {"--offline", NULL, NULL, &offline}, {"--jobs", "-j", &jobs_text, NULL}, {0}};
    nb_strv_init(&args);
    if (!nb_cli_parse(&nb_cmd_read, argc, argv, opts, &args, &code)) {
        nb_strv_release(&args);
        return code;
    }
    unsigned jobs;
    if (!nb_cli_jobs(jobs_text, &jobs)) {
        nb_strv_release(&args);
        return NB_EXIT_INPUT;
    }
    if (args.n == 0) {
        nb_strv_release(&args);
        return nb_cli_failf(NB_EXIT_INPUT,
                            "read: give a FILE or URL (see 'newsbrief read --help')");
    }
    struct nb_source_options so;
    nb_source_options_init(&so);
    so.new_only = 0;
    so.network = !offline;
    /* a source that fails is reported and the rest still read: the first
     * failure's code is the exit code */
    struct printing pr = {args.n > 1, NB_EXIT_OK};
    nb_bulletin_read_each_source(args.v, args.n, &so, jobs, print_source, &pr);
    nb_strv_release(&args);
    return pr.code; /* main() checks that what was printed arrived */
}

const struct nb_cli_command nb_cmd_read = {
    "read", "print an article as newsbrief reads it, as JSON", usage, run};
