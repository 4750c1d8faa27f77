/* id3.h - ID3v2.3 tags for MP3 files: title, date, publisher, comment and
 * chapters.
 *
 * Chapters follow the ID3v2 Chapter Frame Addendum 1.0: one CHAP frame per
 * chapter (element ID "chpN", start and end in milliseconds, byte offsets
 * unused, an embedded TIT2 with its title) and one CTOC frame (element ID
 * "toc", top-level and ordered) listing them; ffprobe -show_chapters and
 * podcast players read them.  Version 2.3 rather than 2.4 because more
 * players read it: text is written as ISO-8859-1 when every character fits,
 * otherwise as UTF-16 with a byte order mark; the date goes to TYER (year)
 * and TDAT (day and month) when it starts "YYYY" or "YYYY-MM-DD".
 */
#ifndef NB_SPEECH_ID3_H
#define NB_SPEECH_ID3_H

#include "speech/encoder.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* CTOC stores its number of entries in one byte. */
#define NB_ID3_CHAPTERS_MAX 255

/* Appends a complete ID3v2.3 tag (header included) to `out`.  `meta` may be
 * NULL, and any of its fields NULL or "" (that frame is left out); the
 * strings are UTF-8.  `chapters` (nchapters of them, may be NULL when 0)
 * must start at or after 0 in increasing order; each ends where the next
 * starts, the last at `duration_ms` (or at its own start if that is later).
 * The tag is padded with zero bytes to at least `min_size` bytes, so that it
 * can replace an older tag of that size in place.  Errors: NB_EINPUT for
 * more than NB_ID3_CHAPTERS_MAX chapters or chapters out of order, NB_ENOMEM
 * (out is then unchanged up to its old length). */
nb_status nb_id3_build(struct nb_buf *out, const struct nb_audio_meta *meta,
                       const struct nb_audio_chapter *chapters, size_t nchapters,
                       uint32_t duration_ms, size_t min_size, struct nb_error *err);

/* The size in bytes of the ID3v2 tag at the start of data[0..len), header
 * and footer included, or 0 when data does not start with a valid ID3v2
 * header (10 bytes are needed). */
size_t nb_id3_measure(const unsigned char *data, size_t len);

#endif
