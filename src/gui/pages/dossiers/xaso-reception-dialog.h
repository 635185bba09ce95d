/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* Reception at the counter (tiếp nhận), in a few inputs: the procedure
 * typed ahead, the applicant from the chip card's QR code or the resident
 * records, the papers ticked, the fee and the appointment in working time
 * shown as they are, scans attached; then the receipt slip. Emits
 * "received" with the new dossier's id. */
#define XASO_TYPE_RECEPTION_DIALOG (xaso_reception_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XasoReceptionDialog, xaso_reception_dialog, XASO, RECEPTION_DIALOG, AdwWindow)

XasoReceptionDialog *xaso_reception_dialog_new (GtkWindow   *parent,
                                                XasoContext *context);

G_END_DECLS
