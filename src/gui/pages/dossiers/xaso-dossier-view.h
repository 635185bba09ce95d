/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-record-view.h"

G_BEGIN_DECLS

/* One dossier: the applicant (linked to the resident record), the
 * procedure version, the deadlines with the pauses, the papers, the files,
 * the history, and the steps the signed-in user may take now. */
#define XASO_TYPE_DOSSIER_VIEW (xaso_dossier_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoDossierView, xaso_dossier_view, XASO, DOSSIER_VIEW, XasoRecordView)

/* Shows a step taken here or elsewhere at once, and the steps of whoever
 * signs in. */
void xaso_dossier_view_watch (XasoDossierView *self,
                              XasoContext     *context);

G_END_DECLS
