/* main.c - the newsbrief command: picks the subcommand. */
#include "cli/cli.h"
#include "speech/speech.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const struct nb_cli_command *const commands[] = {
    &nb_cmd_build,  &nb_cmd_batch, &nb_cmd_read,      &nb_cmd_sentences, &nb_cmd_summarise,
    &nb_cmd_script, &nb_cmd_names, &nb_cmd_normalise, &nb_cmd_speak,     &nb_cmd_voices,
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
    fputs("usage: newsbrief COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "Turns news articles into a spoken news briefing.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-11s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\n"
          "Options:\n"
          "  -h, --help     show this help ('newsbrief COMMAND --help' for a command)\n"
          "  --version      show the versions of newsbrief, eSpeak NG and libsndfile\n"
          "\n"
          "Exit status: 0 success, 1 a failure while working, 2 bad input or usage.\n",
          out);
}

static int version(void)
{
    struct nb_speech *sp = NULL;
    struct nb_error err;
    nb_error_init(&err);
    printf("newsbrief %s\n", NB_VERSION);
    if (nb_speech_new(&sp, &err) != NB_OK)
        return nb_cli_fail(&err);
    printf("eSpeak NG %s\n", nb_speech_espeak_version(sp));
    printf("%s\n", nb_speech_sndfile_version());
    nb_speech_free(sp);
    return NB_EXIT_OK;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (argc < 2) {
        usage(stderr);
        return NB_EXIT_INPUT;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return NB_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0)
        return version();
    /* British and American spellings both work */
    if (strcmp(name, "summarize") == 0)
        name = "summarise";
    if (strcmp(name, "normalize") == 0)
        name = "normalise";
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i]->run(argc - 1, argv + 1);
    return nb_cli_failf(NB_EXIT_INPUT, "unknown command '%s' (see 'newsbrief --help')", name);
}
