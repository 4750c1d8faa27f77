/* cmd_build.c - newsbrief build [BRIEFING] [-o DIR]: the whole bulletin to audio. */
#include "cli/cli.h"
#include "cli/speak.h"

#include "text/buf.h"
#include "text/file.h"

static const char usage[] =
    "usage: newsbrief build [BRIEFING] [-o DIR]\n"
    "\n"
    "Reads the articles of a briefing, summarises them, builds the script and\n"
    "speaks it to an audio file (16-bit WAV).  BRIEFING defaults to\n"
    "briefings/example.yaml.  Prints what it wrote and the duration.\n"
    "\n"
    "Options:\n"
    "  -o, --output-dir DIR   write into DIR (created if missing) under the file\n"
    "                         name that the briefing's 'output' gives (default: the\n"
    "                         title in lower case with dashes, .wav)\n"
    "\n"
    "The output is written to a temporary file and renamed into place: a failure\n"
    "never leaves a half-written file and never destroys the previous one.\n";

/* The output path: -o DIR wins over the briefing's folder. */
static int output_path(const struct nb_briefing *b, const char *dir, struct nb_buf *out)
{
    struct nb_buf name;
    nb_buf_init(&name, 0);
    int r = b->output ? nb_buf_adds(&name, nb_path_basename(b->output))
                      : nb_briefing_default_output(b->title, &name);
    if (r == 0) {
        if (dir)
            r = nb_path_join(dir, name.data, out);
        else if (b->output)
            r = nb_buf_adds(out, b->output);
        else
            r = nb_path_join(b->dir, name.data, out);
    }
    nb_buf_release(&name);
    return r;
}

static int run(int argc, char **argv)
{
    const char *dir = NULL;
    struct nb_cli_option opts[] = {{"--output-dir", "-o", &dir, NULL}, {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_bulletin bl;
    struct nb_error err;
    struct nb_buf path, folder;
    int code = 0;
    nb_strv_init(&args);
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    nb_buf_init(&path, 0);
    nb_buf_init(&folder, 0);
    if (nb_cli_parse(&nb_cmd_build, argc, argv, opts, &args, &code) < 0)
        goto out;
    if (args.n > 1) {
        code = nb_cli_failf(NB_EXIT_INPUT, "build: give at most one BRIEFING");
        goto out;
    }
    double seconds = 0;
    if (nb_bulletin_load(&bl, args.n ? args.v[0] : NULL, &err) != NB_OK ||
        (output_path(&bl.briefing, dir, &path) < 0 &&
         nb_error_set(&err, NB_ENOMEM, "out of memory")) ||
        (nb_path_dirname(path.data, &folder) < 0 &&
         nb_error_set(&err, NB_ENOMEM, "out of memory")) ||
        nb_file_mkdirs(folder.data, &err) != NB_OK ||
        nb_cli_speak_script(&bl.script, bl.voices, bl.nvoices, path.data, &seconds, &err) != NB_OK) {
        code = nb_cli_fail(&err);
        goto out;
    }
    char dur[64];
    nb_cli_format_duration(seconds, dur, sizeof(dur));
    size_t nstories = 0;
    for (size_t i = 0; i < bl.script.n; i++)
        if (bl.script.segments[i].story > nstories)
            nstories = bl.script.segments[i].story;
    printf("wrote %s (%zu %s, %s", path.data, nstories, nstories == 1 ? "story" : "stories", dur);
    if (bl.fitted) {
        char want[64];
        nb_cli_format_duration(bl.fit.target, want, sizeof(want));
        printf(" for a %s slot", want);
    }
    printf(")\n");
out:
    nb_buf_release(&path);
    nb_buf_release(&folder);
    nb_bulletin_release(&bl);
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_build = {
    "build", "build a briefing: articles to a spoken bulletin (WAV)", usage, run};
