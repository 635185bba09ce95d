/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-renderer.h"

G_BEGIN_DECLS

#define XASO_TYPE_PDF_SEARCH (xaso_pdf_search_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfSearch, xaso_pdf_search, XASO, PDF_SEARCH, GObject)

XasoPdfSearch      *xaso_pdf_search_new           (XasoPdfRenderer *renderer);
void                xaso_pdf_search_start         (XasoPdfSearch   *self,
                                                   const char      *text,
                                                   int              from_page);
void                xaso_pdf_search_stop          (XasoPdfSearch   *self);
guint               xaso_pdf_search_get_n_matches (XasoPdfSearch   *self);
int                 xaso_pdf_search_get_current   (XasoPdfSearch   *self);
const XasoPdfMatch *xaso_pdf_search_get_match     (XasoPdfSearch   *self,
                                                   guint            index);
const XasoPdfMatch *xaso_pdf_search_get_page      (XasoPdfSearch   *self,
                                                   int              page,
                                                   guint           *first,
                                                   guint           *n_matches);
gboolean            xaso_pdf_search_get_busy      (XasoPdfSearch   *self);
void                xaso_pdf_search_next          (XasoPdfSearch   *self);
void                xaso_pdf_search_previous      (XasoPdfSearch   *self);
char               *xaso_pdf_search_describe      (XasoPdfSearch   *self);

G_END_DECLS
