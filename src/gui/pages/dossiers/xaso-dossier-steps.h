/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-attachment.h"
#include "xaso-context.h"
#include "xaso-dossier-details.h"

G_BEGIN_DECLS

/* The steps of a dossier's page: its transitions (xaso_dossier_steps_for
 * (): "assigned", "approved"…) and two more any handler has. */
#define XASO_DOSSIER_STEP_ATTACH "attach"
#define XASO_DOSSIER_STEP_PRINT  "print"

const char *xaso_dossier_steps_label       (const char          *kind);
gboolean    xaso_dossier_steps_destructive (const char          *kind);
/* Takes the step from @from (a widget of the page): asks what it needs,
 * then runs it on the worker; an error is shown, a success refreshes. */
void        xaso_dossier_steps_run         (GtkWidget           *from,
                                            XasoContext         *context,
                                            XasoDossierDetails  *details,
                                            const char          *kind);
/* Opens an attached file (decrypted to a private copy when sensitive). */
void        xaso_dossier_steps_open_file   (GtkWidget           *from,
                                            XasoContext         *context,
                                            const XasoAttachment *attachment);
/* Runs @func on the worker, then refreshes the dossier lists or shows why
 * it failed. */
void        xaso_dossier_steps_submit      (GtkWidget           *from,
                                            XasoContext         *context,
                                            XasoContextFunc      func,
                                            gpointer             job,
                                            GDestroyNotify       job_free);

G_END_DECLS
