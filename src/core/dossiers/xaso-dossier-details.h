/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-dossier-event.h"
#include "xaso-dossier-fold.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* Everything a dossier's page shows, read in one go on a worker thread:
 * the record, the procedure version it was received under, its history,
 * what the history adds up to (deadlines with pauses, the steps' spans),
 * who holds it and the files attached. */
typedef struct
{
  XasoDossier      *dossier;
  XasoProcedure    *procedure;
  GPtrArray        *events;         /* XasoDossierEvent, in the fold's order */
  XasoDossierState  state;
  char             *assignee_name;
  GPtrArray        *attachments;    /* XasoAttachment */
} XasoDossierDetails;

XasoDossierDetails *xaso_dossier_details_load (XasoDatabase        *db,
                                               const char          *dossier_id,
                                               GError             **error);
void                xaso_dossier_details_free (XasoDossierDetails  *details);

/* Whether the papers of the procedure numbered @index (from 0) were handed
 * in at reception. */
gboolean            xaso_dossier_details_has_paper (XasoDossierDetails *details,
                                                    guint               index);

/* The steps @user may take on the dossier now: its status allows them and
 * the user's roles do (core refuses the others anyway). */
GStrv               xaso_dossier_steps_for   (XasoDossierDetails  *details,
                                              XasoUser            *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDossierDetails, xaso_dossier_details_free)

G_END_DECLS
