/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-object.h"

G_BEGIN_DECLS

/* Resolves a reference to a borrowed object (never NULL: null instead). */
typedef XasoPdfObject *(*XasoPdfResolveFunc) (gpointer       user_data,
                                              XasoPdfObject *object);

/* Runs @data through the stream dict's /Filter chain with its
 * /DecodeParms. The result is at most @max_size bytes and, past the first
 * MiB, at most XASO_PDF_MAX_RATIO times the encoded size. */
GBytes *xaso_pdf_filter_decode (const guint8        *data,
                                gsize                len,
                                XasoPdfObject       *stream_dict,
                                XasoPdfResolveFunc   resolve,
                                gpointer             user_data,
                                gsize                max_size,
                                GError             **error);

/* Undoes a PNG (10–15) or TIFF (2) predictor in place-free fashion. */
GByteArray *xaso_pdf_filter_unpredict (GByteArray     *data,
                                       XasoPdfObject  *parms,
                                       GError        **error);

G_END_DECLS
