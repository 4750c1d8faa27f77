/* utf8.h - UTF-8 decoding, validation and the way text enters newsbrief.
 *
 * Text inside the library is valid UTF-8 without NUL bytes or control
 * characters other than '\n' and '\t'.  nb_text_import() is the one door:
 * it validates, falls back to Windows-1252 for text that is not UTF-8,
 * turns CR LF and lone CR into LF and drops other C0/C1 controls and
 * terminal escape sequences.  Readers refuse what is not text at all
 * (binary data, UTF-16) with nb_text_check() first.
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
 * other controls except '\n' and '\t', and drops terminal escape
 * sequences whole (colours, titles, links: ESC '[' parameters final, the
 * C1 CSI, ESC ']' ... BEL or ESC '\', ESC and one character), so that
 * none of their bytes is read as text ("\x1b[0m" is no "0m").  Returns
 * NB_OK, or NB_ENOMEM when out of memory or over out's cap. */
nb_status nb_text_import(const char *s, size_t len, struct nb_buf *out,
                         enum nb_text_encoding *found);

/* Whether raw bytes look like a binary file rather than text: a NUL byte,
 * or 5% of the first 64 KiB control characters (whitespace and the ESC
 * of terminal escapes aside: those are text, which the import cleans). */
int nb_text_looks_binary(const char *s, size_t len);

/* Whether raw bytes start with a UTF-16 byte-order mark (FF FE or FE FF). */
int nb_text_is_utf16(const char *s, size_t len);

/* Refuses raw bytes that nb_text_import() cannot make text of, before it
 * runs: NB_EINPUT, naming `name` (may be NULL), for UTF-16 ("UTF-16 text
 * (it starts with a UTF-16 byte-order mark): save it as UTF-8") and for
 * binary data ("not a text file (it holds binary data)"); else NB_OK. */
nb_status nb_text_check(const char *s, size_t len, const char *name, struct nb_error *err);

/* The warning for raw bytes that nb_text_import() read as Windows-1252,
 * written into out[size] (cut to fit): "not valid UTF-8 (byte N): read
 * as Windows-1252", N the position of the first byte that is not UTF-8,
 * counted from 1 as the YAML reader counts.  Returns out. */
char *nb_text_cp1252_warning(const char *s, size_t len, char *out, size_t size);

#endif
