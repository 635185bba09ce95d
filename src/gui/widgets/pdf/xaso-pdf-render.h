/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

/* The one place a page becomes pixels, shared by the PDF view and
 * tests/bench/bench-pdf-render so the benchmark measures what users see.
 * Needs only poppler-glib and cairo: no GTK, no main loop. */

cairo_surface_t *xaso_pdf_render_page (PopplerPage *page,
                                       double       scale);

G_END_DECLS
