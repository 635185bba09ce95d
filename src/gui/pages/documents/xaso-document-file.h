/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks for a document's file (a PDF or a scanned image) and writes its
 * path into @into; the editors then show it beside their form. */
void xaso_document_choose_file (GtkWindow   *parent,
                                GtkEditable *into);

G_END_DECLS
