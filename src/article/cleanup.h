/* cleanup.h - keeping the furniture of a web page out of the story.
 */
#ifndef NB_ARTICLE_CLEANUP_H
#define NB_ARTICLE_CLEANUP_H

#include "article/article.h"
#include "text/error.h"

/* Runs on an article whose raw body paragraphs are set (each may still
 * hold the line breaks of its source; no sentences yet).  Moves boilerplate
 * (consent banners, newsletter and account prompts, sharing prompts,
 * advertisement markers, "see also" and related-story lists, video and
 * gallery teasers, picture captions and credits, follow prompts,
 * syndication tails, copyright lines, wire credit lines) from
 * a->paragraphs to a->removed, takes a wire dateline ("LONDON, Feb 4
 * (Wire) - ") off the first paragraph into a->removed, and joins
 * paragraphs broken in mid-sentence.  No sentence of the story is lost. */
nb_status nb_article_clean(struct nb_article *a, struct nb_error *err);

#endif
