/* sidecars.h - the files written beside a bulletin's audio NAME.EXT: its
 * chapters for podcast apps and players, its timed transcript, and a
 * manifest that says what was made.
 *
 *   NAME.chapters.json   Podcasting 2.0 JSON chapters (version 1.2.0)
 *   NAME.chapters.vtt    WebVTT chapters (one cue per chapter, its title)
 *   NAME.vtt             WebVTT transcript, every cue voiced: <v Name>text
 *   NAME.srt             SubRip transcript
 *   NAME.manifest.json   title, date, loudness, the audio files, the
 *                        stories and the names of the other sidecars
 *
 * Pure formatting (each nb_sidecars_* formatter appends to an nb_buf) and
 * one call that writes the set; it knows nothing of scripts or the
 * synthesiser: the caller gives times in seconds from the start of the
 * audio file.
 *
 * Times, for every format.  Every time is rounded once to the millisecond
 * and the rest works on those milliseconds, so that the formats agree.
 * Chapters and cues are each put in order of start (stable: equal starts
 * keep the caller's order), each end is clamped to the next one's start
 * (no overlaps) and to the bulletin's length when `seconds` is finite and
 * positive, and what is then shorter than a millisecond is left out, as is
 * a cue whose text is empty.  A start that is not finite or is negative,
 * or an end that is not finite or comes before its start, is a bug of the
 * caller: NB_EINTERNAL, naming the chapter or cue (1-based, in the
 * caller's order).
 *
 * Text.  Titles, cue text and speakers are UTF-8 and are written on one
 * line: runs of ASCII whitespace (line breaks included) become one space,
 * ends trimmed.  In WebVTT '&', '<' and '>' become &amp; &lt; &gt; (so
 * "-->" never appears in a cue); SubRip has no escapes, so its text is
 * written as is except that "-->" is broken as "-- >".  JSON strings are
 * escaped by json-c, as text/json_out.h escapes them ('/' left alone).
 *
 * Speakers.  A cue whose speaker is NULL or "" is the newsreader's, named
 * by the bulletin's `newsreader` (NULL or "": NB_SIDECARS_NEWSREADER).  In
 * WebVTT every cue is voiced, the newsreader's too.  SubRip has no voice
 * tag: cues that are not the newsreader's (the quotes) start "Name: ", on
 * every cue, because a player shows each cue alone; the newsreader's
 * lines are bare.
 *
 * Numbers in JSON have at most three decimals ("12.34", "0", "-16.2");
 * one that is not finite (a silent file's -inf LUFS) is written as null.
 */
#ifndef NB_BULLETIN_SIDECARS_H
#define NB_BULLETIN_SIDECARS_H

#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

/* The name a cue with no speaker goes by when the bulletin names none. */
#define NB_SIDECARS_NEWSREADER "Newsreader"

/* Room for a time from nb_sidecars_format_time(), NUL included. */
#define NB_SIDECARS_TIME_SIZE 32

/* How many files nb_sidecars_write() writes. */
#define NB_SIDECARS_COUNT 5

/* Everything below is borrowed: the formatters and nb_sidecars_write()
 * only read it, and keep no pointer into it after they return. */

/* A part of the audio: the intro, a story, the close. */
struct nb_sidecar_chapter {
    double start, end; /* seconds from the start of the audio file */
    const char *title; /* NULL: "" */
    unsigned story;    /* 1-based; 0 for the intro and the outro */
};

/* One sentence as heard. */
struct nb_sidecar_cue {
    double start, end;
    const char *speaker; /* NULL or "": the newsreader */
    const char *text;    /* NULL or blank: the cue is left out */
    unsigned story;      /* 0 outside the stories */
};

/* An audio file that was written, for the manifest. */
struct nb_sidecar_file {
    const char *path;   /* as written; made relative to the manifest's folder */
    const char *format; /* "wav", "flac", "mp3"...; NULL writes null */
    unsigned rate, channels;
    double seconds, lufs, true_peak_dbtp; /* not finite: null */
    unsigned story;                       /* 0 = the whole bulletin */
};

struct nb_sidecar_bulletin {
    const char *title, *date, *publisher; /* NULL writes null */
    double seconds;                       /* the audio's length; not finite or <= 0: unknown */
    const char *loudness_target; /* "podcast (-16 LUFS, -1 dBTP)" or "off"; NULL writes null */
    const struct nb_sidecar_chapter *chapters;
    size_t nchapters;
    const struct nb_sidecar_cue *cues;
    size_t ncues;
    const struct nb_sidecar_file *files;
    size_t nfiles;
    /* The anchor's name in transcripts; NULL or "": NB_SIDECARS_NEWSREADER. */
    const char *newsreader;
    /* told of the files nb_sidecars_write() stages and keeps aside while it
     * puts the new ones in place (text/file.h); NULL: no one is told */
    const struct nb_temp_hook *temp;
};

/* Writes `seconds` as "HH:MM:SS.mmm" into out, rounded to the nearest
 * millisecond before it is split (59.9996 is "00:01:00.000", never
 * "00:00:60.000"), with `decimal_mark` before the milliseconds ('.' for
 * WebVTT, ',' for SubRip).  Hours take more digits past 99.  Negative or
 * NaN is 0; more than 10^9 seconds is clamped there.  Cannot fail. */
void nb_sidecars_format_time(double seconds, char decimal_mark, char out[NB_SIDECARS_TIME_SIZE]);

/* The formatters.  Each appends one whole file to `out`; on failure `out`
 * is left as it was.  NB_OK, NB_EINTERNAL (a bad time, see above) or
 * NB_ENOMEM (out of memory, or over out's cap). */

/* Podcasting 2.0 chapters, pretty-printed:
 * {"version": "1.2.0", "chapters": [{"startTime": 0, "endTime": 12.34,
 *  "title": "Intro"}, ...]} (startTime, endTime in seconds). */
nb_status nb_sidecars_chapters_json(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                    struct nb_error *err);

/* "WEBVTT\n\n1\n00:00:00.000 --> 00:00:12.340\nIntro\n\n2\n..." */
nb_status nb_sidecars_chapters_vtt(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                   struct nb_error *err);

/* "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n<v Newsreader>Good morning.\n\n..." */
nb_status nb_sidecars_transcript_vtt(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                     struct nb_error *err);

/* "1\n00:00:00,000 --> 00:00:02,500\nGood morning.\n\n2\n...\nAna Lima: We will.\n\n" */
nb_status nb_sidecars_transcript_srt(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                     struct nb_error *err);

/* The manifest for the audio at `audio_path`, pretty-printed:
 *   {"title", "date", "publisher", "duration",
 *    "loudness": {"target", "integrated_lufs", "true_peak_dbtp"},
 *    "files": [{"path", "format", "rate", "channels", "duration",
 *               "loudness_lufs", "true_peak_dbtp", "story"}],
 *    "stories": [{"story", "title", "start", "end"}],
 *    "chapters": "NAME.chapters.json", "chapters_vtt": "NAME.chapters.vtt",
 *    "transcript": {"vtt": "NAME.vtt", "srt": "NAME.srt"}}
 * "duration" is b->seconds.  The bulletin's integrated loudness and true
 * peak are those of the first file with story 0 (null when there is none).
 * "stories" are the chapters with a story number, after the clean-up
 * above.  Paths are relative to the manifest's folder (the folder of
 * audio_path): the sidecars' are basenames; a file's path under that
 * folder (compared as written, after any leading "./", with no symlinks
 * resolved) loses the folder's prefix, any other path is written as given.
 * NB_OK, NB_EINPUT (audio_path has no file name, or a file has no path),
 * NB_EINTERNAL, NB_ENOMEM. */
nb_status nb_sidecars_manifest_json(const struct nb_sidecar_bulletin *b, const char *audio_path,
                                    struct nb_buf *out, struct nb_error *err);

/* Appends NAME, `audio_path` without the last extension of its file name
 * ("out/morning.wav" -> "out/morning", "out.d/morning" -> "out.d/morning",
 * ".hidden" stays).  NB_OK, NB_EINPUT (empty, or ending in '/'; out
 * unchanged) or NB_ENOMEM. */
nb_status nb_sidecars_name(const char *audio_path, struct nb_buf *out, struct nb_error *err);

/* Writes the five sidecars of the audio at `audio_path` into its folder
 * (which must exist: it is not created), in this order: NAME.chapters.json,
 * NAME.chapters.vtt, NAME.vtt, NAME.srt, NAME.manifest.json; on success
 * their paths are appended to `written` (may be NULL) in that order
 * (copies, owned by the list).
 *
 * All or nothing, as far as a file system allows: every file is first
 * formatted, then written durably with nb_file_write_atomic() under a
 * staging name beside it (".BASENAME.<pid>.new", e.g.
 * "out/.morning.vtt.1234.new"); only when all five are written are they
 * renamed into place, each old file kept meanwhile as a hard link
 * (".BASENAME.<pid>.old").  On any failure the files this call wrote are
 * removed (staged or already renamed), the old files of an earlier
 * bulletin are put back (an old file that could not be hard-linked, on a
 * file system without links, is lost: that sidecar is then missing rather
 * than new; one that cannot be renamed back stays as its ".old" file),
 * nothing is added to `written`, and err names the final path that
 * failed.  A crash can leave ".*.new" / ".*.old" files beside the
 * audio.  Readers may see a mix of old and new files during the renames.
 * NB_OK, NB_EINPUT (bad audio_path; a sidecar's name would be audio_path
 * itself), NB_EIO, NB_EINTERNAL, NB_ENOMEM. */
nb_status nb_sidecars_write(const char *audio_path, const struct nb_sidecar_bulletin *b,
                            struct nb_strv *written, struct nb_error *err);

#endif
