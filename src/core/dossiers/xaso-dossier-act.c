/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "xaso-attachment.h"
#include "xaso-audit.h"
#include "xaso-dossier-event.h"
#include "xaso-dossier-flow.h"
#include "xaso-rights.h"

/* Who may do what (XasoRight): the counter takes things in and hands
 * results back; officers and leaders move the dossier on; leaders approve. */
static const struct
{
  const char *kind;
  XasoRight   right;
} rights[] = {
  { "received", XASO_RIGHT_RECEIVE_DOSSIER },
  { "refused", XASO_RIGHT_PROCESS_DOSSIER },
  { "assigned", XASO_RIGHT_PROCESS_DOSSIER },
  { "forwarded", XASO_RIGHT_PROCESS_DOSSIER },
  { "supplement_requested", XASO_RIGHT_PROCESS_DOSSIER },
  { "supplement_received", XASO_RIGHT_RETURN_DOSSIER },
  { "payment_requested", XASO_RIGHT_PROCESS_DOSSIER },
  { "payment_received", XASO_RIGHT_RETURN_DOSSIER },
  { "apologized", XASO_RIGHT_PROCESS_DOSSIER },
  { "withdrawn", XASO_RIGHT_RETURN_DOSSIER },
  { "stopped", XASO_RIGHT_PROCESS_DOSSIER },
  { "approved", XASO_RIGHT_APPROVE_DOSSIER },
  { "returned", XASO_RIGHT_RETURN_DOSSIER },
};

static gboolean
find_right (const char *kind,
            XasoRight  *right)
{
  for (guint i = 0; i < G_N_ELEMENTS (rights); i++)
    if (g_strcmp0 (kind, rights[i].kind) == 0)
      {
        *right = rights[i].right;
        return TRUE;
      }
  return FALSE;
}

gboolean
xaso_dossier_step_allowed (XasoUser   *user,
                           const char *kind)
{
  XasoRight right;

  return user != NULL && find_right (kind, &right) && xaso_roles_allow (xaso_user_get_roles (user), right);
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, XASO_DOSSIER_ERROR, code, message);
  return FALSE;
}

typedef struct
{
  const XasoDossierAction *action;
  XasoUser                *actor;
  const char              *dossier_id;
  char                    *to_user_id;
  char                    *at;
  char                    *file_sha256;
  gint64                   file_size;
} Act;

static char *
action_data (const XasoDossierAction *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (a->new_due != NULL)
    {
      json_builder_set_member_name (builder, "new_due");
      json_builder_add_string_value (builder, a->new_due);
    }
  if (a->collected_by != NULL)
    {
      json_builder_set_member_name (builder, "collected_by");
      json_builder_add_string_value (builder, a->collected_by);
    }
  if (a->papers != NULL)
    {
      json_builder_set_member_name (builder, "papers");
      json_builder_begin_array (builder);
      for (guint i = 0; a->papers[i] != NULL; i++)
        json_builder_add_string_value (builder, a->papers[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* What each transition needs besides the status it applies at. */
static gboolean
check_action (XasoDossier              *dossier,
              const XasoDossierAction  *a,
              GError                  **error)
{
  const char *kind = a->kind;
  const char *due = xaso_dossier_get (dossier, XASO_DOSSIER_DUE_AT);
  g_autoptr(GDateTime) new_due = xaso_dossier_parse_time (a->new_due);
  g_autoptr(GDateTime) current = xaso_dossier_parse_time (due);

  if ((g_str_equal (kind, "assigned") || g_str_equal (kind, "forwarded")) && a->to_username == NULL)
    return fail (error, XASO_DOSSIER_ERROR_INVALID, _("Choose who takes the dossier on."));
  if (g_str_equal (kind, "supplement_requested") && (a->papers == NULL || a->papers[0] == NULL))
    return fail (error, XASO_DOSSIER_ERROR_INVALID,
                 _("List every paper the applicant must add, all at once (form 02)."));
  if ((g_str_equal (kind, "refused") || g_str_equal (kind, "stopped") || g_str_equal (kind, "apologized")) &&
      (a->note == NULL || *a->note == '\0'))
    return fail (error, XASO_DOSSIER_ERROR_INVALID, _("Write the reason; it is printed on the form."));
  if (g_str_equal (kind, "apologized") && new_due == NULL)
    return fail (error, XASO_DOSSIER_ERROR_INVALID, _("Give the new appointment date and time."));
  if (g_str_equal (kind, "apologized") && current != NULL && g_date_time_compare (new_due, current) <= 0)
    return fail (error, XASO_DOSSIER_ERROR_INVALID, _("The new appointment must be later than the current one."));
  return TRUE;
}

static gboolean
check_state (XasoDossier  *dossier,
             const char   *kind,
             GError      **error)
{
  XasoDossierStatus status = xaso_dossier_get_status (dossier);

  if (xaso_dossier_transition_allowed (kind, status))
    return TRUE;
  g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_STATE,
               _("The dossier is “%s”; “%s” does not apply to it now."),
               xaso_dossier_status_label (status), xaso_dossier_event_label (kind));
  return FALSE;
}

static gboolean
resolve_to_user (XasoDatabase  *db,
                 Act           *act,
                 GError       **error)
{
  g_autoptr(XasoUser) to = NULL;

  if (act->action->to_username == NULL)
    return TRUE;
  to = xaso_user_find (db, act->action->to_username, error);
  if (to == NULL)
    return FALSE;
  if (!xaso_user_is_active (to))
    return fail (error, XASO_DOSSIER_ERROR_INVALID, _("This account is deactivated; choose someone else."));
  act->to_user_id = g_strdup (xaso_record_get_id (XASO_RECORD (to)));
  return TRUE;
}

static gboolean
record_collection (XasoDatabase  *db,
                   XasoDossier   *dossier,
                   Act           *act,
                   GError       **error)
{
  const char *who = act->action->collected_by;

  if (!g_str_equal (act->action->kind, "returned"))
    return TRUE;
  xaso_dossier_set (dossier, XASO_DOSSIER_COLLECTED_BY,
                    who != NULL && *who != '\0' ? who : xaso_dossier_get (dossier, XASO_DOSSIER_APPLICANT_NAME));
  return xaso_record_save (XASO_RECORD (dossier), db, xaso_user_get (act->actor, XASO_USER_USERNAME), error);
}

static gboolean
attach_result (XasoDatabase  *db,
               Act           *act,
               GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (act->file_sha256 == NULL)
    return TRUE;
  name = g_path_get_basename (act->action->file);
  id = xaso_attachment_add (db, "dossier", act->dossier_id, act->file_sha256, act->file_size, name,
                            xaso_user_get (act->actor, XASO_USER_USERNAME), error);
  return id != NULL;
}

static gboolean
act_in_transaction (XasoDatabase  *db,
                    gpointer       data,
                    GError       **error)
{
  Act *act = data;
  const XasoDossierAction *a = act->action;
  g_autoptr(XasoDossier) dossier = xaso_dossier_load (db, act->dossier_id, error);
  g_autofree char *json = action_data (a);

  if (dossier == NULL || !check_state (dossier, a->kind, error) || !check_action (dossier, a, error) ||
      !resolve_to_user (db, act, error))
    return FALSE;
  return attach_result (db, act, error) &&
         xaso_dossier_event_append (db, act->dossier_id, a->kind, act->at, act->actor, act->to_user_id, a->note,
                                    json, error) &&
         record_collection (db, dossier, act, error) &&
         xaso_dossier_refold (db, act->dossier_id, error);
}

static char *
action_time (const XasoDossierAction  *a,
             GError                  **error)
{
  g_autoptr(GDateTime) at = a->at != NULL ? xaso_dossier_parse_time (a->at) : xaso_now ();

  if (at == NULL)
    {
      g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_INVALID,
                   _("“%s” is not a time; write it as 2026-01-05T09:30:00+07:00."), a->at);
      return NULL;
    }
  return xaso_dossier_format_time (at);
}

gboolean
xaso_dossier_act (XasoDatabase             *db,
                  XasoUser                 *actor,
                  const char               *dossier_id,
                  const XasoDossierAction  *action,
                  GError                  **error)
{
  Act act = { action, actor, dossier_id };
  XasoRight right;
  gboolean ok;

  if (!find_right (action->kind, &right))
    {
      g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_INVALID, _("Unknown dossier step “%s”."),
                   action->kind);
      return FALSE;
    }
  if (!xaso_user_check_right (actor, right, error) || (act.at = action_time (action, error)) == NULL)
    return FALSE;
  if (action->file != NULL &&
      (act.file_sha256 = xaso_attachment_store_file (db, action->file, &act.file_size, error)) == NULL)
    ok = FALSE;
  else
    ok = xaso_database_run_atomically (db, act_in_transaction, &act, error);
  g_free (act.to_user_id);
  g_free (act.at);
  g_free (act.file_sha256);
  return ok;
}

typedef struct
{
  XasoUser   *actor;
  const char *dossier_id;
  const char *kind;
  const char *what;
} Access;

static gboolean
access_in_transaction (XasoDatabase  *db,
                       gpointer       data,
                       GError       **error)
{
  Access *access = data;
  const char *username = xaso_user_get (access->actor, XASO_USER_USERNAME);
  XasoAuditAction action = g_str_equal (access->kind, "printed") ? XASO_AUDIT_PRINT : XASO_AUDIT_VIEW;

  return xaso_audit_append (db, username, action, "dossier", access->dossier_id, NULL, access->what, error) &&
         xaso_dossier_event_append (db, access->dossier_id, access->kind, NULL, access->actor, NULL, access->what,
                                    NULL, error);
}

gboolean
xaso_dossier_note_access (XasoDatabase  *db,
                          XasoUser      *actor,
                          const char    *dossier_id,
                          const char    *kind,
                          const char    *what,
                          GError       **error)
{
  Access access = { actor, dossier_id, kind, what };

  g_return_val_if_fail (g_strcmp0 (kind, "viewed") == 0 || g_strcmp0 (kind, "printed") == 0, FALSE);
  if (actor == NULL)
    return TRUE;
  return xaso_database_run_atomically (db, access_in_transaction, &access, error);
}
