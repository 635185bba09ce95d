/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-view.h"

G_BEGIN_DECLS

#define MARGIN        12.0
#define MIN_SCALE     0.1
#define MAX_SCALE     6.0
#define ZOOM_STEP     1.2
#define KEEP_AROUND   3
#define SIZES_PER_JOB 256

/* A rendered page: the texture shown, and the render under way if a
 * sharper one is wanted (after a zoom, say). */
typedef struct
{
  GdkTexture   *texture;
  double        texture_scale;
  double        pending_scale;
  GCancellable *cancellable;
} Tile;

struct _XasoPdfView
{
  GtkWidget        parent_instance;

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  double           zoom_scroll;      /* Ctrl+scroll not yet turned into zoom steps */
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  XasoPdfRenderer *renderer;
  XasoPdfSearch   *search;
  GCancellable    *cancellable;
  GArray          *sizes;
  GArray          *offsets;
  GHashTable      *tiles;
  int              n_pages;
  int              sizes_known;
  double           max_width;
  double           scale;
  XasoPdfSizing    sizing;
  int              page;
  int              pinned_page;
  double           pinned_value;
  gint64           created_us;
  guint            first_page_shown : 1;

  /* Selection: from a point on one page to a point on another (or the same),
   * in page points; one XasoPdfSelection per page between them. */
  int              select_page;
  double           select_x;
  double           select_y;
  int              selection_first;
  GPtrArray       *selection;
  GCancellable    *select_cancellable;
  guint            has_selection : 1;

  /* Drawing the rectangle of a new signature (xaso-pdf-view-signing.c):
   * corners in points of @signing_page, origin at its top left. */
  int              signing_page;
  double           signing_x0;
  double           signing_y0;
  double           signing_x1;
  double           signing_y1;
  guint            signing_mode : 1;
  guint            signing_dragging : 1;
};

static inline XasoPdfPageSize *
page_size (XasoPdfView *self,
           int          page)
{
  return &g_array_index (self->sizes, XasoPdfPageSize, page);
}

static inline double
page_top (XasoPdfView *self,
          int          page)
{
  return g_array_index (self->offsets, double, page);
}

double   xaso_pdf_view_page_left         (XasoPdfView    *self,
                                          int             page);
int      xaso_pdf_view_to_page_point     (XasoPdfView    *self,
                                          double          x,
                                          double          y,
                                          double         *px,
                                          double         *py);

void     xaso_pdf_view_class_add_signing (GtkWidgetClass *widget_class);
gboolean xaso_pdf_view_signing_begin     (XasoPdfView    *self,
                                          double          x,
                                          double          y);
gboolean xaso_pdf_view_signing_update    (XasoPdfView    *self,
                                          double          x,
                                          double          y);
void     xaso_pdf_view_snapshot_signing  (XasoPdfView    *self,
                                          GtkSnapshot    *snapshot,
                                          int             page,
                                          double          x,
                                          double          y);

G_END_DECLS
