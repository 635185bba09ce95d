/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-print-layout.h"

static void
set_write_error (GError         **error,
                 const char      *path,
                 cairo_status_t   status)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
               cairo_status_to_string (status));
}

cairo_surface_t *
xaso_print_pdf_new (const char  *path,
                    double       width,
                    double       height,
                    GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, cairo_surface_status (surface));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xã Số");
  return surface;
}

gboolean
xaso_print_pdf_finish (cairo_surface_t  *surface,
                       const char       *path,
                       GError          **error)
{
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    return TRUE;
  set_write_error (error, path, cairo_surface_status (surface));
  return FALSE;
}

/* Layouts in points, as the PDF surface counts: Pango's default of 96
 * dots per inch would print every size a third larger. */
PangoLayout *
xaso_print_layout_new (cairo_t    *cr,
                       const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autofree char *name = g_strconcat (XASO_PRINT_FONT " ", font, NULL);
  PangoFontDescription *desc = pango_font_description_from_string (name);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_font_description_free (desc);
  return layout;
}

char *
xaso_print_date_words (GDateTime *date)
{
  int month = g_date_time_get_month (date);

  return g_strdup_printf (month <= 2 ? "ngày %02d tháng %02d năm %d" : "ngày %02d tháng %d năm %d",
                          g_date_time_get_day_of_month (date), month, g_date_time_get_year (date));
}

char *
xaso_print_date_line (const char *place,
                      GDateTime  *date)
{
  g_autofree char *words = xaso_print_date_words (date);

  return g_strdup_printf ("%s, %s", place, words);
}

char *
xaso_print_time_words (GDateTime *time)
{
  g_autofree char *words = xaso_print_date_words (time);

  return g_strdup_printf ("%02d giờ %02d phút, %s", g_date_time_get_hour (time), g_date_time_get_minute (time),
                          words);
}

char *
xaso_print_agency_words (const char *agency)
{
  if (agency == NULL)
    return g_strdup ("");
  return g_str_has_prefix (agency, "UBND ") ? g_strconcat ("Ủy ban nhân dân ", agency + 5, NULL) : g_strdup (agency);
}

char *
xaso_print_day (const char *iso)
{
  if (iso == NULL || strlen (iso) < 10)
    return g_strdup (iso);
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

void
xaso_print_period_lines (GStrvBuilder *lines,
                         const char   *from,
                         const char   *to)
{
  g_autofree char *first = xaso_print_day (from), *last = xaso_print_day (to);

  g_autofree char *year = g_strdup_printf ("Năm %.4s", from);
  g_autofree char *period = g_strdup_printf ("Từ ngày %s đến ngày %s", first, last);

  if (strncmp (from, to, 4) == 0 && g_str_has_suffix (from, "-01-01") && g_str_has_suffix (to, "-12-31"))
    g_strv_builder_add (lines, year);
  g_strv_builder_add (lines, period);
}
