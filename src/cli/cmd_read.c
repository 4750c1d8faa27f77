/* cmd_read.c - newsbrief read FILE: the parsed article as JSON. */
#include "cli/cli.h"

#include "article/article.h"

static const char usage[] =
    "usage: newsbrief read FILE\n"
    "\n"
    "Reads an article and prints it, as newsbrief understood it, as one JSON object:\n"
    "  {\"headline\": str, \"byline\": str|null, \"date\": str|null, \"paragraphs\": [str],\n"
    "   \"sentences\": [str], \"quotes\": [{\"text\": str, \"speaker\": str|null,\n"
    "   \"role\": str|null, \"partial\": bool, \"sentence\": int}], \"removed\": [str],\n"
    "   \"publication\": str|null, \"language\": str|null}\n"
    "A plain-text article has its headline on the first line, then paragraphs\n"
    "separated by blank lines.  FILE '-' reads standard input.\n"
    "Warnings (e.g. text that was not UTF-8) go to standard error.\n";

static struct json_object *strv_json(const struct nb_strv *sv)
{
    struct json_object *arr = json_object_new_array();
    for (size_t i = 0; arr && i < sv->n; i++)
        json_object_array_add(arr, json_object_new_string(sv->v[i]));
    return arr;
}

static struct json_object *article_json(const struct nb_article *a)
{
    struct json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    json_object_object_add(o, "headline", json_object_new_string(a->headline));
    json_object_object_add(o, "byline", nb_json_string_or_null(a->byline));
    json_object_object_add(o, "date", nb_json_string_or_null(a->date));
    json_object_object_add(o, "paragraphs", strv_json(&a->paragraphs));
    json_object_object_add(o, "sentences", strv_json(&a->sentences));
    struct json_object *quotes = json_object_new_array();
    for (size_t i = 0; quotes && i < a->nquotes; i++) {
        const struct nb_quote *q = &a->quotes[i];
        struct json_object *jq = json_object_new_object();
        json_object_object_add(jq, "text", json_object_new_string(q->text));
        json_object_object_add(jq, "speaker", nb_json_string_or_null(q->speaker));
        json_object_object_add(jq, "role", nb_json_string_or_null(q->role));
        json_object_object_add(jq, "partial", json_object_new_boolean(q->partial));
        json_object_object_add(jq, "sentence", json_object_new_int64((int64_t)q->sentence));
        json_object_array_add(quotes, jq);
    }
    json_object_object_add(o, "quotes", quotes);
    json_object_object_add(o, "removed", strv_json(&a->removed));
    json_object_object_add(o, "publication", nb_json_string_or_null(a->publication));
    json_object_object_add(o, "language", nb_json_string_or_null(a->language));
    return o;
}

static int run(int argc, char **argv)
{
    struct nb_strv args;
    int code = 0;
    nb_strv_init(&args);
    if (nb_cli_parse(&nb_cmd_read, argc, argv, NULL, &args, &code) < 0) {
        nb_strv_release(&args);
        return code;
    }
    if (args.n != 1) {
        nb_strv_release(&args);
        return nb_cli_failf(NB_EXIT_INPUT, "read: give one FILE (see 'newsbrief read --help')");
    }
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    if (nb_article_read_file(&a, args.v[0], &err) != NB_OK) {
        nb_strv_release(&args);
        return nb_cli_fail(&err);
    }
    for (size_t i = 0; i < a.warnings.n; i++)
        fprintf(stderr, "newsbrief: warning: %s: %s\n", args.v[0], a.warnings.v[i]);
    code = nb_cli_print_json(article_json(&a));
    nb_article_release(&a);
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_read = {
    "read", "print an article as newsbrief reads it, as JSON", usage, run};
