/* utf8.h - UTF-8 decoding, validation and the way text enters newsbrief.
 *
 * Text inside the library is valid UTF-8 without NUL bytes or control
 * characters other than '\n' and '\t'.  nb_text_import() is the one door:
 * it validates, falls back to Windows-1252 for text that is not UTF-8,
 * turns CR LF and lone CR into LF and drops other C0/C1 controls.
 */
#ifndef NB_TEXT_UTF8_H
#define NB_TEXT_UTF8_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

#define NB_UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..len) (len > 0).  Returns the number of
 * bytes it takes (1..4).  An invalid or truncated sequence (overlong form,
 * surrogate, > U+10FFFF) sets *cp = NB_UTF8_REPLACEMENT and returns 1, so a
 * loop always advances and never splits a valid multi-byte sequence. */
size_t nb_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* True (1) when s[0..len) is valid UTF-8; otherwise 0 and, if bad_offset is
 * not NULL, the byte offset of the first invalid sequence. */
int nb_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Encodes cp (must be a valid scalar value) into out; returns 1..4. */
size_t nb_utf8_encode(uint32_t cp, char out[4]);

/* Appends cp encoded as UTF-8. NB_OK, or NB_ENOMEM (out of memory or over the cap). */
nb_status nb_buf_add_cp(struct nb_buf *b, uint32_t cp);

/* Length in bytes of the UTF-8 sequence that starts with byte c (1 for
 * continuation or invalid bytes). */
size_t nb_utf8_seq_len(unsigned char c);

enum nb_text_encoding { NB_TEXT_UTF8, NB_TEXT_CP1252 };

/* Appends s[0..len) to out as clean library text: strips a UTF-8 BOM,
 * decodes as Windows-1252 when the bytes are not valid UTF-8 (and reports
 * that in *found, which may be NULL), normalises line ends, drops NUL and
 * other controls except '\n' and '\t'.  Returns NB_OK, or NB_ENOMEM when out of memory
 * or over out's cap. */
nb_status nb_text_import(const char *s, size_t len, struct nb_buf *out,
                         enum nb_text_encoding *found);

#endif
