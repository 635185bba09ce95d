/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-document-fold.h"
#include "xaso-dossier-flow.h"
#include "xaso-remote-change.h"
#include "xaso-sync-digest.h"
#include "xaso-sync-history.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-row-digest.h"
#include "xaso-sync-seed.h"
#include "xaso-sync-settings.h"

/* The desktop's half of the digest: each row of a synced table is hashed as
 * the server hashes it (src/sync/protocol/xaso-sync-digest.c), so the log's
 * checksum, which proves the log arrived, is followed by a proof that the
 * tables hold what the server holds. */

/* Who the ops of rows captured again are said to be made by. */
#define DIGEST_ACTOR "xaso-digest"

static gboolean
bad_answer (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       _("The server’s answer does not follow the sync protocol."));
  return FALSE;
}

static char *
column_canonical (sqlite3_stmt *stmt,
                  int           i)
{
  switch (sqlite3_column_type (stmt, i))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return xaso_sync_digest_number ((double) sqlite3_column_int64 (stmt, i));
    case SQLITE_FLOAT:
      return xaso_sync_digest_number (sqlite3_column_double (stmt, i));
    default:
      return g_strdup (xaso_column_text (stmt, i));
    }
}

static char *
json_canonical (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "1" : "0");
    case G_TYPE_INT64:
      return xaso_sync_digest_number ((double) json_node_get_int (node));
    default:
      return xaso_sync_digest_number (json_node_get_double (node));
    }
}

/* The hash of the row stmt stands on (SELECT * of table). */
static void
row_hash (const char   *table,
          sqlite3_stmt *stmt,
          const char  **row_id,
          guint8        hash[XASO_SYNC_DIGEST_HASH_SIZE])
{
  XasoSyncRowHasher *hasher = NULL;
  gboolean deleted = FALSE;
  int n = sqlite3_column_count (stmt);

  *row_id = NULL;
  for (int i = 0; i < n; i++)
    if (g_str_equal (sqlite3_column_name (stmt, i), "id"))
      *row_id = xaso_column_text (stmt, i);
    else if (g_str_equal (sqlite3_column_name (stmt, i), "deleted"))
      deleted = sqlite3_column_int (stmt, i) != 0;
  hasher = xaso_sync_row_hasher_new (table, *row_id != NULL ? *row_id : "", deleted);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *value = column_canonical (stmt, i);

      xaso_sync_row_hasher_add (hasher, sqlite3_column_name (stmt, i), value);
    }
  xaso_sync_row_hasher_finish (hasher, hash);
}

/* Sums a table's rows: into total, into buckets (may be NULL), and for one
 * bucket (>= 0) each row's hash into rows (id → hash). */
static gboolean
local_sums (XasoDatabase       *db,
            const char         *table,
            XasoSyncDigestSum  *total,
            XasoSyncDigestSum  *buckets,
            int                 only_bucket,
            GHashTable         *rows,
            GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint8 hash[XASO_SYNC_DIGEST_HASH_SIZE];
      const char *row_id;
      guint bucket;

      row_hash (table, stmt, &row_id, hash);
      if (row_id == NULL)
        continue;
      if (total != NULL)
        xaso_sync_digest_sum_add (total, hash);
      if (buckets == NULL && rows == NULL)
        continue;
      bucket = xaso_sync_digest_bucket (row_id);
      if (buckets != NULL)
        xaso_sync_digest_sum_add (&buckets[bucket], hash);
      if (rows != NULL && (int) bucket == only_bucket)
        g_hash_table_insert (rows, g_strdup (row_id), g_memdup2 (hash, sizeof hash));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error), FALSE;
  return TRUE;
}

static gboolean
sum_equals (const XasoSyncDigestSum *sum,
            JsonObject              *theirs)
{
  g_autofree char *hex = xaso_sync_digest_sum_hex (sum);

  return theirs != NULL && json_object_get_int_member_with_default (theirs, "rows", -1) == sum->rows &&
         g_strcmp0 (json_object_get_string_member_with_default (theirs, "hash", NULL), hex) == 0;
}

static JsonObject *
get_object (XasoSyncHttp  *http,
            const char    *path,
            JsonNode     **answer,
            GCancellable  *cancellable,
            GError       **error)
{
  *answer = xaso_sync_http_call (http, "GET", path, NULL, cancellable, NULL, error);
  if (*answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (*answer))
    return bad_answer (error), NULL;
  return json_node_get_object (*answer);
}

typedef struct
{
  const char           *table;
  JsonArray            *rows;       /* the server's rows of the bucket */
  GHashTable           *local;      /* id → hash of this replica's rows of the bucket */
  guint                 bucket;
  XasoSyncDigestReport *report;
} Bucket;

static void
server_row_hash (const char *table,
                 JsonObject *row,
                 guint8      hash[XASO_SYNC_DIGEST_HASH_SIZE])
{
  JsonObject *fields = json_object_get_object_member (row, "fields");
  XasoSyncRowHasher *hasher = xaso_sync_row_hasher_new (table, json_object_get_string_member (row, "id"),
                                                        json_object_get_boolean_member (row, "deleted"));
  g_autoptr(GList) names = json_object_get_members (fields);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *field = json_object_get_object_member (fields, l->data);
      g_autofree char *value = json_canonical (json_object_get_member (field, "value"));

      xaso_sync_row_hasher_add (hasher, l->data, value);
    }
  xaso_sync_row_hasher_finish (hasher, hash);
}

static gboolean
row_valid (JsonNode *node)
{
  JsonObject *row;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  row = json_node_get_object (node);
  return xaso_sync_uuid_valid (json_object_get_string_member_with_default (row, "id", NULL)) &&
         json_object_has_member (row, "deleted") && json_object_has_member (row, "fields") &&
         JSON_NODE_HOLDS_OBJECT (json_object_get_member (row, "fields"));
}

/* Writes the server's values of a row with their versions: one remote change
 * per version, the insert first when this replica lacks the row. */
static gboolean
repair_row (XasoDatabase  *db,
            const char    *table,
            JsonObject    *row,
            gboolean       exists,
            GError       **error)
{
  JsonObject *fields = json_object_get_object_member (row, "fields");
  g_autoptr(GHashTable) by_version = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) json_object_unref);
  g_autoptr(JsonObject) all = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (fields);
  const char *row_id = json_object_get_string_member (row, "id");
  gint64 row_version = json_object_get_int_member_with_default (row, "version", 0);
  GHashTableIter iter;
  gpointer key, value;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *field = json_object_get_object_member (fields, l->data);
      gint64 version = json_object_get_int_member_with_default (field, "version", row_version);
      JsonObject *group = g_hash_table_lookup (by_version, &version);

      if (group == NULL)
        g_hash_table_insert (by_version, g_memdup2 (&version, sizeof version), (group = json_object_new ()));
      json_object_set_member (group, l->data, json_node_copy (json_object_get_member (field, "value")));
      json_object_set_member (all, l->data, json_node_copy (json_object_get_member (field, "value")));
    }
  json_object_set_int_member (all, "deleted", json_object_get_boolean_member (row, "deleted"));
  if (!exists)
    {
      XasoRemoteChange insert = { table, row_id, "insert", all, row_version, 0 };

      if (!xaso_remote_change_apply (db, &insert, NULL, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, by_version);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      XasoRemoteChange update = { table, row_id, "update", value, *(gint64 *) key, 0 };

      if (!xaso_remote_change_apply (db, &update, NULL, error))
        return FALSE;
    }
  /* The row's own flag, at the row's version (a delete carries no field). */
  if (exists)
    {
      g_autoptr(JsonObject) flag = json_object_new ();
      XasoRemoteChange update = { table, row_id, "update", flag, row_version, 0 };

      json_object_set_int_member (flag, "deleted", json_object_get_boolean_member (row, "deleted"));
      return xaso_remote_change_apply (db, &update, NULL, error);
    }
  return TRUE;
}

static gboolean
recapture_row (XasoDatabase  *db,
               const char    *table,
               const char    *row_id,
               GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.id AS id, t.* FROM \"%s\" t WHERE t.id = ?", table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(XasoChange) change = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    change = xaso_sync_seed_change_from_row (table, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE || (xaso_database_set_error (db, rc, error), FALSE);
  return xaso_change_capture_existing (change, db, DIGEST_ACTOR, error);
}

static gboolean
repair_bucket (XasoDatabase  *db,
               gpointer       data,
               GError       **error)
{
  Bucket *b = data;
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer id;

  for (guint i = 0; i < json_array_get_length (b->rows); i++)
    {
      JsonObject *row = json_array_get_object_element (b->rows, i);
      const char *row_id = json_object_get_string_member (row, "id");
      guint8 hash[XASO_SYNC_DIGEST_HASH_SIZE];
      const guint8 *mine = g_hash_table_lookup (b->local, row_id);

      server_row_hash (b->table, row, hash);
      if (mine == NULL || memcmp (mine, hash, sizeof hash) != 0)
        {
          g_message ("digest: %s %s differs from the server's; written again from it", b->table, row_id);
          if (!repair_row (db, b->table, row, mine != NULL, error))
            return FALSE;
          b->report->repaired++;
          if (g_str_equal (b->table, "dossier"))
            g_hash_table_add (dossiers, g_strdup (row_id));
          else if (g_str_equal (b->table, "dossier_event"))
            {
              JsonObject *fields = json_object_get_object_member (row, "fields");
              JsonObject *dossier = json_object_get_object_member (fields, "dossier_id");

              if (dossier != NULL)
                g_hash_table_add (dossiers, g_strdup (json_object_get_string_member (dossier, "value")));
            }
          else if (g_str_equal (b->table, "document"))
            g_hash_table_add (documents, g_strdup (row_id));
          else if (g_str_equal (b->table, "document_event"))
            {
              JsonObject *fields = json_object_get_object_member (row, "fields");
              JsonObject *document = json_object_get_object_member (fields, "document_id");

              if (document != NULL)
                g_hash_table_add (documents, g_strdup (json_object_get_string_member (document, "value")));
            }
        }
      g_hash_table_remove (b->local, row_id);
    }
  /* What is left the server lacks: never deleted, sent to it again. */
  g_hash_table_iter_init (&iter, b->local);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_message ("digest: %s %s is missing on the server; captured again to push", b->table, (char *) id);
      if (!recapture_row (db, b->table, id, error))
        return FALSE;
      b->report->recaptured++;
    }
  if (!xaso_dossier_refold_set (db, dossiers, error))
    return FALSE;
  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!xaso_document_refold (db, id, error))
      return FALSE;
  return TRUE;
}

static gboolean
compare_bucket (XasoDatabase          *db,
                XasoSyncHttp          *http,
                const char            *table,
                guint                  bucket,
                XasoSyncDigestReport  *report,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autofree char *path = g_strdup_printf ("/v1/digest/rows?table=%s&bucket=%u", table, bucket);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GHashTable) local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *object = get_object (http, path, &answer, cancellable, error);
  Bucket b = { table, NULL, local, bucket, report };
  gboolean ok;

  if (object == NULL)
    return FALSE;
  if (!json_object_has_member (object, "rows") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "rows")))
    return bad_answer (error);
  b.rows = json_object_get_array_member (object, "rows");
  for (guint i = 0; i < json_array_get_length (b.rows); i++)
    if (!row_valid (json_array_get_element (b.rows, i)))
      return bad_answer (error);
  if (!local_sums (db, table, NULL, NULL, (int) bucket, local, error))
    return FALSE;
  /* A repaired row may name one a later bucket repairs, as a page of the
   * pull may: references are whole once every bucket is. */
  if (!xaso_database_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  ok = xaso_database_run_atomically (db, repair_bucket, &b, error);
  if (!xaso_database_exec (db, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;
  return ok;
}

static gboolean
compare_table (XasoDatabase          *db,
               XasoSyncHttp          *http,
               const char            *table,
               XasoSyncDigestReport  *report,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autofree char *path = g_strdup_printf ("/v1/digest?table=%s", table);
  g_autofree XasoSyncDigestSum *buckets = g_new0 (XasoSyncDigestSum, XASO_SYNC_DIGEST_BUCKETS);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object = get_object (http, path, &answer, cancellable, error);
  JsonObject *theirs;

  if (object == NULL)
    return FALSE;
  if ((theirs = json_object_get_object_member (object, "buckets")) == NULL)
    return bad_answer (error);
  if (!local_sums (db, table, NULL, buckets, -1, NULL, error))
    return FALSE;
  for (guint b = 0; b < XASO_SYNC_DIGEST_BUCKETS; b++)
    {
      char name[8];
      JsonObject *sum;

      g_snprintf (name, sizeof name, "%u", b);
      sum = json_object_has_member (theirs, name) ? json_object_get_object_member (theirs, name) : NULL;
      if (buckets[b].rows == 0 && sum == NULL)
        continue;
      if (!sum_equals (&buckets[b], sum) &&
          !compare_bucket (db, http, table, b, report, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
nothing_waits (XasoDatabase *db)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT count(*) FROM outbox", NULL);
  gboolean empty = FALSE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int64 (stmt, 0) == 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return empty;
}

gboolean
xaso_sync_digest_run (XasoDatabase          *db,
                      XasoSyncHttp          *http,
                      XasoSyncDigestReport  *report,
                      GCancellable          *cancellable,
                      GError               **error)
{
  const char * const *tables = xaso_sync_get_tables ();
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object, *theirs;

  report->comparable = FALSE;
  if (!nothing_waits (db))
    return TRUE;
  if ((object = get_object (http, "/v1/digest", &answer, cancellable, error)) == NULL)
    return FALSE;
  if ((theirs = json_object_get_object_member (object, "tables")) == NULL)
    return bad_answer (error);
  /* The server's tables hold its whole log: compare only at the same place. */
  if (json_object_get_int_member_with_default (object, "server_seq", -1) !=
      xaso_sync_get_int (db, XASO_SYNC_KEY_PULL_SEQ))
    return TRUE;
  report->comparable = TRUE;
  for (guint i = 0; tables[i] != NULL; i++)
    {
      XasoSyncDigestSum mine = { 0 };

      if (!local_sums (db, tables[i], &mine, NULL, -1, NULL, error))
        return FALSE;
      report->tables++;
      if (sum_equals (&mine, json_object_has_member (theirs, tables[i])
                               ? json_object_get_object_member (theirs, tables[i]) : NULL))
        continue;
      report->differing++;
      if (!compare_table (db, http, tables[i], report, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char                 *started;
  const XasoSyncDigestReport *report;
  const GError               *failure;    /* NULL when it finished */
} Outcome;

/* A line of the sync log (xaso-sync-history.h), which the Đồng bộ page shows. */
static gboolean
log_digest (XasoDatabase   *db,
            const Outcome  *o,
            GError        **error)
{
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO sync_log (kind, started_at, finished_at, sent, applied, merged, conflict, rejected, pulled, "
    "bytes_in, tables, differing, repaired, recaptured, error) "
    "VALUES ('digest', ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, o->started, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) o->report->tables);
  sqlite3_bind_int (stmt, 4, (int) o->report->differing);
  sqlite3_bind_int (stmt, 5, (int) o->report->repaired);
  sqlite3_bind_int (stmt, 6, (int) o->report->recaptured);
  xaso_bind_text (stmt, 7, o->failure != NULL ? o->failure->message : NULL);
  return xaso_database_step_done (db, stmt, error) && xaso_sync_log_trim (db, error);
}

/* Every comparable digest is remembered, with what it found, and logged. */
static gboolean
remember (XasoDatabase  *db,
          gpointer       data,
          GError       **error)
{
  const Outcome *o = data;
  const XasoSyncDigestReport *report = o->report;
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *found = g_strdup_printf ("tables=%u differing=%u repaired=%u recaptured=%u", report->tables,
                                            report->differing, report->repaired, report->recaptured);

  if (report->differing > 0)
    g_message ("digest: %s", found);
  return xaso_database_set_state (db, XASO_SYNC_KEY_DIGEST_AT, at, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_DIGEST, found, error) &&
         log_digest (db, o, error);
}

static gboolean
remember_failure (XasoDatabase  *db,
                  gpointer       data,
                  GError       **error)
{
  return log_digest (db, data, error);
}

gboolean
xaso_sync_digest_once (XasoDatabase          *db,
                       XasoSyncDigestReport  *report,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *started = xaso_now_iso ();
  g_autoptr(XasoSyncHttp) http = xaso_sync_connect (db, error);
  g_autoptr(GError) local = NULL;
  g_autoptr(GError) unlogged = NULL;
  Outcome outcome = { started, report, NULL };

  if (http == NULL)
    return FALSE;
  if (!xaso_sync_digest_run (db, http, report, cancellable, &local))
    {
      /* What failed is logged too: the rows repaired before stay repaired. */
      outcome.failure = local;
      if (!xaso_database_run_atomically (db, remember_failure, &outcome, &unlogged))
        g_warning ("Could not log the digest’s failure: %s", unlogged->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return !report->comparable || xaso_database_run_atomically (db, remember, &outcome, error);
}

#define DIGEST_EVERY_SECONDS (24 * 60 * 60)
/* A busy commune's log moves between the answer and the pull: the server's
 * whole-commune scan is not asked for again at once. */
#define DIGEST_RETRY_SECONDS (10 * 60)

void
xaso_sync_digest_when_due (XasoDatabase *db,
                           GCancellable *cancellable)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 last = xaso_sync_get_int (db, XASO_SYNC_KEY_DIGEST_AT);
  gint64 tried = xaso_sync_get_int (db, XASO_SYNC_KEY_DIGEST_TRIED);
  g_autofree char *now_text = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autoptr(GError) error = NULL;
  XasoSyncDigestReport report = { 0 };

  if ((last > 0 && now - last < DIGEST_EVERY_SECONDS) || (tried > 0 && now - tried < DIGEST_RETRY_SECONDS) ||
      !nothing_waits (db))
    return;
  if (!xaso_database_set_state (db, XASO_SYNC_KEY_DIGEST_TRIED, now_text, &error) ||
      !xaso_sync_digest_once (db, &report, cancellable, &error))
    g_warning ("The digest could not compare this computer's tables with the server's: %s", error->message);
}
