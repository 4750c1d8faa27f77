/* duration.c - a length of time as a person reads it. */
#include "text/duration.h"

#include <stdio.h>

char *nb_duration_format(double seconds, char *out, size_t size)
{
    if (seconds >= 60) {
        int min = (int)(seconds / 60);
        snprintf(out, size, "%d min %.1f s", min, seconds - 60.0 * min);
    } else {
        snprintf(out, size, "%.1f s", seconds);
    }
    return out;
}
