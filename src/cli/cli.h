/* cli.h - what the subcommands of the newsbrief command share.
 *
 * The command line is the only place that prints errors or picks exit
 * codes: 0 success, 1 a failure while working, 2 bad input or usage.
 */
#ifndef NB_CLI_CLI_H
#define NB_CLI_CLI_H

#include "config/briefing.h"
#include "config/voice_profile.h"
#include "script/fit.h"
#include "script/script.h"
#include "script/transitions.h"
#include "summary/summary.h"
#include "text/error.h"
#include "text/strv.h"

#include <json-c/json.h>
#include <stdio.h>

#define NB_EXIT_OK 0
#define NB_EXIT_FAIL 1
#define NB_EXIT_INPUT 2

struct nb_cli_command {
    const char *name;
    const char *summary; /* one line for `newsbrief --help` */
    const char *usage;   /* full text for `newsbrief NAME --help` */
    int (*run)(int argc, char **argv);
};

extern const struct nb_cli_command nb_cmd_build, nb_cmd_read, nb_cmd_sentences,
    nb_cmd_summarise, nb_cmd_script, nb_cmd_normalise, nb_cmd_speak, nb_cmd_voices;

/* One option of a subcommand.  Exactly one of `value` (takes an argument)
 * or `flag` (set to 1 when present) is set. */
struct nb_cli_option {
    const char *name;  /* "--json" */
    const char *alias; /* "-o", or NULL */
    const char **value;
    int *flag;
};

/* Parses argv[1..] of subcommand `cmd`: options (also as --name=value),
 * "--" ends them, everything else goes to `positional` (borrowed pointers
 * pushed as copies).  Handles --help / -h by printing cmd->usage and
 * returning -1 with *exit_code 0.  On a usage error prints one line and
 * returns -1 with *exit_code 2. */
int nb_cli_parse(const struct nb_cli_command *cmd, int argc, char **argv,
                 const struct nb_cli_option *opts, struct nb_strv *positional, int *exit_code);

/* Prints "newsbrief: <formatted error>" to stderr and returns the exit code
 * for it. */
int nb_cli_fail(const struct nb_error *err);
/* Prints "newsbrief: <message>" and returns `code`. */
int nb_cli_failf(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a whole number in [min, max] from an option; prints a usage error
 * naming `option` and returns -1 when it is not one. */
int nb_cli_number(const char *option, const char *text, long min, long max, long *out);

/* Prints a JSON value (pretty when stdout is a terminal) and a newline,
 * then drops the reference. Returns an exit code. */
int nb_cli_print_json(struct json_object *obj);
/* json-c string or null. NULL on out of memory. */
struct json_object *nb_json_string_or_null(const char *s);

/* Loads what `build` and `script` need: briefing, its voice profiles, the
 * transition bank, every article (at most b->stories of them become
 * stories) and their summaries, and builds the script (fitted to the
 * briefing's duration by speaking candidates, when it has one; a bulletin
 * shorter than its slot is printed as a warning).  Everything owned by the
 * bulletin. */
struct nb_bulletin {
    struct nb_briefing briefing;
    struct nb_voice_profile voices[2]; /* the briefing's voice, then the quote voice */
    size_t nvoices;
    struct nb_transition_bank transitions; /* the shipped bank with the briefing's own */
    struct nb_article *articles;
    struct nb_summary *summaries;
    size_t narticles;
    struct nb_script script;
    int fitted; /* 1 when `fit` says how the duration was met */
    struct nb_script_fit fit;
    struct nb_lexicon *lexicon; /* shipped for the voice's language, then the briefing's */
    char *lexicon_path;         /* the briefing's lexicon as an absolute path; NULL for none */
};
void nb_bulletin_init(struct nb_bulletin *bl);
void nb_bulletin_release(struct nb_bulletin *bl);
/* `path` NULL means the example briefing (briefings/example.yaml in the
 * current folder, else in the project's folder). */
nb_status nb_bulletin_load(struct nb_bulletin *bl, const char *path, struct nb_error *err);

/* The render voices of `profiles` (out has nprofiles entries; borrowed
 * strings). */
struct nb_render_voice;
void nb_cli_render_voices(const struct nb_voice_profile *profiles, size_t nprofiles,
                          struct nb_render_voice *out);

/* Finds the profile file for `name` and loads it; base_dir resolves
 * relative paths. */
nb_status nb_cli_load_voice(struct nb_voice_profile *v, const char *name, const char *base_dir,
                            struct nb_error *err);

/* A new lexicon (*out; free with nb_lexicon_free()) holding the shipped
 * lexicon for `language` when `shipped` is 1 (none is fine: a language may
 * have no lexicon), then each of own[0..nown) (NULL entries skipped) as
 * the briefing's layer, later files beating earlier ones.  Errors are the
 * lexicon file's, as FILE:LINE:COLUMN. */
struct nb_lexicon;
nb_status nb_cli_load_lexicon(struct nb_lexicon **out, const char *language, int shipped,
                              const char *const *own, size_t nown, struct nb_error *err);

#endif
