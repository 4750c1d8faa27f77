/* fuzz_lexicon.c - pronunciation lexicon files (config/lexicon.h):
 * nb_lexicon_parse() of the input; the entries it loaded are then applied
 * by the normaliser to a fixed sentence and to the input's own text (a
 * lexicon that loads must be usable). */
#include "config/lexicon.h"
#include "fuzz_common.h"
#include "spoken/normalise.h"
#include "text/utf8.h"

static const char sentence[] = "Nguyen met the WHO chief and Saoirse McAllister in Reykjavik.";

static void say(const struct nb_lexicon *lex, const char *text, size_t len, const char *lang)
{
    struct nb_normaliser n = {lang, lex, 0};
    struct nb_buf out, explain;
    struct nb_error err;
    nb_error_init(&err);
    nb_buf_init(&out, 0);
    nb_buf_init(&explain, 0);
    nb_status rc = nb_normalise_ex(text, len, &n, &out, &explain, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK && !nb_utf8_valid(out.data ? out.data : "", out.len, NULL))
        abort();
    nb_buf_release(&out);
    nb_buf_release(&explain);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct nb_lexicon *lex = nb_lexicon_new();
    struct nb_error err;
    if (!lex)
        abort();
    nb_error_init(&err);
    nb_status rc = nb_lexicon_parse(lex, "fuzz-lexicon.yaml", (const char *)data, size,
                                    NB_LEXICON_BRIEFING, &err);
    fuzz_check_error(rc, &err);
    if (nb_lexicon_count(lex) > 0) {
        say(lex, sentence, sizeof(sentence) - 1, "en-gb");
        if (size < 2048 && nb_utf8_valid((const char *)data, size, NULL))
            say(lex, (const char *)data, size, (size & 1) ? "en-us" : "fr");
    }
    nb_lexicon_free(lex);
    return 0;
}
