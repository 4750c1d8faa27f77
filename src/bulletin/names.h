/* names.h - every proper name a bulletin says, and how eSpeak NG will say
 * it, so that a producer can fix names before air (`newsbrief names`).
 *
 * The names are the capitalised words of the script's text (not the first
 * word of a sentence unless it is capitalised elsewhere too; no
 * initialisms, months or weekdays).  Each is said as the bulletin says it:
 * a lexicon entry's spoken form, else eSpeak NG's own reading, which is
 * from its dictionary or, for a word it does not know, from its letter
 * rules: a guess.
 */
#ifndef NB_BULLETIN_NAMES_H
#define NB_BULLETIN_NAMES_H

#include "bulletin/bulletin.h"
#include "text/error.h"

#include <stddef.h>

enum nb_name_source {
    NB_NAME_GUESS,     /* eSpeak NG's letter rules: worth checking */
    NB_NAME_LEXICON,   /* a lexicon entry (the shipped one or the briefing's) */
    NB_NAME_DICTIONARY /* eSpeak NG's dictionary */
};

struct nb_name {
    char *written;  /* as in the script: "Stoere" */
    char *spoken;   /* what goes to eSpeak NG: the lexicon's form, or the word */
    char *phonemes; /* eSpeak NG's phonemes ("espeak-ng -x" style) */
    enum nb_name_source source;
    size_t count; /* how many times the script says it */
};

struct nb_names {
    struct nb_name *v;
    size_t n;
};

/* "guess", "lexicon", "dictionary". */
const char *nb_name_source_name(enum nb_name_source s);

/* The names of bl->script (made by nb_bulletin_script()), said in the
 * language of the briefing's voice with its lexicon: guesses first, then
 * lexicon entries, then dictionary words, each group by how often the
 * script says them, then alphabetically.  Starts eSpeak NG (so no other
 * nb_speech may exist).  *out must be empty ({NULL, 0}); on failure it is
 * left empty.  Errors: eSpeak NG's (NB_ESYNTH), NB_ENOMEM. */
nb_status nb_bulletin_names(struct nb_bulletin *bl, struct nb_names *out, struct nb_error *err);

/* Sets bl (freshly initialised) up for nb_bulletin_names() from `path`
 * (NULL: the example briefing): a briefing (a .yaml or .yml file: its
 * script, by nb_bulletin_script()), a script written by `newsbrief script`
 * (perhaps edited; the lexicon its "# lexicon:" line names is used), or an
 * article in any format `read` reads (its headline and every paragraph,
 * not only what a bulletin would read).  Scripts and articles are said by
 * the "anchor" profile (found beside the file as for a briefing) with the
 * shipped lexicon of its language.  Errors name the file. */
nb_status nb_bulletin_names_prepare(struct nb_bulletin *bl, const char *path, struct nb_error *err);

void nb_names_release(struct nb_names *names);

#endif
