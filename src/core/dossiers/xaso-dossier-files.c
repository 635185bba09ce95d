/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-attachment.h"
#include "xaso-dossier-event.h"
#include "xaso-dossier-flow.h"
#include "xaso-rights.h"

/* Files attached to a dossier: scans of the papers, the result. Scans of
 * identity papers are sensitive data (Law 91/2025): they are stored
 * encrypted (xaso_attachment_store_file_sensitive ()). */

typedef struct
{
  XasoUser   *actor;
  const char *dossier_id;
  const char *name;
  const char *stored;
  gint64      size;
  gboolean    sensitive;
} Attach;

static gboolean
attach_in_transaction (XasoDatabase  *db,
                       gpointer       data,
                       GError       **error)
{
  Attach *a = data;
  const char *username = xaso_user_get (a->actor, XASO_USER_USERNAME);
  g_autoptr(XasoDossier) dossier = xaso_dossier_load (db, a->dossier_id, error);
  g_autofree char *id = NULL;

  if (dossier == NULL)
    return FALSE;
  if (a->sensitive)
    id = xaso_attachment_add_sensitive (db, "dossier", a->dossier_id, a->stored, a->size, a->name, username, error);
  else
    id = xaso_attachment_add (db, "dossier", a->dossier_id, a->stored, a->size, a->name, username, error);
  return id != NULL &&
         xaso_dossier_event_append (db, a->dossier_id, "file_attached", NULL, a->actor, NULL, a->name, NULL, error);
}

gboolean
xaso_dossier_attach_file (XasoDatabase  *db,
                          XasoUser      *actor,
                          const char    *dossier_id,
                          const char    *path,
                          gboolean       sensitive,
                          GError       **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *stored = NULL;
  Attach a = { actor, dossier_id, name, NULL, 0, sensitive };

  if (!xaso_dossier_step_allowed (actor, "assigned") && !xaso_dossier_step_allowed (actor, "received"))
    return xaso_user_check_right (actor, XASO_RIGHT_PROCESS_DOSSIER, error);
  stored = sensitive ? xaso_attachment_store_file_sensitive (db, path, &a.size, error)
                     : xaso_attachment_store_file (db, path, &a.size, error);
  if (stored == NULL)
    return FALSE;
  a.stored = stored;
  return xaso_database_run_atomically (db, attach_in_transaction, &a, error);
}
