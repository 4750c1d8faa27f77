/* cmd_speak.c - newsbrief speak [FILE] -o OUT.wav: speak a text or an edited script. */
#include "cli/cli.h"

#include "text/duration.h"

static const char usage[] =
    "usage: newsbrief speak [FILE] -o OUT.wav [--voice V] [--lexicon F] [--loudness L]\n"
    "                     [-j N]\n"
    "\n"
    "Speaks FILE (or standard input) to OUT (.wav, .flac, .mp3, .ogg or .opus, by\n"
    "its extension).  FILE is either a script written\n"
    "by 'newsbrief script' (and perhaps edited: each segment is read by the voice\n"
    "its mark names) or plain text, read paragraph by paragraph.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT.wav   the audio file to write (required)\n"
    "  --voice V              voice profile (name in voices/ or path to a .yaml) or\n"
    "                         an eSpeak NG voice such as en-us; for a script it\n"
    "                         replaces every segment's voice (default: anchor)\n"
    "  --lexicon F            a pronunciation lexicon whose entries beat the shipped\n"
    "                         one (and the briefing's, named in a script's\n"
    "                         '# lexicon:' line)\n"
    "  --loudness L           podcast (-16 LUFS, the default), broadcast (-23),\n"
    "                         atsc (-24), alexa (-14), off, or a number of LUFS\n" NB_CLI_JOBS_HELP;

static int run(int argc, char **argv)
{
    const char *out = NULL, *voice = NULL, *lexicon = NULL, *loudness = NULL, *jobs = NULL;
    unsigned njobs = 0;
    struct nb_cli_option opts[] = {
        {"--output", "-o", &out, NULL},        {"--jobs", "-j", &jobs, NULL},
        {"--voice", NULL, &voice, NULL},       {"--lexicon", NULL, &lexicon, NULL},
        {"--loudness", NULL, &loudness, NULL}, {NULL, NULL, NULL, NULL}};
    struct nb_loudness_target target;
    nb_loudness_target_init(&target);
    struct nb_strv args;
    int code = 0;
    nb_strv_init(&args);
    if (!nb_cli_parse(&nb_cmd_speak, argc, argv, opts, &args, &code))
        goto done;
    if (!nb_cli_jobs(jobs, &njobs)) {
        code = NB_EXIT_INPUT;
        goto done;
    }
    if (!out) {
        code = nb_cli_failf(NB_EXIT_INPUT, "speak: give the output file with -o OUT.wav");
        goto done;
    }
    if (args.n > 1) {
        code = nb_cli_failf(NB_EXIT_INPUT, "speak: give at most one FILE");
        goto done;
    }
    struct nb_error err;
    nb_error_init(&err);
    if (loudness && nb_loudness_target_parse(loudness, &target, &err) != NB_OK) {
        code = nb_cli_failf(NB_EXIT_INPUT, "speak: --loudness: %s", err.message);
        goto done;
    }
    const char *in = args.n ? args.v[0] : "-";
    /* a voice that is neither a profile nor an eSpeak NG voice is said as
     * the option's; a bad profile file is said where it is wrong */
    if (voice && nb_bulletin_speak_voice(voice, in, &err) != NB_OK) {
        code = err.file[0] || err.status != NB_EINPUT
                   ? nb_cli_fail(&err)
                   : nb_cli_failf(NB_EXIT_INPUT, "speak: --voice: %s (see 'newsbrief voices')",
                                  err.message);
        goto done;
    }
    double seconds = 0;
    const struct nb_temp_hook temp = nb_cli_cleanup_on_signals();
    if (nb_bulletin_speak_file(in, out, voice, lexicon, &target, &temp, njobs, &seconds, &err) !=
        NB_OK) {
        code = nb_cli_fail(&err);
        goto done;
    }
    char dur[64];
    nb_duration_format(seconds, dur, sizeof(dur));
    printf("wrote %s (%s)\n", out, dur);
done:
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_speak = {
    "speak", "speak a text or an edited script to an audio file", usage, run};
