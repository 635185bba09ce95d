/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "xaso-pdf-appearance.h"

G_BEGIN_DECLS

/* Images larger than this are refused before they are decoded: a seal or a
 * signature needs a few hundred pixels, and a hostile PNG must not make us
 * allocate gigabytes. */
#define XASO_PDF_APPEARANCE_MAX_IMAGE_SIDE  4096
#define XASO_PDF_APPEARANCE_MAX_IMAGE_BYTES (8 * 1024 * 1024)

/* Text is never shrunk below this, in points: smaller is unreadable on
 * paper, so what still does not fit is cut with an ellipsis instead. */
#define XASO_PDF_APPEARANCE_MIN_FONT_SIZE 4.0

/* The serif family used when none is configured, or when the configured
 * one lacks Vietnamese letters; a free stand-in for Times New Roman. */
#define XASO_PDF_APPEARANCE_FALLBACK_FAMILY "Noto Serif"

cairo_surface_t *xaso_pdf_appearance_load_png      (GBytes      *png,
                                                    gboolean     is_seal,
                                                    GError     **error);

char            *xaso_pdf_appearance_resolve_family (PangoContext *context,
                                                     const char   *family);
PangoLayout     *xaso_pdf_appearance_fit_text      (cairo_t      *cr,
                                                    const char   *text,
                                                    const char   *family,
                                                    double        max_size,
                                                    double        width,
                                                    double        height,
                                                    double       *size_out);

G_END_DECLS
