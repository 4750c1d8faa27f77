/* encoder.h - writing a bulletin's audio file: WAV, FLAC, MP3, Ogg Vorbis or
 * Ogg Opus, with its title, date, publisher, comment and chapters, atomically.
 *
 * Usage: nb_audio_format_from_path() (or fill the struct yourself), then
 * nb_audio_writer_open(), nb_audio_writer_write() as often as needed, and
 * nb_audio_writer_commit() -- or nb_audio_writer_abort() on any failure of
 * the caller's own.  The audio goes to a temporary file `.NAME.tmp-XXXXXX`
 * beside `path`, renamed over `path` only when complete: a failure never
 * leaves a half-written file and never destroys the previous one.
 *
 * Where the chapters go:
 *   WAV        cue points ("cue " chunk) named by a LIST/adtl chunk of labl
 *   FLAC       Vorbis comments CHAPTER001=HH:MM:SS.mmm, CHAPTER001NAME=...
 *   Ogg Vorbis the same comments, in the comment header
 *   Ogg Opus   the same comments, in OpusTags
 *   MP3        ID3v2.3 CHAP frames and a CTOC frame (speech/id3.h)
 * ffprobe -show_chapters lists them for every container.
 * Metadata: title, date, publisher (as the artist: ARTIST, IART, TPE1) and
 * comment; the strings are UTF-8.
 */
#ifndef NB_SPEECH_ENCODER_H
#define NB_SPEECH_ENCODER_H

#include "text/error.h"
#include "text/file.h"

#include <stddef.h>

enum nb_audio_container {
    NB_AUDIO_WAV,        /* PCM, 16 or 24 bits */
    NB_AUDIO_FLAC,       /* lossless, 16 or 24 bits */
    NB_AUDIO_MP3,        /* MPEG-1/2 Layer III, constant bit rate (below) */
    NB_AUDIO_OGG_VORBIS, /* libvorbis at libsndfile's default quality */
    NB_AUDIO_OGG_OPUS    /* libopus at libsndfile's default bit rate */
};

struct nb_audio_format {
    enum nb_audio_container container;
    unsigned rate;     /* frames per second */
    unsigned channels; /* 1 or 2 */
    unsigned bits;     /* 16 or 24 for WAV and FLAC; ignored by the others */
};

/* What nb_audio_format_from_path() fills in besides the container.  Opus
 * cannot be written at 22050 Hz (libopus takes 8, 12, 16, 24 or 48 kHz), so
 * an .opus file defaults to 48000 Hz: resample first (speech/resample.h). */
#define NB_AUDIO_DEFAULT_RATE 22050u
#define NB_AUDIO_DEFAULT_OPUS_RATE 48000u
#define NB_AUDIO_DEFAULT_CHANNELS 1u
#define NB_AUDIO_DEFAULT_BITS 16u

/* MP3 bit rate, constant, in kbit/s per channel: 64 at 44.1 and 48 kHz
 * (MPEG-1), 48 at 22.05 and 24 kHz (MPEG-2). */
#define NB_AUDIO_MP3_KBPS 64u
#define NB_AUDIO_MP3_KBPS_MPEG2 48u

/* Most chapters a file can hold: CHAPTERnnn takes three digits; MP3 is
 * limited further to NB_ID3_CHAPTERS_MAX (255) by its CTOC frame. */
#define NB_AUDIO_CHAPTERS_MAX 999

/* Fills *f from the extension of `path` (any case): .wav, .flac, .mp3, .ogg
 * (Vorbis), .opus (Ogg Opus), with the defaults above.  An unknown or
 * missing extension is NB_EINPUT, e.g. "'x.aiff': no audio format for the
 * extension '.aiff' (use .wav, .flac, .mp3, .ogg or .opus)". */
nb_status nb_audio_format_from_path(const char *path, struct nb_audio_format *f,
                                    struct nb_error *err);

/* Checks that *f can be written: rate 22050, 24000, 44100 or 48000 (Opus:
 * 24000 or 48000 only), 1 or 2 channels, 16 or 24 bits for WAV and FLAC.
 * NB_EINPUT with a message saying what to use. */
nb_status nb_audio_format_check(const struct nb_audio_format *f, struct nb_error *err);

/* "WAV", "FLAC", "MP3", "Ogg Vorbis", "Ogg Opus" (static strings). */
const char *nb_audio_container_name(enum nb_audio_container c);

/* Text about the bulletin; any field may be NULL (not written).  UTF-8. */
struct nb_audio_meta {
    const char *title;
    const char *date; /* ISO 8601, "2024-05-01" or "2024-05-01T07:00" */
    const char *publisher;
    const char *comment;
};

/* A chapter starts at `start` seconds from the beginning of the audio and
 * lasts until the next one starts (the last one: until the end). */
struct nb_audio_chapter {
    double start;
    const char *title; /* UTF-8; NULL or "" for none */
};

struct nb_audio_writer;

/* Opens a writer for `path` in format *f.  `meta` may be NULL; `chapters`
 * (may be NULL when nchapters is 0) must start at 0 or later, in strictly
 * increasing order, at most NB_AUDIO_CHAPTERS_MAX of them (255 for MP3);
 * every chapter must start within the audio written (checked at commit).
 * The writer copies what it needs from meta and chapters: they may be freed
 * after this call.  On success the caller owns *out and must end it with
 * nb_audio_writer_commit() or nb_audio_writer_abort().  Errors: NB_EINPUT
 * for a bad format or bad chapters, NB_EIO when the temporary file cannot
 * be created or opened (unwritable or missing folder), NB_ENOMEM; the error
 * names `path`.  *out is NULL on failure and nothing is left on disk.
 * `temp` (may be NULL) is told of the temporary file before it is created
 * and when it is gone (text/file.h). */
nb_status nb_audio_writer_open(struct nb_audio_writer **out, const char *path,
                               const struct nb_audio_format *f, const struct nb_audio_meta *meta,
                               const struct nb_audio_chapter *chapters, size_t nchapters,
                               const struct nb_temp_hook *temp, struct nb_error *err);

/* Appends nframes interleaved frames (f->channels samples each) of float
 * audio, full scale +-1.0; samples outside are clipped, NaN written as 0.
 * Errors: NB_EIO naming the file (disk full, file too large) -- the writer
 * must then still be aborted; NB_ENOMEM. */
nb_status nb_audio_writer_write(struct nb_audio_writer *w, const float *frames, size_t nframes,
                                struct nb_error *err);

/* nb_audio_writer_write() of 16-bit samples, written as they are (a 16-bit
 * PCM file holds exactly these).  Errors as nb_audio_writer_write(). */
nb_status nb_audio_writer_write_s16(struct nb_audio_writer *w, const int16_t *frames,
                                    size_t nframes, struct nb_error *err);

/* Finishes the file: closes the encoder, adds the chapters (and for MP3 the
 * ID3 tag), fsyncs, sets the mode 0644 less the umask, renames it over the
 * writer's path and fsyncs the folder.  Frees w whatever the result.  On
 * failure (NB_EIO naming the file; NB_EINPUT when a chapter starts after
 * the end of the audio; NB_ENOMEM) the temporary file is removed and an
 * earlier file at the path is left as it was. */
nb_status nb_audio_writer_commit(struct nb_audio_writer *w, struct nb_error *err);

/* Removes the temporary file and frees w.  NULL is a no-op. */
void nb_audio_writer_abort(struct nb_audio_writer *w);

/* The temporary file's path, borrowed from w and valid until commit or
 * abort: for a signal handler, which may unlink() it (async-signal-safe). */
const char *nb_audio_writer_temp_path(const struct nb_audio_writer *w);

/* Frames written so far. */
size_t nb_audio_writer_frames(const struct nb_audio_writer *w);

/* Removes the temporary files a killed run left for `path`: the regular
 * files named `.NAME.tmp-XXXXXX` (NAME the last part of path, XXXXXX six
 * letters or digits, as mkstemp makes them) in path's folder, and nothing
 * else.  Call it before writing, never while another run may be writing
 * the same path (its temporary file would go too).  A missing folder is
 * not an error.  Errors: NB_EIO naming the folder or the file; NB_ENOMEM. */
nb_status nb_audio_clean_stale(const char *path, struct nb_error *err);

#endif
