/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "xaso-pdf-appearance-private.h"

G_DEFINE_QUARK (xaso-pdf-appearance-error-quark, xaso_pdf_appearance_error)

/* PDF's largest page side (ISO 32000-1, Annex C) and the largest preview. */
#define MAX_PAGE_SIDE_PT 14400.0
#define MAX_PREVIEW_SIDE_PX 8192.0

/* Room left around the drawing so that no glyph touches the widget's
 * border, and between an image and the text. */
#define PADDING_PT 1.5
#define GAP_PT 2.0

/* The part of a leader's box kept for the handwritten signature. */
#define IMAGE_SHARE 0.55

/* Decree 30 sets attachments and copies in Times New Roman 10; the other
 * kinds use the same size as their largest. */
#define DEFAULT_FONT_SIZE_PT 10.0

/* Everything a drawing needs, checked and decoded before cairo starts. */
typedef struct {
  XasoPdfAppearanceKind kind;
  char *text;
  cairo_surface_t *image;
  const char *family;
  double max_size;
  double rgb[3];
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->text, g_free);
  g_clear_pointer (&plan->image, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

void
xaso_pdf_appearance_init (XasoPdfAppearance     *spec,
                          XasoPdfAppearanceKind  kind)
{
  g_return_if_fail (spec != NULL);

  memset (spec, 0, sizeof *spec);
  spec->kind = kind;
}

/* The text colours follow the ink of each kind (DOMAIN.md): the blue of the
 * handwritten signature, the red of the seal, and black for copies. */
static gboolean
plan_color (const XasoPdfAppearance  *spec,
            Plan                     *plan,
            GError                  **error)
{
  static const double defaults[][3] = {
    [XASO_PDF_APPEARANCE_LEADER] = { 0.0, 0.2, 0.7 },
    [XASO_PDF_APPEARANCE_ORGANIZATION] = { 0.8, 0.0, 0.0 },
    [XASO_PDF_APPEARANCE_COPY] = { 0.0, 0.0, 0.0 },
  };
  const char *c = spec->text_color;

  memcpy (plan->rgb, defaults[spec->kind], sizeof plan->rgb);
  if (c == NULL)
    return TRUE;
  if (strlen (c) != 7 || c[0] != '#')
    goto bad;
  for (guint i = 0; i < 3; i++)
    {
      int hi = g_ascii_xdigit_value (c[1 + 2 * i]);
      int lo = g_ascii_xdigit_value (c[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        goto bad;
      plan->rgb[i] = (hi * 16 + lo) / 255.0;
    }
  return TRUE;
bad:
  g_set_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_INVALID,
               _("“%s” is not a colour; write it as #rrggbb."), c);
  return FALSE;
}

/* Copies carry no image (Decree 30); the leader's kind shows the
 * handwritten signature and the organization's its seal. */
static gboolean
plan_prepare (const XasoPdfAppearance  *spec,
              Plan                     *plan,
              GError                  **error)
{
  GBytes *image = NULL;

  if ((guint) spec->kind > XASO_PDF_APPEARANCE_COPY)
    {
      g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_INVALID,
                           _("Unknown kind of signature appearance."));
      return FALSE;
    }
  plan->kind = spec->kind;
  plan->family = spec->font_family;
  plan->max_size = spec->font_size > 0 ? spec->font_size : DEFAULT_FONT_SIZE_PT;
  if (!plan_color (spec, plan, error))
    return FALSE;
  plan->text = xaso_pdf_appearance_expand_text (spec, error);
  if (plan->text == NULL)
    return FALSE;
  if (spec->kind == XASO_PDF_APPEARANCE_LEADER)
    image = spec->image;
  else if (spec->kind == XASO_PDF_APPEARANCE_ORGANIZATION)
    image = spec->seal;
  if (image != NULL)
    plan->image = xaso_pdf_appearance_load_png (image, spec->kind == XASO_PDF_APPEARANCE_ORGANIZATION,
                                                error);
  return image == NULL || plan->image != NULL;
}

/* Scales the image to fit the box, keeping its proportions, centred. */
static void
draw_image (cairo_t         *cr,
            cairo_surface_t *image,
            double           x,
            double           y,
            double           width,
            double           height)
{
  double iw = cairo_image_surface_get_width (image);
  double ih = cairo_image_surface_get_height (image);
  double scale = MIN (width / iw, height / ih);

  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, x + (width - iw * scale) / 2, y + (height - ih * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Lays the text out to fit the box and places the block in it: halign and
 * valign go from 0 (left, top) to 1 (right, bottom).  The lines stay left
 * aligned inside the block, as signing tools print them.  Returns the
 * height the block takes. */
static double
draw_text (cairo_t    *cr,
           const Plan *plan,
           double      x,
           double      y,
           double      width,
           double      height,
           double      halign,
           double      valign)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink, logical;

  if (*plan->text == '\0' || width <= 0 || height <= 0)
    return 0;
  layout = xaso_pdf_appearance_fit_text (cr, plan->text, plan->family, plan->max_size,
                                         width, height, NULL);
  pango_layout_get_extents (layout, &ink, &logical);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, plan->rgb[0], plan->rgb[1], plan->rgb[2]);
  cairo_move_to (cr,
                 x + (width - (double) logical.width / PANGO_SCALE) * halign
                   - (double) logical.x / PANGO_SCALE,
                 y + MAX (0, height - (double) logical.height / PANGO_SCALE) * valign
                   - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return MIN (height, (double) logical.height / PANGO_SCALE);
}

/* The signature (or seal) above, the text block below it: the text takes
 * what it needs of the lower part, at most 1 - IMAGE_SHARE of the height,
 * and the image has the rest. */
static void
draw_stacked (cairo_t    *cr,
              const Plan *plan,
              double      width,
              double      height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double text_height;

  if (plan->image == NULL)
    {
      draw_text (cr, plan, 0, 0, width, height, 0.5, 0.5);
      return;
    }
  if (*plan->text == '\0')
    {
      draw_image (cr, plan->image, 0, 0, width, height);
      return;
    }
  layout = xaso_pdf_appearance_fit_text (cr, plan->text, plan->family, plan->max_size,
                                         width, height * (1 - IMAGE_SHARE), NULL);
  pango_layout_get_extents (layout, NULL, &logical);
  text_height = MIN (height * (1 - IMAGE_SHARE), (double) logical.height / PANGO_SCALE);
  draw_image (cr, plan->image, 0, 0, width, height - text_height - GAP_PT);
  draw_text (cr, plan, 0, height - text_height, width, text_height, 0.5, 1.0);
}

/* The organization's text on the left and the seal on the right, so that
 * placed by xaso_pdf_appearance_organization_rect() the seal covers the
 * left third of the leader's signature and the text stays clear of it. */
static void
draw_beside (cairo_t    *cr,
             const Plan *plan,
             double      width,
             double      height)
{
  double side = height;

  draw_image (cr, plan->image, width - side, 0, side, side);
  draw_text (cr, plan, 0, 0, width - side - GAP_PT, height, 1.0, 0.5);
}

static void
draw_appearance (cairo_t    *cr,
                 const Plan *plan,
                 double      width,
                 double      height)
{
  double w = MAX (0, width - 2 * PADDING_PT);
  double h = MAX (0, height - 2 * PADDING_PT);

  cairo_translate (cr, PADDING_PT, PADDING_PT);
  if (plan->kind == XASO_PDF_APPEARANCE_COPY)
    draw_text (cr, plan, 0, 0, w, h, 1.0, 0.0);
  else if (plan->kind == XASO_PDF_APPEARANCE_ORGANIZATION && plan->image != NULL
           && *plan->text != '\0' && w >= 2.2 * h)
    draw_beside (cr, plan, w, h);
  else
    draw_stacked (cr, plan, w, h);
}

static gboolean
check_size (double    width,
            double    height,
            double    scale,
            GError  **error)
{
  double limit = scale > 0 ? MIN (MAX_PAGE_SIDE_PT, MAX_PREVIEW_SIDE_PX / scale) : 0;

  if (isfinite (width) && isfinite (height) && isfinite (scale) && width >= 1 && height >= 1
      && width <= limit && height <= limit)
    return TRUE;
  g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_INVALID,
                       _("The signature rectangle is too small or too large."));
  return FALSE;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Finishes the surface and turns a cairo failure into an error. */
static GBytes *
finish (cairo_surface_t  *surface,
        GByteArray       *buffer,
        GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (buffer);
      g_set_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_FAILED,
                   _("The signature appearance cannot be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (buffer);
}

/**
 * xaso_pdf_appearance_render:
 *
 * Draws @spec on a one-page PDF of @width_pt × @height_pt points: the page
 * the signer turns into the form XObject of the signature widget.  cairo
 * embeds a subset of the font, so the Vietnamese text shows the same in
 * every viewer.
 *
 * Returns: the PDF file, or %NULL with @error set.
 */
GBytes *
xaso_pdf_appearance_render (const XasoPdfAppearance  *spec,
                            double                    width_pt,
                            double                    height_pt,
                            GError                  **error)
{
  g_auto(Plan) plan = { 0 };
  GByteArray *buffer;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size (width_pt, height_pt, 1.0, error) || !plan_prepare (spec, &plan, error))
    return NULL;
  buffer = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_cb, buffer, width_pt, height_pt);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xã Số");
  cr = cairo_create (surface);
  draw_appearance (cr, &plan, width_pt, height_pt);
  cairo_destroy (cr);
  return finish (surface, buffer, error);
}

/**
 * xaso_pdf_appearance_render_png:
 *
 * The same drawing as xaso_pdf_appearance_render(), as a PNG with a
 * transparent background, @scale pixels per point, for previews.
 */
GBytes *
xaso_pdf_appearance_render_png (const XasoPdfAppearance  *spec,
                                double                    width_pt,
                                double                    height_pt,
                                double                    scale,
                                GError                  **error)
{
  g_auto(Plan) plan = { 0 };
  GByteArray *buffer;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size (width_pt, height_pt, scale, error) || !plan_prepare (spec, &plan, error))
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width_pt * scale), (int) ceil (height_pt * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw_appearance (cr, &plan, width_pt, height_pt);
  cairo_destroy (cr);
  buffer = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, write_cb, buffer);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_byte_array_unref (buffer);
      g_set_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_FAILED,
                   _("The signature appearance cannot be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return finish (surface, buffer, error);
}

static int
normalize_rotation (int rotate)
{
  rotate %= 360;
  if (rotate < 0)
    rotate += 360;
  /* ISO 32000 allows only multiples of 90; viewers ignore anything else. */
  return rotate % 90 == 0 ? rotate : 0;
}

/* The page's visible area: the CropBox clipped to the MediaBox. */
static void
visible_box (const XasoPdfAppearanceRect *media,
             const XasoPdfAppearanceRect *crop,
             double                       box[4])
{
  box[0] = media->x;
  box[1] = media->y;
  box[2] = media->x + media->width;
  box[3] = media->y + media->height;
  if (crop == NULL)
    return;
  box[0] = MAX (box[0], crop->x);
  box[1] = MAX (box[1], crop->y);
  box[2] = MIN (box[2], crop->x + crop->width);
  box[3] = MIN (box[3], crop->y + crop->height);
  if (box[2] <= box[0] || box[3] <= box[1])
    visible_box (media, NULL, box);
}

/* Where the text of an attachment or copy goes: at the top right of the
 * page as displayed, in the top margin (Decree 30 leaves 20–25 mm there)
 * and inside the right one (15–20 mm), so it covers no text. */
#define COPY_MARGIN_TOP_PT 8.0
#define COPY_MARGIN_RIGHT_PT 42.5
#define COPY_DEFAULT_WIDTH_PT 200.0
#define COPY_DEFAULT_HEIGHT_PT 42.0

/**
 * xaso_pdf_appearance_copy_rect:
 * @media_box: the page's MediaBox
 * @crop_box: (nullable): its CropBox
 * @rotate: its /Rotate
 * @width_pt: the width as displayed, or 0 for the default
 * @height_pt: the height as displayed, or 0 for the default
 * @out: the widget's /Rect, in the page's (unrotated) user space
 *
 * The default rectangle of a COPY appearance: top right of the page as the
 * reader sees it.  On a page turned by 90 or 270 degrees the rectangle is
 * tall in user space; render the appearance at the displayed size and give
 * its form XObject xaso_pdf_appearance_rotation_matrix().
 */
void
xaso_pdf_appearance_copy_rect (const XasoPdfAppearanceRect *media_box,
                               const XasoPdfAppearanceRect *crop_box,
                               int                          rotate,
                               double                       width_pt,
                               double                       height_pt,
                               XasoPdfAppearanceRect       *out)
{
  double b[4], page_w, page_h, left, top;
  double w = width_pt > 0 ? width_pt : COPY_DEFAULT_WIDTH_PT;
  double h = height_pt > 0 ? height_pt : COPY_DEFAULT_HEIGHT_PT;

  g_return_if_fail (media_box != NULL && out != NULL);

  rotate = normalize_rotation (rotate);
  visible_box (media_box, crop_box, b);
  page_w = rotate % 180 == 0 ? b[2] - b[0] : b[3] - b[1];
  page_h = rotate % 180 == 0 ? b[3] - b[1] : b[2] - b[0];
  w = MIN (w, page_w);
  h = MIN (h, page_h);
  /* Displayed coordinates: from the top left corner, y down. */
  left = MAX (0, page_w - COPY_MARGIN_RIGHT_PT - w);
  top = MIN (COPY_MARGIN_TOP_PT, page_h - h);
  switch (rotate)
    {
    case 90:
      *out = (XasoPdfAppearanceRect) { b[0] + top, b[1] + left, h, w };
      break;
    case 180:
      *out = (XasoPdfAppearanceRect) { b[2] - left - w, b[1] + top, w, h };
      break;
    case 270:
      *out = (XasoPdfAppearanceRect) { b[2] - top - h, b[3] - left - w, h, w };
      break;
    default:
      *out = (XasoPdfAppearanceRect) { b[0] + left, b[3] - top - h, w, h };
      break;
    }
}

/**
 * xaso_pdf_appearance_rotation_matrix:
 *
 * The /Matrix of an appearance drawn @width_pt × @height_pt upright for a
 * page with /Rotate @rotate: it turns the drawing against the page's
 * rotation so the reader sees it upright.  The identity for unrotated pages.
 */
void
xaso_pdf_appearance_rotation_matrix (int     rotate,
                                     double  width_pt,
                                     double  height_pt,
                                     double  matrix[6])
{
  static const double turns[4][4] = {
    { 1, 0, 0, 1 }, { 0, 1, -1, 0 }, { -1, 0, 0, -1 }, { 0, -1, 1, 0 },
  };
  int quarter = normalize_rotation (rotate) / 90;

  memcpy (matrix, turns[quarter], 4 * sizeof (double));
  /* The translation keeps the turned box in positive coordinates. */
  matrix[4] = quarter == 1 ? height_pt : quarter == 2 ? width_pt : 0;
  matrix[5] = quarter == 2 ? height_pt : quarter == 3 ? width_pt : 0;
}

/**
 * xaso_pdf_appearance_organization_rect:
 * @leader: the /Rect of the leader's signature widget
 * @seal_pt: the seal's diameter, or 0 for the leader's height
 * @out: the /Rect for the organization's widget
 *
 * Places the organization's appearance so that its seal, drawn on the
 * right of it, covers the left third of the leader's signature (Decree 30,
 * as on paper, Art. 33), with the text to the left of the seal.  The seal
 * is centred on the upper part of the leader's box, where the handwritten
 * signature is drawn, rather than on the "Ký bởi" lines below it.
 */
void
xaso_pdf_appearance_organization_rect (const XasoPdfAppearanceRect *leader,
                                       double                       seal_pt,
                                       XasoPdfAppearanceRect       *out)
{
  double side, text_width, seal_right;

  g_return_if_fail (leader != NULL && out != NULL);

  side = seal_pt > 0 ? seal_pt : leader->height;
  text_width = 2.2 * side;
  seal_right = leader->x + leader->width / 3;
  out->x = seal_right - side - text_width;
  out->y = leader->y + leader->height * (1 - IMAGE_SHARE / 2) - side / 2;
  out->width = text_width + side;
  out->height = side;
}
