/* transitions_bank.h - the transition bank as YAML: voices/transitions-LANG.yaml.
 *
 *   headlines: "First, the headlines."     # before the headlines segment
 *   recap: "Once again, the main stories."    # before the recap
 *   first:                                 # the first story
 *     - "First, {headline}"                # a template...
 *     - {text: "Our top story: {headline}", without: "Our top story."}
 *   middle: [...]                          # the stories in between (at least 2)
 *   last: [...]                            # the last story ("And finally, ...")
 *
 * Placeholders: see script/transitions.h.  A briefing's `transitions:` key
 * has the same shape, every key optional.
 */
#ifndef NB_CONFIG_TRANSITIONS_BANK_H
#define NB_CONFIG_TRANSITIONS_BANK_H

#include "text/yaml_doc.h"
#include "script/transitions.h"
#include "text/buf.h"
#include "text/error.h"

/* Reads the mapping `node` of `doc` into `bank` (which must be
 * initialised; on failure it may hold part of the mapping).  With
 * `complete`, headlines, recap and the three lists are required.  Unknown
 * keys, empty texts, lists that are not lists and unknown placeholders
 * ({headline} and the bulletin's) are NB_EINPUT at their position. */
nb_status nb_transition_bank_read(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                                  int complete, struct nb_transition_bank *bank,
                                  struct nb_error *err);

/* Finds the bank for `language` ("en-gb" -> transitions-en.yaml) by the
 * data search (text/data_path.h), like voice profiles: $NEWSBRIEF_DATA/voices,
 * $NEWSBRIEF_VOICES, base_dir/voices, base_dir/../voices, then the
 * installed voices/ folder; `base_dir` is the briefing's folder (NULL: no
 * briefing).  Appends the path to out; NB_EINPUT naming the file and the
 * folders searched when there is none. */
nb_status nb_transition_bank_find(const char *language, const char *base_dir, struct nb_buf *out,
                                  struct nb_error *err);

/* Loads a complete bank from the file at `path`.  `bank` must be
 * initialised; its old contents are released first, and it is left empty
 * on failure. */
nb_status nb_transition_bank_load(struct nb_transition_bank *bank, const char *path,
                                  struct nb_error *err);

#endif
