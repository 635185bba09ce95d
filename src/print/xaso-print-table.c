/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "xaso-print-table.h"

#define MM (72.0 / 25.4)
#define PAGE_WIDTH (297 * MM)
#define PAGE_HEIGHT (210 * MM)
#define MARGIN_LEFT (20 * MM)     /* the binding side */
#define MARGIN_RIGHT (10 * MM)
#define MARGIN_TOP (15 * MM)
#define MARGIN_BOTTOM (18 * MM)
#define PADDING (1.2 * MM)
#define FONT "Noto Serif, Times New Roman, serif"


struct _XasoPrintTable
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  char            *path;
  XasoPrintColumn *columns;
  guint            n_columns;
  double          *x;          /* left edge of each column, and the right edge of the last */
  PangoLayout    **cells;      /* one per column, reused row after row */
  PangoLayout     *heading;
  double           y;
  guint            n_pages;
  gboolean         page_open;
};

/* Layouts in points, as the PDF surface counts: Pango's default of 96
 * dots per inch would print every size a third larger. */
static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_font_description_free (desc);
  return layout;
}

XasoPrintTable *
xaso_print_table_new (const char  *path,
                      GError     **error)
{
  XasoPrintTable *self = g_new0 (XasoPrintTable, 1);

  self->surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  if (cairo_surface_status (self->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (cairo_surface_status (self->surface)));
      xaso_print_table_free (self);
      return NULL;
    }
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Xã Số");
  self->cr = cairo_create (self->surface);
  self->path = g_strdup (path);
  self->heading = make_layout (self->cr, FONT " Bold 10");
  return self;
}

static void
draw_centered (XasoPrintTable *self,
               const char     *font,
               const char     *text,
               double          y)
{
  g_autoptr(PangoLayout) layout = make_layout (self->cr, font);
  int height;

  pango_layout_set_width (layout, (int)((PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (self->cr, MARGIN_LEFT, y);
  pango_cairo_show_layout (self->cr, layout);
  pango_layout_get_size (layout, NULL, &height);
}

void
xaso_print_table_cover (XasoPrintTable     *self,
                        const char         *agency,
                        const char         *title,
                        const char * const *lines)
{
  double y = 60 * MM;
  g_autofree char *upper = g_utf8_strup (agency, -1);

  draw_centered (self, FONT " Bold 14", upper, MARGIN_TOP + 10 * MM);
  draw_centered (self, FONT " Bold 26", title, y);
  y += 22 * MM;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++, y += 10 * MM)
    draw_centered (self, FONT " 14", lines[i], y);
  cairo_show_page (self->cr);
  self->n_pages++;
}

void
xaso_print_table_begin (XasoPrintTable        *self,
                        const XasoPrintColumn *columns,
                        guint                  n_columns)
{
  double total = 0, left = MARGIN_LEFT, width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

  self->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  self->n_columns = n_columns;
  self->x = g_new0 (double, n_columns + 1);
  self->cells = g_new0 (PangoLayout *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += columns[i].width;
  for (guint i = 0; i < n_columns; i++)
    {
      self->x[i] = left;
      left += width * columns[i].width / total;
      self->cells[i] = make_layout (self->cr, FONT " 10");
      pango_layout_set_width (self->cells[i], (int)((left - self->x[i] - 2 * PADDING) * PANGO_SCALE));
      pango_layout_set_alignment (self->cells[i], columns[i].centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    }
  self->x[n_columns] = left;
}

static void
draw_row_lines (XasoPrintTable *self,
                double          top,
                double          height)
{
  cairo_set_line_width (self->cr, 0.5);
  cairo_rectangle (self->cr, self->x[0], top, self->x[self->n_columns] - self->x[0], height);
  for (guint i = 1; i < self->n_columns; i++)
    {
      cairo_move_to (self->cr, self->x[i], top);
      cairo_line_to (self->cr, self->x[i], top + height);
    }
  cairo_stroke (self->cr);
}

/* The headings and their numbers, as Decree 30's registers have them. */
static void
draw_headings (XasoPrintTable *self)
{
  double height = 0;

  for (guint i = 0; i < self->n_columns; i++)
    {
      int h;

      pango_layout_set_width (self->heading, (int)((self->x[i + 1] - self->x[i] - 2 * PADDING) * PANGO_SCALE));
      pango_layout_set_alignment (self->heading, PANGO_ALIGN_CENTER);
      pango_layout_set_text (self->heading, self->columns[i].heading, -1);
      pango_layout_get_size (self->heading, NULL, &h);
      height = MAX (height, (double)h / PANGO_SCALE);
    }
  height += 2 * PADDING;
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *number = g_strdup_printf ("(%u)", i + 1);

      pango_layout_set_width (self->heading, (int)((self->x[i + 1] - self->x[i] - 2 * PADDING) * PANGO_SCALE));
      pango_layout_set_text (self->heading, self->columns[i].heading, -1);
      cairo_move_to (self->cr, self->x[i] + PADDING, self->y + PADDING);
      pango_cairo_show_layout (self->cr, self->heading);
      pango_layout_set_text (self->heading, number, -1);
      cairo_move_to (self->cr, self->x[i] + PADDING, self->y + height + PADDING);
      pango_cairo_show_layout (self->cr, self->heading);
    }
  draw_row_lines (self, self->y, height);
  draw_row_lines (self, self->y + height, 5 * MM);
  self->y += height + 5 * MM;
}

static void
draw_page_number (XasoPrintTable *self)
{
  g_autofree char *text = g_strdup_printf ("%u", self->n_pages + 1);

  draw_centered (self, FONT " 9", text, PAGE_HEIGHT - MARGIN_BOTTOM + 6 * MM);
}

static void
open_page (XasoPrintTable *self)
{
  self->y = MARGIN_TOP;
  draw_headings (self);
  self->page_open = TRUE;
}

static void
close_page (XasoPrintTable *self)
{
  draw_page_number (self);
  cairo_show_page (self->cr);
  self->n_pages++;
  self->page_open = FALSE;
}

void
xaso_print_table_row (XasoPrintTable     *self,
                      const char * const *cells)
{
  double height = 0;

  for (guint i = 0; i < self->n_columns; i++)
    {
      int h;

      pango_layout_set_text (self->cells[i], cells[i] ? cells[i] : "", -1);
      pango_layout_get_size (self->cells[i], NULL, &h);
      height = MAX (height, (double)h / PANGO_SCALE);
    }
  height += 2 * PADDING;
  if (!self->page_open)
    open_page (self);
  else if (self->y + height > PAGE_HEIGHT - MARGIN_BOTTOM)
    {
      close_page (self);
      open_page (self);
    }
  for (guint i = 0; i < self->n_columns; i++)
    {
      cairo_move_to (self->cr, self->x[i] + PADDING, self->y + PADDING);
      pango_cairo_show_layout (self->cr, self->cells[i]);
    }
  draw_row_lines (self, self->y, height);
  self->y += height;
}

guint
xaso_print_table_get_n_pages (XasoPrintTable *self)
{
  return self->n_pages + (self->page_open ? 1 : 0);
}

gboolean
xaso_print_table_finish (XasoPrintTable  *self,
                         GError         **error)
{
  cairo_status_t status;

  if (self->n_columns > 0 && !self->page_open)
    open_page (self);
  if (self->page_open)
    close_page (self);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), self->path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

void
xaso_print_table_free (XasoPrintTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_columns; i++)
    g_clear_object (&self->cells[i]);
  g_clear_object (&self->heading);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_free (self->cells);
  g_free (self->x);
  g_free (self->columns);
  g_free (self->path);
  g_free (self);
}
