/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* One document: its register entry, its state and deadline, its files, its
 * whole history (views included), and the steps the signed-in user may
 * take on it now. */
#define XASO_TYPE_DOCUMENT_VIEW (xaso_document_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoDocumentView, xaso_document_view, XASO, DOCUMENT_VIEW, AdwBin)

void xaso_document_view_show (XasoDocumentView *self,
                              XasoContext      *context,
                              const char       *document_id);

G_END_DECLS
