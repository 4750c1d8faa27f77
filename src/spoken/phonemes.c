/* phonemes.c - the rule for phoneme spans that are safe to speak. */
#include "spoken/phonemes.h"

#include <string.h>

int nb_phonemes_ok(const char *s, size_t n)
{
    if (n == 0 || n > NB_PHONEMES_MAX)
        return 0;
    size_t word = 0;
    int any = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c < 0x20 || c > 0x7E || strchr("[]<>&.", c))
            return 0;
        /* "_^_" switches eSpeak NG's language */
        if (c == '^' && k > 0 && s[k - 1] == '_' && k + 1 < n && s[k + 1] == '_')
            return 0;
        word = c == ' ' ? 0 : word + 1;
        if (word > NB_PHONEMES_MAX_WORD)
            return 0;
        any |= c != ' ';
    }
    return any;
}
