/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-pdf-renderer.h"
#include "xaso-pdf-search.h"

G_BEGIN_DECLS

typedef enum
{
  XASO_PDF_SIZING_FIT_WIDTH,
  XASO_PDF_SIZING_FIT_PAGE,
  XASO_PDF_SIZING_FREE,
} XasoPdfSizing;

#define XASO_TYPE_PDF_SIZING (xaso_pdf_sizing_get_type ())
GType xaso_pdf_sizing_get_type (void);

#define XASO_TYPE_PDF_VIEW (xaso_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfView, xaso_pdf_view, XASO, PDF_VIEW, GtkWidget)

void          xaso_pdf_view_set_renderer (XasoPdfView     *self,
                                          XasoPdfRenderer *renderer);
void          xaso_pdf_view_set_search   (XasoPdfView     *self,
                                          XasoPdfSearch   *search);
int           xaso_pdf_view_get_page     (XasoPdfView     *self);
void          xaso_pdf_view_set_page     (XasoPdfView     *self,
                                          int              page);
int           xaso_pdf_view_get_n_pages  (XasoPdfView     *self);
double        xaso_pdf_view_get_scale    (XasoPdfView     *self);
void          xaso_pdf_view_set_scale    (XasoPdfView     *self,
                                          double           scale);
XasoPdfSizing xaso_pdf_view_get_sizing   (XasoPdfView     *self);
void          xaso_pdf_view_set_sizing   (XasoPdfView     *self,
                                          XasoPdfSizing    sizing);
void          xaso_pdf_view_zoom_in      (XasoPdfView     *self);
void          xaso_pdf_view_zoom_out     (XasoPdfView     *self);
gboolean      xaso_pdf_view_get_has_selection (XasoPdfView *self);
char         *xaso_pdf_view_get_selected_text (XasoPdfView *self);
void          xaso_pdf_view_clear_selection   (XasoPdfView *self);
/* The next drag draws the rectangle of a new signature instead of
 * selecting text: "signature-rect" (page, x, y, width, height) follows, in
 * points of the page as shown (its crop box, unrotated) with the origin at
 * its lower left, as PDF user space has it; Esc or _cancel() gives
 * "signature-rect-cancelled". */
void          xaso_pdf_view_start_signature_rect  (XasoPdfView *self);
void          xaso_pdf_view_cancel_signature_rect (XasoPdfView *self);

G_END_DECLS
