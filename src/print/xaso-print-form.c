/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"


#include "xaso-print-form.h"
#include "xaso-print-layout.h"

#define MM XASO_PRINT_MM
#define A4_SHORT (210 * MM)
#define A4_LONG (297 * MM)
/* Decree 30's margins for A4 portrait: 20–25 mm on the binding side,
 * 15–20 mm elsewhere. */
#define MARGIN_LEFT (25 * MM)
#define MARGIN_RIGHT (15 * MM)
#define MARGIN_TOP (18 * MM)
#define MARGIN_BOTTOM (18 * MM)
#define CONTENT_WIDTH(self) ((self)->width - MARGIN_LEFT - MARGIN_RIGHT)
#define AGENCY_WIDTH (68 * MM)   /* the header's left column; the motto takes the rest */

struct _XasoPrintForm
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  char            *path;
  double           width;            /* the page: A4 portrait, or landscape for wide tables */
  double           height;
  double           y;
  double           reserved_width;   /* kept free at the right… */
  double           reserved_until;   /* …down to here */
};

static XasoPrintForm *
form_new (const char  *path,
          double       width,
          double       height,
          GError     **error)
{
  XasoPrintForm *self = g_new0 (XasoPrintForm, 1);

  self->width = width;
  self->height = height;
  self->surface = xaso_print_pdf_new (path, self->width, self->height, error);
  if (self->surface == NULL)
    {
      xaso_print_form_free (self);
      return NULL;
    }
  self->cr = cairo_create (self->surface);
  self->path = g_strdup (path);
  self->y = MARGIN_TOP;
  return self;
}

XasoPrintForm *
xaso_print_form_new (const char  *path,
                     GError     **error)
{
  return form_new (path, A4_SHORT, A4_LONG, error);
}

XasoPrintForm *
xaso_print_form_new_landscape (const char  *path,
                               GError     **error)
{
  return form_new (path, A4_LONG, A4_SHORT, error);
}

/* @markup laid out in a box @width wide. */
static PangoLayout *
markup_layout (XasoPrintForm  *self,
               const char     *font,
               XasoPrintAlign  align,
               const char     *markup,
               double          width)
{
  PangoLayout *layout = xaso_print_layout_new (self->cr, font);

  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align == XASO_PRINT_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, align == XASO_PRINT_JUSTIFY);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

/* Shows @markup in a box @width wide at @x, @y; returns its height. */
static double
show_markup (XasoPrintForm  *self,
             const char     *font,
             XasoPrintAlign  align,
             const char     *markup,
             double          x,
             double          y,
             double          width)
{
  g_autoptr(PangoLayout) layout = markup_layout (self, font, align, markup, width);

  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
  return layout_height (layout);
}

static void
rule (XasoPrintForm *self,
      double         center,
      double         y,
      double         width)
{
  cairo_set_line_width (self->cr, 0.6);
  cairo_move_to (self->cr, center - width / 2, y);
  cairo_line_to (self->cr, center + width / 2, y);
  cairo_stroke (self->cr);
}

/* The width the motto takes, for the line under it. */
static double
text_width (XasoPrintForm *self,
            const char    *font,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = xaso_print_layout_new (self->cr, font);
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

void
xaso_print_form_header (XasoPrintForm *self,
                        const char    *commune_name,
                        const char    *number,
                        const char    *date_line)
{
  static const char motto[] = "Độc lập - Tự do - Hạnh phúc";
  g_autofree char *upper = g_utf8_strup (commune_name, -1);
  g_autofree char *agency = g_markup_printf_escaped ("ỦY BAN NHÂN DÂN\n%s", upper);
  double right_x = MARGIN_LEFT + AGENCY_WIDTH, right_width = CONTENT_WIDTH (self) - AGENCY_WIDTH;
  double left_h, right_h, top = self->y;

  left_h = show_markup (self, "Bold 12", XASO_PRINT_CENTER, agency, MARGIN_LEFT, top, AGENCY_WIDTH);
  rule (self, MARGIN_LEFT + AGENCY_WIDTH / 2, top + left_h + 1.5 * MM, 28 * MM);
  right_h = show_markup (self, "Bold 12", XASO_PRINT_CENTER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_x, top,
                         right_width);
  right_h += show_markup (self, "Bold 13", XASO_PRINT_CENTER, motto, right_x, top + right_h, right_width);
  rule (self, right_x + right_width / 2, top + right_h + 1.5 * MM, text_width (self, "Bold 13", motto));
  top += MAX (left_h, right_h) + 4 * MM;
  if (number != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (number, -1);

      show_markup (self, "12", XASO_PRINT_CENTER, escaped, MARGIN_LEFT, top, AGENCY_WIDTH);
    }
  if (date_line != NULL)
    {
      g_autofree char *escaped = g_markup_printf_escaped ("<i>%s</i>", date_line);

      top += show_markup (self, "13", XASO_PRINT_CENTER, escaped, right_x, top, right_width);
    }
  self->y = top + 8 * MM;
}

double
xaso_print_form_reserve_right (XasoPrintForm *self,
                               double         width,
                               double         height)
{
  self->reserved_width = width;
  self->reserved_until = self->y + height;
  return MARGIN_LEFT + CONTENT_WIDTH (self) - width;
}

double
xaso_print_form_show_at (XasoPrintForm  *self,
                         const char     *font,
                         XasoPrintAlign  align,
                         const char     *markup,
                         double          x,
                         double          y,
                         double          width)
{
  return show_markup (self, font, align, markup, x, y, width);
}

cairo_t *
xaso_print_form_get_cairo (XasoPrintForm *self)
{
  return self->cr;
}

double
xaso_print_form_get_y (XasoPrintForm *self)
{
  return self->y;
}

void
xaso_print_form_space (XasoPrintForm *self,
                       double         points)
{
  self->y += points;
}

static void
new_page (XasoPrintForm *self)
{
  cairo_show_page (self->cr);
  self->y = MARGIN_TOP;
  self->reserved_until = 0;
}

/* Measures before drawing, so a paragraph is never cut by the page's foot. */
static double
measure (XasoPrintForm  *self,
         const char     *font,
         XasoPrintAlign  align,
         const char     *markup,
         double          width)
{
  g_autoptr(PangoLayout) layout = markup_layout (self, font, align, markup, width);

  return layout_height (layout);
}

void
xaso_print_form_paragraph (XasoPrintForm  *self,
                           const char     *font,
                           XasoPrintAlign  align,
                           const char     *markup)
{
  double width = CONTENT_WIDTH (self);

  if (self->y < self->reserved_until)
    width -= self->reserved_width + 4 * MM;
  if (self->y + measure (self, font, align, markup, width) > self->height - MARGIN_BOTTOM)
    {
      new_page (self);
      width = CONTENT_WIDTH (self);
    }
  self->y += show_markup (self, font, align, markup, MARGIN_LEFT, self->y, width) + 1 * MM;
}

static double
signature_column (XasoPrintForm *self,
                  const char    *title,
                  const char    *name,
                  double         x,
                  double         width)
{
  g_autofree char *head = g_markup_printf_escaped ("<b>%s</b>\n<i>(Ký và ghi rõ họ tên)</i>", title);
  g_autofree char *bold_name = g_markup_printf_escaped ("<b>%s</b>", name != NULL ? name : "");
  double y = self->y;

  y += show_markup (self, "12", XASO_PRINT_CENTER, head, x, y, width);
  y += 24 * MM;
  y += show_markup (self, "12", XASO_PRINT_CENTER, bold_name, x, y, width);
  return y;
}

void
xaso_print_form_signatures (XasoPrintForm *self,
                            const char    *left_title,
                            const char    *left_name,
                            const char    *right_title,
                            const char    *right_name)
{
  double half = CONTENT_WIDTH (self) / 2, bottom;

  self->y = MAX (self->y, self->reserved_until) + 6 * MM;
  if (self->y + 40 * MM > self->height - MARGIN_BOTTOM)
    new_page (self);
  bottom = signature_column (self, right_title, right_name, MARGIN_LEFT + half, half);
  if (left_title != NULL)
    bottom = MAX (bottom, signature_column (self, left_title, left_name, MARGIN_LEFT, half));
  self->y = bottom + 4 * MM;
}

XasoPrintTable *
xaso_print_form_table (XasoPrintForm *self)
{
  return xaso_print_table_new_in_page (self->cr, self->width, self->height, MARGIN_LEFT, MARGIN_RIGHT, self->y);
}

void
xaso_print_form_end_table (XasoPrintForm  *self,
                           XasoPrintTable *table)
{
  self->y = xaso_print_table_get_y (table) + 4 * MM;
}

gboolean
xaso_print_form_finish (XasoPrintForm  *self,
                        GError        **error)
{
  cairo_show_page (self->cr);
  return xaso_print_pdf_finish (self->surface, self->path, error);
}

void
xaso_print_form_free (XasoPrintForm *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_free (self->path);
  g_free (self);
}
