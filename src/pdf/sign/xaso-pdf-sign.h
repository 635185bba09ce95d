/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-pdf-appearance.h"
#include "xaso-pdf-identity.h"
#include "xaso-pdf-update.h"

G_BEGIN_DECLS

/* Where a visible signature goes. Places are said as the page is shown
 * (its crop box, turned by /Rotate). */
typedef enum
{
  XASO_PDF_PLACE_RECT,                /* on @page at @rect, as given */
  XASO_PDF_PLACE_SHOWN_RECT,          /* on @page at @rect as the page is shown (its
                                       * crop box turned by /Rotate, origin at its
                                       * lower left), as a rectangle drawn on screen */
  XASO_PDF_PLACE_AUTO,                /* where the appearance's kind goes (DOMAIN.md):
                                       * a person's at the bottom right of the last
                                       * page, the organization's seal over the last
                                       * signature, a copy's text at the top right of
                                       * page 1 */
  XASO_PDF_PLACE_LAST_PAGE_RIGHT,     /* cuối trang cuối, bên phải */
  XASO_PDF_PLACE_LAST_PAGE_LEFT,      /* cuối trang cuối, bên trái */
  XASO_PDF_PLACE_OVER_LAST_SIGNATURE, /* the seal over the left third of the last
                                       * visible signature */
  XASO_PDF_PLACE_COPY_CORNER,         /* the top right of page 1 */
} XasoPdfPlacement;

/* A person's signature box, and the seal at real size (about 36 mm), in
 * points. */
#define XASO_PDF_SIGN_PERSON_WIDTH  190.0
#define XASO_PDF_SIGN_PERSON_HEIGHT 100.0
#define XASO_PDF_SIGN_SEAL_SIZE     102.0

/* Where and how a PAdES signature goes (DESIGN.md §5). Every pointer is
 * borrowed and may be NULL. */
typedef struct
{
  XasoPdfPlacement placement;
  int         page;             /* 0-based; -1: the last page */
  double      rect[4];          /* x, y, width, height in the page's default user
                                 * space; a zero width makes the signature invisible */
  const char *field_name;       /* NULL: "Signature1", "Signature2"… */
  const char *reason;           /* /Reason */
  const char *location;         /* /Location */
  const char *contact;          /* /ContactInfo */
  GDateTime  *time;             /* /M; NULL: now, in local time */
  /* A one-page PDF drawn by the appearance code (cairo), grafted as the
   * widget's appearance and scaled to @rect; NULL: drawn here from
   * @appearance. */
  GBytes     *appearance_pdf;
  /* What the appearance shows when @appearance_pdf is NULL; its signer and
   * organization default to the certificate's, its time to /M. NULL: a
   * person's signature without an image. */
  const XasoPdfAppearance *appearance;
  const char *tsa_url;          /* RFC 3161 server for PAdES B-T; NULL: B-B */
} XasoPdfSignOptions;

void      xaso_pdf_sign_options_init        (XasoPdfSignOptions   *options);

/* "dir/name-signed.pdf" for "dir/name.pdf". */
char     *xaso_pdf_sign_default_output      (const char           *input);

/* Signs @input into @output (replaced if it exists: the caller decides
 * whether that is allowed). Blocking, for a worker thread (GTask); the
 * output appears only complete, under its name, at the end. */
gboolean  xaso_pdf_sign_file                (XasoPdfIdentity          *identity,
                                             const char               *input,
                                             const char               *output,
                                             const XasoPdfSignOptions *options,
                                             GCancellable             *cancellable,
                                             XasoPdfProgressFunc       progress,
                                             gpointer                  user_data,
                                             GError                  **error);

G_END_DECLS
