/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-pdf-renderer.h"

G_BEGIN_DECLS

#define XASO_TYPE_PDF_THUMBNAILS (xaso_pdf_thumbnails_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfThumbnails, xaso_pdf_thumbnails, XASO, PDF_THUMBNAILS, AdwBin)

void xaso_pdf_thumbnails_set_renderer (XasoPdfThumbnails *self,
                                       XasoPdfRenderer   *renderer);
void xaso_pdf_thumbnails_set_page     (XasoPdfThumbnails *self,
                                       int                page);

G_END_DECLS
