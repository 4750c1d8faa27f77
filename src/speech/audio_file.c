#include "speech/audio_file.h"

#include "text/file.h"

#include <sndfile.h>

#include <string.h>
#include <strings.h>

#define WRITE_CHUNK ((size_t)1 << 16) /* frames per sf_write_short call */

static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* Writes every sample to an open libsndfile handle. */
static nb_status write_all(SNDFILE *sf, const struct nb_pcm *pcm)
{
    for (size_t off = 0; off < pcm->n;) {
        size_t n = pcm->n - off < WRITE_CHUNK ? pcm->n - off : WRITE_CHUNK;
        if (sf_write_short(sf, pcm->samples + off, (sf_count_t)n) != (sf_count_t)n)
            return NB_EIO;
        off += n;
    }
    return NB_OK;
}

nb_status nb_audio_write(const char *path, const struct nb_pcm *pcm, struct nb_error *err)
{
    if (!has_extension(path, ".wav"))
        return nb_error_set_at(err, NB_EINPUT, path, 0, 0,
                               "unsupported audio format (only .wav can be written)");
    if (pcm->rate < 1000 || pcm->rate > 192000)
        return nb_error_set(err, NB_EINTERNAL, "cannot write audio at %u Hz", pcm->rate);

    struct nb_tmpfile tmp;
    nb_status rc = nb_tmpfile_open(&tmp, path, err);
    if (rc != NB_OK)
        return rc;
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    info.samplerate = (int)pcm->rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    /* close_desc 0: the descriptor belongs to tmp */
    SNDFILE *sf = sf_open_fd(tmp.fd, SFM_WRITE, &info, 0);
    if (!sf) {
        nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write audio: %s", sf_strerror(NULL));
        nb_tmpfile_abort(&tmp);
        return NB_EIO;
    }
    int failed = write_all(sf, pcm) != NB_OK;
    if (failed)
        nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write audio: %s", sf_strerror(sf));
    /* sf_close writes the final header sizes, so it can fail too */
    if (sf_close(sf) != 0 && !failed) {
        failed = 1;
        nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write audio: %s", sf_strerror(NULL));
    }
    if (failed) {
        nb_tmpfile_abort(&tmp);
        return NB_EIO;
    }
    return nb_tmpfile_commit(&tmp, err);
}
