/* fuzz_normalise.c - the normaliser (spoken/normalise.h): the first byte
 * picks the language (en-gb, en-us, en, de, a language without rules) and
 * sports mode; the rest is imported as library text and put through
 * nb_normalise_ex() with an explanation.  For English the output must hold
 * no '<', '>', '[', ']' or '&' (the header's promise) and be valid UTF-8. */
#include "fuzz_common.h"
#include "spoken/normalise.h"
#include "text/utf8.h"

static const char *const langs[] = {"en-gb", "en-us", "en", "de", "xx-unknown"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *lang = langs[(data[0] & 0x7F) % 5];
    struct nb_buf text, out, explain;
    struct nb_error err;
    nb_error_init(&err);
    nb_buf_init(&text, 0);
    nb_buf_init(&out, 0);
    nb_buf_init(&explain, 0);
    if (nb_text_import((const char *)data + 1, size - 1, &text, NULL) != NB_OK)
        abort();
    const char *t = text.data ? text.data : "";
    struct nb_normaliser n = {lang, NULL, 0};
    n.sports = (data[0] & 0x80) ? 1 : nb_normalise_sports(t, text.len, lang);
    nb_status rc = nb_normalise_ex(t, text.len, &n, &out, &explain, &err);
    if (rc != NB_OK) /* library text is valid UTF-8: nothing to refuse */
        abort();
    const char *o = out.data ? out.data : "";
    if (!nb_utf8_valid(o, out.len, NULL))
        abort();
    if (strncmp(lang, "en", 2) == 0 && strpbrk(o, "<>[]&"))
        abort();
    /* and the raw bytes, which may be refused but must not crash */
    nb_buf_reset(&out);
    rc = nb_normalise((const char *)data + 1, size - 1, lang, &out, &err);
    fuzz_check_error(rc, &err);
    nb_buf_release(&text);
    nb_buf_release(&out);
    nb_buf_release(&explain);
    return 0;
}
