/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-sign.h"
#include "xaso-sign-placement.h"

/* The dialog's places are libxaso-pdf's, which knows where each kind of
 * signature goes; a rectangle drawn on the view is on the page as shown,
 * and the library turns it into user space the same way. */
static XasoPdfPlacement
library_placement (XasoSignPlace place)
{
  switch (place)
    {
    case XASO_SIGN_PLACE_LAST_PAGE_LEFT:
      return XASO_PDF_PLACE_LAST_PAGE_LEFT;
    case XASO_SIGN_PLACE_OVER_LEADER:
      return XASO_PDF_PLACE_OVER_LAST_SIGNATURE;
    case XASO_SIGN_PLACE_COPY:
      return XASO_PDF_PLACE_COPY_CORNER;
    case XASO_SIGN_PLACE_LAST_PAGE_RIGHT:
    case XASO_SIGN_PLACE_AREA:
    default:
      return XASO_PDF_PLACE_LAST_PAGE_RIGHT;
    }
}

gboolean
xaso_sign_placement_resolve (const XasoSignPlacement *placement,
                             XasoPdfDocument         *document,
                             int                     *page,
                             double                   rect[4],
                             GError                 **error)
{
  guint n_pages = xaso_pdf_document_get_n_pages (document);
  XasoPdfSignOptions options;

  if (n_pages == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The document has no pages."));
      return FALSE;
    }
  if (placement->place == XASO_SIGN_PLACE_AREA)
    {
      *page = CLAMP (placement->page, 0, (int)n_pages - 1);
      xaso_pdf_page_shown_to_user (document, *page, placement->area, rect);
      return TRUE;
    }
  xaso_pdf_sign_options_init (&options);
  options.placement = library_placement (placement->place);
  return xaso_pdf_sign_resolve_place (document, &options, page, rect, error);
}
