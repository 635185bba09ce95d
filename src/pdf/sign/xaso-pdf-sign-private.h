/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-sign.h"

G_BEGIN_DECLS

/* What the field builder placed: the signature dictionary, written raw
 * with fixed-width placeholders at known places in its body. */
typedef struct
{
  guint32 sig_num;
  gsize   byte_range_at;        /* offset in the body of the "[" of /ByteRange */
  gsize   byte_range_len;       /* its fixed width, "[" and "]" included */
  gsize   contents_at;          /* offset in the body of the "<" of /Contents */
  gsize   contents_len;         /* hex digits reserved between "<" and ">" */
} XasoPdfSigPlaceholders;

/* Adds the signature dictionary, the merged field and widget, its
 * appearance, the page's /Annots and the AcroForm to @update. */
gboolean xaso_pdf_sign_add_field      (XasoPdfUpdate            *update,
                                       XasoPdfIdentity          *identity,
                                       const XasoPdfSignOptions *options,
                                       gsize                     cms_reserve,
                                       XasoPdfSigPlaceholders   *out,
                                       GError                  **error);
/* The page (0-based) and the rectangle in the page's user space where a
 * signature with @options goes in @document. Fails when the seal has no
 * signature to go over. */
gboolean xaso_pdf_sign_resolve_place  (XasoPdfDocument          *document,
                                       const XasoPdfSignOptions *options,
                                       int                      *page,
                                       double                    rect[4],
                                       GError                  **error);

/* The widget's normal appearance as an object number in @update: the
 * appearance PDF given, or one drawn from @options->appearance, grafted
 * and scaled to @rect, upright on a page with /Rotate @rotate (0, 90, 180
 * or 270). */
guint32  xaso_pdf_sign_add_appearance (XasoPdfUpdate            *update,
                                       XasoPdfIdentity          *identity,
                                       const XasoPdfSignOptions *options,
                                       const double              rect[4],
                                       int                       rotate,
                                       GDateTime                *time,
                                       GError                  **error);

G_END_DECLS
