/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folding makes names searchable the way clerks type them: "Nguyễn Văn Á",
 * "NGUYEN VAN A" and a decomposed (NFD) "Nguyễn" all become "nguyen van a".
 */
char *xaso_fold              (const char *text);
char *xaso_fold_query_to_fts (const char *user_text);
GStrv xaso_fold_query_words  (const char *user_text);
char *xaso_fold_words_to_fts (const char * const *words);

gboolean xaso_fold_words_start_words (const char * const *words,
                                      const char         *folded_text);

G_END_DECLS
