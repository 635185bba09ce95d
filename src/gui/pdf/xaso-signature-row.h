/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-pdf-verify.h"

G_BEGIN_DECLS

#define XASO_TYPE_SIGNATURE_ROW (xaso_signature_row_get_type ())
G_DECLARE_FINAL_TYPE (XasoSignatureRow, xaso_signature_row, XASO, SIGNATURE_ROW, AdwExpanderRow)

GtkWidget *xaso_signature_row_new (const XasoPdfSignatureReport *report);

G_END_DECLS
