/* cmd_sentences.c - newsbrief sentences [FILE]: one sentence per line. */
#include "cli/cli.h"

#include "text/buf.h"
#include "text/file.h"
#include "text/sentences.h"

static const char usage[] =
    "usage: newsbrief sentences [FILE]\n"
    "\n"
    "Splits the text of FILE (or standard input) into sentences and prints one\n"
    "sentence per line, whitespace inside a sentence collapsed to single spaces.\n"
    "The whole text is treated as body text: no headline is taken off.\n";

static int run(int argc, char **argv)
{
    struct nb_strv args, sentences, warnings;
    struct nb_buf text;
    struct nb_error err;
    int code = 0;
    nb_strv_init(&args);
    nb_strv_init(&sentences);
    nb_strv_init(&warnings);
    nb_buf_init(&text, 0);
    nb_error_init(&err);
    if (!nb_cli_parse(&nb_cmd_sentences, argc, argv, NULL, &args, &code))
        goto out;
    if (args.n > 1) {
        code = nb_cli_failf(NB_EXIT_INPUT, "sentences: give at most one FILE");
        goto out;
    }
    const char *path = args.n ? args.v[0] : "-";
    if (nb_file_read_text(path, 0, &text, &warnings, &err) != NB_OK ||
        nb_sentences_split(text.data, text.len, &sentences, &err) != NB_OK) {
        code = nb_cli_fail(&err);
        goto out;
    }
    for (size_t i = 0; i < warnings.n; i++)
        fprintf(stderr, "newsbrief: warning: %s: %s\n", args.n ? path : "<stdin>", warnings.v[i]);
    for (size_t i = 0; i < sentences.n; i++) {
        fputs(sentences.v[i], stdout);
        fputc('\n', stdout);
    }
    if (fflush(stdout) != 0)
        code = nb_cli_failf(NB_EXIT_FAIL, "sentences: cannot write the output");
out:
    nb_strv_release(&args);
    nb_strv_release(&sentences);
    nb_strv_release(&warnings);
    nb_buf_release(&text);
    return code;
}

const struct nb_cli_command nb_cmd_sentences = {
    "sentences", "split text into sentences, one per line", usage, run};
