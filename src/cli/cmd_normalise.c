/* cmd_normalise.c - newsbrief normalise [TEXT...]: the spoken form. */
#include "cli/cli.h"

#include "config/lexicon.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "text/buf.h"
#include "text/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: newsbrief normalise [--lang L] [--lexicon FILE] [--no-lexicon] [--explain]\n"
    "                           [TEXT...]\n"
    "\n"
    "Prints each TEXT argument, or each line of standard input, in the spoken form\n"
    "that goes to the synthesiser: one line out per line in.\n"
    "\n"
    "Options:\n"
    "  --lang L         the rules of language L (default en-gb; e.g. en-us)\n"
    "  --lexicon FILE   a pronunciation lexicon (YAML) whose entries beat the shipped one\n"
    "  --no-lexicon     leave out the shipped lexicon (voices/lexicon-LANG.yaml)\n"
    "  --explain        after each line, one indented line per change:\n"
    "                   \"WRITTEN\" -> \"SPOKEN\" (the rule or lexicon entry that made it)\n";

struct ctx {
    struct nb_normaliser nz;
    int explain;
    struct nb_buf in, out, why;
};

static nb_status put_line(struct ctx *x, const char *s, size_t len, struct nb_error *err)
{
    nb_buf_reset(&x->in);
    nb_buf_reset(&x->out);
    nb_buf_reset(&x->why);
    if (nb_text_import(s, len, &x->in, NULL) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc =
        nb_normalise_ex(x->in.data, x->in.len, &x->nz, &x->out, x->explain ? &x->why : NULL, err);
    if (rc != NB_OK)
        return rc;
    /* one line out per line in, whatever the text held */
    for (size_t i = 0; i < x->out.len; i++)
        if (x->out.data[i] == '\n')
            x->out.data[i] = ' ';
    fwrite(x->out.data, 1, x->out.len, stdout);
    fputc('\n', stdout);
    if (x->explain) {
        const char *p = x->why.data;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            fputs("  ", stdout);
            fwrite(p, 1, n, stdout);
            fputc('\n', stdout);
            p += n + (nl ? 1 : 0);
        }
    }
    return NB_OK;
}

static int run(int argc, char **argv)
{
    const char *lang = "en-gb", *lexicon_file = NULL;
    int explain = 0, no_lexicon = 0;
    struct nb_cli_option opts[] = {{"--lang", NULL, &lang, NULL},
                                   {"--lexicon", NULL, &lexicon_file, NULL},
                                   {"--no-lexicon", NULL, NULL, &no_lexicon},
                                   {"--explain", NULL, NULL, &explain},
                                   {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    struct nb_error err;
    int code = 0;
    nb_strv_init(&args);
    nb_error_init(&err);
    if (!nb_cli_parse(&nb_cmd_normalise, argc, argv, opts, &args, &code)) {
        nb_strv_release(&args);
        return code;
    }
    if (!nb_normalise_has_rules(lang))
        fprintf(stderr,
                "newsbrief: warning: normalise: no rules for the language '%.40s': only "
                "whitespace is cleaned\n",
                lang);
    struct ctx x;
    memset(&x, 0, sizeof(x));
    x.explain = explain;
    x.nz.language = lang;
    nb_buf_init(&x.in, 0);
    nb_buf_init(&x.out, 0);
    nb_buf_init(&x.why, 0);
    struct nb_lexicon *lex = NULL;
    nb_status rc = nb_lexicon_open(&lex, lang, !no_lexicon, NULL, &lexicon_file, 1, &err);
    x.nz.lexicon = lex;
    /* the first failed write stops it: the rest would go nowhere */
    for (size_t i = 0; rc == NB_OK && !ferror(stdout) && i < args.n; i++)
        rc = put_line(&x, args.v[i], strlen(args.v[i]), &err);
    int stdin_errno = 0;
    if (rc == NB_OK && args.n == 0) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while (rc == NB_OK && !ferror(stdout) && (n = getline(&line, &cap, stdin)) >= 0) {
            if (n > 0 && line[n - 1] == '\n')
                n--;
            rc = put_line(&x, line, (size_t)n, &err);
        }
        if (ferror(stdin))
            stdin_errno = errno ? errno : EIO;
        free(line);
    }
    code = rc != NB_OK || !ferror(stdout) ? NB_EXIT_OK : nb_cli_stdout_check();
    nb_lexicon_free(lex);
    nb_buf_release(&x.in);
    nb_buf_release(&x.out);
    nb_buf_release(&x.why);
    nb_strv_release(&args);
    if (rc != NB_OK)
        return nb_cli_fail(&err);
    if (code == NB_EXIT_OK && stdin_errno) /* a read error, as a file's is */
        code = nb_cli_failf(NB_EXIT_FAIL, "normalise: cannot read standard input: %s",
                            strerror(stdin_errno));
    return code;
}

const struct nb_cli_command nb_cmd_normalise = {
    "normalise", "print text in the spoken form the synthesiser gets", usage, run};
