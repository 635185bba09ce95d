/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Before Unicode, Vietnamese text was typed in 8-bit encodings tied to
 * fonts, and commune offices still hold documents and spreadsheets written
 * that way ("bảng mã cũ").  This codec reads them into UTF-8 and writes
 * UTF-8 back out for the programs that still want them.
 */

/**
 * XasoEncoding:
 * @XASO_ENCODING_UTF8: Unicode, UTF-8
 * @XASO_ENCODING_TCVN3: TCVN 5712:1993 (ABC, the .VnTime fonts), the VN1
 *   table that glibc calls "TCVN5712-1", with capitals at some C0 positions
 * @XASO_ENCODING_VNI: VNI-Windows (the VNI-Times fonts)
 * @XASO_ENCODING_CP1258: Windows-1258
 *
 * The encodings Vietnamese documents are found in.
 */
typedef enum {
  XASO_ENCODING_UTF8,
  XASO_ENCODING_TCVN3,
  XASO_ENCODING_VNI,
  XASO_ENCODING_CP1258,
} XasoEncoding;

const char *xaso_encoding_get_name  (XasoEncoding  encoding);
gboolean    xaso_encoding_from_name (const char   *name,
                                     XasoEncoding *out);

char *xaso_legacy_decode           (XasoEncoding   encoding,
                                    const char    *bytes,
                                    gssize         len,
                                    gsize         *out_len);
char *xaso_legacy_encode           (XasoEncoding   encoding,
                                    const char    *utf8,
                                    gsize         *out_len,
                                    GError       **error);
char *xaso_legacy_bytes_from_latin (const char    *utf8,
                                    gsize         *out_len);

G_END_DECLS
