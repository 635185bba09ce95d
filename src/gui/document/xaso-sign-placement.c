/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xaso-pdf-appearance.h"
#include "xaso-pdf-form.h"
#include "xaso-pdf-sign.h"
#include "xaso-sign-placement.h"

/* Presets are said as the official sees the page ("bottom right"), so
 * they and a drawn rectangle go through the same conversion from the page
 * as shown — its crop box, turned by /Rotate — to user space. */

#define PAGE_MARGIN 56.0

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
  return TRUE;
}

static gboolean
read_box (XasoPdfDocument       *document,
          guint                  page,
          const char            *key,
          XasoPdfAppearanceRect *box)
{
  return box_from_array (document, xaso_pdf_document_get_page_attribute (document, page, key), box);
}

/* A widget's /Rect. */
static gboolean
read_box_from (XasoPdfDocument       *document,
               XasoPdfObject         *widget,
               XasoPdfAppearanceRect *box)
{
  return box_from_array (document, xaso_pdf_document_dict_get (document, widget, "Rect"), box);
}

typedef struct
{
  XasoPdfAppearanceRect media;
  XasoPdfAppearanceRect crop;
  int                   rotate;
} PageGeometry;

static void
page_geometry (XasoPdfDocument *document,
               guint            page,
               PageGeometry    *geometry)
{
  XasoPdfObject *rotate = xaso_pdf_document_get_page_attribute (document, page, "Rotate");

  if (!read_box (document, page, "MediaBox", &geometry->media))
    geometry->media = (XasoPdfAppearanceRect) { 0, 0, 595, 842 };
  if (!read_box (document, page, "CropBox", &geometry->crop))
    geometry->crop = geometry->media;
  geometry->rotate = 0;
  if (rotate != NULL && xaso_pdf_object_get_kind (rotate) == XASO_PDF_INT)
    geometry->rotate = (((int) xaso_pdf_object_get_int (rotate) % 360) + 360) % 360 / 90 * 90;
}

/* @shown: x, y, width, height on the page as shown, y up. */
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

static void
corner (const PageGeometry *g,
        gboolean            right,
        double              rect[4])
{
  double shown_width = g->rotate % 180 == 0 ? g->crop.width : g->crop.height;
  double w = MIN (XASO_SIGN_LEADER_WIDTH, shown_width - 2 * PAGE_MARGIN);
  double shown[4] = { right ? shown_width - PAGE_MARGIN - w : PAGE_MARGIN, PAGE_MARGIN, w, XASO_SIGN_LEADER_HEIGHT };

  shown_to_user (g, shown, rect);
}

static int
page_of (XasoPdfDocument *document,
         XasoPdfObject   *widget)
{
  XasoPdfObject *p = xaso_pdf_object_dict_get (widget, "P");
  guint n = xaso_pdf_document_get_n_pages (document);

  if (p == NULL || xaso_pdf_object_get_kind (p) != XASO_PDF_REF)
    return (int) n - 1;
  for (guint i = 0; i < n; i++)
    {
      guint32 num = 0;
      guint16 gen = 0;

      xaso_pdf_document_get_page (document, i, &num, &gen);
      if (num == xaso_pdf_object_ref_get_num (p) && gen == xaso_pdf_object_ref_get_gen (p))
        return (int) i;
    }
  return (int) n - 1;
}

/* The seal goes over the left third of the last signature made. */
static gboolean
over_leader (XasoPdfDocument  *document,
             int              *page,
             double            rect[4],
             GError          **error)
{
  g_autoptr(GPtrArray) signatures = xaso_pdf_document_list_signatures (document);
  PageGeometry g = { 0 };

  for (guint i = signatures->len; i > 0; i--)
    {
      XasoPdfSignature *signature = g_ptr_array_index (signatures, i - 1);
      XasoPdfAppearanceRect leader, seal;

      if (signature->field.value == NULL ||
          !read_box_from (document, signature->field.dict, &leader) || leader.width < 1 || leader.height < 1)
        continue;
      *page = page_of (document, signature->field.dict);
      page_geometry (document, *page, &g);
      xaso_pdf_appearance_organization_rect (&leader, XASO_SIGN_SEAL_SIZE, &seal);
      seal.x = MAX (seal.x, g.crop.x);
      rect[0] = seal.x, rect[1] = seal.y, rect[2] = seal.width, rect[3] = seal.height;
      return TRUE;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This document has no visible signature of a leader for the seal to go over. "
                         "Draw the place of the organization’s signature on the page instead."));
  return FALSE;
}

gboolean
xaso_sign_placement_resolve (const XasoSignPlacement *placement,
                             XasoPdfDocument         *document,
                             int                     *page,
                             double                   rect[4],
                             GError                 **error)
{
  guint n_pages = xaso_pdf_document_get_n_pages (document);
  PageGeometry g = { 0 };
  XasoPdfAppearanceRect out;

  if (n_pages == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The document has no pages."));
      return FALSE;
    }
  switch (placement->place)
    {
    case XASO_SIGN_PLACE_OVER_LEADER:
      return over_leader (document, page, rect, error);
    case XASO_SIGN_PLACE_COPY:
      *page = 0;
      page_geometry (document, 0, &g);
      xaso_pdf_appearance_copy_rect (&g.media, &g.crop, g.rotate, 0, 0, &out);
      rect[0] = out.x, rect[1] = out.y, rect[2] = out.width, rect[3] = out.height;
      return TRUE;
    case XASO_SIGN_PLACE_AREA:
      *page = CLAMP (placement->page, 0, (int) n_pages - 1);
      page_geometry (document, *page, &g);
      shown_to_user (&g, placement->area, rect);
      return TRUE;
    case XASO_SIGN_PLACE_LAST_PAGE_LEFT:
    case XASO_SIGN_PLACE_LAST_PAGE_RIGHT:
    default:
      *page = (int) n_pages - 1;
      page_geometry (document, *page, &g);
      corner (&g, placement->place != XASO_SIGN_PLACE_LAST_PAGE_LEFT, rect);
      return TRUE;
    }
}
