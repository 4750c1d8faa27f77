/* cmd_script.c - newsbrief script [BRIEFING]: the script before synthesis. */
#include "cli/cli.h"

#include "text/buf.h"
#include "text/json_out.h"

#include <stdint.h>
#include <unistd.h>

static const char usage[] =
    "usage: newsbrief script [BRIEFING] [--json] [-j N]\n"
    "\n"
    "Prints the script of the bulletin that 'newsbrief build' would speak, as an\n"
    "editable text (one segment per paragraph under a [kind story=N voice=NAME]\n"
    "mark) that 'newsbrief speak' reads back.  BRIEFING defaults to the example,\n"
    "briefings/example.yaml (see 'newsbrief build --help').\n"
    "\n"
    "Options:\n"
    "  --json   print {\"title\", \"date\", \"segments\": [{\"kind\", \"story\", \"voice\",\n"
    "           \"text\", \"spoken\"}]}: text as a person reads it, spoken exactly as\n"
    "           it goes to the synthesiser; story is null outside a story\n"
    "           \"left_out\": what fitting to the slot left out, one line each\n"
    "  -j, --jobs N           with a 'duration', measure the speech with N worker\n"
    "                         processes (default: one per processor)\n";

static int script_out(const struct nb_script *s)
{
    struct nb_json_out o;
    nb_json_out_init(&o, stdout, isatty(STDOUT_FILENO));
    nb_json_out_open(&o, '{');
    nb_json_out_key(&o, "title");
    nb_json_out_string(&o, s->title ? s->title : "");
    nb_json_out_key(&o, "date");
    nb_json_out_string(&o, s->date ? s->date : "");
    nb_json_out_key(&o, "segments");
    nb_json_out_open(&o, '[');
    for (size_t i = 0; i < s->n; i++) {
        const struct nb_segment *g = &s->segments[i];
        nb_json_out_open(&o, '{');
        nb_json_out_key(&o, "kind");
        nb_json_out_string(&o, nb_segment_kind_name(g->kind));
        nb_json_out_key(&o, "story");
        if (g->story)
            nb_json_out_int(&o, (int64_t)g->story);
        else
            nb_json_out_string(&o, NULL); /* null: the segment belongs to no story */
        nb_json_out_key(&o, "voice");
        nb_json_out_string(&o, g->voice);
        nb_json_out_key(&o, "text");
        nb_json_out_string(&o, g->text);
        nb_json_out_key(&o, "spoken");
        nb_json_out_string(&o, g->spoken);
        nb_json_out_key(&o, "speaker");
        nb_json_out_string(&o, g->speaker); /* null: the newsreader */
        nb_json_out_close(&o, '}');
    }
    nb_json_out_close(&o, ']');
    nb_json_out_key(&o, "left_out");
    nb_json_out_open(&o, '[');
    for (size_t i = 0; i < s->left_out.n; i++)
        nb_json_out_string(&o, s->left_out.v[i]);
    nb_json_out_close(&o, ']');
    nb_json_out_close(&o, '}');
    if (nb_json_out_finish(&o) != NB_OK)
        return ferror(stdout) ? nb_cli_stdout_check()
                              : nb_cli_failf(NB_EXIT_FAIL, "script: the JSON was not closed whole");
    return NB_EXIT_OK;
}

static int run(int argc, char **argv)
{
    int json = 0;
    const char *jobs = NULL;
    struct nb_cli_option opts[] = {
        {"--json", NULL, NULL, &json}, {"--jobs", "-j", &jobs, NULL}, {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_bulletin bl;
    int code = 0;
    nb_strv_init(&args);
    nb_bulletin_init(&bl);
    if (!nb_cli_parse(&nb_cmd_script, argc, argv, opts, &args, &code))
        goto out;
    if (!nb_cli_jobs(jobs, &bl.jobs)) {
        code = NB_EXIT_INPUT;
        goto out;
    }
    if ((code = nb_cli_briefing_script("script", &args, &bl)) != NB_EXIT_OK)
        goto out;
    if (json) {
        code = script_out(&bl.script);
    } else {
        struct nb_buf text;
        nb_buf_init(&text, 0);
        if (nb_script_write_text(&bl.script, &text) != NB_OK)
            code = nb_cli_failf(NB_EXIT_FAIL, "out of memory");
        else if (fwrite(text.data, 1, text.len, stdout) != text.len)
            code = nb_cli_stdout_check();
        nb_buf_release(&text);
    }
out:
    nb_bulletin_release(&bl);
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_script = {
    "script", "print the script of a briefing (editable text or JSON)", usage, run};
