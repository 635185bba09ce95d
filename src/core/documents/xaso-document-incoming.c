/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xaso-document-flow-private.h"
#include "xaso-notation.h"
#include "xaso-register.h"

/* Incoming documents (Decree 30, art. 21–24): receive and register with
 * the next số đến, present to a leader, the leader's directive, handling
 * by the lead, finished by a reply or a note. */

static const char * const at_registered[] = { XASO_DOCUMENT_REGISTERED, NULL };
static const char * const directable[] = { XASO_DOCUMENT_REGISTERED, XASO_DOCUMENT_PRESENTED,
                                           XASO_DOCUMENT_DIRECTED, NULL };
static const char * const handled[] = { XASO_DOCUMENT_DIRECTED, XASO_DOCUMENT_IN_PROGRESS, NULL };

XasoDocument *
xaso_document_find_duplicate (XasoDatabase  *db,
                              XasoDocument  *doc,
                              GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT id FROM document WHERE notation = ?1 AND issuer = ?2 AND direction = 'incoming' "
    "AND deleted = 0 AND id <> ?3 AND coalesce (issued_date, '') = coalesce (?4, issued_date, '') "
    "ORDER BY rowid LIMIT 1", error);
  g_autofree char *id = NULL;

  if (stmt == NULL || xaso_document_get (doc, XASO_DOCUMENT_NOTATION) == NULL)
    return NULL;
  xaso_bind_text (stmt, 1, xaso_document_get (doc, XASO_DOCUMENT_NOTATION));
  xaso_bind_text (stmt, 2, xaso_document_get (doc, XASO_DOCUMENT_ISSUER));
  xaso_bind_text (stmt, 3, xaso_record_get_id (XASO_RECORD (doc)));
  xaso_bind_text (stmt, 4, xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup (xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id != NULL ? xaso_document_load (db, id, error) : NULL;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID, message);
  return FALSE;
}

/* Reads the type from the notation when the clerk did not choose one. */
static gboolean
complete_from_notation (XasoDocument  *doc,
                        GError       **error)
{
  g_auto(XasoNotation) notation = { 0 };
  g_autofree char *normal = NULL;

  if (xaso_document_get (doc, XASO_DOCUMENT_NOTATION) == NULL)
    return TRUE;
  if (!xaso_notation_parse (xaso_document_get (doc, XASO_DOCUMENT_NOTATION), &notation, error))
    return FALSE;
  if (xaso_document_get (doc, XASO_DOCUMENT_TYPE_CODE) == NULL && notation.type_abbr != NULL)
    xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, notation.type_abbr);
  return TRUE;
}

/* A "mật" document: its stub only, nothing of its content. */
static void
keep_stub_only (XasoDocument *doc)
{
  static const XasoDocumentField content[] = {
    XASO_DOCUMENT_RECIPIENTS, XASO_DOCUMENT_NOTES, XASO_DOCUMENT_PAGE_COUNT, XASO_DOCUMENT_DIRECTIVE,
    XASO_DOCUMENT_PROGRESS, XASO_DOCUMENT_SIGNER, XASO_DOCUMENT_TYPE_CODE,
  };

  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "MẬT");
  for (guint i = 0; i < G_N_ELEMENTS (content); i++)
    xaso_document_set (doc, content[i], NULL);
}

typedef struct
{
  XasoDocument       *doc;
  const XasoFlowFile *file;
  gboolean            allow_duplicate;
  gboolean            pending;          /* received only, for the văn thư to register */
} Registration;

static gboolean
check_duplicate (XasoFlow      *flow,
                 XasoDocument  *doc,
                 GError       **error)
{
  g_autoptr(XasoDocument) earlier = xaso_document_find_duplicate (flow->db, doc, NULL);
  g_autofree char *received = NULL;
  const char *number;

  if (earlier == NULL)
    return TRUE;
  g_object_get (earlier, "date-display", &received, NULL);
  number = xaso_document_get (earlier, XASO_DOCUMENT_NUMBER);
  if (number == NULL)
    g_set_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_DUPLICATE,
                 _("This document was received before, on %s, and waits to be registered."),
                 received ? received : "?");
  else
    g_set_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_DUPLICATE,
                 _("This document was registered before: số đến %s, received on %s. Register it again only if "
                   "it is a second copy you must keep."),
                 number, received ? received : "?");
  return FALSE;
}

/* Gives @doc the next số đến of its year's incoming register (the
 * received date's year; "mật" documents have a register of their own), in
 * the flow's transaction. */
static gboolean
allocate_number (XasoFlow      *flow,
                 XasoDocument  *doc,
                 GError       **error)
{
  gboolean secret = xaso_document_is_secret (doc);
  const char *received = xaso_document_get (doc, XASO_DOCUMENT_RECEIVED_DATE);
  g_autofree char *register_id = NULL, *number_text = NULL;
  guint number = 0;

  register_id = xaso_register_open (flow->db, secret ? XASO_REGISTER_CONFIDENTIAL_INCOMING : XASO_REGISTER_INCOMING,
                                    (int)g_ascii_strtoll (received, NULL, 10), flow->username, error);
  if (register_id == NULL || !xaso_register_allocate (flow->db, register_id, flow->username, &number, error))
    return FALSE;
  number_text = g_strdup_printf ("%u", number);
  xaso_document_set (doc, XASO_DOCUMENT_REGISTER_ID, register_id);
  xaso_document_set (doc, XASO_DOCUMENT_NUMBER, number_text);
  return TRUE;
}

/* An event's data naming the fields it sets, for the fold
 * (xaso-document-fold.c): {"deadline": …} for the deadline a document came
 * with (an edXML package's), and with the lead unit and the co-operating
 * officials for a directive. Null clears a field. */
static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
fold_data (const char *deadline,
           gboolean    directive,
           const char *lead_unit,
           const char *co_handlers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_member (builder, "deadline", deadline);
  if (directive)
    {
      add_member (builder, "lead_unit", lead_unit);
      add_member (builder, "co_handlers", co_handlers);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
check_day (const char  *day,
           GError     **error)
{
  g_autofree char *midnight = day != NULL ? g_strconcat (day, "T00:00:00Z", NULL) : NULL;
  g_autoptr(GDateTime) parsed = midnight != NULL ? g_date_time_new_from_iso8601 (midnight, NULL) : NULL;

  if (day == NULL || (strlen (day) == 10 && parsed != NULL))
    return TRUE;
  return invalid (error, _("Dates are written as YYYY-MM-DD, for example 2026-01-05."));
}

static gboolean
register_step (XasoFlow  *flow,
               GError   **error)
{
  const Registration *r = flow->args;
  XasoDocument *doc = r->doc;
  g_autofree char *data = fold_data (xaso_document_get (doc, XASO_DOCUMENT_DEADLINE), FALSE, NULL, NULL);

  if (!r->allow_duplicate && !check_duplicate (flow, doc, error))
    return FALSE;
  if (!r->pending && !allocate_number (flow, doc, error))
    return FALSE;
  flow->doc = g_object_ref (doc);
  return _xaso_flow_save (flow, error) &&
         _xaso_flow_event (flow, "received", NULL, NULL, data, error) &&
         (r->pending || _xaso_flow_event (flow, "registered", NULL, NULL, NULL, error)) &&
         (xaso_document_is_secret (doc) || _xaso_flow_attach (flow, r->file, error));
}

static gboolean
prepare_registration (XasoDocument  *doc,
                      const char    *file_path,
                      const char    *status,
                      GError       **error)
{
  g_autofree char *today = _xaso_flow_today ();

  if (xaso_document_get (doc, XASO_DOCUMENT_ISSUER) == NULL)
    return invalid (error, _("Enter the issuer (the agency that sent the document)."));
  if (xaso_document_is_secret (doc))
    keep_stub_only (doc);
  if (xaso_document_get (doc, XASO_DOCUMENT_RECEIVED_DATE) == NULL)
    xaso_document_set (doc, XASO_DOCUMENT_RECEIVED_DATE, today);
  xaso_document_set (doc, XASO_DOCUMENT_STATUS, status);
  xaso_document_set (doc, XASO_DOCUMENT_REGISTER_ID, NULL);
  xaso_document_set (doc, XASO_DOCUMENT_NUMBER, NULL);
  if (xaso_document_is_secret (doc) && file_path != NULL)
    return invalid (error, _("A confidential document is registered by its stub only: do not attach its file."));
  return complete_from_notation (doc, error) && xaso_record_validate (XASO_RECORD (doc), NULL, error);
}

static XasoDocument *
take_in (XasoDatabase  *db,
         XasoUser      *actor,
         XasoDocument  *doc,
         const char    *file_path,
         gboolean       allow_duplicate,
         gboolean       pending,
         GError       **error)
{
  XasoRight right = pending ? XASO_RIGHT_RECEIVE_INCOMING : XASO_RIGHT_REGISTER_INCOMING;
  g_autoptr(XasoDocument) copy = _xaso_flow_copy (doc);
  g_auto(XasoFlowFile) file = { 0 };
  Registration r = { copy, &file, allow_duplicate, pending };

  xaso_document_set (copy, XASO_DOCUMENT_DIRECTION, "incoming");
  if (!xaso_user_check_right (actor, right, error) ||
      !prepare_registration (copy, file_path, pending ? XASO_DOCUMENT_RECEIVED : XASO_DOCUMENT_REGISTERED, error))
    return NULL;
  if (file_path != NULL && !_xaso_flow_store_file (db, file_path, &file, error))
    return NULL;
  if (!_xaso_flow_run (db, actor, right, NULL, register_step, &r, error))
    return NULL;
  return xaso_document_load (db, xaso_record_get_id (XASO_RECORD (copy)), error);
}

XasoDocument *
xaso_document_register_incoming (XasoDatabase  *db,
                                  XasoUser      *actor,
                                  XasoDocument  *doc,
                                  const char    *file_path,
                                  gboolean       allow_duplicate,
                                  GError       **error)
{
  return take_in (db, actor, doc, file_path, allow_duplicate, FALSE, error);
}

XasoDocument *
xaso_document_receive_incoming (XasoDatabase  *db,
                                XasoUser      *actor,
                                XasoDocument  *doc,
                                const char    *file_path,
                                gboolean       allow_duplicate,
                                GError       **error)
{
  return take_in (db, actor, doc, file_path, allow_duplicate, TRUE, error);
}

/* ---- Register what was received ---- */

static const char * const at_received[] = { XASO_DOCUMENT_RECEIVED, NULL };

static gboolean
register_received_step (XasoFlow  *flow,
                        GError   **error)
{
  if (!_xaso_flow_expect (flow, "incoming", at_received, error) || !allocate_number (flow, flow->doc, error))
    return FALSE;
  return _xaso_flow_save (flow, error) && _xaso_flow_event (flow, "registered", NULL, NULL, NULL, error);
}

XasoDocument *
xaso_document_register_received (XasoDatabase  *db,
                                 XasoUser      *actor,
                                 const char    *document_id,
                                 GError       **error)
{
  if (!_xaso_flow_run (db, actor, XASO_RIGHT_REGISTER_INCOMING, document_id, register_received_step, NULL, error))
    return NULL;
  return xaso_document_load (db, document_id, error);
}

/* ---- Present ---- */

typedef struct
{
  XasoUser   *leader;
  const char *note;
} Presentation;

static gboolean
present_step (XasoFlow  *flow,
              GError   **error)
{
  const Presentation *p = flow->args;
  const char *urgency = xaso_document_get (flow->doc, XASO_DOCUMENT_URGENCY);
  gboolean urgent = g_strcmp0 (urgency, "normal") != 0;

  if (!_xaso_flow_expect (flow, "incoming", at_registered, error))
    return FALSE;
  if (!xaso_roles_allow (xaso_user_get_roles (p->leader), XASO_RIGHT_DIRECT))
    return invalid (error, _("Present the document to a leader: this person may not give directives."));
  return _xaso_flow_event (flow, "presented", p->leader, p->note, urgent ? "{\"urgent\":true}" : NULL, error);
}

gboolean
xaso_document_present (XasoDatabase  *db,
                       XasoUser      *actor,
                       const char    *document_id,
                       XasoUser      *leader,
                       const char    *note,
                       GError       **error)
{
  Presentation p = { leader, note };

  g_return_val_if_fail (XASO_IS_USER (leader), FALSE);
  return _xaso_flow_run (db, actor, XASO_RIGHT_REGISTER_INCOMING, document_id, present_step, &p, error);
}

/* ---- Direct ---- */

/* The leader's directive: the event names the lead, and its data what the
 * fold sets besides (xaso-document-fold.c); the row follows. */
static gboolean
direct_step (XasoFlow  *flow,
             GError   **error)
{
  const XasoDirective *d = flow->args;
  g_autofree char *computed = NULL, *data = NULL;
  const char *deadline = d->deadline;

  if (!_xaso_flow_expect (flow, "incoming", directable, error))
    return FALSE;
  if (d->lead == NULL && (d->lead_unit == NULL || *d->lead_unit == '\0'))
    return invalid (error, _("Choose who leads the handling: a person or a unit."));
  if (deadline == NULL && d->working_days > 0)
    deadline = computed = _xaso_flow_working_days_from_today (d->working_days);
  if (!check_day (deadline, error))
    return FALSE;
  data = fold_data (deadline, TRUE, d->lead_unit, d->co_handlers);
  return _xaso_flow_event (flow, "directed", d->lead, d->note, data, error);
}

gboolean
xaso_document_direct (XasoDatabase        *db,
                      XasoUser            *actor,
                      const char          *document_id,
                      const XasoDirective *directive,
                      GError             **error)
{
  return _xaso_flow_run (db, actor, XASO_RIGHT_DIRECT, document_id, direct_step, directive, error);
}

/* ---- Pass on, progress, finish ---- */

static gboolean
is_lead (XasoFlow *flow)
{
  return g_strcmp0 (xaso_document_get (flow->doc, XASO_DOCUMENT_LEAD_USER_ID),
                    xaso_record_get_id (XASO_RECORD (flow->actor))) == 0;
}

static gboolean
is_co_handler (XasoFlow *flow)
{
  g_auto(GStrv) names = g_strsplit (xaso_document_get (flow->doc, XASO_DOCUMENT_CO_HANDLERS) ?: "", ",", -1);

  return g_strv_contains ((const char * const *)names, flow->username);
}

static gboolean
refuse_not_lead (GError **error)
{
  g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED,
                       _("Only the person the directive names, or those co-operating, handle this document."));
  return FALSE;
}

typedef struct
{
  XasoUser   *lead;
  const char *deadline;
  const char *note;
} PassOn;

static gboolean
pass_on_step (XasoFlow  *flow,
              GError   **error)
{
  const PassOn *p = flow->args;
  const char *given = xaso_document_get (flow->doc, XASO_DOCUMENT_DEADLINE);
  g_autofree char *data = NULL;

  if (!_xaso_flow_expect (flow, "incoming", handled, error))
    return FALSE;
  if (!is_lead (flow))
    return refuse_not_lead (error);
  if (given != NULL && p->deadline != NULL && strcmp (p->deadline, given) > 0)
    return invalid (error, _("The deadline you give cannot be later than the one you were given."));
  if (!check_day (p->deadline, error))
    return FALSE;
  /* Without a deadline of its own, the one given stays. */
  data = p->deadline != NULL ? fold_data (p->deadline, FALSE, NULL, NULL) : NULL;
  return _xaso_flow_event (flow, "passed_on", p->lead, p->note, data, error);
}

gboolean
xaso_document_pass_on (XasoDatabase  *db,
                       XasoUser      *actor,
                       const char    *document_id,
                       XasoUser      *lead,
                       const char    *deadline,
                       const char    *note,
                       GError       **error)
{
  PassOn p = { lead, deadline, note };

  g_return_val_if_fail (XASO_IS_USER (lead), FALSE);
  return _xaso_flow_run (db, actor, XASO_RIGHT_HANDLE, document_id, pass_on_step, &p, error);
}

static gboolean
progress_step (XasoFlow  *flow,
               GError   **error)
{
  if (!_xaso_flow_expect (flow, "incoming", handled, error))
    return FALSE;
  if (!is_lead (flow) && !is_co_handler (flow))
    return refuse_not_lead (error);
  return _xaso_flow_event (flow, "progress", NULL, flow->args, NULL, error);
}

gboolean
xaso_document_note_progress (XasoDatabase  *db,
                             XasoUser      *actor,
                             const char    *document_id,
                             const char    *progress,
                             GError       **error)
{
  return _xaso_flow_run (db, actor, XASO_RIGHT_HANDLE, document_id, progress_step, progress, error);
}

typedef struct
{
  const char *reply_id;
  const char *note;
} Finish;

static gboolean
link_reply (XasoFlow    *flow,
            const char  *reply_id,
            GError     **error)
{
  g_autoptr(XasoDocument) reply = xaso_document_load (flow->db, reply_id, error);

  if (reply == NULL)
    return FALSE;
  if (xaso_document_is_incoming (reply))
    return invalid (error, _("The reply must be an outgoing document."));
  xaso_document_set (reply, XASO_DOCUMENT_REPLY_TO_ID, xaso_record_get_id (XASO_RECORD (flow->doc)));
  return xaso_record_save (XASO_RECORD (reply), flow->db, flow->username, error);
}

static gboolean
finish_step (XasoFlow  *flow,
             GError   **error)
{
  const Finish *f = flow->args;

  if (!_xaso_flow_expect (flow, "incoming", handled, error))
    return FALSE;
  if (!is_lead (flow))
    return refuse_not_lead (error);
  if (f->reply_id == NULL && (f->note == NULL || *f->note == '\0'))
    return invalid (error, _("Link the reply, or write how the document was handled."));
  if (f->reply_id != NULL && !link_reply (flow, f->reply_id, error))
    return FALSE;
  return _xaso_flow_event (flow, f->reply_id ? "replied" : "done", NULL, f->note, NULL, error);
}

gboolean
xaso_document_finish (XasoDatabase  *db,
                      XasoUser      *actor,
                      const char    *document_id,
                      const char    *reply_id,
                      const char    *note,
                      GError       **error)
{
  Finish f = { reply_id, note };

  return _xaso_flow_run (db, actor, XASO_RIGHT_HANDLE, document_id, finish_step, &f, error);
}
