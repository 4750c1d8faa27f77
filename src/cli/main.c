/* main.c - the newsbrief command: picks the subcommand, and checks that
 * what it printed arrived. */
#include "cli/cli.h"
#include "speech/speech.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* A standard stream the program was started without (`>&-`) is given
 * /dev/null, so that no file opened later takes its number and receives
 * what was meant for it: standard input opened for writing and standard
 * output for reading, so that reading or writing them fails with EBADF as
 * on a closed one (and is reported), standard error for writing.  0, or
 * -1 when /dev/null cannot be opened. */
static int occupy_closed_streams(void)
{
    static const int modes[] = {O_WRONLY, O_RDONLY, O_WRONLY};
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        /* the lowest free number: fd, as those below it are open */
        int got = open("/dev/null", modes[fd]);
        if (got != fd) {
            if (got >= 0)
                close(got);
            return -1;
        }
    }
    return 0;
}

/* What a command printed must have arrived: a command that succeeded but
 * whose output did not (a full disk, a closed standard output) fails. */
static int close_stdout(int code)
{
    if (code != NB_EXIT_OK) /* the command said what went wrong */
        return code;
    if ((code = nb_cli_stdout_check()) != NB_EXIT_OK)
        return code;
    errno = 0;
    if (fclose(stdout) != 0)
        return nb_cli_failf(NB_EXIT_FAIL, "cannot write to standard output: %s",
                            strerror(errno ? errno : EIO));
    return NB_EXIT_OK;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return NB_EXIT_INPUT;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return NB_EXIT_OK;
    }
    if (strncmp(name, "--help=", 7) == 0 || strncmp(name, "--version=", 10) == 0)
        return nb_cli_failf(NB_EXIT_INPUT, "option '%.*s' takes no value",
                            (int)(strchr(name, '=') - name), name);
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

int main(int argc, char **argv)
{
    if (occupy_closed_streams() != 0)
        return nb_cli_failf(NB_EXIT_FAIL,
                            "cannot open /dev/null in place of a closed standard "
                            "input, output or error: %s",
                            strerror(errno));
    setlocale(LC_ALL, "C.UTF-8");
    return close_stdout(run(argc, argv));
}
