/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-dossier-fold.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* One step of a dossier's history: dossier_event rows, appended, never
 * changed. Every hand-over is one (DOMAIN.md). */
typedef struct
{
  char   *id;
  gint64  hlc;
  char   *kind;
  char   *at;            /* ISO 8601 with the zone */
  char   *actor_id;
  char   *actor;         /* full name of who acted */
  char   *to_user_id;
  char   *to_user;       /* full name of who it went to, or NULL */
  char   *note;
  char   *data;          /* JSON object */
} XasoDossierEvent;

void        xaso_dossier_event_free   (XasoDossierEvent *self);

/* Appends an event by @actor at @at (NULL: now), in the caller's
 * transaction or its own. */
gboolean    xaso_dossier_event_append (XasoDatabase  *db,
                                       const char    *dossier_id,
                                       const char    *kind,
                                       const char    *at,
                                       XasoUser      *actor,
                                       const char    *to_user_id,
                                       const char    *note,
                                       const char    *data,
                                       GError       **error);
/* The dossier's history in the fold's order (XasoDossierEvent). */
GPtrArray  *xaso_dossier_event_list   (XasoDatabase  *db,
                                       const char    *dossier_id,
                                       GError       **error);
/* The list as the fold reads it; the strings stay the list's. */
XasoDossierFoldEvent *xaso_dossier_event_to_fold (GPtrArray *events);
/* "Received", "Supplement requested"… for a kind. */
const char *xaso_dossier_event_label  (const char    *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDossierEvent, xaso_dossier_event_free)

G_END_DECLS
