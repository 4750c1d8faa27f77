/* cmd_build.c - newsbrief build [BRIEFING] [-o DIR]: the whole bulletin to audio. */
#include "cli/cli.h"

#include "text/duration.h"

#include <math.h>
#include <unistd.h>

static const char usage[] =
    "usage: newsbrief build [BRIEFING] [-o DIR] [--loudness L] [-j N] [-q]\n"
    "\n"
    "Reads the articles of a briefing, summarises them, builds the script and\n"
    "speaks it to an audio file (WAV, FLAC, MP3, Ogg Vorbis or Opus, with a\n"
    "chapter per story) at broadcast loudness.  BRIEFING defaults to the example,\n"
    "briefings/example.yaml, looked for in $NEWSBRIEF_DATA, here, in ../ and in the\n"
    "installed data.  Prints each file it wrote, the duration and the loudness.\n"
    "\n"
    "Options:\n"
    "  -o, --output-dir DIR   write into DIR (created if missing) under the file\n"
    "                         name that the briefing's 'output' gives (default: the\n"
    "                         title in lower case with dashes, .wav)\n"
    "  --loudness L           podcast (-16 LUFS, true peak -1 dBTP), broadcast\n"
    "                         (EBU R128: -23 LUFS), atsc (-24), alexa (-14), off, or\n"
    "                         a number of LUFS; replaces the briefing's "
    "'loudness'\n" NB_CLI_JOBS_HELP
    "  -q, --quiet            no progress lines (they are shown only when standard\n"
    "                         error is a terminal)\n"
    "\n"
    "The output is written to a temporary file and renamed into place: a failure\n"
    "never leaves a half-written file and never destroys the previous one.\n";

static int run(int argc, char **argv)
{
    const char *dir = NULL, *loudness = NULL, *jobs = NULL;
    int quiet = 0;
    struct nb_cli_option opts[] = {{"--output-dir", "-o", &dir, NULL},
                                   {"--loudness", NULL, &loudness, NULL},
                                   {"--jobs", "-j", &jobs, NULL},
                                   {"--quiet", "-q", NULL, &quiet},
                                   {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_bulletin bl;
    struct nb_error err;
    int code = 0;
    nb_strv_init(&args);
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (!nb_cli_parse(&nb_cmd_build, argc, argv, opts, &args, &code))
        goto out;
    if (args.n > 1) {
        code = nb_cli_failf(NB_EXIT_INPUT, "build: give at most one BRIEFING");
        goto out;
    }
    if (!nb_cli_jobs(jobs, &bl.jobs)) {
        code = NB_EXIT_INPUT;
        goto out;
    }
    if (loudness) {
        if (nb_loudness_target_parse(loudness, &bl.loudness, &err) != NB_OK) {
            code = nb_cli_failf(NB_EXIT_INPUT, "build: --loudness: %s", err.message);
            goto out;
        }
        bl.loudness_given = 1;
    }
    bl.temp = nb_cli_cleanup_on_signals();
    if (!quiet && isatty(STDERR_FILENO))
        bl.progress = nb_cli_progress;
    nb_status rc = nb_bulletin_build(&bl, args.n ? args.v[0] : NULL, dir, &err);
    nb_cli_warnings(&bl);
    if (rc != NB_OK) {
        code = nb_cli_fail(&err);
        goto out;
    }
    char dur[64];
    nb_duration_format(bl.seconds, dur, sizeof(dur));
    printf("wrote %s (%zu %s, %s", bl.output, bl.stories, bl.stories == 1 ? "story" : "stories",
           dur);
    if (bl.fitted) {
        char want[64];
        printf(" for a %s slot", nb_duration_format(bl.fit.target, want, sizeof(want)));
    }
    printf(")\n");
    /* the files beside it: one per story, the playlist, chapters... */
    for (size_t i = 1; i < bl.audio.files.n; i++)
        printf("wrote %s\n", bl.audio.files.v[i]);
    if (isfinite(bl.audio.lufs))
        printf("loudness %.1f LUFS, true peak %.1f dBTP\n", bl.audio.lufs, bl.audio.true_peak);
    if (bl.fitted && bl.script.left_out.n) {
        /* what the producer lost to the slot, most important first */
        printf("left out to fit the slot:\n");
        for (size_t i = 0; i < bl.script.left_out.n; i++)
            printf("  %s\n", bl.script.left_out.v[i]);
    }
out:
    nb_bulletin_release(&bl);
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_build = {
    "build", "build a briefing: articles to a spoken bulletin", usage, run};
