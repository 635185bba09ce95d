/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf-render"

#include "xaso-pdf-render.h"

#include <math.h>

/* Renders @page at @scale device pixels per PDF point on white paper: a PDF
 * page has no background of its own, and most are drawn for white paper.
 * ARGB32 is the layout GDK_MEMORY_DEFAULT names, so the view makes a texture
 * of the pixels without converting them. Returns a new image surface, or
 * NULL if cairo could not allocate one (a huge page at a huge zoom). */
cairo_surface_t *
xaso_pdf_render_page (PopplerPage *page,
                      double       scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int w, h;

  poppler_page_get_size (page, &width, &height);
  w = MAX (1, (int) ceil (width * scale));
  h = MAX (1, (int) ceil (height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
