/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-document.h"

G_BEGIN_DECLS

/* Appends the PDF syntax of a direct value (ISO 32000-1 §7.3) to @out.
 * A stream writes only its dictionary here; see
 * xaso_pdf_serialize_indirect() for the whole object. */
void           xaso_pdf_serialize          (GString             *out,
                                            const XasoPdfObject *object);

/* "N G obj … endobj\n". A stream's bytes come from its in-memory data, or
 * from @source (the document it was read from); /Length is rewritten as
 * a direct number so the object never depends on another. */
gboolean       xaso_pdf_serialize_indirect (GString             *out,
                                            guint32              num,
                                            guint16              gen,
                                            XasoPdfObject       *object,
                                            XasoPdfDocument     *source,
                                            GError             **error);

/* A copy the caller may change: arrays and dicts are copied all the way
 * down, other values (immutable) are shared. A stream keeps pointing at
 * the same bytes. */
XasoPdfObject *xaso_pdf_object_copy        (const XasoPdfObject *object);

/* A number in PDF syntax, never in the locale's notation (a Vietnamese
 * locale writes "0,5"). */
void           xaso_pdf_append_number      (GString             *out,
                                            double               value);

/* "D:20260105143000+07'00'" for a signature's /M. */
char          *xaso_pdf_format_date        (GDateTime           *time);

G_END_DECLS
