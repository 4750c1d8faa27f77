/* fuzz_text_import.c - the one door text comes in by (text/utf8.h):
 * nb_text_import() must give valid UTF-8 with no NUL, CR or control
 * character but '\n' and '\t', whatever the bytes; importing its own
 * output again changes nothing (unless it starts with a second byte order
 * mark, which the first import kept as text).  nb_utf8_decode() walks the raw bytes. */
#include "fuzz_common.h"
#include "text/utf8.h"

static void check_clean(const char *s, size_t len)
{
    if (!nb_utf8_valid(s, len, NULL))
        abort();
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = nb_utf8_decode(s + i, len - i, &cp);
        if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            abort();
        i += n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    struct nb_buf out, again;
    enum nb_text_encoding enc;
    nb_buf_init(&out, 0);
    nb_buf_init(&again, 0);
    if (nb_text_import(s, size, &out, &enc) != NB_OK)
        abort();
    const char *o = out.data ? out.data : "";
    check_clean(o, out.len);
    if (nb_text_import(o, out.len, &again, &enc) != NB_OK || enc != NB_TEXT_UTF8)
        abort();
    if (!(out.len >= 3 && memcmp(o, "\xEF\xBB\xBF", 3) == 0) &&
        (again.len != out.len || (out.len && memcmp(again.data, o, out.len) != 0)))
        abort();
    for (size_t i = 0; i < size;) {
        uint32_t cp;
        size_t n = nb_utf8_decode(s + i, size - i, &cp);
        if (n < 1 || n > 4 || n > size - i || cp > 0x10FFFF)
            abort();
        i += n;
    }
    nb_buf_release(&out);
    nb_buf_release(&again);
    return 0;
}
