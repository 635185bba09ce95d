/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <json-glib/json-glib.h>

#include "xaso-attachment.h"
#include "xaso-dossier-details.h"
#include "xaso-dossier-flow.h"

void
xaso_dossier_details_free (XasoDossierDetails *details)
{
  if (details == NULL)
    return;
  g_clear_object (&details->dossier);
  g_clear_pointer (&details->procedure, xaso_procedure_unref);
  g_clear_pointer (&details->events, g_ptr_array_unref);
  xaso_dossier_state_clear (&details->state);
  g_free (details->assignee_name);
  g_clear_pointer (&details->attachments, g_ptr_array_unref);
  g_free (details);
}

static char *
user_name (XasoDatabase *db,
           const char   *user_id)
{
  g_autoptr(XasoUser) user = user_id != NULL ? xaso_user_load (db, user_id, NULL) : NULL;

  return user != NULL ? g_strdup (xaso_user_get (user, XASO_USER_FULL_NAME)) : NULL;
}

static gboolean
load_parts (XasoDatabase        *db,
            XasoDossierDetails  *d,
            GError             **error)
{
  const char *id = xaso_record_get_id (XASO_RECORD (d->dossier));

  d->procedure = xaso_procedure_load (db, xaso_dossier_get (d->dossier, XASO_DOSSIER_PROCEDURE_ID), error);
  if (d->procedure == NULL)
    return FALSE;
  d->events = xaso_dossier_event_list (db, id, error);
  if (d->events == NULL)
    return FALSE;
  d->attachments = xaso_attachment_list (db, "dossier", id, error);
  return d->attachments != NULL;
}

XasoDossierDetails *
xaso_dossier_details_load (XasoDatabase  *db,
                           const char    *dossier_id,
                           GError       **error)
{
  g_autoptr(XasoDossierDetails) d = g_new0 (XasoDossierDetails, 1);
  g_autofree XasoDossierFoldEvent *fold = NULL;

  d->dossier = xaso_dossier_load (db, dossier_id, error);
  if (d->dossier == NULL || !load_parts (db, d, error))
    return NULL;
  fold = xaso_dossier_event_to_fold (d->events);
  xaso_dossier_fold (&d->state, fold, d->events->len, d->procedure,
                     xaso_dossier_get (d->dossier, XASO_DOSSIER_CHANNEL),
                     xaso_dossier_get (d->dossier, XASO_DOSSIER_RECEIVED_AT), xaso_dossier_calendar (), TRUE);
  d->assignee_name = user_name (db, d->state.assignee);
  return g_steal_pointer (&d);
}

gboolean
xaso_dossier_details_has_paper (XasoDossierDetails *details,
                                guint               index)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *list;

  if (!json_parser_load_from_data (parser, xaso_dossier_get (details->dossier, XASO_DOSSIER_PAPERS) ?: "[]", -1,
                                   NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;
  list = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_array_get_int_element (list, i) == (gint64)index)
      return TRUE;
  return FALSE;
}

GStrv
xaso_dossier_steps_for (XasoDossierDetails *details,
                        XasoUser           *user)
{
  static const char * const kinds[] = {
    "received", "assigned", "forwarded", "supplement_requested", "supplement_received", "payment_requested",
    "payment_received", "approved", "returned", "apologized", "refused", "stopped", "withdrawn",
  };
  g_autoptr(GStrvBuilder) steps = g_strv_builder_new ();
  XasoDossierStatus status = xaso_dossier_get_status (details->dossier);

  for (guint i = 0; user != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (xaso_dossier_transition_allowed (kinds[i], status) && xaso_dossier_step_allowed (user, kinds[i]))
      g_strv_builder_add (steps, kinds[i]);
  return g_strv_builder_end (steps);
}
