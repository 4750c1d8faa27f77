/* lexicon.h - pronunciation lexicon files (voices/lexicon-en.yaml, or a
 * briefing's own) loaded into a script/lexicon.h lexicon.
 *
 * A lexicon file is a YAML mapping:
 *
 *   language: en            # optional: what the file is for
 *   entries:
 *     Nguyen: Win           # respelling
 *     Saoirse: {phonemes: "s'3:S@"}
 *     WHO: {say: W-H-O, case-sensitive: true}
 *     Mc: {say: Mac, whole-word: false}
 *
 * An entry's value is the respelling, or a mapping with exactly one of
 * `say` (respelling) or `phonemes` (eSpeak NG phonemes), and optional
 * `case-sensitive` (default false) and `whole-word` (default true).
 * Errors are NB_EINPUT as FILE:LINE:COLUMN: message.
 */
#ifndef NB_CONFIG_LEXICON_H
#define NB_CONFIG_LEXICON_H

#include "spoken/lexicon.h"
#include "text/buf.h"
#include "text/error.h"

/* Adds every entry of the file at `path` to `lex` in `layer`
 * (NB_LEXICON_SHIPPED or NB_LEXICON_BRIEFING); each entry's source is
 * "PATH:LINE".  On failure entries added before the error stay in lex. */
nb_status nb_lexicon_load(struct nb_lexicon *lex, const char *path, int layer,
                          struct nb_error *err);

/* The same from text (for tests); `path` names it in messages. */
nb_status nb_lexicon_parse(struct nb_lexicon *lex, const char *path, const char *text,
                           size_t len, int layer, struct nb_error *err);

/* Appends to out the path of the shipped lexicon for `language` ("en-gb"
 * -> lexicon-en.yaml), looked for by the data search (text/data_path.h):
 * $NEWSBRIEF_DATA/voices, $NEWSBRIEF_VOICES, base_dir/voices and
 * base_dir/../voices when `base_dir` (a briefing's folder) is not NULL,
 * then the installed voices/ folder.  *found is 1 when found, 0 when there
 * is none.  NB_OK, or NB_ENOMEM. */
nb_status nb_lexicon_shipped_path(const char *language, const char *base_dir, struct nb_buf *out,
                                  int *found);

/* A new lexicon (*out; free with nb_lexicon_free()) holding the shipped
 * lexicon for `language` when `shipped` is 1 (nb_lexicon_shipped_path(),
 * beside the briefing in folder `base_dir` when it is not NULL; none is
 * fine: a language may have no lexicon), then each of own[0..nown) (NULL
 * entries skipped) as the briefing's layer, later files beating earlier
 * ones.  Errors are the lexicon file's, as FILE:LINE:COLUMN; on failure
 * *out is untouched. */
nb_status nb_lexicon_open(struct nb_lexicon **out, const char *language, int shipped,
                          const char *base_dir, const char *const *own, size_t nown,
                          struct nb_error *err);

#endif
