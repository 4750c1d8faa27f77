/* briefing.h - a briefing definition: briefings/NAME.yaml.
 *
 *   title: Morning Briefing
 *   date: 2026-11-28          # optional, default today (the caller fills it)
 *   voice: anchor             # a profile name or a path to one
 *   articles:                 # files, folders or globs, relative to this file
 *     - articles          # e.g. a folder, a file, or the glob articles/[*].txt
 *   stories: 5                # at most this many stories (1..100), default 5
 *   sentences: 3              # lead sentences per story (1..50), default 3
 *   output: out/morning.wav   # relative to this file; default title-slug.wav;
 *                             # the extension picks the format: .wav .flac
 *                             # .mp3 .ogg .opus; or a mapping:
 *   output: {file: out/morning.mp3, format: mp3, rate: 44100, channels: 2,
 *            bits: 16, per_story: true}
 *   loudness: podcast         # podcast (-16 LUFS), broadcast (-23), atsc,
 *                             # alexa, off, or a number of LUFS
 *   publisher: Nordhavn Radio # in the audio files' metadata and manifest
 *   jingles: {intro: sting.wav, between: bed.flac, outro: end.ogg}
 *                             # any audio libsndfile reads, at most 2 min,
 *                             # brought to the speech's loudness
 *   time: "07:00"             # when it goes out: "Good morning", {time_of_day}
 *   quotes: 1                 # quotes per story (0..10), default 1
 *   max_words: 30             # longer lead sentences lose asides (0 = never)
 *   headlines: true           # "First, the headlines." after the intro
 *   recap: true               # the headlines again before the outro
 *   quote_voice: correspondent  # a second voice reads the quotes
 *   duration: 3m              # fit the bulletin to 30s..1h (also "90s")
 *   intro: "Good {time_of_day}. This is {title} for {date}."   # own wording
 *   outro: "That was {title}."
 *   transitions: {first: [...], middle: [...], last: [...]}   # see transitions_bank.h
 *   order: [tunnel, fisheries] # story ids (file names without extension) read first
 *   lexicon: names.yaml       # the briefing's own pronunciation lexicon (see
 *                             # config/lexicon.h); its entries beat the shipped ones
 *   rate: 220                 # words a minute for every voice (80..450),
 *                             # for listeners who want it faster
 *   pauses: {start: 500ms, end: 2s}  # silence before the first word, and at
 *                             # least this much after the last (at most 10s)
 *   limits: {sentence: 4000}  # how much may be said, in characters: title
 *                             # (200), sentence (2000), segment (20000),
 *                             # bulletin (200000); more is refused
 *   on_error: skip            # a story eSpeak NG crashes or hangs on is left
 *                             # out with a warning (default fail: the build
 *                             # fails, naming the segment)
 *
 * Web pages and feeds: an articles entry may also be an .html page, an RSS
 * or Atom feed file (.xml, .rss, .atom), or an http(s):// URL of a page or
 * a feed; each feed item is a story.  Keys for them:
 *   since: 1d                 # only feed items of the last day (a duration
 *                             # before the briefing's date and time, local,
 *                             # or now; or a date: 2026-12-01 is midnight
 *                             # UTC, 2026-12-01T06:00:00Z); undated items
 *                             # are kept
 *   max_items: 5              # at most this many items from each feed,
 *                             # newest first
 *   new_only: true            # skip items an earlier build already spoke
 *                             # (default true; kept in the cache's state.db)
 *   follow_links: true        # an item with only a summary reads its page
 *                             # (default true)
 *   on_source_error: skip     # skip (default: a warning, the rest is built)
 *                             # or fail (the build fails)
 *   cache: .cache/morning     # where fetched pages, feed state and
 *                             # validators live; default
 *                             # $XDG_CACHE_HOME/newsbrief/NAME (~/.cache)
 *
 * An articles entry may be a mapping {file: x.txt, priority: 1}: stories
 * are read in `order`, then by priority (1 first), then as listed.  With a
 * duration, `stories` and `sentences` are upper limits that default to
 * 100 and 50 (the fitting chooses).
 *
 * Every error is reported as FILE:LINE:COLUMN: message.  The briefing owns
 * its strings.
 */
#ifndef NB_CONFIG_BRIEFING_H
#define NB_CONFIG_BRIEFING_H

#include "text/yaml_doc.h"
#include "script/limits.h"
#include "script/transitions.h"
#include "speech/encoder.h"
#include "speech/loudness.h"
#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

struct nb_briefing {
    char *path; /* the file */
    char *dir;  /* its folder */
    char *title;
    int has_date; /* 0: no date key, the caller uses today */
    int year, month, day;
    char *voice;               /* as written */
    char *voice_path;          /* the profile file it resolved to */
    struct nb_mark voice_mark; /* where the voice value is; line 0 when the
                                  key is absent and the default is used */
    struct nb_strv articles;   /* resolved article files and URLs, in order,
                                  no repeats */
    struct nb_mark *article_marks; /* article_marks[i]: where the entry that
                                      gave articles.v[i] is written (a glob's
                                      or folder's for each file it found);
                                      NULL when not loaded from a file */
    unsigned stories;
    unsigned sentences;
    char *output; /* resolved against dir; NULL when not given */
    struct nb_mark output_mark;
    struct nb_audio_format format;      /* from the output's extension and keys;
                                           WAV 22050 Hz mono 16-bit by default */
    char *output_ext;                   /* `format:` given without `file:`: the default name's
                                           extension (".mp3"); NULL */
    int per_story;                      /* output: {per_story: true} */
    struct nb_loudness_target loudness; /* default podcast */
    struct nb_mark loudness_mark;
    char *publisher;                    /* NULL when not given */
    char *jingles[3];                   /* intro, between, outro: resolved paths; NULL: none */
    int stories_given, sentences_given; /* the keys were written */
    unsigned quotes;                    /* per story, default 1 */
    unsigned max_words;                 /* 0: lead sentences are never shortened */
    int has_time, hour, minute;         /* time: "07:00" */
    int headlines, recap;               /* default 0 */
    char *quote_voice;                  /* NULL when not given */
    char *quote_voice_path;
    struct nb_mark quote_voice_mark;
    unsigned long duration_ms; /* 0 when not given */
    struct nb_mark duration_mark;
    char *intro, *outro; /* templates; NULL when not given */
    char *lexicon_path;  /* resolved against dir; NULL when not given */
    struct nb_mark lexicon_mark;
    struct nb_transition_bank transitions; /* the briefing's own; sets left
                                              empty use the shipped bank */
    /* web pages and feeds */
    int since_kind;           /* NB_SINCE_NONE, _AGO (since_ms) or _TIME */
    unsigned long since_ms;   /* since: 1d */
    long long since_time;     /* since: 2026-12-01 (Unix seconds, UTC) */
    unsigned max_items;       /* per feed; 0: no limit */
    int new_only;             /* default 1 */
    int follow_links;         /* default 1 */
    int fail_on_source_error; /* on_source_error: fail */
    int skip_on_error;        /* on_error: skip */
    struct nb_limits limits;  /* limits: how much may be said (0s: the defaults) */
    struct nb_mark limits_mark;   /* where limits is set (line 0: not set) */
    struct nb_mark on_error_mark; /* where on_error is set (line 0: not set) */
    char *cache_dir;          /* resolved against dir; NULL: not given */
    /* audio */
    unsigned rate;                    /* 0: each voice profile's own */
    unsigned lead_in_ms, lead_out_ms; /* pauses: start and end */
};

enum { NB_SINCE_NONE, NB_SINCE_AGO, NB_SINCE_TIME };

/* Shortest and longest `duration:` accepted. */
#define NB_BRIEFING_MIN_DURATION_MS 30000ul
#define NB_BRIEFING_MAX_DURATION_MS 3600000ul

/* Empty briefing with the defaults (stories 5, sentences 3, quotes 1); no
 * allocation. */
void nb_briefing_init(struct nb_briefing *b);
void nb_briefing_release(struct nb_briefing *b);

/* Loads, validates and resolves a briefing: unknown keys (with a
 * suggestion), wrong types, missing title or articles, an impossible date,
 * a voice profile that does not exist, an article entry that matches no
 * file: each NB_EINPUT at its position. Folders list their *.txt and *.md
 * files in name order; globs expand in name order.  `b` must have been
 * initialised; its old contents are released first, and on failure it is
 * left empty.  Paths are `dir` joined with what the file says (relative
 * when `path` is).  The voice is only found, not loaded: the caller loads
 * voice_path with nb_voice_profile_load(). */
nb_status nb_briefing_load(struct nb_briefing *b, const char *path, struct nb_error *err);

/* Appends the default output file name for `title`: lower case, runs of
 * anything but letters and digits as one dash, ".wav" ("morning-briefing.wav").
 * Letters of any script are kept, in lower case (text/chars.h); the name is cut at
 * 80 bytes; a title without letters or digits gives "briefing.wav".
 * NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_briefing_default_output(const char *title, struct nb_buf *out);

#endif
