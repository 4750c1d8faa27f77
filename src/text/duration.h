/* duration.h - a length of time as a person reads it. */
#ifndef NB_TEXT_DURATION_H
#define NB_TEXT_DURATION_H

#include <stddef.h>

/* Writes "2 min 31.4 s" (from a minute up) or "48.2 s" into out[size]
 * (truncated to fit) and returns out.  Cannot fail. */
char *nb_duration_format(double seconds, char *out, size_t size);

#endif
