/* limits.h - how much a script may say.
 *
 * eSpeak NG speaks whatever it is given: a 40 KB title became 137 minutes
 * of audio, and one sentence of a megabyte ran for minutes and took
 * gigabytes.  Before anything is spoken, every segment of a script is
 * held to limits, in characters (code points) of its spoken text: each
 * sentence (text/sentences.h), each segment, the whole script; a
 * briefing's title is held to its own.  The defaults are far above any
 * bulletin (a sentence of 2,000 characters is two minutes of speech);
 * a briefing raises them with `limits: {title, sentence, segment,
 * bulletin}` (config/briefing.h).
 */
#ifndef NB_SCRIPT_LIMITS_H
#define NB_SCRIPT_LIMITS_H

#include "script/script.h"
#include "text/error.h"

#include <stddef.h>

#define NB_LIMIT_TITLE 200       /* a briefing's title */
#define NB_LIMIT_SENTENCE 2000   /* one sentence: about 2 minutes */
#define NB_LIMIT_SEGMENT 20000   /* one segment (a paragraph): about 20 minutes */
#define NB_LIMIT_BULLETIN 200000 /* the whole script: about 3.5 hours */
#define NB_LIMIT_MAX 100000000ul /* the most a briefing may raise one to */

struct nb_limits {
    size_t title, sentence, segment, bulletin; /* characters; 0: the default */
};

/* The characters (UTF-8 code points) of s[0..len). */
size_t nb_limits_chars(const char *s, size_t len);

/* NB_OK when every segment of `s` is within `l` (NULL: the defaults);
 * else NB_EINPUT naming the first thing too long, e.g. "segment 12 (a
 * story): a sentence has 41,000 characters, more than the 2,000 allowed
 * (a briefing raises it with 'limits: {sentence: N}')".  NB_ENOMEM. */
nb_status nb_script_check_limits(const struct nb_script *s, const struct nb_limits *l,
                                 struct nb_error *err);

#endif
