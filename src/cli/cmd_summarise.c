/* cmd_summarise.c - newsbrief summarise FILE...: what would be read of each story. */
#include "cli/cli.h"

#include "article/article.h"
#include "summary/summary.h"

static const char usage[] =
    "usage: newsbrief summarise FILE... [--sentences N] [--json]\n"
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
    "\n"
    "The lead skips what is not news prose (a dateline, a standfirst repeating the\n"
    "headline); the quote is the best full quote from a named speaker.\n";

static struct json_object *summary_json(const char *file, const struct nb_summary *s)
{
    const struct nb_article *a = s->article;
    struct json_object *o = json_object_new_object();
    struct json_object *lead = json_object_new_array();
    struct json_object *quotes = json_object_new_array();
    json_object_object_add(o, "file", json_object_new_string(file));
    json_object_object_add(o, "headline", json_object_new_string(a->headline));
    for (size_t i = 0; i < s->nlead; i++) {
        struct json_object *jl = json_object_new_object();
        json_object_object_add(jl, "sentence", json_object_new_int64((int64_t)s->lead[i]));
        json_object_object_add(jl, "text", json_object_new_string(nb_summary_lead(s, i)));
        json_object_array_add(lead, jl);
    }
    for (size_t i = 0; i < s->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[s->quotes[i]];
        struct json_object *jq = json_object_new_object();
        json_object_object_add(jq, "text", json_object_new_string(q->text));
        json_object_object_add(jq, "speaker", nb_json_string_or_null(q->speaker));
        json_object_object_add(jq, "role", nb_json_string_or_null(q->role));
        json_object_object_add(jq, "partial", json_object_new_boolean(q->partial));
        json_object_object_add(jq, "sentence", json_object_new_int64((int64_t)q->sentence));
        json_object_array_add(quotes, jq);
    }
    json_object_object_add(o, "lead", lead);
    json_object_object_add(o, "quotes", quotes);
    return o;
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

static int run(int argc, char **argv)
{
    const char *sentences = NULL;
    int json = 0;
    struct nb_cli_option opts[] = {{"--sentences", NULL, &sentences, NULL},
                                   {"--json", NULL, NULL, &json},
                                   {NULL, NULL, NULL, NULL}};
    struct nb_strv files;
    int code = 0;
    nb_strv_init(&files);
    if (!nb_cli_parse(&nb_cmd_summarise, argc, argv, opts, &files, &code))
        goto out;
    long n = 3;
    if (sentences && !nb_cli_number("--sentences", sentences, 1, 50, &n)) {
        code = NB_EXIT_INPUT;
        goto out;
    }
    if (files.n == 0) {
        code = nb_cli_failf(NB_EXIT_INPUT, "summarise: give at least one FILE");
        goto out;
    }
    struct json_object *all = json ? json_object_new_array() : NULL;
    struct nb_summary_options so = {.sentences = (size_t)n, .quotes = 1};
    for (size_t i = 0; i < files.n && code == 0; i++) {
        struct nb_article a;
        struct nb_summary s;
        struct nb_error err;
        nb_error_init(&err);
        nb_summary_init(&s);
        if (nb_bulletin_read_article(&a, files.v[i], &err) != NB_OK) {
            code = nb_cli_fail(&err);
            break;
        }
        if (nb_summary_make(&s, &a, &so, &err) != NB_OK)
            code = nb_cli_fail(&err);
        else if (json)
            json_object_array_add(all, summary_json(files.v[i], &s));
        else
            print_summary(files.v[i], &s);
        nb_summary_release(&s);
        nb_article_release(&a);
    }
    if (json) {
        if (code == 0)
            code = nb_cli_print_json(all);
        else
            json_object_put(all);
    }
out:
    nb_strv_release(&files);
    return code;
}

const struct nb_cli_command nb_cmd_summarise = {
    "summarise", "show the lead sentences and quotes picked from articles", usage, run};
