/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "xaso-pdf-form.h"
#include "xaso-pdf-sign-private.h"

/* Where each kind of signature goes (DOMAIN.md, "Signatures on
 * documents"). Places are said as the official sees the page ("bottom
 * right"), so presets and a rectangle drawn on the screen go through the
 * same conversion from the page as shown — its crop box, turned by
 * /Rotate — to the page's user space. */

#define PAGE_MARGIN 56.0        /* about 2 cm */

static gboolean
box_from_array (XasoPdfDocument       *document,
                XasoPdfObject         *array,
                XasoPdfAppearanceRect *box)
{
  double v[4];

  if (array == NULL || xaso_pdf_object_get_kind (array) != XASO_PDF_ARRAY ||
      xaso_pdf_object_array_get_length (array) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      XasoPdfObject *item = xaso_pdf_document_resolve (document, xaso_pdf_object_array_get (array, i), NULL);

      if (item == NULL || !xaso_pdf_object_get_number (item, &v[i]))
        return FALSE;
    }
  *box = (XasoPdfAppearanceRect) { MIN (v[0], v[2]), MIN (v[1], v[3]), fabs (v[2] - v[0]), fabs (v[3] - v[1]) };
  return box->width > 0 && box->height > 0;
}

typedef struct
{
  XasoPdfAppearanceRect media;
  XasoPdfAppearanceRect crop;
  int                   rotate;   /* 0, 90, 180 or 270 */
} PageGeometry;

static void
page_geometry (XasoPdfDocument *document,
               guint            page,
               PageGeometry    *g)
{
  XasoPdfObject *rotate = xaso_pdf_document_get_page_attribute (document, page, "Rotate");

  if (!box_from_array (document, xaso_pdf_document_get_page_attribute (document, page, "MediaBox"), &g->media))
    g->media = (XasoPdfAppearanceRect) { 0, 0, 595.28, 841.89 };   /* A4 */
  if (!box_from_array (document, xaso_pdf_document_get_page_attribute (document, page, "CropBox"), &g->crop))
    g->crop = g->media;
  g->rotate = 0;
  if (rotate != NULL && xaso_pdf_object_get_kind (rotate) == XASO_PDF_INT)
    g->rotate = (((int)xaso_pdf_object_get_int (rotate) % 360) + 360) % 360 / 90 * 90;
}

static void
shown_to_user (const PageGeometry *g,
               const double        shown[4],
               double              rect[4])
{
  double x = shown[0], y = shown[1], w = shown[2], h = shown[3];
  double W = g->crop.width, H = g->crop.height;

  switch (g->rotate)
    {
    case 90:
      rect[0] = W - y - h, rect[1] = x, rect[2] = h, rect[3] = w;
      break;
    case 180:
      rect[0] = W - x - w, rect[1] = H - y - h, rect[2] = w, rect[3] = h;
      break;
    case 270:
      rect[0] = y, rect[1] = H - x - w, rect[2] = h, rect[3] = w;
      break;
    default:
      rect[0] = x, rect[1] = y, rect[2] = w, rect[3] = h;
    }
  rect[0] += g->crop.x;
  rect[1] += g->crop.y;
}

/* A person's signature box at the bottom of the page as shown. */
static void
corner (const PageGeometry *g,
        gboolean            right,
        double              rect[4])
{
  double shown_width = g->rotate % 180 == 0 ? g->crop.width : g->crop.height;
  double w = MIN (XASO_PDF_SIGN_PERSON_WIDTH, shown_width - 2 * PAGE_MARGIN);
  double shown[4] = { right ? shown_width - PAGE_MARGIN - w : PAGE_MARGIN, PAGE_MARGIN, w,
                      XASO_PDF_SIGN_PERSON_HEIGHT };

  shown_to_user (g, shown, rect);
}

static int
page_of (XasoPdfDocument *document,
         XasoPdfObject   *widget)
{
  XasoPdfObject *p = xaso_pdf_object_dict_get (widget, "P");
  guint n = xaso_pdf_document_get_n_pages (document);

  if (p == NULL || xaso_pdf_object_get_kind (p) != XASO_PDF_REF)
    return (int)n - 1;
  for (guint i = 0; i < n; i++)
    {
      guint32 num = 0;
      guint16 gen = 0;

      xaso_pdf_document_get_page (document, i, &num, &gen);
      if (num == xaso_pdf_object_ref_get_num (p) && gen == xaso_pdf_object_ref_get_gen (p))
        return (int)i;
    }
  return (int)n - 1;
}

/* The seal goes over the left third of the last visible signature. */
static gboolean
over_last_signature (XasoPdfDocument  *document,
                     int              *page,
                     double            rect[4],
                     GError          **error)
{
  g_autoptr(GPtrArray) signatures = xaso_pdf_document_list_signatures (document);

  for (guint i = signatures->len; i > 0; i--)
    {
      XasoPdfSignature *signature = g_ptr_array_index (signatures, i - 1);
      XasoPdfAppearanceRect leader, seal;
      PageGeometry g;

      if (signature->field.value == NULL ||
          !box_from_array (document, xaso_pdf_document_dict_get (document, signature->field.dict, "Rect"), &leader) ||
          leader.width < 1 || leader.height < 1)
        continue;
      *page = page_of (document, signature->field.dict);
      page_geometry (document, *page, &g);
      xaso_pdf_appearance_organization_rect (&leader, XASO_PDF_SIGN_SEAL_SIZE, &seal);
      seal.x = MAX (seal.x, g.crop.x);
      rect[0] = seal.x, rect[1] = seal.y, rect[2] = seal.width, rect[3] = seal.height;
      return TRUE;
    }
  g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
                       _("This document has no visible signature of a leader for the seal to go over. "
                         "Draw the place of the organization’s signature on the page instead."));
  return FALSE;
}

static XasoPdfPlacement
placement_of_kind (XasoPdfAppearanceKind kind)
{
  switch (kind)
    {
    case XASO_PDF_APPEARANCE_ORGANIZATION:
      return XASO_PDF_PLACE_OVER_LAST_SIGNATURE;
    case XASO_PDF_APPEARANCE_COPY:
      return XASO_PDF_PLACE_COPY_CORNER;
    case XASO_PDF_APPEARANCE_LEADER:
    default:
      return XASO_PDF_PLACE_LAST_PAGE_RIGHT;
    }
}

gboolean
xaso_pdf_sign_resolve_place (XasoPdfDocument          *document,
                             const XasoPdfSignOptions *options,
                             int                      *page,
                             double                    rect[4],
                             GError                  **error)
{
  guint n_pages = xaso_pdf_document_get_n_pages (document);
  XasoPdfPlacement placement = options->placement;
  XasoPdfAppearanceRect out;
  PageGeometry g;

  *page = options->page;
  memcpy (rect, options->rect, sizeof options->rect);
  if (placement == XASO_PDF_PLACE_AUTO)
    placement = placement_of_kind (options->appearance ? options->appearance->kind : XASO_PDF_APPEARANCE_LEADER);
  if (placement == XASO_PDF_PLACE_RECT || n_pages == 0)
    return TRUE;
  switch (placement)
    {
    case XASO_PDF_PLACE_SHOWN_RECT:
      *page = CLAMP (options->page, 0, (int)n_pages - 1);
      page_geometry (document, *page, &g);
      shown_to_user (&g, options->rect, rect);
      return TRUE;
    case XASO_PDF_PLACE_OVER_LAST_SIGNATURE:
      return over_last_signature (document, page, rect, error);
    case XASO_PDF_PLACE_COPY_CORNER:
      *page = 0;
      page_geometry (document, 0, &g);
      xaso_pdf_appearance_copy_rect (&g.media, &g.crop, g.rotate, 0, 0, &out);
      rect[0] = out.x, rect[1] = out.y, rect[2] = out.width, rect[3] = out.height;
      return TRUE;
    default:
      *page = (int)n_pages - 1;
      page_geometry (document, *page, &g);
      corner (&g, placement != XASO_PDF_PLACE_LAST_PAGE_LEFT, rect);
      return TRUE;
    }
}
