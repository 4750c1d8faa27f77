/* data_path.h - where newsbrief finds its data files: one search for all.
 *
 * A data folder holds voices/ (voice profiles, transitions-LANG.yaml,
 * lexicon-LANG.yaml) and briefings/ (the example briefing with its
 * articles and lexicon).  A file of data subfolder SUB ("voices",
 * "briefings") is looked for in these folders, in this order:
 *
 *   1. $NEWSBRIEF_DATA/SUB     a data folder the user points to
 *   2. $NEWSBRIEF_VOICES       a folder of profiles (SUB "voices" only; the
 *                              older setting, kept as an alias)
 *   3. BASE/SUB, BASE/../SUB   beside the briefing, BASE being its folder
 *   4. INSTALLED/SUB           the installed data folder, found from the
 *                              running program (nb_data_installed_dir())
 *
 * An unset or empty variable is left out; so is step 3 when there is no
 * briefing (base_dir NULL).  Nothing is cached: every call reads the
 * environment and the program's path again.
 */
#ifndef NB_TEXT_DATA_PATH_H
#define NB_TEXT_DATA_PATH_H

#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

#define NB_DATA_VOICES "voices"
#define NB_DATA_BRIEFINGS "briefings"

/* Appends to `out` the installed data folder of the program at `exe` (an
 * absolute path with symbolic links resolved): the source tree when `exe`
 * sits in the build folder it was compiled in (a program run before
 * installing), else the folder NB_DATA_RELDIR from the program's folder
 * (BINDIR/../share/newsbrief for an install under any prefix), whether or
 * not it exists.  NB_OK, or NB_ENOMEM. */
nb_status nb_data_installed_dir_of(const char *exe, struct nb_buf *out);

/* nb_data_installed_dir_of() for the running program (/proc/self/exe):
 * *found is 1 when appended, 0 when the program's path cannot be read
 * (nothing appended).  NB_OK, or NB_ENOMEM. */
nb_status nb_data_installed_dir(struct nb_buf *out, int *found);

/* Appends to `dirs` (owned strings) the folders searched for files of data
 * subfolder `sub`, in the order above; folders that do not exist are
 * listed too.  `base_dir` is the briefing's folder, or NULL.  NB_OK, or
 * NB_ENOMEM. */
nb_status nb_data_dirs(const char *sub, const char *base_dir, struct nb_strv *dirs);

/* Appends to `out` the path of `file` in the first folder of `dirs` where
 * it is a regular file: *found 1 when found, 0 when not (out unchanged).
 * NB_OK, or NB_ENOMEM (out unchanged). */
nb_status nb_data_find_in(const struct nb_strv *dirs, const char *file, struct nb_buf *out,
                          int *found);

/* nb_data_dirs() then nb_data_find_in(): `file` of data subfolder `sub`. */
nb_status nb_data_find(const char *sub, const char *file, const char *base_dir, struct nb_buf *out,
                       int *found);

/* 1 when dirs->v[i] is an existing folder and not the same folder as an
 * earlier one of `dirs` ("briefings/../voices" and the installed voices/
 * often are), else 0: for listing each folder once. */
int nb_data_dir_is_new(const struct nb_strv *dirs, size_t i);

/* Appends the folders of `dirs` to `out` as "A, B, C", for messages.
 * NB_OK, or NB_ENOMEM. */
nb_status nb_data_dirs_format(const struct nb_strv *dirs, struct nb_buf *out);

#endif
