/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* The personal-data report of a resident, as they may ask for it (Law
 * 91/2025): asks where to save it (a PDF, or a CSV when the name ends in
 * .csv), writes it on the worker — an audited print or export of their
 * data — then offers to open it, or says in a dialog why it failed. */
void     xaso_person_data_export_start   (GtkWidget   *from,
                                          XasoContext *context,
                                          const char  *person_id,
                                          const char  *full_name);

/* Whether the signed-in user's roles allow the report. */
gboolean xaso_person_data_export_allowed (XasoContext *context);

G_END_DECLS
