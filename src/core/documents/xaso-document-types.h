/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The administrative document types of Decree 30/2020 (Appendix III) with
 * their abbreviations. Công văn and thư công have none: their notation
 * names the issuer and the drafting unit instead (12/UBND-VP). */
typedef struct
{
  const char *name;   /* "Quyết định" */
  const char *abbr;   /* "QĐ"; NULL for công văn and thư công */
} XasoDocumentType;

const XasoDocumentType *xaso_document_types          (guint       *n_types);
/* The type of an abbreviation, compared without regard to case ("qđ"
 * finds QĐ); NULL for an unknown one. */
const XasoDocumentType *xaso_document_type_find      (const char  *abbr);
/* "Quyết định" for "QĐ", "Công văn" for NULL or "". */
const char             *xaso_document_type_name      (const char  *abbr);

G_END_DECLS
