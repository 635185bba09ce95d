/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-context.h"
#include "xaso-dossier-search.h"

G_BEGIN_DECLS

/* The values behind the dossier filters that come from the database: the
 * procedures of the catalogue, their fields, the officers. Read once on the
 * worker into the string lists the drop-downs show (after their "any"
 * item), then "loaded" is emitted. */
#define XASO_TYPE_DOSSIERS_CHOICES (xaso_dossiers_choices_get_type ())
G_DECLARE_FINAL_TYPE (XasoDossiersChoices, xaso_dossiers_choices, XASO, DOSSIERS_CHOICES, GObject)

XasoDossiersChoices *xaso_dossiers_choices_new   (XasoContext         *context,
                                                  GtkStringList       *procedures,
                                                  GtkStringList       *fields,
                                                  GtkStringList       *officers);
/* Sets @filter from the drop-downs' positions (0: any). Period: any, today,
 * this month, last month, this year, last year. */
void                 xaso_dossiers_choices_apply (XasoDossiersChoices *self,
                                                  XasoDossierFilter   *filter,
                                                  guint                procedure,
                                                  guint                field,
                                                  guint                officer,
                                                  guint                period);

G_END_DECLS
