/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-update.h"

G_BEGIN_DECLS

/* Copies page @index of @source (another PDF, e.g. a one-page PDF cairo
 * drew the signature appearance into) into @update as a Form XObject:
 * every object reachable from the page's /Resources is copied with new
 * numbers, the content streams become the XObject's stream and the
 * MediaBox its /BBox (returned in @bbox as x0 y0 x1 y1). Returns the
 * XObject's object number, 0 with @error set. */
guint32 xaso_pdf_graft_page (XasoPdfUpdate    *update,
                             XasoPdfDocument  *source,
                             guint             index,
                             double            bbox[4],
                             GError          **error);

/* Compresses @data with zlib for a /FlateDecode stream. */
GBytes *xaso_pdf_deflate    (const guint8     *data,
                             gsize             len);

G_END_DECLS
