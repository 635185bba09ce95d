/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <pango/pangocairo.h>

#include "xaso-print-layout.h"
#include "xaso-print-table.h"

#define MM XASO_PRINT_MM
#define PAGE_WIDTH (297 * MM)
#define PAGE_HEIGHT (210 * MM)
#define MARGIN_LEFT (20 * MM)     /* the binding side */
#define MARGIN_RIGHT (10 * MM)
#define MARGIN_TOP (15 * MM)
#define MARGIN_BOTTOM (18 * MM)
#define PADDING (1.2 * MM)

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
  /* The page and its margins: a register's own A4 landscape, or the
   * page of a form the table is drawn in (xaso_print_table_new_in_page). */
  double           width;
  double           height;
  double           left;
  double           right;
  double           first_top;   /* where the first page's table starts */
  gboolean         numbered;    /* column numbers and page numbers, as registers have */
};

XasoPrintTable *
xaso_print_table_new (const char  *path,
                      GError     **error)
{
  XasoPrintTable *self = g_new0 (XasoPrintTable, 1);

  self->surface = xaso_print_pdf_new (path, PAGE_WIDTH, PAGE_HEIGHT, error);
  if (self->surface == NULL)
    {
      xaso_print_table_free (self);
      return NULL;
    }
  self->cr = cairo_create (self->surface);
  self->path = g_strdup (path);
  self->heading = xaso_print_layout_new (self->cr, "Bold 10");
  self->width = PAGE_WIDTH;
  self->height = PAGE_HEIGHT;
  self->left = MARGIN_LEFT;
  self->right = MARGIN_RIGHT;
  self->first_top = MARGIN_TOP;
  self->numbered = TRUE;
  return self;
}

XasoPrintTable *
xaso_print_table_new_in_page (cairo_t *cr,
                              double   page_width,
                              double   page_height,
                              double   left,
                              double   right,
                              double   top)
{
  XasoPrintTable *self = g_new0 (XasoPrintTable, 1);

  self->cr = cairo_reference (cr);
  self->heading = xaso_print_layout_new (self->cr, "Bold 10");
  self->width = page_width;
  self->height = page_height;
  self->left = left;
  self->right = right;
  self->first_top = top;
  return self;
}

double
xaso_print_table_get_y (XasoPrintTable *self)
{
  return self->y;
}

static void
draw_centered (XasoPrintTable *self,
               const char     *font,
               const char     *text,
               double          y)
{
  g_autoptr(PangoLayout) layout = xaso_print_layout_new (self->cr, font);
  int height;

  pango_layout_set_width (layout, (int)((self->width - self->left - self->right) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (self->cr, self->left, y);
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

  draw_centered (self, "Bold 14", upper, MARGIN_TOP + 10 * MM);
  draw_centered (self, "Bold 26", title, y);
  y += 22 * MM;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++, y += 10 * MM)
    draw_centered (self, "14", lines[i], y);
  cairo_show_page (self->cr);
  self->n_pages++;
}

void
xaso_print_table_begin (XasoPrintTable        *self,
                        const XasoPrintColumn *columns,
                        guint                  n_columns)
{
  double total = 0, left = self->left, width = self->width - self->left - self->right;

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
      self->cells[i] = xaso_print_layout_new (self->cr, "10");
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
  draw_row_lines (self, self->y, height);
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *number = g_strdup_printf ("(%u)", i + 1);

      pango_layout_set_width (self->heading, (int)((self->x[i + 1] - self->x[i] - 2 * PADDING) * PANGO_SCALE));
      pango_layout_set_text (self->heading, self->columns[i].heading, -1);
      cairo_move_to (self->cr, self->x[i] + PADDING, self->y + PADDING);
      pango_cairo_show_layout (self->cr, self->heading);
      if (!self->numbered)
        continue;
      pango_layout_set_text (self->heading, number, -1);
      cairo_move_to (self->cr, self->x[i] + PADDING, self->y + height + PADDING);
      pango_cairo_show_layout (self->cr, self->heading);
    }
  self->y += height;
  if (self->numbered)
    {
      draw_row_lines (self, self->y, 5 * MM);
      self->y += 5 * MM;
    }
}

static void
draw_page_number (XasoPrintTable *self)
{
  g_autofree char *text = g_strdup_printf ("%u", self->n_pages + 1);

  draw_centered (self, "9", text, self->height - MARGIN_BOTTOM + 6 * MM);
}

static void
open_page (XasoPrintTable *self)
{
  self->y = self->n_pages == 0 ? self->first_top : MARGIN_TOP;
  draw_headings (self);
  self->page_open = TRUE;
}

static void
close_page (XasoPrintTable *self)
{
  if (self->numbered)
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
  else if (self->y + height > self->height - MARGIN_BOTTOM)
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
  if (self->n_columns > 0 && !self->page_open)
    open_page (self);
  if (self->page_open)
    close_page (self);
  return xaso_print_pdf_finish (self->surface, self->path, error);
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
