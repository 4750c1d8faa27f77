/* lexicons.c - the pronunciation lexicon a command speaks with. */
#include "cli/cli.h"

#include "config/lexicon.h"
#include "script/lexicon.h"
#include "text/buf.h"

nb_status nb_cli_load_lexicon(struct nb_lexicon **out, const char *language, int shipped,
                              const char *const *own, size_t nown, struct nb_error *err)
{
    struct nb_lexicon *lex = nb_lexicon_new();
    if (!lex)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc = NB_OK;
    if (shipped) {
        struct nb_buf path;
        nb_buf_init(&path, 0);
        int found = nb_lexicon_shipped_path(language, &path);
        if (found < 0)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (found)
            rc = nb_lexicon_load(lex, path.data, NB_LEXICON_SHIPPED, err);
        nb_buf_release(&path);
    }
    for (size_t i = 0; rc == NB_OK && i < nown; i++)
        if (own[i])
            rc = nb_lexicon_load(lex, own[i], NB_LEXICON_BRIEFING, err);
    if (rc != NB_OK) {
        nb_lexicon_free(lex);
        return rc;
    }
    *out = lex;
    return NB_OK;
}
