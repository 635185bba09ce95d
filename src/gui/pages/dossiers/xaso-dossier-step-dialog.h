/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-dossier-details.h"

G_BEGIN_DECLS

/* Asks what a transition needs (who takes the dossier on, every missing
 * paper, the reason, the new date, who collects the result), then takes
 * it on the worker. */
void xaso_dossier_step_dialog_present (GtkWidget          *from,
                                       XasoContext        *context,
                                       XasoDossierDetails *details,
                                       const char         *kind);

/* The leader approves by signing the result: the last PDF attached opens
 * in the PDF window, and the signed file is the dossier's result. */
void xaso_dossier_sign_result         (GtkWidget          *from,
                                       XasoContext        *context,
                                       XasoDossierDetails *details);

/* Writes a PDF on the worker with @write (given @data, freed with
 * @data_free) as @name in the cache folder @folder, then opens it in the
 * PDF window, where the official prints it; a failure is shown over
 * @from. */
typedef gboolean (*XasoDossierPrintFunc) (XasoDatabase  *db,
                                          gpointer       data,
                                          const char    *output,
                                          GCancellable  *cancellable,
                                          GError       **error);
void xaso_dossier_print_pdf           (GtkWidget            *from,
                                       XasoContext          *context,
                                       const char           *folder,
                                       const char           *name,
                                       XasoDossierPrintFunc  write,
                                       gpointer              data,
                                       GDestroyNotify        data_free);

/* Prints one of the forms 01–06 of the dossier and opens it. */
void xaso_dossier_print_form          (GtkWidget          *from,
                                       XasoContext        *context,
                                       XasoDossierDetails *details);
/* Prints the receipt and appointment slip (Mẫu 01) and opens it. */
void xaso_dossier_print_slip          (GtkWidget          *from,
                                       XasoContext        *context,
                                       const char         *dossier_id);

G_END_DECLS
