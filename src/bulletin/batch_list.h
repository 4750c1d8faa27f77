/* batch_list.h - the articles of a batch (batch.h): listed from a folder,
 * a glob or a feed, in order, each with its identity and its NAME.
 * Internal to bulletin/batch*.c.
 */
#ifndef NB_BULLETIN_BATCH_LIST_H
#define NB_BULLETIN_BATCH_LIST_H

#include "source/source.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* One article of the listing. */
struct nb_batch_item {
    char *identity; /* what its share and a name's suffix come from */
    char *path;     /* the article file; NULL for a feed's story */
    size_t story;   /* a feed's story: its index in reader.stories */
    char *name;     /* NAME, unique in the listing */
};

/* Owns the items and, for a feed, the stories read from it.  Must not move
 * once initialised (the reader points at the options). */
struct nb_batch_list {
    struct nb_batch_item *items;
    size_t n, alloc;
    int one_file; /* the input named one article file (not a folder, glob or feed) */
    struct nb_source_options options;
    struct nb_source_reader reader;
};

void nb_batch_list_init(struct nb_batch_list *l);
void nb_batch_list_release(struct nb_batch_list *l);

/* Lists the articles of `input` (batch.h) into `l` (freshly initialised),
 * reading a feed's items (following links when `follow_links`).
 * NB_EINPUT when the input is not there or lists no article; the feed's
 * errors; NB_ENOMEM. */
nb_status nb_batch_list_read(struct nb_batch_list *l, const char *input, int follow_links,
                             struct nb_error *err);

/* 64-bit FNV-1a of len bytes, continuing from `h` (start with
 * NB_BATCH_HASH_START). */
#define NB_BATCH_HASH_START 0xcbf29ce484222325ull
uint64_t nb_batch_hash(uint64_t h, const void *data, size_t len);

#endif
