/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <string.h>

#include "xaso-sign-placement.h"

/* The dialog's places are libxaso-pdf's, which knows where each kind of
 * signature goes and turns a rectangle drawn on the page as shown into
 * user space, while it has the document open to sign it. */
void
xaso_sign_placement_apply (const XasoSignPlacement *placement,
                           XasoPdfSignOptions      *options)
{
  switch (placement->place)
    {
    case XASO_SIGN_PLACE_AREA:
      options->placement = XASO_PDF_PLACE_SHOWN_RECT;
      options->page = placement->page;
      memcpy (options->rect, placement->area, sizeof options->rect);
      break;
    case XASO_SIGN_PLACE_LAST_PAGE_LEFT:
      options->placement = XASO_PDF_PLACE_LAST_PAGE_LEFT;
      break;
    case XASO_SIGN_PLACE_OVER_LEADER:
      options->placement = XASO_PDF_PLACE_OVER_LAST_SIGNATURE;
      break;
    case XASO_SIGN_PLACE_COPY:
      options->placement = XASO_PDF_PLACE_COPY_CORNER;
      break;
    case XASO_SIGN_PLACE_LAST_PAGE_RIGHT:
    default:
      options->placement = XASO_PDF_PLACE_LAST_PAGE_RIGHT;
      break;
    }
}
