/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-object.h"

G_BEGIN_DECLS

/* For the parser: appends without looking for an earlier entry of the same
 * key (a hostile dictionary with a million keys must not cost a million
 * squared comparisons). Lookups take the last entry, so the meaning is the
 * same as xaso_pdf_object_dict_set(). @key and @value are taken over. */
void xaso_pdf_object_dict_append_take (XasoPdfObject *dict,
                                       char          *key,
                                       XasoPdfObject *value);

/* For the lexer: takes over @data (g_malloc'd, len + 1 bytes, NUL last). */
XasoPdfObject *xaso_pdf_object_new_string_take (guint8 *data,
                                                gsize   len);
XasoPdfObject *xaso_pdf_object_new_name_take   (char   *name,
                                                gsize   len);

G_END_DECLS
