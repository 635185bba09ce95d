/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Vietnamese alphabetical order ("thứ tự chữ cái tiếng Việt"): a ă â b c d
 * đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then the tones (none,
 * huyền, hỏi, ngã, sắc, nặng) as the tie-break, case ignored, numbers by
 * their value. It is ICU's "vi" collation, whatever the desktop's locale.
 *
 * A collation key is UTF-8 text whose byte order (strcmp, SQLite's BINARY
 * collation) is that order, so it can be kept in an indexed column. Keys
 * depend on the ICU version: compare xaso_collate_get_version() with the
 * one the stored keys were made with. */

/* The key of @text (any Unicode form; white space runs count as one space). */
char       *xaso_collate_key         (const char         *text);

/* The key of several texts ordered one after the other: every text is
 * compared fully, tones included, before the next one counts ("An" comes
 * before "Án" whatever follows). */
char       *xaso_collate_key_parts   (const char * const *parts,
                                      guint               n_parts);

/* The key of a person's full name in the order of a register: by given
 * name (the last word), then the whole name ("họ và tên"), then the name as
 * search folds it. */
char       *xaso_collate_name_key    (const char         *full_name);

int         xaso_collate_compare     (const char         *a,
                                      const char         *b);

/* Sorts @strv in place in the Vietnamese order ("Thôn 2" before "Thôn 10"). */
void        xaso_collate_sort_strv   (char              **strv);

/* A name for the rules and the version of the library that made the keys. */
const char *xaso_collate_get_version (void);

G_END_DECLS
