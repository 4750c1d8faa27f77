/* cmd_normalise.c - newsbrief normalise [TEXT...]: the spoken form. */
#include "cli/cli.h"

#include "script/normalise.h"
#include "text/buf.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: newsbrief normalise [--lang L] [TEXT...]\n"
    "\n"
    "Prints each TEXT argument, or each line of standard input, in the spoken form\n"
    "that goes to the synthesiser: one line out per line in.\n"
    "\n"
    "Options:\n"
    "  --lang L   the rules of language L (default en-gb; e.g. en-us)\n";

static int put_line(const char *s, size_t len, const char *lang, struct nb_error *err)
{
    struct nb_buf in, out;
    nb_buf_init(&in, 0);
    nb_buf_init(&out, 0);
    nb_status rc = NB_OK;
    if (nb_text_import(s, len, &in, NULL) < 0)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = nb_normalise(in.data, in.len, lang, &out, err);
    if (rc == NB_OK) {
        /* one line out per line in, whatever the text held */
        for (size_t i = 0; i < out.len; i++)
            if (out.data[i] == '\n')
                out.data[i] = ' ';
        fwrite(out.data, 1, out.len, stdout);
        fputc('\n', stdout);
    }
    nb_buf_release(&in);
    nb_buf_release(&out);
    return rc;
}

static int run(int argc, char **argv)
{
    const char *lang = "en-gb";
    struct nb_cli_option opts[] = {{"--lang", NULL, &lang, NULL}, {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_error err;
    int code = 0;
    nb_strv_init(&args);
    nb_error_init(&err);
    if (nb_cli_parse(&nb_cmd_normalise, argc, argv, opts, &args, &code) < 0) {
        nb_strv_release(&args);
        return code;
    }
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < args.n; i++)
        rc = put_line(args.v[i], strlen(args.v[i]), lang, &err);
    if (args.n == 0) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while (rc == NB_OK && (n = getline(&line, &cap, stdin)) >= 0) {
            if (n > 0 && line[n - 1] == '\n')
                n--;
            rc = put_line(line, (size_t)n, lang, &err);
        }
        free(line);
    }
    nb_strv_release(&args);
    if (rc != NB_OK)
        return nb_cli_fail(&err);
    return fflush(stdout) == 0 ? NB_EXIT_OK : NB_EXIT_FAIL;
}

const struct nb_cli_command nb_cmd_normalise = {
    "normalise", "print text in the spoken form the synthesiser gets", usage, run};
