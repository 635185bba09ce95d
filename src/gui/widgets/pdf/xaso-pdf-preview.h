/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A document's file shown beside a form (registering, a directive): the
 * PDF view of the document window, fitted to its width, or a page saying
 * there is no file, or why it cannot be shown. Images are shown as they
 * are. */
#define XASO_TYPE_PDF_PREVIEW (xaso_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfPreview, xaso_pdf_preview, XASO, PDF_PREVIEW, AdwBin)

GtkWidget *xaso_pdf_preview_new      (void);
/* Shows @path (NULL for none). */
void       xaso_pdf_preview_set_path (XasoPdfPreview *self,
                                      const char     *path);

G_END_DECLS
