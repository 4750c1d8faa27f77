/* fuzz_sanitise.c - the speech sanitiser (speech/sanitise.h): the first
 * byte's low bit is NB_SANITISE_PHONEMES; nb_speech_sanitise_ex() of the
 * rest must give valid UTF-8 with no control character, no '<', '>' or
 * '&', no "[[" outside a kept phoneme span, and no token longer than
 * NB_SANITISE_MAX_TOKEN bytes; sanitising the result again keeps it safe. */
#include "fuzz_common.h"
#include "speech/sanitise.h"
#include "text/utf8.h"

static void check_safe(const char *s, size_t len, unsigned flags)
{
    if (!nb_utf8_valid(s, len, NULL) || strlen(s) != len)
        abort();
    size_t token = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = nb_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == '<' || cp == '>' ||
            cp == '&')
            abort();
        if (cp == ' ') {
            token = 0;
        } else if ((token += n) > NB_SANITISE_MAX_TOKEN) {
            fprintf(stderr, "a token of more than %d bytes at %zu\n", NB_SANITISE_MAX_TOKEN, i);
            abort();
        }
        if (!(flags & NB_SANITISE_PHONEMES) && cp == '[' && i + 1 < len && s[i + 1] == '[')
            abort();
        i += n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = (data[0] & 1) ? NB_SANITISE_PHONEMES : 0;
    struct nb_buf out, again;
    nb_buf_init(&out, 0);
    nb_buf_init(&again, 0);
    if (nb_speech_sanitise_ex((const char *)data + 1, size - 1, flags, &out) != NB_OK)
        abort();
    const char *o = out.data ? out.data : "";
    check_safe(o, out.len, flags);
    if (nb_speech_sanitise_ex(o, out.len, flags, &again) != NB_OK)
        abort();
    check_safe(again.data ? again.data : "", again.len, flags);
    if (!flags) { /* the plain call is the flagless one */
        nb_buf_reset(&again);
        if (nb_speech_sanitise((const char *)data + 1, size - 1, &again) != NB_OK ||
            again.len != out.len || (out.len && memcmp(again.data, out.data, out.len) != 0))
            abort();
    }
    nb_buf_release(&out);
    nb_buf_release(&again);
    return 0;
}
