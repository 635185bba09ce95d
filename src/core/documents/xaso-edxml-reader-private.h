/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-edxml.h"

G_BEGIN_DECLS

/* Base64 decoded as it streams in (xaso-edxml-base64.c): every character
 * is checked first, since g_base64_decode_step() skips what it does not
 * know, and the size is checked before the bytes are decoded. */
typedef struct
{
  GByteArray *out;
  gsize       chars;     /* base64 characters seen, padding included */
  guint       padding;
  gint        state;
  guint       save;
} XasoEdxmlBase64;

typedef enum
{
  XASO_EDXML_BASE64_OK,
  XASO_EDXML_BASE64_INVALID,
  XASO_EDXML_BASE64_TOO_LARGE,
} XasoEdxmlBase64Result;

void                  _xaso_edxml_base64_init   (XasoEdxmlBase64 *b);
void                  _xaso_edxml_base64_clear  (XasoEdxmlBase64 *b);
/* Decodes @text; refuses it when the attachment would pass
 * XASO_EDXML_MAX_ATTACHMENT_SIZE or @room bytes. */
XasoEdxmlBase64Result _xaso_edxml_base64_feed   (XasoEdxmlBase64 *b,
                                                 const char      *text,
                                                 gsize            len,
                                                 gsize            room);
/* The bytes, or NULL if the text was cut short or empty. */
GBytes               *_xaso_edxml_base64_finish (XasoEdxmlBase64 *b);

/* After reading: the fields every package must have, in the forms the
 * register takes (xaso-edxml-check.c). */
gboolean              _xaso_edxml_check_package (XasoEdxmlPackage *package,
                                                 GError          **error);
const char           *_xaso_edxml_attachment_label (const XasoEdxmlAttachment *a,
                                                    guint                      index);

G_END_DECLS
