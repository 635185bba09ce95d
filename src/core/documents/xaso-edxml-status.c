/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-document-event.h"
#include "xaso-edxml-writer-private.h"

/* The status packages an incoming electronic document owes its sender
 * (QCVN 102, the axis's codes): 01 delivered, 03 registered, 04 assigned,
 * 06 done. Written on demand (xasoctl doc edxml-status) to be sent by
 * whatever carries packages to the axis; each says whom it answers
 * (ResponseFor), who answers (From), the code and when, and is noted in
 * the document's history ("edxml_status", the code and its words in the
 * note) so its timeline shows what the sender was told. */

typedef struct
{
  char *message_id;
  char *from_organ_id;
} Exchange;

static void
exchange_clear (Exchange *x)
{
  g_clear_pointer (&x->message_id, g_free);
  g_clear_pointer (&x->from_organ_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exchange, exchange_clear)

static gboolean
load_exchange (XasoDatabase  *db,
               const char    *document_id,
               Exchange      *x,
               GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT message_id, from_organ_id FROM document_exchange WHERE document_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  xaso_bind_text (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      x->message_id = g_strdup (xaso_column_text (stmt, 0));
      x->from_organ_id = g_strdup (xaso_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (x->message_id != NULL)
    return TRUE;
  g_set_error_literal (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_MISSING,
                       _("This document did not come as an edXML package: there is no sender to answer."));
  return FALSE;
}

/* The statuses the document has reached, for each code: one waiting for
 * the văn thư has arrived (01) but is not registered (03) yet. */
static gboolean
reached (XasoDocument    *doc,
         XasoEdxmlStatus  code)
{
  static const char * const assigned[] = { XASO_DOCUMENT_DIRECTED, XASO_DOCUMENT_IN_PROGRESS, XASO_DOCUMENT_DONE,
                                           NULL };
  const char *status = xaso_document_get (doc, XASO_DOCUMENT_STATUS);

  switch (code)
    {
    case XASO_EDXML_STATUS_DELIVERED:
      return status != NULL;
    case XASO_EDXML_STATUS_REGISTERED:
      return status != NULL && g_strcmp0 (status, XASO_DOCUMENT_RECEIVED) != 0;
    case XASO_EDXML_STATUS_ASSIGNED:
      return status != NULL && g_strv_contains (assigned, status);
    case XASO_EDXML_STATUS_DONE:
      return g_strcmp0 (status, XASO_DOCUMENT_DONE) == 0;
    default:
      return FALSE;
    }
}

static const char *
describe (XasoEdxmlStatus code)
{
  switch (code)
    {
    case XASO_EDXML_STATUS_DELIVERED:
      return "Đã đến";
    case XASO_EDXML_STATUS_REGISTERED:
      return "Đã tiếp nhận";
    case XASO_EDXML_STATUS_ASSIGNED:
      return "Phân công";
    case XASO_EDXML_STATUS_DONE:
      return "Hoàn thành";
    default:
      return NULL;
    }
}

static gboolean
check_code (XasoDocument     *doc,
            XasoEdxmlStatus   code,
            GError          **error)
{
  if (describe (code) == NULL)
    {
      g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_INVALID,
                   _("Unknown status code %02d: use 01, 03, 04 or 06."), (int)code);
      return FALSE;
    }
  if (reached (doc, code))
    return TRUE;
  g_set_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE,
               _("The document is at the step “%s”; it has not reached status %02d yet."),
               xaso_document_status_label (xaso_document_get (doc, XASO_DOCUMENT_STATUS)), (int)code);
  return FALSE;
}

/* Once the package is written: a package that could not be written was
 * not sent. */
static gboolean
note_sent (XasoDatabase     *db,
           XasoUser         *actor,
           const char       *document_id,
           XasoEdxmlStatus   code,
           GError          **error)
{
  g_autofree char *note = g_strdup_printf ("%02d %s", (int)code, describe (code));
  g_autofree char *data = g_strdup_printf ("{\"code\":\"%02d\"}", (int)code);

  return xaso_document_event_append (db, document_id, "edxml_status", actor, NULL, note, data, error);
}

static void
write_response_for (XasoEdxmlWriter *writer,
                    XasoDocument    *doc,
                    const Exchange  *x)
{
  g_autofree char *date = _xaso_edxml_date (xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE));

  _xaso_edxml_start (writer, "ResponseFor");
  _xaso_edxml_text (writer, "OrganId", x->from_organ_id);
  _xaso_edxml_text (writer, "Code", xaso_document_get (doc, XASO_DOCUMENT_NOTATION));
  _xaso_edxml_text (writer, "PromulgationDate", date);
  _xaso_edxml_text (writer, "DocumentId", x->message_id);
  _xaso_edxml_end (writer);
}

gboolean
xaso_edxml_write_status (XasoDatabase     *db,
                         XasoUser         *actor,
                         const char       *document_id,
                         XasoEdxmlStatus   code,
                         const char       *out_path,
                         GError          **error)
{
  g_autoptr(XasoDocument) doc = xaso_document_load (db, document_id, error);
  g_auto(Exchange) x = { 0 };
  g_auto(XasoEdxmlWriter) writer = { 0 };
  g_autofree char *code_text = g_strdup_printf ("%02d", (int)code);
  g_autofree char *now = _xaso_edxml_timestamp ();

  if (doc == NULL || !load_exchange (db, document_id, &x, error) || !check_code (doc, code, error) ||
      !_xaso_edxml_writer_open (&writer, out_path, error))
    return FALSE;
  _xaso_edxml_start (&writer, "edXMLEnvelope");
  _xaso_edxml_start (&writer, "edXMLHeader");
  _xaso_edxml_start (&writer, "Status");
  write_response_for (&writer, doc, &x);
  if (!_xaso_edxml_from_commune (&writer, db, error))
    return FALSE;
  _xaso_edxml_text (&writer, "StatusCode", code_text);
  _xaso_edxml_text (&writer, "Description", describe (code));
  _xaso_edxml_text (&writer, "Timestamp", now);
  _xaso_edxml_start (&writer, "StaffInfo");
  _xaso_edxml_text (&writer, "Department", NULL);
  _xaso_edxml_text (&writer, "Staff", actor != NULL ? xaso_user_get (actor, XASO_USER_FULL_NAME) : NULL);
  _xaso_edxml_end (&writer);
  _xaso_edxml_end (&writer);
  _xaso_edxml_end (&writer);
  _xaso_edxml_start (&writer, "edXMLBody");
  _xaso_edxml_end (&writer);
  _xaso_edxml_end (&writer);
  return _xaso_edxml_writer_close (&writer, error) && note_sent (db, actor, document_id, code, error);
}
