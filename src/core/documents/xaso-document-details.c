/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include "xaso-attachment.h"
#include "xaso-document-details.h"
#include "xaso-document-flow.h"

void
xaso_document_details_free (XasoDocumentDetails *d)
{
  if (d == NULL)
    return;
  g_clear_object (&d->doc);
  g_clear_pointer (&d->events, g_ptr_array_unref);
  g_clear_pointer (&d->files, g_ptr_array_unref);
  g_free (d->file_path);
  g_free (d->lead_name);
  g_clear_object (&d->answers);
  g_clear_pointer (&d->replies, g_ptr_array_unref);
  g_free (d);
}

static char *
user_name (XasoDatabase *db,
           const char   *user_id)
{
  g_autoptr(XasoUser) user = user_id ? xaso_user_load (db, user_id, NULL) : NULL;

  return user ? g_strdup (xaso_user_get (user, XASO_USER_FULL_NAME)) : NULL;
}

static GPtrArray *
load_replies (XasoDatabase  *db,
              const char    *id,
              GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_DOCUMENT);
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM document WHERE reply_to_id = ? AND deleted = 0 "
                                          "ORDER BY rowid");
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  return xaso_record_load_rowids (XASO_TYPE_DOCUMENT, db, (gint64 *)(gpointer)rowids->data, rowids->len, error);
}

XasoDocumentDetails *
xaso_document_details_load (XasoDatabase  *db,
                            XasoUser      *viewer,
                            const char    *id,
                            GError       **error)
{
  g_autoptr(XasoDocumentDetails) d = g_new0 (XasoDocumentDetails, 1);
  const char *answers;

  if (!xaso_document_note_access (db, viewer, id, "viewed", error) ||
      (d->doc = xaso_document_load (db, id, error)) == NULL ||
      (d->events = xaso_document_event_list (db, id, error)) == NULL ||
      (d->files = xaso_attachment_list (db, "document", id, error)) == NULL ||
      (d->replies = load_replies (db, id, error)) == NULL)
    return NULL;
  d->file_path = xaso_document_get_file (db, d->doc);
  d->file_here = d->file_path != NULL && xaso_attachment_check_here (d->file_path, NULL);
  d->lead_name = user_name (db, xaso_document_get (d->doc, XASO_DOCUMENT_LEAD_USER_ID));
  answers = xaso_document_get (d->doc, XASO_DOCUMENT_REPLY_TO_ID);
  d->answers = answers ? xaso_document_load (db, answers, NULL) : NULL;
  return g_steal_pointer (&d);
}
