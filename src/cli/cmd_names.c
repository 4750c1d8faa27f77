/* cmd_names.c - newsbrief names [BRIEFING]: the names a bulletin says and
 * how eSpeak NG will say them, guesses first. */
#include "cli/cli.h"

#include "bulletin/names.h"
#include "text/json_out.h"

#include <stdint.h>
#include <unistd.h>

static const char usage[] =
    "usage: newsbrief names [BRIEFING|FILE] [--json]\n"
    "\n"
    "Lists every proper name in the script of BRIEFING (default: the example,\n"
    "briefings/example.yaml), in a script FILE written by 'newsbrief script',\n"
    "or in an article FILE (all of it), with how eSpeak NG will say it, so that\n"
    "names can be fixed in a lexicon before air.  One line each: the name, how often the\n"
    "script says it, where its reading comes from, and eSpeak NG's phonemes.\n"
    "The readings eSpeak NG made up from its letter rules come first (\"guess\":\n"
    "check these), then the lexicon's (\"lexicon\"), then those of eSpeak NG's\n"
    "dictionary (\"dictionary\").\n"
    "\n"
    "Options:\n"
    "  --json   print [{\"name\", \"count\", \"source\", \"spoken\", \"phonemes\"}]\n";

static int names_out(const struct nb_names *names, int json)
{
    if (json) {
        struct nb_json_out o;
        nb_json_out_init(&o, stdout, isatty(STDOUT_FILENO));
        nb_json_out_open(&o, '[');
        for (size_t i = 0; i < names->n; i++) {
            const struct nb_name *n = &names->v[i];
            nb_json_out_open(&o, '{');
            nb_json_out_key(&o, "name");
            nb_json_out_string(&o, n->written);
            nb_json_out_key(&o, "count");
            nb_json_out_int(&o, (int64_t)n->count);
            nb_json_out_key(&o, "source");
            nb_json_out_string(&o, nb_name_source_name(n->source));
            nb_json_out_key(&o, "spoken");
            nb_json_out_string(&o, n->spoken);
            nb_json_out_key(&o, "phonemes");
            nb_json_out_string(&o, n->phonemes);
            nb_json_out_close(&o, '}');
        }
        nb_json_out_close(&o, ']');
        if (nb_json_out_finish(&o) != NB_OK)
            return ferror(stdout)
                       ? nb_cli_stdout_check()
                       : nb_cli_failf(NB_EXIT_FAIL, "names: the JSON was not closed whole");
        return NB_EXIT_OK;
    }
    for (size_t i = 0; i < names->n && !ferror(stdout); i++) {
        const struct nb_name *n = &names->v[i];
        printf("%-24s %3zu  %-10s  %s", n->written, n->count, nb_name_source_name(n->source),
               n->phonemes);
        if (n->source == NB_NAME_LEXICON)
            printf("  (said \"%s\")", n->spoken);
        printf("\n");
    }
    return nb_cli_stdout_check();
}

static int run(int argc, char **argv)
{
    int json = 0;
    struct nb_cli_option opts[] = {{"--json", NULL, NULL, &json}, {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_bulletin bl;
    struct nb_names names = {NULL, 0};
    struct nb_error err;
    int code = 0;
    nb_strv_init(&args);
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (!nb_cli_parse(&nb_cmd_names, argc, argv, opts, &args, &code))
        goto out;
    if (args.n > 1) {
        code = nb_cli_failf(NB_EXIT_INPUT, "names: give at most one BRIEFING or FILE");
        goto out;
    }
    nb_status rc = nb_bulletin_names_prepare(&bl, args.n ? args.v[0] : NULL, &err);
    nb_cli_warnings(&bl);
    if (rc != NB_OK || nb_bulletin_names(&bl, &names, &err) != NB_OK) {
        code = nb_cli_fail(&err);
        goto out;
    }
    code = names_out(&names, json);
out:
    nb_names_release(&names);
    nb_bulletin_release(&bl);
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_names = {
    "names", "list the names a bulletin says and how eSpeak NG says them", usage, run};
