/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-sign.h"

G_BEGIN_DECLS

/* Where a new signature goes, as the signing dialog offers it. */
typedef enum
{
  XASO_SIGN_PLACE_LAST_PAGE_RIGHT,      /* cuối trang cuối, bên phải */
  XASO_SIGN_PLACE_LAST_PAGE_LEFT,       /* cuối trang cuối, bên trái */
  XASO_SIGN_PLACE_OVER_LEADER,          /* the seal over the last signature's left third */
  XASO_SIGN_PLACE_COPY,                 /* top right of page 1 (DOMAIN.md) */
  XASO_SIGN_PLACE_AREA,                 /* a rectangle drawn on the page */
} XasoSignPlace;

typedef struct
{
  XasoSignPlace place;
  int           page;      /* AREA: 0-based */
  double        area[4];   /* AREA: x, y, width, height as the view gives them
                            * (the page as shown, origin at its lower left) */
} XasoSignPlacement;

/* The size of a person's signature box in points (leader presets), and of
 * the seal (real size, about 36 mm): the library's. */
#define XASO_SIGN_LEADER_WIDTH  XASO_PDF_SIGN_PERSON_WIDTH
#define XASO_SIGN_LEADER_HEIGHT XASO_PDF_SIGN_PERSON_HEIGHT
#define XASO_SIGN_SEAL_SIZE     XASO_PDF_SIGN_SEAL_SIZE

/* Sets @options' placement (and, for a drawn area, its page and
 * rectangle) for xaso_pdf_sign_file (), which resolves it in the document. */
void xaso_sign_placement_apply (const XasoSignPlacement *placement,
                                XasoPdfSignOptions      *options);

G_END_DECLS
