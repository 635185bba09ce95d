/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-page.h"

G_BEGIN_DECLS

/* Văn bản đến and Văn bản đi: one page class, its "direction" set by the
 * window. The lists each role works from, one click away; the register
 * searched as the official types; the document chosen, with its actions. */
#define XASO_TYPE_DOCUMENTS_PAGE (xaso_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (XasoDocumentsPage, xaso_documents_page, XASO, DOCUMENTS_PAGE, XasoPage)

G_END_DECLS
