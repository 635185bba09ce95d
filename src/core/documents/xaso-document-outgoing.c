/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-attachment.h"
#include "xaso-commune-calendar.h"
#include "xaso-document-flow-private.h"
#include "xaso-notation.h"
#include "xaso-register.h"

/* Outgoing documents (Decree 30, art. 11–19): drafted by an officer,
 * reviewed, signed by the competent person, then numbered, dated and
 * issued by the văn thư, who alone holds the register. */

static const char * const submittable[] = { XASO_DOCUMENT_DRAFT, XASO_DOCUMENT_REVIEWING, NULL };
static const char * const signable[] = { XASO_DOCUMENT_DRAFT, XASO_DOCUMENT_REVIEWING, XASO_DOCUMENT_SIGNING, NULL };
static const char * const issuable[] = { XASO_DOCUMENT_SIGNED, NULL };
static const char * const revocable[] = { XASO_DOCUMENT_ISSUED, NULL };

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID, message);
  return FALSE;
}

typedef struct
{
  XasoDocument       *doc;
  const XasoFlowFile *file;
} Draft;

static gboolean
draft_step (XasoFlow  *flow,
            GError   **error)
{
  const Draft *d = flow->args;

  flow->doc = g_object_ref (d->doc);
  return _xaso_flow_save (flow, error) &&
         _xaso_flow_event (flow, "drafted", NULL, NULL, NULL, error) &&
         _xaso_flow_attach (flow, d->file, error);
}

static gboolean
check_signer (XasoDatabase  *db,
              XasoDocument  *doc,
              GError       **error)
{
  const char *signer = xaso_document_get (doc, XASO_DOCUMENT_SIGNER);
  g_autoptr(XasoUser) user = NULL;

  if (signer == NULL)
    return invalid (error, _("Choose who signs the document."));
  user = xaso_user_find (db, signer, NULL);
  if (user == NULL || !xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_SIGN))
    return invalid (error, _("The signer must be a leader with an account in the commune."));
  return TRUE;
}

XasoDocument *
xaso_document_save_draft (XasoDatabase  *db,
                          XasoUser      *actor,
                          XasoDocument  *doc,
                          const char    *file_path,
                          GError       **error)
{
  g_autoptr(XasoDocument) copy = _xaso_flow_copy (doc);
  g_auto(XasoFlowFile) file = { 0 };
  Draft d = { copy, &file };

  xaso_document_set (copy, XASO_DOCUMENT_DIRECTION, "outgoing");
  xaso_document_set (copy, XASO_DOCUMENT_STATUS, XASO_DOCUMENT_DRAFT);
  xaso_document_set (copy, XASO_DOCUMENT_NUMBER, NULL);
  xaso_document_set (copy, XASO_DOCUMENT_NOTATION, NULL);
  if (!xaso_user_check_right (actor, XASO_RIGHT_HANDLE, error) ||
      !xaso_record_validate (XASO_RECORD (copy), db, error) ||
      !check_signer (db, copy, error))
    return NULL;
  if (file_path != NULL && !_xaso_flow_store_file (db, file_path, &file, error))
    return NULL;
  if (!_xaso_flow_run (db, actor, XASO_RIGHT_HANDLE, NULL, draft_step, &d, error))
    return NULL;
  return xaso_document_load (db, xaso_record_get_id (XASO_RECORD (copy)), error);
}

static gboolean
submit_step (XasoFlow  *flow,
             GError   **error)
{
  gboolean for_signing = GPOINTER_TO_INT (flow->args);
  g_autoptr(XasoUser) signer = NULL;

  if (!_xaso_flow_expect (flow, "outgoing", submittable, error))
    return FALSE;
  signer = for_signing ? xaso_user_find (flow->db, xaso_document_get (flow->doc, XASO_DOCUMENT_SIGNER), NULL) : NULL;
  return _xaso_flow_event (flow, for_signing ? "submitted_signing" : "submitted_review", signer, NULL, NULL, error);
}

gboolean
xaso_document_submit (XasoDatabase  *db,
                      XasoUser      *actor,
                      const char    *document_id,
                      gboolean       for_signing,
                      GError       **error)
{
  return _xaso_flow_run (db, actor, XASO_RIGHT_HANDLE, document_id, submit_step, GINT_TO_POINTER (for_signing),
                         error);
}

/* ---- Sign ---- */

static gboolean
sign_step (XasoFlow  *flow,
           GError   **error)
{
  if (!_xaso_flow_expect (flow, "outgoing", signable, error))
    return FALSE;
  if (g_strcmp0 (xaso_document_get (flow->doc, XASO_DOCUMENT_SIGNER), flow->username) != 0)
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED,
                           _("Only the signer named on the draft signs it."));
      return FALSE;
    }
  /* The day of the event is the signed date (xaso-document-fold.c). */
  return _xaso_flow_replace_file (flow, flow->args, error) &&
         _xaso_flow_event (flow, "signed", NULL, NULL, NULL, error);
}

gboolean
xaso_document_record_signature (XasoDatabase  *db,
                                XasoUser      *actor,
                                const char    *document_id,
                                const char    *signed_path,
                                GError       **error)
{
  g_auto(XasoFlowFile) file = { 0 };

  if (!xaso_user_check_right (actor, XASO_RIGHT_SIGN, error) ||
      !_xaso_flow_store_file (db, signed_path, &file, error))
    return FALSE;
  return _xaso_flow_run (db, actor, XASO_RIGHT_SIGN, document_id, sign_step, &file, error);
}

/* ---- Issue ---- */

typedef struct
{
  const char *date;
  gboolean    legal;
} Issue;

static XasoRegisterKind
register_for (XasoDocument *doc,
              gboolean      legal)
{
  if (xaso_document_is_secret (doc))
    return XASO_REGISTER_CONFIDENTIAL_OUTGOING;
  return legal ? XASO_REGISTER_LEGAL : XASO_REGISTER_OUTGOING;
}

gboolean
xaso_document_issued_late (const char *signed_date,
                           const char *issued_date)
{
  XasoCalendar *calendar = xaso_commune_calendar ();
  g_autofree char *midday = NULL;
  g_autoptr(GDateTime) signed_at = NULL, limit = NULL;
  g_autofree char *limit_date = NULL;

  if (signed_date == NULL || issued_date == NULL)
    return FALSE;
  midday = g_strconcat (signed_date, "T08:00:00+07:00", NULL);
  signed_at = g_date_time_new_from_iso8601 (midday, NULL);
  limit = signed_at ? xaso_calendar_add_working_days (calendar, signed_at, 1, NULL, 0) : NULL;
  limit_date = limit ? g_date_time_format (limit, "%Y-%m-%d") : NULL;
  return limit_date != NULL && strcmp (issued_date, limit_date) > 0;
}

static char *
build_notation (XasoDocument *doc,
                guint         number,
                int           year)
{
  XasoNotation n = { number, year, (char *)xaso_document_get (doc, XASO_DOCUMENT_TYPE_CODE), (char *)"UBND",
                     (char *)(xaso_document_get (doc, XASO_DOCUMENT_LEAD_UNIT) ?: "VP") };

  return xaso_notation_format (&n);
}

static gboolean
issue_step (XasoFlow  *flow,
            GError   **error)
{
  const Issue *is = flow->args;
  XasoDocument *doc = flow->doc;
  g_autofree char *register_id = NULL, *number_text = NULL, *notation = NULL;
  int year = (int)g_ascii_strtoll (is->date, NULL, 10);
  gboolean late;
  guint number = 0;

  if (!_xaso_flow_expect (flow, "outgoing", issuable, error))
    return FALSE;
  register_id = xaso_register_open (flow->db, register_for (doc, is->legal), year, flow->username, error);
  if (register_id == NULL || !xaso_register_allocate (flow->db, register_id, flow->username, &number, error))
    return FALSE;
  number_text = g_strdup_printf ("%u", number);
  notation = build_notation (doc, number, is->legal ? year : 0);
  late = xaso_document_issued_late (xaso_document_get (doc, XASO_DOCUMENT_SIGNED_DATE), is->date);
  xaso_document_set (doc, XASO_DOCUMENT_REGISTER_ID, register_id);
  xaso_document_set (doc, XASO_DOCUMENT_NUMBER, number_text);
  xaso_document_set (doc, XASO_DOCUMENT_NOTATION, notation);
  xaso_document_set (doc, XASO_DOCUMENT_ISSUED_DATE, is->date);
  return xaso_record_validate (XASO_RECORD (doc), flow->db, error) &&
         _xaso_flow_save (flow, error) &&
         _xaso_flow_event (flow, "numbered", NULL, notation, NULL, error) &&
         _xaso_flow_event (flow, "issued", NULL, xaso_document_get (doc, XASO_DOCUMENT_RECIPIENTS),
                           late ? "{\"late\":true}" : NULL, error);
}

gboolean
xaso_document_issue (XasoDatabase  *db,
                     XasoUser      *actor,
                     const char    *document_id,
                     const char    *date,
                     gboolean       legal_normative,
                     GError       **error)
{
  g_autofree char *today = _xaso_flow_today ();
  Issue is = { date ? date : today, legal_normative };

  return _xaso_flow_run (db, actor, XASO_RIGHT_ISSUE_NUMBER, document_id, issue_step, &is, error);
}

/* ---- Revoke: an event on the document, never an edit of what was issued ---- */

static gboolean
revoke_step (XasoFlow  *flow,
             GError   **error)
{
  const char *reason = flow->args;

  if (!_xaso_flow_expect (flow, "outgoing", revocable, error))
    return FALSE;
  if (reason == NULL || *reason == '\0')
    return invalid (error, _("Write why the document is revoked."));
  return _xaso_flow_event (flow, "revoked", NULL, reason, NULL, error);
}

gboolean
xaso_document_revoke (XasoDatabase  *db,
                      XasoUser      *actor,
                      const char    *document_id,
                      const char    *reason,
                      GError       **error)
{
  return _xaso_flow_run (db, actor, XASO_RIGHT_ISSUE_NUMBER, document_id, revoke_step, reason, error);
}
