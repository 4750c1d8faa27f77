#include "speech/encoder.h"

#include "speech/id3.h"
#include "text/buf.h"
#include "text/file.h"

#include <sndfile.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Frames per sf_writef_float call: libvorbis crashes on very large writes. */
#define WRITE_CHUNK ((size_t)1 << 16)
/* Bytes per step when moving the tail of a file to make room for a tag. */
#define MOVE_CHUNK ((size_t)1 << 20)

/* ---------------------------------------------------------------- formats */

struct container_info {
    const char *ext;
    enum nb_audio_container container;
    const char *name;
    int sf_format; /* without the PCM subtype for WAV and FLAC */
};

static const struct container_info CONTAINERS[] = {
    {".wav", NB_AUDIO_WAV, "WAV", SF_FORMAT_WAV},
    {".flac", NB_AUDIO_FLAC, "FLAC", SF_FORMAT_FLAC},
    {".mp3", NB_AUDIO_MP3, "MP3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III},
    {".ogg", NB_AUDIO_OGG_VORBIS, "Ogg Vorbis", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
    {".opus", NB_AUDIO_OGG_OPUS, "Ogg Opus", SF_FORMAT_OGG | SF_FORMAT_OPUS},
};
#define NCONTAINERS (sizeof(CONTAINERS) / sizeof(CONTAINERS[0]))

static const struct container_info *container_info(enum nb_audio_container c)
{
    for (size_t i = 0; i < NCONTAINERS; i++)
        if (CONTAINERS[i].container == c)
            return &CONTAINERS[i];
    return NULL;
}

const char *nb_audio_container_name(enum nb_audio_container c)
{
    const struct container_info *ci = container_info(c);
    return ci ? ci->name : "unknown";
}

nb_status nb_audio_format_from_path(const char *path, struct nb_audio_format *f,
                                    struct nb_error *err)
{
    const char *base = nb_path_basename(path);
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return nb_error_set(err, NB_EINPUT,
                            "'%s': no audio format for a file name without an extension "
                            "(use .wav, .flac, .mp3, .ogg or .opus)",
                            path);
    for (size_t i = 0; i < NCONTAINERS; i++) {
        if (strcasecmp(dot, CONTAINERS[i].ext) == 0) {
            f->container = CONTAINERS[i].container;
            f->rate = f->container == NB_AUDIO_OGG_OPUS ? NB_AUDIO_DEFAULT_OPUS_RATE
                                                        : NB_AUDIO_DEFAULT_RATE;
            f->channels = NB_AUDIO_DEFAULT_CHANNELS;
            f->bits = NB_AUDIO_DEFAULT_BITS;
            return NB_OK;
        }
    }
    return nb_error_set(err, NB_EINPUT,
                        "'%s': no audio format for the extension '%s' (use .wav, .flac, .mp3, "
                        ".ogg or .opus)",
                        path, dot);
}

nb_status nb_audio_format_check(const struct nb_audio_format *f, struct nb_error *err)
{
    const struct container_info *ci = container_info(f->container);
    if (!ci)
        return nb_error_set(err, NB_EINTERNAL, "unknown audio container %d", (int)f->container);
    if (f->container == NB_AUDIO_OGG_OPUS) {
        if (f->rate != 48000 && f->rate != 24000)
            return nb_error_set(err, NB_EINPUT,
                                "Opus cannot be written at %u Hz (use 48000 or 24000 Hz)", f->rate);
    } else if (f->rate != 22050 && f->rate != 24000 && f->rate != 44100 && f->rate != 48000) {
        return nb_error_set(err, NB_EINPUT,
                            "%s cannot be written at %u Hz (use 22050, 24000, 44100 or 48000 Hz)",
                            ci->name, f->rate);
    }
    if (f->channels < 1 || f->channels > 2)
        return nb_error_set(err, NB_EINPUT, "cannot write %u channels (use 1 or 2)", f->channels);
    if ((f->container == NB_AUDIO_WAV || f->container == NB_AUDIO_FLAC) && f->bits != 16 &&
        f->bits != 24)
        return nb_error_set(err, NB_EINPUT, "%s cannot be written with %u bits (use 16 or 24)",
                            ci->name, f->bits);
    return NB_OK;
}

/* ------------------------------------------------------------------ writer */

struct nb_audio_writer {
    struct nb_tmpfile tmp; /* owns the descriptor and both paths */
    SNDFILE *sf;           /* NULL once closed */
    struct nb_audio_format f;
    struct nb_audio_meta meta;         /* owned copies */
    struct nb_audio_chapter *chapters; /* owned, titles too */
    size_t nchapters;
    size_t frames;
    float *scratch; /* WRITE_CHUNK frames, clipped */
    int io_errno;   /* the first failed write or seek, 0 while none */
};

static void free_writer(struct nb_audio_writer *w)
{
    if (w->sf)
        sf_close(w->sf);
    nb_tmpfile_abort(&w->tmp);
    free((char *)w->meta.title);
    free((char *)w->meta.date);
    free((char *)w->meta.publisher);
    free((char *)w->meta.comment);
    for (size_t i = 0; i < w->nchapters; i++)
        free((char *)w->chapters[i].title);
    free(w->chapters);
    free(w->scratch);
    free(w);
}

void nb_audio_writer_abort(struct nb_audio_writer *w)
{
    if (w)
        free_writer(w);
}

const char *nb_audio_writer_temp_path(const struct nb_audio_writer *w)
{
    return w->tmp.tmp_path;
}

size_t nb_audio_writer_frames(const struct nb_audio_writer *w)
{
    return w->frames;
}

/* Copy of s, or NULL for NULL and "".  *failed is set when out of memory. */
static char *copy_opt(const char *s, int *failed)
{
    if (!s || !*s)
        return NULL;
    char *c = nb_strdup(s);
    if (!c)
        *failed = 1;
    return c;
}

static nb_status check_chapters(const struct nb_audio_format *f, const struct nb_audio_chapter *ch,
                                size_t n, struct nb_error *err)
{
    size_t max = f->container == NB_AUDIO_MP3 ? NB_ID3_CHAPTERS_MAX : NB_AUDIO_CHAPTERS_MAX;
    if (n > max)
        return nb_error_set(err, NB_EINPUT, "too many chapters for %s (%zu; at most %zu)",
                            nb_audio_container_name(f->container), n, max);
    for (size_t i = 0; i < n; i++) {
        if (!(ch[i].start >= 0 && ch[i].start < 1e7))
            return nb_error_set(err, NB_EINPUT, "chapter %zu starts at %g s", i + 1, ch[i].start);
        if (i && !(ch[i].start > ch[i - 1].start))
            return nb_error_set(err, NB_EINPUT,
                                "chapter %zu starts at %g s, not after chapter %zu (%g s)", i + 1,
                                ch[i].start, i, ch[i - 1].start);
    }
    return NB_OK;
}

static size_t chapter_frame(const struct nb_audio_writer *w, size_t i)
{
    return (size_t)llround(w->chapters[i].start * w->f.rate);
}

/* WAV cue points, one per chapter, ID i+1 (the labl chunks refer to it). */
static nb_status set_cues(struct nb_audio_writer *w)
{
    size_t size = offsetof(SF_CUES, cue_points) + w->nchapters * sizeof(SF_CUE_POINT);
    SF_CUES *cues = calloc(1, size);
    if (!cues)
        return NB_ENOMEM;
    cues->cue_count = (uint32_t)w->nchapters;
    for (size_t i = 0; i < w->nchapters; i++) {
        SF_CUE_POINT *c = &cues->cue_points[i];
        c->indx = (int32_t)(i + 1);
        c->position = (uint32_t)chapter_frame(w, i);
        c->fcc_chunk = 0x61746164; /* "data", little-endian */
        c->sample_offset = c->position;
    }
    int ok = sf_command(w->sf, SFC_SET_CUE, cues, (int)size) == SF_TRUE;
    free(cues);
    return ok ? NB_OK : NB_EIO;
}

/* MP3: constant bit rate.  libsndfile maps the compression level linearly
 * onto LAME's bit rates, 320 to 32 kbit/s for MPEG-1 (32-48 kHz) and 160 to
 * 8 for MPEG-2 (16-24 kHz); LAME takes the nearest standard rate, so aim
 * half a step high. */
static nb_status set_mp3_rate(struct nb_audio_writer *w)
{
    int mpeg1 = w->f.rate >= 32000;
    double kbps = (mpeg1 ? NB_AUDIO_MP3_KBPS : NB_AUDIO_MP3_KBPS_MPEG2) * w->f.channels + 0.5;
    double level = mpeg1 ? (320.0 - kbps) / 288.0 : (160.0 - kbps) / 152.0;
    level = level < 0 ? 0 : level > 1 ? 1 : level;
    int mode = SF_BITRATE_MODE_CONSTANT;
    /* libsndfile 1.2.0 answers SF_FALSE for MPEG although it sets the mode */
    sf_command(w->sf, SFC_SET_BITRATE_MODE, &mode, sizeof(mode));
    if (sf_command(w->sf, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level)) != SF_TRUE)
        return NB_EIO;
    return NB_OK;
}

/* Settings that libsndfile takes only before the first write. */
static nb_status configure(struct nb_audio_writer *w, struct nb_error *err)
{
    const char *path = w->tmp.final_path;
    int on = SF_TRUE;
    sf_command(w->sf, SFC_SET_CLIPPING, NULL, on);
    if (w->f.container != NB_AUDIO_MP3) { /* MP3 gets its own ID3 tag at commit */
        static const struct {
            size_t offset;
            int id;
            const char *what;
        } STRS[] = {
            {offsetof(struct nb_audio_meta, title), SF_STR_TITLE, "title"},
            {offsetof(struct nb_audio_meta, date), SF_STR_DATE, "date"},
            {offsetof(struct nb_audio_meta, publisher), SF_STR_ARTIST, "publisher"},
            {offsetof(struct nb_audio_meta, comment), SF_STR_COMMENT, "comment"},
        };
        for (size_t i = 0; i < sizeof(STRS) / sizeof(STRS[0]); i++) {
            const char *s = *(const char *const *)((const char *)&w->meta + STRS[i].offset);
            if (s && sf_set_string(w->sf, STRS[i].id, s) != 0)
                return nb_error_set_at(err, NB_EINPUT, path, 0, 0, "cannot store the %s: %s",
                                       STRS[i].what, sf_strerror(w->sf));
        }
    }
    /* Vorbis: quality 0.8 (libsndfile's default is 0.4), for speech
     * brought to broadcast loudness, whose dense peaks a low quality
     * spreads above the ceiling */
    double vorbis_level = 0.2;
    if (w->f.container == NB_AUDIO_OGG_VORBIS &&
        sf_command(w->sf, SFC_SET_COMPRESSION_LEVEL, &vorbis_level, sizeof(vorbis_level)) !=
            SF_TRUE)
        return nb_error_set(err, NB_EIO, "'%s': the Vorbis encoder refused its quality", path);
    if (w->f.container == NB_AUDIO_MP3 && set_mp3_rate(w) != NB_OK)
        return nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot set the MP3 bit rate: %s",
                               sf_strerror(w->sf));
    if (w->f.container == NB_AUDIO_WAV && w->nchapters) {
        nb_status rc = set_cues(w);
        if (rc == NB_ENOMEM)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        if (rc != NB_OK)
            return nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot store the cue points: %s",
                                   sf_strerror(w->sf));
    }
    return NB_OK;
}

/* libsndfile writes through these rather than the descriptor itself: its
 * MP3 encoder ignores failed writes (a full disk gave a short file and no
 * error, even from sf_close), so every failure is recorded here. */
static sf_count_t vio_length(void *user)
{
    struct nb_audio_writer *w = user;
    struct stat st;
    return fstat(w->tmp.fd, &st) < 0 ? -1 : (sf_count_t)st.st_size;
}

static sf_count_t vio_seek(sf_count_t offset, int whence, void *user)
{
    struct nb_audio_writer *w = user;
    off_t r = lseek(w->tmp.fd, (off_t)offset, whence);
    if (r < 0 && !w->io_errno)
        w->io_errno = errno;
    return (sf_count_t)r;
}

static sf_count_t vio_tell(void *user)
{
    struct nb_audio_writer *w = user;
    return (sf_count_t)lseek(w->tmp.fd, 0, SEEK_CUR);
}

static sf_count_t vio_read(void *ptr, sf_count_t count, void *user)
{
    struct nb_audio_writer *w = user;
    sf_count_t done = 0;
    while (done < count) {
        ssize_t r = read(w->tmp.fd, (char *)ptr + done, (size_t)(count - done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        done += r;
    }
    return done;
}

static sf_count_t vio_write(const void *ptr, sf_count_t count, void *user)
{
    struct nb_audio_writer *w = user;
    sf_count_t done = 0;
    while (done < count) {
        ssize_t r = write(w->tmp.fd, (const char *)ptr + done, (size_t)(count - done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (!w->io_errno)
                w->io_errno = r < 0 ? errno : EIO;
            break;
        }
        done += r;
    }
    return done;
}

nb_status nb_audio_writer_open(struct nb_audio_writer **out, const char *path,
                               const struct nb_audio_format *f, const struct nb_audio_meta *meta,
                               const struct nb_audio_chapter *chapters, size_t nchapters,
                               const struct nb_temp_hook *temp, struct nb_error *err)
{
    *out = NULL;
    nb_status rc = nb_audio_format_check(f, err);
    if (rc == NB_OK)
        rc = check_chapters(f, chapters, nchapters, err);
    if (rc != NB_OK) {
        nb_error_set_file(err, path);
        return rc;
    }
    struct nb_audio_writer *w = calloc(1, sizeof(*w));
    if (!w)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    w->tmp.fd = -1;
    w->f = *f;
    int failed = 0;
    if (meta) {
        w->meta.title = copy_opt(meta->title, &failed);
        w->meta.date = copy_opt(meta->date, &failed);
        w->meta.publisher = copy_opt(meta->publisher, &failed);
        w->meta.comment = copy_opt(meta->comment, &failed);
    }
    if (nchapters) {
        w->chapters = calloc(nchapters, sizeof(*w->chapters));
        failed |= !w->chapters;
        for (size_t i = 0; w->chapters && i < nchapters; i++) {
            w->chapters[i].start = chapters[i].start;
            w->chapters[i].title = copy_opt(chapters[i].title, &failed);
            w->nchapters = i + 1;
        }
    }
    w->scratch = malloc(WRITE_CHUNK * f->channels * sizeof(float));
    if (failed || !w->scratch) {
        free_writer(w);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    rc = nb_tmpfile_open(&w->tmp, path, temp, err);
    if (rc != NB_OK) {
        free_writer(w);
        return rc;
    }
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    info.samplerate = (int)f->rate;
    info.channels = (int)f->channels;
    info.format = container_info(f->container)->sf_format;
    if (f->container == NB_AUDIO_WAV || f->container == NB_AUDIO_FLAC)
        info.format |= f->bits == 24 ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16;
    /* the descriptor stays w->tmp's, which fsyncs and closes it */
    SF_VIRTUAL_IO io = {vio_length, vio_seek, vio_read, vio_write, vio_tell};
    w->sf = sf_open_virtual(&io, SFM_WRITE, &info, w);
    if (!w->sf) {
        nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write %s audio: %s",
                        nb_audio_container_name(f->container), sf_strerror(NULL));
        free_writer(w);
        return NB_EIO;
    }
    rc = configure(w, err);
    if (rc != NB_OK) {
        nb_error_set_file(err, path);
        free_writer(w);
        return rc;
    }
    *out = w;
    return NB_OK;
}

/* A write failed: the encoder's state is unknown, so it is closed and
 * further writes are refused.  The recorded errno says more than
 * libsndfile's "Unspecified internal error" (Vorbis). */
static nb_status write_failed(struct nb_audio_writer *w, struct nb_error *err)
{
    nb_error_set_at(err, NB_EIO, w->tmp.final_path, 0, 0, "cannot write audio: %s",
                    w->io_errno ? strerror(w->io_errno) : sf_strerror(w->sf));
    sf_close(w->sf);
    w->sf = NULL;
    return NB_EIO;
}

nb_status nb_audio_writer_write(struct nb_audio_writer *w, const float *frames, size_t nframes,
                                struct nb_error *err)
{
    size_t ch = w->f.channels;
    if (!w->sf)
        return nb_error_set_at(err, NB_EINTERNAL, w->tmp.final_path, 0, 0,
                               "audio written after a failure");
    for (size_t off = 0; off < nframes;) {
        size_t n = nframes - off < WRITE_CHUNK ? nframes - off : WRITE_CHUNK;
        const float *in = frames + off * ch;
        for (size_t i = 0; i < n * ch; i++) {
            float s = in[i];
            w->scratch[i] = s > 1.0f ? 1.0f : s < -1.0f ? -1.0f : s == s ? s : 0.0f;
        }
        sf_count_t done = sf_writef_float(w->sf, w->scratch, (sf_count_t)n);
        if (done != (sf_count_t)n || w->io_errno)
            return write_failed(w, err);
        off += n;
        w->frames += n;
    }
    return NB_OK;
}

nb_status nb_audio_writer_write_s16(struct nb_audio_writer *w, const int16_t *frames,
                                    size_t nframes, struct nb_error *err)
{
    size_t ch = w->f.channels;
    if (!w->sf)
        return nb_error_set_at(err, NB_EINTERNAL, w->tmp.final_path, 0, 0,
                               "audio written after a failure");
    for (size_t off = 0; off < nframes;) {
        size_t n = nframes - off < WRITE_CHUNK ? nframes - off : WRITE_CHUNK;
        sf_count_t done = sf_writef_short(w->sf, frames + off * ch, (sf_count_t)n);
        if (done != (sf_count_t)n || w->io_errno)
            return write_failed(w, err);
        off += n;
        w->frames += n;
    }
    return NB_OK;
}

/* ------------------------------------------------------------ file editing */

/* Reading and writing at an offset; errno tells why on NB_EIO (EIO itself
 * for a file shorter than expected). */
static nb_status pread_all(int fd, void *buf, size_t n, off_t at)
{
    char *p = buf;
    while (n) {
        ssize_t r = pread(fd, p, n, at);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;
            return NB_EIO;
        }
        p += r;
        at += r;
        n -= (size_t)r;
    }
    return NB_OK;
}

static nb_status pwrite_all(int fd, const void *buf, size_t n, off_t at)
{
    const char *p = buf;
    while (n) {
        ssize_t r = pwrite(fd, p, n, at);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;
            return NB_EIO;
        }
        p += r;
        at += r;
        n -= (size_t)r;
    }
    return NB_OK;
}

static nb_status file_size(int fd, off_t *size)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return NB_EIO;
    *size = st.st_size;
    return NB_OK;
}

/* Replaces the bytes [at, at + old_len) of the file with data[0..new_len),
 * moving what follows. */
static nb_status file_splice(int fd, off_t at, off_t old_len, const void *data, size_t new_len)
{
    off_t size;
    if (file_size(fd, &size) != NB_OK)
        return NB_EIO;
    off_t tail = at + old_len, delta = (off_t)new_len - old_len;
    nb_status rc = NB_OK;
    if (delta != 0) {
        char *buf = malloc(MOVE_CHUNK);
        if (!buf)
            return NB_ENOMEM;
        if (delta > 0) { /* from the end backwards, not to overwrite what is still to move */
            for (off_t end = size; end > tail && rc == NB_OK;) {
                size_t n = end - tail < (off_t)MOVE_CHUNK ? (size_t)(end - tail) : MOVE_CHUNK;
                end -= (off_t)n;
                rc = pread_all(fd, buf, n, end);
                if (rc == NB_OK)
                    rc = pwrite_all(fd, buf, n, end + delta);
            }
        } else {
            for (off_t pos = tail; pos < size && rc == NB_OK;) {
                size_t n = size - pos < (off_t)MOVE_CHUNK ? (size_t)(size - pos) : MOVE_CHUNK;
                rc = pread_all(fd, buf, n, pos);
                if (rc == NB_OK)
                    rc = pwrite_all(fd, buf, n, pos + delta);
                pos += (off_t)n;
            }
            if (rc == NB_OK && ftruncate(fd, size + delta) < 0)
                rc = NB_EIO;
        }
        int e = errno;
        free(buf);
        errno = e;
    }
    if (rc == NB_OK)
        rc = pwrite_all(fd, data, new_len, at);
    return rc;
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static nb_status add_le32(struct nb_buf *b, uint32_t v)
{
    unsigned char c[4];
    put_le32(c, v);
    return nb_buf_add(b, (const char *)c, 4);
}

/* ---------------------------------------------------------- Vorbis comments */

/* The chapters as Vorbis comments, each a 32-bit little-endian length and
 * the text (the layout inside a comment header); *count receives how many. */
static nb_status chapter_comments(const struct nb_audio_writer *w, struct nb_buf *out,
                                  uint32_t *count)
{
    struct nb_buf c;
    nb_buf_init(&c, 0);
    *count = 0;
    for (size_t i = 0; i < w->nchapters; i++) {
        uint64_t ms = (uint64_t)llround(w->chapters[i].start * 1000.0);
        nb_buf_reset(&c);
        if (nb_buf_addf(&c, "CHAPTER%03zu=%02u:%02u:%02u.%03u", i + 1, (unsigned)(ms / 3600000),
                        (unsigned)(ms / 60000 % 60), (unsigned)(ms / 1000 % 60),
                        (unsigned)(ms % 1000)) != NB_OK ||
            add_le32(out, (uint32_t)c.len) != NB_OK || nb_buf_add(out, c.data, c.len) != NB_OK)
            goto oom;
        ++*count;
        if (!w->chapters[i].title)
            continue;
        nb_buf_reset(&c);
        if (nb_buf_addf(&c, "CHAPTER%03zuNAME=%s", i + 1, w->chapters[i].title) != NB_OK ||
            add_le32(out, (uint32_t)c.len) != NB_OK || nb_buf_add(out, c.data, c.len) != NB_OK)
            goto oom;
        ++*count;
    }
    nb_buf_release(&c);
    return NB_OK;
oom:
    nb_buf_release(&c);
    return NB_ENOMEM;
}

/* Appends to out the comment header old[0..len) (magic of magic_len bytes,
 * vendor, count, comments, anything after) with `add` (count_add comments)
 * after its comments.  NB_EINTERNAL when old is malformed. */
static nb_status comments_append(const unsigned char *old, size_t len, size_t magic_len,
                                 const struct nb_buf *add, uint32_t count_add, struct nb_buf *out)
{
    size_t p = magic_len;
    if (len < p + 4 || get_le32(old + p) > len - p - 4)
        return NB_EINTERNAL;
    p += 4 + get_le32(old + p);
    if (len - p < 4)
        return NB_EINTERNAL;
    size_t count_at = p;
    uint32_t count = get_le32(old + p);
    p += 4;
    for (uint32_t i = 0; i < count; i++) {
        if (len - p < 4 || get_le32(old + p) > len - p - 4)
            return NB_EINTERNAL;
        p += 4 + get_le32(old + p);
    }
    if (nb_buf_add(out, (const char *)old, count_at) != NB_OK ||
        add_le32(out, count + count_add) != NB_OK ||
        nb_buf_add(out, (const char *)old + count_at + 4, p - count_at - 4) != NB_OK ||
        nb_buf_add(out, add->data, add->len) != NB_OK ||
        nb_buf_add(out, (const char *)old + p, len - p) != NB_OK)
        return NB_ENOMEM;
    return NB_OK;
}

/* ------------------------------------------------------------------- WAV */

/* Appends a LIST/adtl chunk naming each cue point (labl: cue ID, text) and
 * fixes the RIFF size. */
static nb_status wav_add_labels(struct nb_audio_writer *w)
{
    int fd = w->tmp.fd;
    struct nb_buf list;
    nb_buf_init(&list, 0);
    nb_status rc = nb_buf_add(&list, "LIST\0\0\0\0adtl", 12);
    for (size_t i = 0; i < w->nchapters && rc == NB_OK; i++) {
        const char *t = w->chapters[i].title;
        if (!t)
            continue;
        size_t n = strlen(t) + 1;
        if (nb_buf_add(&list, "labl", 4) != NB_OK || add_le32(&list, (uint32_t)(4 + n)) != NB_OK ||
            add_le32(&list, (uint32_t)(i + 1)) != NB_OK || nb_buf_add(&list, t, n) != NB_OK ||
            (n % 2 && nb_buf_addc(&list, '\0') != NB_OK))
            rc = NB_ENOMEM;
    }
    off_t size;
    unsigned char riff[12];
    if (rc == NB_OK && list.len > 12) {
        put_le32((unsigned char *)list.data + 4, (uint32_t)(list.len - 8));
        if (file_size(fd, &size) != NB_OK || pread_all(fd, riff, 12, 0) != NB_OK)
            rc = NB_EIO;
        else if (memcmp(riff, "RIFF", 4) != 0 || memcmp(riff + 8, "WAVE", 4) != 0)
            rc = NB_EINTERNAL;
        else if (size % 2 && pwrite_all(fd, "", 1, size++) != NB_OK) /* chunks start even */
            rc = NB_EIO;
        else if ((uint64_t)size + list.len - 8 > UINT32_MAX)
            rc = NB_EINPUT;
        else if (pwrite_all(fd, list.data, list.len, size) != NB_OK)
            rc = NB_EIO;
        else {
            put_le32(riff + 4, (uint32_t)(size + (off_t)list.len - 8));
            rc = pwrite_all(fd, riff + 4, 4, 4);
        }
    }
    nb_buf_release(&list);
    return rc;
}

/* ------------------------------------------------------------------ FLAC */

/* Adds the chapters to the VORBIS_COMMENT metadata block (creating one
 * when libsndfile wrote none), moving the audio frames after it. */
static nb_status flac_add_chapters(struct nb_audio_writer *w)
{
    int fd = w->tmp.fd;
    unsigned char h[4];
    if (pread_all(fd, h, 4, 0) != NB_OK)
        return NB_EIO;
    if (memcmp(h, "fLaC", 4) != 0)
        return NB_EINTERNAL;
    off_t off = 4, vc_off = -1, last_off = 4;
    size_t vc_len = 0;
    unsigned char vc_head = 0;
    for (int last = 0; !last;) {
        if (pread_all(fd, h, 4, off) != NB_OK)
            return NB_EIO;
        size_t len = (size_t)h[1] << 16 | (size_t)h[2] << 8 | h[3];
        last = h[0] & 0x80;
        if ((h[0] & 0x7F) == 4) {
            vc_off = off;
            vc_len = len;
            vc_head = h[0];
        }
        last_off = off;
        off += 4 + (off_t)len;
    }
    struct nb_buf add, block;
    uint32_t count;
    nb_buf_init(&add, 0);
    nb_buf_init(&block, 0);
    nb_status rc = chapter_comments(w, &add, &count);
    if (rc == NB_OK)
        rc = nb_buf_add(&block, "\0\0\0\0", 4);
    if (rc == NB_OK && vc_off >= 0) {
        unsigned char *old = malloc(vc_len ? vc_len : 1);
        rc = !old ? NB_ENOMEM : pread_all(fd, old, vc_len, vc_off + 4);
        if (rc == NB_OK)
            rc = comments_append(old, vc_len, 0, &add, count, &block);
        free(old);
    } else if (rc == NB_OK) {
        static const char vendor[] = "newsbrief";
        if (add_le32(&block, sizeof(vendor) - 1) != NB_OK ||
            nb_buf_add(&block, vendor, sizeof(vendor) - 1) != NB_OK ||
            add_le32(&block, count) != NB_OK || nb_buf_add(&block, add.data, add.len) != NB_OK)
            rc = NB_ENOMEM;
    }
    size_t len = block.len - 4;
    if (rc == NB_OK && len >= (size_t)1 << 24)
        rc = NB_EINPUT; /* a metadata block holds at most 16 MiB */
    if (rc == NB_OK) {
        unsigned char *b = (unsigned char *)block.data;
        b[1] = (unsigned char)(len >> 16);
        b[2] = (unsigned char)(len >> 8);
        b[3] = (unsigned char)len;
        if (vc_off >= 0) {
            b[0] = vc_head;
            rc = file_splice(fd, vc_off, 4 + (off_t)vc_len, b, block.len);
        } else { /* the new block becomes the last one */
            b[0] = 0x84;
            if (pread_all(fd, h, 1, last_off) != NB_OK)
                rc = NB_EIO;
            h[0] &= 0x7F;
            if (rc == NB_OK && pwrite_all(fd, h, 1, last_off) != NB_OK)
                rc = NB_EIO;
            if (rc == NB_OK)
                rc = file_splice(fd, off, 0, b, block.len);
        }
    }
    nb_buf_release(&add);
    nb_buf_release(&block);
    return rc;
}

/* ------------------------------------------------------------------- Ogg */

/* An Ogg page: header (27 bytes and the lacing values) and where it is. */
struct ogg_page {
    off_t off;
    unsigned char head[27 + 255];
    size_t head_len, body_len;
};

static uint32_t page_u32(const struct ogg_page *p, size_t at)
{
    return get_le32(p->head + at);
}

static nb_status ogg_read_page(int fd, off_t off, off_t size, struct ogg_page *p)
{
    p->off = off;
    if (size - off < 27)
        return NB_EINTERNAL;
    if (pread_all(fd, p->head, 27, off) != NB_OK)
        return NB_EIO;
    if (memcmp(p->head, "OggS", 4) != 0 || p->head[4] != 0)
        return NB_EINTERNAL;
    size_t nseg = p->head[26];
    if (size - off < (off_t)(27 + nseg) || pread_all(fd, p->head + 27, nseg, off + 27) != NB_OK)
        return NB_EIO;
    p->head_len = 27 + nseg;
    p->body_len = 0;
    for (size_t i = 0; i < nseg; i++)
        p->body_len += p->head[27 + i];
    if (size - off < (off_t)(p->head_len + p->body_len))
        return NB_EINTERNAL;
    return NB_OK;
}

static uint32_t ogg_crc(const uint32_t table[256], uint32_t crc, const unsigned char *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        crc = crc << 8 ^ table[(crc >> 24 ^ d[i]) & 0xFF];
    return crc;
}

static void ogg_crc_table(uint32_t table[256])
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t r = i << 24;
        for (int k = 0; k < 8; k++)
            r = r & 0x80000000u ? r << 1 ^ 0x04C11DB7u : r << 1;
        table[i] = r;
    }
}

/* Appends pages holding the packets pk[0..n) (lengths len[]) to out, as
 * libogg's flush makes them: up to 255 segments a page, granule position 0
 * on a page where a header packet ends and -1 on one where none does. */
static nb_status ogg_paginate(const uint32_t crc[256], const unsigned char *const *pk,
                              const size_t *len, size_t n, uint32_t serial, uint32_t seq,
                              struct nb_buf *out, size_t *npages)
{
    *npages = 0;
    size_t k = 0, pos = 0; /* packet, and offset within it */
    int continued = 0;
    while (k < n) {
        unsigned char head[27 + 255];
        size_t nseg = 0, start = out->len;
        int ends = 0;
        memcpy(head, "OggS\0", 5);
        head[5] = (unsigned char)(continued ? 1 : 0);
        if (nb_buf_add(out, (const char *)head, 27) != NB_OK) /* placeholder for the header */
            return NB_ENOMEM;
        struct nb_buf body;
        nb_buf_init(&body, 0);
        while (k < n && nseg < 255) {
            size_t v = len[k] - pos < 255 ? len[k] - pos : 255;
            head[27 + nseg++] = (unsigned char)v;
            if (nb_buf_add(&body, (const char *)pk[k] + pos, v) != NB_OK) {
                nb_buf_release(&body);
                return NB_ENOMEM;
            }
            pos += v;
            if (v < 255) { /* the packet ends here */
                k++;
                pos = 0;
                ends = 1;
            }
        }
        continued = k < n && pos > 0;
        memset(head + 6, ends ? 0 : 0xFF, 8);
        put_le32(head + 14, serial);
        put_le32(head + 18, seq + (uint32_t)*npages);
        memset(head + 22, 0, 4);
        head[26] = (unsigned char)nseg;
        uint32_t c = ogg_crc(crc, 0, head, 27 + nseg);
        c = ogg_crc(crc, c, (const unsigned char *)body.data, body.len);
        put_le32(head + 22, c);
        nb_buf_truncate(out, start);
        nb_status rc = nb_buf_add(out, (const char *)head, 27 + nseg);
        if (rc == NB_OK)
            rc = nb_buf_add(out, body.data, body.len);
        nb_buf_release(&body);
        if (rc != NB_OK)
            return NB_ENOMEM;
        ++*npages;
    }
    return NB_OK;
}

/* Gives the pages after `from` of stream `serial` sequence numbers `shift`
 * higher, with their checksums. */
static nb_status ogg_renumber(int fd, const uint32_t crc[256], off_t from, uint32_t serial,
                              uint32_t shift)
{
    off_t size;
    if (file_size(fd, &size) != NB_OK)
        return NB_EIO;
    unsigned char *body = malloc(255 * 255);
    if (!body)
        return NB_ENOMEM;
    nb_status rc = NB_OK;
    struct ogg_page p;
    for (off_t off = from; off < size && rc == NB_OK; off += (off_t)(p.head_len + p.body_len)) {
        rc = ogg_read_page(fd, off, size, &p);
        if (rc != NB_OK || page_u32(&p, 14) != serial)
            continue;
        rc = pread_all(fd, body, p.body_len, off + (off_t)p.head_len);
        if (rc != NB_OK)
            break;
        put_le32(p.head + 18, page_u32(&p, 18) + shift);
        memset(p.head + 22, 0, 4);
        uint32_t c = ogg_crc(crc, ogg_crc(crc, 0, p.head, p.head_len), body, p.body_len);
        put_le32(p.head + 22, c);
        rc = pwrite_all(fd, p.head, p.head_len, off);
    }
    free(body);
    return rc;
}

/* Adds the chapters to the comment header of an Ogg Vorbis (3 header
 * packets, comments after "\3vorbis") or Ogg Opus file (2, after
 * "OpusTags"): re-paginates the header pages after the first and renumbers
 * the audio pages when their count changes. */
static nb_status ogg_add_chapters(struct nb_audio_writer *w)
{
    int fd = w->tmp.fd;
    int opus = w->f.container == NB_AUDIO_OGG_OPUS;
    size_t nheaders = opus ? 2 : 3, magic_len = opus ? 8 : 7;
    uint32_t crc[256];
    ogg_crc_table(crc);
    off_t size;
    if (file_size(fd, &size) != NB_OK)
        return NB_EIO;
    struct ogg_page p;
    nb_status rc = ogg_read_page(fd, 0, size, &p);
    if (rc != NB_OK)
        return rc;
    uint32_t serial = page_u32(&p, 14);
    off_t first = (off_t)(p.head_len + p.body_len), off = first;
    /* the header packets after the identification header, whole */
    struct nb_buf packets[2];
    nb_buf_init(&packets[0], 0);
    nb_buf_init(&packets[1], 0);
    size_t done = 0, old_pages = 0;
    while (rc == NB_OK && done < nheaders - 1) {
        rc = ogg_read_page(fd, off, size, &p);
        if (rc != NB_OK)
            break;
        if (page_u32(&p, 14) != serial) {
            rc = NB_EINTERNAL;
            break;
        }
        unsigned char *body = malloc(p.body_len ? p.body_len : 1);
        rc = !body ? NB_ENOMEM : pread_all(fd, body, p.body_len, off + (off_t)p.head_len);
        size_t at = 0, nseg = p.head[26];
        for (size_t i = 0; i < nseg && rc == NB_OK; i++) {
            size_t v = p.head[27 + i];
            if (done >= nheaders - 1) { /* audio on a header page: not what libogg does */
                rc = NB_EINTERNAL;
                break;
            }
            rc = nb_buf_add(&packets[done], (const char *)body + at, v);
            at += v;
            done += v < 255;
        }
        free(body);
        old_pages++;
        off += (off_t)(p.head_len + p.body_len);
    }
    struct nb_buf add, comment, pages;
    nb_buf_init(&add, 0);
    nb_buf_init(&comment, 0);
    nb_buf_init(&pages, 0);
    uint32_t count = 0;
    size_t new_pages = 0;
    if (rc == NB_OK)
        rc = chapter_comments(w, &add, &count);
    if (rc == NB_OK)
        rc = comments_append((const unsigned char *)packets[0].data, packets[0].len, magic_len,
                             &add, count, &comment);
    if (rc == NB_OK) {
        const unsigned char *pk[2] = {(const unsigned char *)comment.data,
                                      (const unsigned char *)packets[1].data};
        size_t len[2] = {comment.len, packets[1].len};
        rc = ogg_paginate(crc, pk, len, nheaders - 1, serial, 1, &pages, &new_pages);
    }
    if (rc == NB_OK)
        rc = file_splice(fd, first, off - first, pages.data, pages.len);
    if (rc == NB_OK && new_pages != old_pages)
        rc = ogg_renumber(fd, crc, first + (off_t)pages.len, serial,
                          (uint32_t)(new_pages - old_pages));
    nb_buf_release(&packets[0]);
    nb_buf_release(&packets[1]);
    nb_buf_release(&add);
    nb_buf_release(&comment);
    nb_buf_release(&pages);
    return rc;
}

/* ------------------------------------------------------------------- MP3 */

/* Puts our ID3v2 tag at the start, in place of any tag already there. */
static nb_status mp3_tag(struct nb_audio_writer *w, struct nb_error *err)
{
    int fd = w->tmp.fd;
    const struct nb_audio_meta *m = &w->meta;
    if (!m->title && !m->date && !m->publisher && !m->comment && !w->nchapters)
        return NB_OK;
    off_t size;
    unsigned char h[10];
    size_t old = 0;
    if (file_size(fd, &size) != NB_OK)
        return NB_EIO;
    if (size >= 10) {
        if (pread_all(fd, h, 10, 0) != NB_OK)
            return NB_EIO;
        old = nb_id3_measure(h, 10);
        if ((off_t)old > size)
            old = 0;
    }
    struct nb_buf tag;
    nb_buf_init(&tag, 0);
    uint32_t ms = (uint32_t)((uint64_t)w->frames * 1000 / w->f.rate);
    nb_status rc = nb_id3_build(&tag, m, w->chapters, w->nchapters, ms, old, err);
    if (rc == NB_OK)
        rc = file_splice(fd, 0, (off_t)old, tag.data, tag.len);
    nb_buf_release(&tag);
    return rc;
}

/* ---------------------------------------------------------------- commit */

static nb_status add_chapters(struct nb_audio_writer *w, struct nb_error *err)
{
    switch (w->f.container) {
    case NB_AUDIO_MP3:
        return mp3_tag(w, err);
    case NB_AUDIO_WAV:
        return w->nchapters ? wav_add_labels(w) : NB_OK;
    case NB_AUDIO_FLAC:
        return w->nchapters ? flac_add_chapters(w) : NB_OK;
    case NB_AUDIO_OGG_VORBIS:
    case NB_AUDIO_OGG_OPUS:
        return w->nchapters ? ogg_add_chapters(w) : NB_OK;
    }
    return NB_OK;
}

nb_status nb_audio_writer_commit(struct nb_audio_writer *w, struct nb_error *err)
{
    const char *path = w->tmp.final_path;
    nb_status rc = NB_OK;
    if (!w->sf) {
        rc = nb_error_set_at(err, NB_EINTERNAL, path, 0, 0, "audio committed after a failure");
        goto fail;
    }
    for (size_t i = 0; i < w->nchapters; i++) {
        if (chapter_frame(w, i) > w->frames) {
            rc = nb_error_set_at(err, NB_EINPUT, path, 0, 0,
                                 "chapter %zu starts at %.3f s, after the end of the audio "
                                 "(%.3f s)",
                                 i + 1, w->chapters[i].start, (double)w->frames / w->f.rate);
            goto fail;
        }
    }
    /* sf_close flushes the encoder and writes the final header */
    int closed = sf_close(w->sf);
    w->sf = NULL;
    if (closed != 0 || w->io_errno) {
        rc = nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write audio: %s",
                             w->io_errno ? strerror(w->io_errno) : sf_error_number(closed));
        goto fail;
    }
    errno = 0;
    struct nb_error sub;
    nb_error_init(&sub);
    rc = add_chapters(w, &sub);
    if (rc == NB_EIO)
        nb_error_set_at(err, rc, path, 0, 0, "cannot write the chapters: %s",
                        strerror(errno ? errno : EIO));
    else if (rc == NB_EINTERNAL)
        nb_error_set_at(err, rc, path, 0, 0, "cannot add the chapters: unexpected %s layout",
                        nb_audio_container_name(w->f.container));
    else if (rc == NB_EINPUT && sub.message[0])
        nb_error_set_at(err, rc, path, 0, 0, "%s", sub.message);
    else if (rc == NB_EINPUT)
        nb_error_set_at(err, rc, path, 0, 0, "the chapters are too large for %s",
                        nb_audio_container_name(w->f.container));
    else if (rc != NB_OK)
        nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc != NB_OK)
        goto fail;
    rc = nb_tmpfile_commit(&w->tmp, err);
fail:
    free_writer(w);
    return rc;
}

/* ----------------------------------------------------------- stale files */

/* True when `name` is ".BASE.tmp-XXXXXX" as nb_tmpfile_open makes it. */
static int is_temp_of(const char *name, const char *base)
{
    size_t b = strlen(base);
    if (name[0] != '.' || strncmp(name + 1, base, b) != 0 || strncmp(name + 1 + b, ".tmp-", 5))
        return 0;
    const char *x = name + 1 + b + 5;
    size_t n = 0;
    for (; x[n]; n++)
        if (!((x[n] >= 'a' && x[n] <= 'z') || (x[n] >= 'A' && x[n] <= 'Z') ||
              (x[n] >= '0' && x[n] <= '9')))
            return 0;
    return n == 6;
}

nb_status nb_audio_clean_stale(const char *path, struct nb_error *err)
{
    const char *base = nb_path_basename(path);
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    if (nb_path_dirname(path, &dir) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc = NB_OK;
    DIR *d = opendir(dir.data);
    if (!d) {
        if (errno != ENOENT)
            rc = nb_error_set_at(err, NB_EIO, dir.data, 0, 0, "cannot list the folder: %s",
                                 strerror(errno));
        nb_buf_release(&dir);
        return rc;
    }
    int dfd = dirfd(d);
    for (struct dirent *e; rc == NB_OK && (errno = 0, e = readdir(d));) {
        struct stat st;
        if (!*base || !is_temp_of(e->d_name, base))
            continue;
        if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode))
            continue;
        if (unlinkat(dfd, e->d_name, 0) < 0 && errno != ENOENT)
            rc = nb_error_set_at(err, NB_EIO, dir.data, 0, 0, "cannot remove '%s': %s", e->d_name,
                                 strerror(errno));
    }
    closedir(d);
    nb_buf_release(&dir);
    return rc;
}
