/* script_internal.h - what script.c, script_build.c and script_text.c share
 * (internal to src/script/): the rules for a segment's voice and text.
 */
#ifndef NB_SCRIPT_SCRIPT_INTERNAL_H
#define NB_SCRIPT_SCRIPT_INTERNAL_H

#include "text/chars.h"

/* A voice name must survive the plain-text form: one word inside the mark. */
static inline int voice_ok(const char *voice)
{
    if (!voice || !*voice)
        return 0;
    for (const char *p = voice; *p; p++)
        if (nb_ascii_is_space((unsigned char)*p) || *p == '[' || *p == ']')
            return 0;
    return 1;
}

/* 1 when `text` has a character other than whitespace. */
static inline int not_blank(const char *text)
{
    for (; *text; text++)
        if (!nb_ascii_is_space((unsigned char)*text))
            return 1;
    return 0;
}

#endif
