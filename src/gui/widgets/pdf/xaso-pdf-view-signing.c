/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf-view"

#include "config.h"

#include <math.h>

#include "xaso-pdf-view-private.h"

/* The view's "draw a signature box" mode: a drag on one page draws a
 * rubber band instead of selecting text, and its rectangle is handed to
 * whoever asked for it (the signing dialog), in PDF points. */

/* Smaller than this is a click, not a box: the drag starts again. */
#define MIN_SIDE 12.0

enum {
  SIGNATURE_RECT,
  SIGNATURE_RECT_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop (XasoPdfView *self)
{
  self->signing_mode = FALSE;
  self->signing_dragging = FALSE;
  self->signing_page = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xaso_pdf_view_start_signature_rect (XasoPdfView *self)
{
  g_return_if_fail (XASO_IS_PDF_VIEW (self));

  xaso_pdf_view_clear_selection (self);
  self->signing_mode = TRUE;
  self->signing_dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
xaso_pdf_view_cancel_signature_rect (XasoPdfView *self)
{
  g_return_if_fail (XASO_IS_PDF_VIEW (self));

  if (!self->signing_mode)
    return;
  stop (self);
  g_signal_emit (self, signals[SIGNATURE_RECT_CANCELLED], 0);
}

gboolean
xaso_pdf_view_signing_begin (XasoPdfView *self,
                             double       x,
                             double       y)
{
  if (!self->signing_mode)
    return FALSE;
  self->signing_page = xaso_pdf_view_to_page_point (self, x, y, &self->signing_x0, &self->signing_y0);
  self->signing_x1 = self->signing_x0;
  self->signing_y1 = self->signing_y0;
  self->signing_dragging = TRUE;
  return TRUE;
}

/* The box stays on the page it started on. */
gboolean
xaso_pdf_view_signing_update (XasoPdfView *self,
                              double       x,
                              double       y)
{
  double px, py;
  int page;

  if (!self->signing_mode)
    return FALSE;
  if (!self->signing_dragging)
    return TRUE;
  page = xaso_pdf_view_to_page_point (self, x, y, &px, &py);
  if (page > self->signing_page)
    py = page_size (self, self->signing_page)->height;
  else if (page < self->signing_page)
    py = 0;
  self->signing_x1 = px;
  self->signing_y1 = py;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
xaso_pdf_view_signing_end_cb (XasoPdfView    *self,
                              double          dx,
                              double          dy,
                              GtkGestureDrag *gesture)
{
  double sx, sy, left, top, width, height, page_height;
  int page = self->signing_page;

  if (!self->signing_mode || !self->signing_dragging)
    return;
  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
  xaso_pdf_view_signing_update (self, sx + dx, sy + dy);
  self->signing_dragging = FALSE;
  left = MIN (self->signing_x0, self->signing_x1);
  top = MIN (self->signing_y0, self->signing_y1);
  width = fabs (self->signing_x1 - self->signing_x0);
  height = fabs (self->signing_y1 - self->signing_y0);
  if (width < MIN_SIDE || height < MIN_SIDE)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  page_height = page_size (self, page)->height;
  stop (self);
  g_signal_emit (self, signals[SIGNATURE_RECT], 0, page, left, page_height - top - height, width, height);
}

void
xaso_pdf_view_snapshot_signing (XasoPdfView *self,
                                GtkSnapshot *snapshot,
                                int          page,
                                double       x,
                                double       y)
{
  static const GdkRGBA fill = { 0.21, 0.52, 0.89, 0.15 };
  static const GdkRGBA edge = { 0.21, 0.52, 0.89, 1.0 };
  GskRoundedRect outline;
  graphene_rect_t rect;

  if (!self->signing_dragging || page != self->signing_page)
    return;
  rect = GRAPHENE_RECT_INIT (x + MIN (self->signing_x0, self->signing_x1) * self->scale,
                             y + MIN (self->signing_y0, self->signing_y1) * self->scale,
                             fabs (self->signing_x1 - self->signing_x0) * self->scale,
                             fabs (self->signing_y1 - self->signing_y0) * self->scale);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { edge, edge, edge, edge });
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  XasoPdfView *self = XASO_PDF_VIEW (widget);

  if (!self->signing_mode)
    return FALSE;
  xaso_pdf_view_cancel_signature_rect (self);
  return TRUE;
}

void
xaso_pdf_view_class_add_signing (GtkWidgetClass *widget_class)
{
  signals[SIGNATURE_RECT] =
    g_signal_new ("signature-rect", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 5,
                  G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[SIGNATURE_RECT_CANCELLED] =
    g_signal_new ("signature-rect-cancelled", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_bind_template_callback (widget_class, xaso_pdf_view_signing_end_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}
