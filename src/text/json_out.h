/* json_out.h - JSON written as it is made, for outputs as large as their
 * input (`newsbrief read` of a 50 MB article): memory stays that of one
 * value, not of a tree of the whole document.
 *
 * Usage: nb_json_out_init(), then objects and arrays opened and closed in
 * order, keys before values inside objects.  Strings are escaped as json-c
 * escapes them (with '/' left alone), so the output parses as the tree
 * form would.  Pretty (indented) when `pretty` is set.  The text is
 * gathered in a buffer of NB_JSON_OUT_BUF bytes inside the struct and
 * handed to `f` as it fills and by nb_json_out_finish(): nothing else may
 * write to `f` between nb_json_out_init() and nb_json_out_finish().  The
 * first write error is kept in `failed`; the calls go on doing nothing.
 */
#ifndef NB_TEXT_JSON_OUT_H
#define NB_TEXT_JSON_OUT_H

#include "text/error.h"

#include <stdint.h>
#include <stdio.h>

#define NB_JSON_OUT_MAX_DEPTH 16
#define NB_JSON_OUT_BUF 4096

struct nb_json_out {
    FILE *f;
    int pretty;
    int failed;
    unsigned depth;
    int first[NB_JSON_OUT_MAX_DEPTH]; /* nothing written yet at this depth */
    int after_key;                    /* a key was written: its value comes next */
    size_t len;                       /* bytes waiting in buf */
    char buf[NB_JSON_OUT_BUF];        /* what is written, before it goes to f */
};

void nb_json_out_init(struct nb_json_out *o, FILE *f, int pretty);
void nb_json_out_open(struct nb_json_out *o, char bracket);  /* '{' or '[' */
void nb_json_out_close(struct nb_json_out *o, char bracket); /* '}' or ']' */
void nb_json_out_key(struct nb_json_out *o, const char *key);
void nb_json_out_string(struct nb_json_out *o, const char *s); /* NULL writes null */
void nb_json_out_int(struct nb_json_out *o, int64_t v);
void nb_json_out_bool(struct nb_json_out *o, int v);
/* Ends the document with a newline and flushes.  NB_OK, or NB_EIO when the
 * document could not be written whole (a write failed, or the objects and
 * arrays were not closed as opened). */
nb_status nb_json_out_finish(struct nb_json_out *o);

#endif
