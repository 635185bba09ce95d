/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-document-fold.h"
#include "xaso-dossier-flow.h"
#include "xaso-remote-change.h"
#include "xaso-sync-blobs.h"
#include "xaso-sync-pull.h"
#include "xaso-sync-settings.h"

typedef struct
{
  JsonArray      *entries;
  gint64          last_seq;
  const char     *checksum;
  XasoSyncReport *report;
  GHashTable     *dossiers;    /* ids whose events arrived: their status is folded again */
  GHashTable     *documents;   /* ids whose row or events arrived: their state is folded again */
  GHashTable     *blobs;       /* sha256 named by attachment rows that arrived: fetched if absent */
  const char     *chained_from; /* with chained: the log's checksum after the page, from this one, */
  const char     *chained;      /* worked out while the page before was applied (see chain_page) */
} Page;

static gboolean
bad_answer (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       _("The server’s answer does not follow the sync protocol."));
  return FALSE;
}

/* A conflict as every desktop of the commune records it: the field shows the
 * value the server kept until a person chooses. */
static gboolean
record_conflict (XasoDatabase  *db,
                 JsonObject    *entry,
                 JsonObject    *conflict,
                 GError       **error)
{
  const char *table = json_object_get_string_member (entry, "table");
  const char *row = json_object_get_string_member (entry, "row");
  const char *field = json_object_get_string_member_with_default (conflict, "field", "");
  g_autoptr(JsonObject) kept = json_object_new ();
  g_autofree char *now = xaso_now_iso ();
  g_autofree char *kept_text = NULL, *other_text = NULL;
  XasoRemoteChange change = { table, row, "update", kept,
                              json_object_get_int_member_with_default (conflict, "kept_version", 0),
                              json_object_get_int_member_with_default (entry, "hlc", 0) };
  sqlite3_stmt *stmt;

  if (!xaso_sync_uuid_valid (json_object_get_string_member_with_default (conflict, "id", NULL)) ||
      !xaso_sync_field_name_valid (field) || !json_object_has_member (conflict, "kept") ||
      !json_object_has_member (conflict, "other"))
    return bad_answer (error);
  kept_text = json_to_string (json_object_get_member (conflict, "kept"), FALSE);
  other_text = json_to_string (json_object_get_member (conflict, "other"), FALSE);
  stmt = xaso_database_prepare (db,
    "INSERT OR IGNORE INTO field_conflict (id, table_name, row_id, field, local_value, remote_value, local_op_id, "
    "detected_at, kept_version, other_actor, other_device, other_at, server_seq) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (conflict, "id"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, other_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, kept_text, -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 7, json_object_get_string_member_with_default (entry, "id", NULL));
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, change.server_seq);
  xaso_bind_text (stmt, 10, json_object_get_string_member_with_default (conflict, "other_actor", NULL));
  xaso_bind_text (stmt, 11, json_object_get_string_member_with_default (conflict, "other_device", NULL));
  sqlite3_bind_int64 (stmt, 12, change.hlc);
  sqlite3_bind_int64 (stmt, 13, json_object_get_int_member (entry, "server_seq"));
  if (!xaso_database_step_done (db, stmt, error))
    return FALSE;
  json_object_set_member (kept, field, json_node_copy (json_object_get_member (conflict, "kept")));
  return xaso_remote_change_apply (db, &change, NULL, error);
}

static gboolean
mark_resolved (XasoDatabase  *db,
               JsonObject    *entry,
               const char    *conflict_id,
               GError       **error)
{
  g_autofree char *now = xaso_now_iso ();
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "UPDATE field_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL",
    error);
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (entry, "server_seq"));

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 2, json_object_get_string_member_with_default (entry, "actor", NULL));
  sqlite3_bind_text (stmt, 3, seq, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, conflict_id, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

static gboolean
entry_valid (JsonObject *entry)
{
  const char *kind = json_object_get_string_member_with_default (entry, "kind", "");

  return json_object_get_int_member_with_default (entry, "server_seq", 0) > 0 &&
         xaso_sync_table_is_synced (json_object_get_string_member_with_default (entry, "table", NULL)) &&
         xaso_sync_uuid_valid (json_object_get_string_member_with_default (entry, "row", NULL)) &&
         (g_str_equal (kind, "insert") || g_str_equal (kind, "update") || g_str_equal (kind, "delete")) &&
         json_object_has_member (entry, "fields") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "fields"));
}

static gboolean
apply_entry (XasoDatabase  *db,
             Page          *page,
             JsonObject    *entry,
             GError       **error)
{
  JsonObject *fields = json_object_get_object_member (entry, "fields");
  XasoRemoteChange change = { json_object_get_string_member (entry, "table"),
                              json_object_get_string_member (entry, "row"),
                              json_object_get_string_member (entry, "kind"), fields,
                              json_object_get_int_member (entry, "server_seq"),
                              json_object_get_int_member_with_default (entry, "hlc", 0) };
  const char *document;
  JsonArray *list;

  /* This computer's own changes are written again too: an entry pulled
   * after they were pushed, but earlier in the log (a conflict's kept
   * value), may have written over them meanwhile. */
  if (json_object_get_size (fields) > 0 && !xaso_remote_change_apply (db, &change, NULL, error))
    return FALSE;
  if (g_str_equal (change.table, "dossier_event") && json_object_has_member (fields, "dossier_id"))
    g_hash_table_add (page->dossiers, g_strdup (json_object_get_string_member (fields, "dossier_id")));
  document = g_str_equal (change.table, "document") ? change.row_id
             : g_str_equal (change.table, "document_event")
             ? json_object_get_string_member_with_default (fields, "document_id", NULL) : NULL;
  if (document != NULL)
    g_hash_table_add (page->documents, g_strdup (document));
  if (g_str_equal (change.table, "attachment") && json_object_has_member (fields, "sha256") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (fields, "sha256")) &&
      json_node_get_value_type (json_object_get_member (fields, "sha256")) == G_TYPE_STRING)
    g_hash_table_add (page->blobs, g_strdup (json_object_get_string_member (fields, "sha256")));
  list = json_object_has_member (entry, "conflicts") ? json_object_get_array_member (entry, "conflicts") : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)) ||
          !record_conflict (db, entry, json_array_get_object_element (list, i), error))
        return FALSE;
      page->report->conflicts_found++;
    }
  list = json_object_has_member (entry, "resolves") ? json_object_get_array_member (entry, "resolves") : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (!mark_resolved (db, entry, json_array_get_string_element (list, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
refold_documents (XasoDatabase  *db,
                  GHashTable    *documents,
                  GError       **error)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!xaso_document_refold (db, id, error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_entries (XasoDatabase  *db,
               Page          *page,
               GError       **error)
{
  g_autofree char *checksum = xaso_database_get_state (db, XASO_SYNC_KEY_CHECKSUM);
  g_autofree char *cursor = NULL;
  g_autofree char *now = xaso_now_iso ();
  gint64 last = xaso_sync_get_int (db, XASO_SYNC_KEY_PULL_SEQ);

  gboolean chained;

  if (checksum == NULL)
    checksum = g_strdup (XASO_SYNC_CHECKSUM_ZERO);
  /* The chain worked out ahead holds if it began where this copy ends. */
  if ((chained = page->chained != NULL && g_strcmp0 (page->chained_from, checksum) == 0))
    {
      g_free (checksum);
      checksum = g_strdup (page->chained);
    }
  for (guint i = 0; i < json_array_get_length (page->entries); i++)
    {
      JsonNode *node = json_array_get_element (page->entries, i);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node) || !entry_valid (entry = json_node_get_object (node)) ||
          json_object_get_int_member (entry, "server_seq") <= last)
        return bad_answer (error);
      last = json_object_get_int_member (entry, "server_seq");
      if (!chained)
        {
          g_autofree char *canonical = xaso_sync_entry_canonical (entry);
          char *next = xaso_sync_checksum_next (checksum, canonical);

          g_free (checksum);
          checksum = next;
        }
      if (!apply_entry (db, page, entry, error))
        return FALSE;
      page->report->pulled++;
      page->report->tables_pulled |= 1u << xaso_sync_table_index (json_object_get_string_member (entry, "table"));
    }
  if (json_array_get_length (page->entries) > 0 &&
      (last != page->last_seq || g_strcmp0 (checksum, page->checksum) != 0))
    {
      g_autofree char *where = g_strdup_printf ("%" G_GINT64_FORMAT, page->last_seq);

      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_DIVERGED,
                   _("The server’s log and this computer’s copy of it differ at change %s. Nothing of that "
                     "page was applied; the administrator should check the server."), where);
      return FALSE;
    }
  if (!xaso_dossier_refold_set (db, page->dossiers, error) || !refold_documents (db, page->documents, error) ||
      !xaso_sync_blobs_queue_downloads (db, page->blobs, error))
    return FALSE;
  cursor = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  return xaso_database_index_deferred (db, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_PULL_SEQ, cursor, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_CHECKSUM, checksum, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_LAST_PULL, now, error);
}

/* The persons a page brings are added to the search index in one go before
 * the commit, not one by one as the triggers would. */
static gboolean
apply_page (XasoDatabase  *db,
            gpointer       data,
            GError       **error)
{
  if (!xaso_database_defer_search_index (db, error))
    return FALSE;
  if (apply_entries (db, data, error))
    return TRUE;
  /* Ends the deferral; the transaction is rolled back all the same. */
  xaso_database_index_deferred (db, NULL);
  return FALSE;
}

/* The log's order is the order records were made in, but a page may end
 * between a record and one it refers to (a household and its head): the
 * references are whole once the log is, so a page is applied without
 * checking them.
 *
 * Nor is its commit flushed to disk (synchronous = NORMAL): what a page
 * writes is the server's, and a power cut can only take the last pages
 * applied together with the cursor that counts them (the write-ahead log
 * keeps commits in order), to be pulled again. A person's own saves stay
 * FULL, and their flush makes every page before them durable too. */
static gboolean
begin_unchecked (XasoDatabase  *db,
                 GError       **error)
{
  return xaso_database_exec (db, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL", error);
}

static gboolean
end_unchecked (XasoDatabase  *db,
               GError       **error)
{
  return xaso_database_exec (db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error);
}

/* @unchecked: the caller already turned the checks off (for many pages:
 * each change of foreign_keys makes SQLite prepare every statement again). */
static gboolean
apply_page_unchecked (XasoDatabase  *db,
                      Page          *page,
                      gboolean       unchecked,
                      GError       **error)
{
  gboolean own = !unchecked && !xaso_database_in_transaction (db);
  gboolean ok;

  if (own && !begin_unchecked (db, error))
    return FALSE;
  ok = xaso_database_run_atomically (db, apply_page, page, error);
  if (own && !end_unchecked (db, ok ? error : NULL))
    return FALSE;
  return ok;
}

static char *
page_path (gint64 after,
           guint  wait_seconds)
{
  if (wait_seconds == 0)
    return g_strdup_printf ("/v1/pull?after=%" G_GINT64_FORMAT "&limit=%d", after, XASO_SYNC_MAX_ENTRIES);
  return g_strdup_printf ("/v1/pull?after=%" G_GINT64_FORMAT "&limit=%d&wait=%u", after, XASO_SYNC_MAX_ENTRIES,
                          MIN (wait_seconds, XASO_SYNC_MAX_WAIT));
}

/* Applies the page the server answered. */
static gboolean
apply_answer (XasoDatabase    *db,
              JsonNode        *answer,
              const char      *chained_from,
              const char      *chained,
              XasoSyncReport  *report,
              gboolean        *more,
              gboolean         unchecked,
              GError         **error)
{
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *object = json_node_get_object (answer);
  Page page;

  if (!json_object_has_member (object, "entries") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "entries")))
    return bad_answer (error);
  page = (Page) { json_object_get_array_member (object, "entries"),
                  json_object_get_int_member_with_default (object, "last_seq", 0),
                  json_object_get_string_member_with_default (object, "checksum", ""), report, dossiers, documents,
                  blobs, chained_from, chained };
  *more = json_object_get_boolean_member_with_default (object, "more", FALSE);
  return apply_page_unchecked (db, &page, unchecked, error);
}

gboolean
xaso_sync_pull_page (XasoDatabase    *db,
                     XasoSyncHttp    *http,
                     guint            wait_seconds,
                     XasoSyncReport  *report,
                     gboolean        *more,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autofree char *path = page_path (xaso_sync_get_int (db, XASO_SYNC_KEY_PULL_SEQ), wait_seconds);
  g_autoptr(JsonNode) answer = NULL;

  answer = xaso_sync_http_call (http, "GET", path, NULL, cancellable, &report->bytes_in, error);
  return answer != NULL && apply_answer (db, answer, NULL, NULL, report, more, FALSE, error);
}

/* The log's checksum after the entries of @answer, from @from: the
 * canonical text of each entry hashed in turn, as apply_entries() would,
 * NULL if an entry is not even an object (apply_entries() refuses it). */
static char *
chain_page (JsonNode   *answer,
            const char *from)
{
  JsonObject *object = json_node_get_object (answer);
  g_autofree char *checksum = g_strdup (from);
  g_autoptr(GString) canonical = g_string_sized_new (1024);
  JsonArray *entries;

  if (!json_object_has_member (object, "entries") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "entries")))
    return NULL;
  entries = json_object_get_array_member (object, "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      char *next;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      g_string_truncate (canonical, 0);
      xaso_sync_entry_canonical_append (canonical, json_node_get_object (node));
      next = xaso_sync_checksum_next (checksum, canonical->str);
      g_free (checksum);
      checksum = next;
    }
  return g_steal_pointer (&checksum);
}

/* The next page, asked for on a thread of its own while this one applies
 * the page before: the server reads, compresses and sends it, and the
 * answer is parsed and its checksum chained on from the one the page before
 * announced (checked when it is applied), while SQLite writes. The thread
 * also frees the page applied before, a tree of thousands of nodes. Nothing
 * else uses @http meanwhile.
 *
 * One thread serves the whole pull: the nodes of a page are then made and
 * freed by the same thread, which GLib's slice allocator keeps cheap (a
 * thread per page left every page's nodes to a thread that had none of
 * their memory, and cost a quarter of the pull's CPU). */
typedef struct
{
  XasoSyncHttp *http;
  GCancellable *cancellable;
  gint64        after;
  char         *chained_from;
  JsonNode     *discard;
  guint64       bytes_in;
  JsonNode     *answer;
  char         *chained;
  GError       *error;
} Fetch;

typedef struct
{
  GThread     *thread;
  GAsyncQueue *asked;     /* Fetch *, or the fetcher itself to stop */
  GAsyncQueue *answered;  /* Fetch * */
} Fetcher;

static void
fetch_page (Fetch *fetch)
{
  g_autofree char *path = NULL;

  g_clear_pointer (&fetch->discard, json_node_unref);
  if (fetch->http == NULL)
    return;     /* only that */
  path = page_path (fetch->after, 0);
  fetch->answer = xaso_sync_http_call (fetch->http, "GET", path, NULL, fetch->cancellable, &fetch->bytes_in,
                                       &fetch->error);
  if (fetch->answer != NULL && JSON_NODE_HOLDS_OBJECT (fetch->answer))
    fetch->chained = chain_page (fetch->answer, fetch->chained_from);
}

static gpointer
fetcher_run (gpointer data)
{
  Fetcher *fetcher = data;
  gpointer asked;

  while ((asked = g_async_queue_pop (fetcher->asked)) != fetcher)
    {
      fetch_page (asked);
      g_async_queue_push (fetcher->answered, asked);
    }
  return NULL;
}

static void
fetcher_start (Fetcher *fetcher)
{
  fetcher->asked = g_async_queue_new ();
  fetcher->answered = g_async_queue_new ();
  fetcher->thread = g_thread_new ("sync-pull", fetcher_run, fetcher);
}

/* Frees @discard on the fetching thread, which made it. */
static void
fetcher_stop (Fetcher  *fetcher,
              JsonNode *discard)
{
  Fetch last = { .discard = discard };

  if (fetcher->thread == NULL)
    {
      g_clear_pointer (&discard, json_node_unref);
      return;
    }
  if (discard != NULL)
    {
      g_async_queue_push (fetcher->asked, &last);
      g_async_queue_pop (fetcher->answered);
      g_clear_pointer (&last.answer, json_node_unref);
      g_clear_error (&last.error);
    }
  g_async_queue_push (fetcher->asked, fetcher);
  g_thread_join (g_steal_pointer (&fetcher->thread));
  g_async_queue_unref (fetcher->asked);
  g_async_queue_unref (fetcher->answered);
}

static void
fetch_clear (Fetch *fetch)
{
  g_clear_pointer (&fetch->chained_from, g_free);
  g_clear_pointer (&fetch->discard, json_node_unref);
  g_clear_pointer (&fetch->answer, json_node_unref);
  g_clear_pointer (&fetch->chained, g_free);
  g_clear_error (&fetch->error);
}

/* The pages of a first pull are committed together, a quarter of a second
 * of them at a time: the indexes of rows keyed by random ids are spread
 * over the whole file, and each commit wrote most of their pages to the
 * log again (and the checkpoint copied them back). Still one transaction
 * per batch, the cursor with it; a person's save waits at most that long
 * for the lock. */
#define BATCH_USEC (G_USEC_PER_SEC / 4)

static gboolean
batch_begin (XasoDatabase  *db,
             gint64        *began,
             GError       **error)
{
  if (xaso_database_in_transaction (db))
    return TRUE;
  *began = g_get_monotonic_time ();
  return xaso_database_begin (db, error);
}

static gboolean
batch_commit (XasoDatabase  *db,
              gint64         began,
              gboolean       now,
              GError       **error)
{
  if (!xaso_database_in_transaction (db) || (!now && g_get_monotonic_time () - began < BATCH_USEC))
    return TRUE;
  return xaso_database_commit (db, error);
}

static gboolean
pull_pages (XasoDatabase    *db,
            XasoSyncHttp    *http,
            Fetcher         *fetcher,
            JsonNode       **applied_before,
            XasoSyncReport  *report,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autofree char *path = page_path (xaso_sync_get_int (db, XASO_SYNC_KEY_PULL_SEQ), 0);
  g_autoptr(JsonNode) answer = xaso_sync_http_call (http, "GET", path, NULL, cancellable, &report->bytes_in,
                                                    error);
  g_autofree char *chained_from = NULL, *chained = NULL;
  gint64 began = 0;

  while (answer != NULL)
    {
      Fetch fetch = { http, cancellable };
      gboolean asked = FALSE;
      JsonObject *object = json_node_get_object (answer);
      gboolean more = FALSE, applied;

      /* A page that says more is followed by the entries after its last. */
      if (json_object_get_boolean_member_with_default (object, "more", FALSE) &&
          (fetch.after = json_object_get_int_member_with_default (object, "last_seq", 0)) > 0)
        {
          fetch.chained_from = g_strdup (json_object_get_string_member_with_default (object, "checksum", ""));
          fetch.discard = g_steal_pointer (applied_before);
          if (fetcher->thread == NULL)
            fetcher_start (fetcher);
          g_async_queue_push (fetcher->asked, &fetch);
          asked = TRUE;
        }
      applied = batch_begin (db, &began, error) &&
                apply_answer (db, answer, chained_from, chained, report, &more, TRUE, error);
      if (asked)
        g_async_queue_pop (fetcher->answered);
      report->bytes_in += fetch.bytes_in;
      g_clear_pointer (applied_before, json_node_unref);
      *applied_before = g_steal_pointer (&answer);
      /* A page that fails takes the batch's pages before it along; they
       * are pulled again. A page that fails to arrive does not. */
      if (!applied && xaso_database_in_transaction (db))
        xaso_database_rollback (db);
      if (!applied || !batch_commit (db, began, !more || fetch.answer == NULL, error))
        {
          fetch_clear (&fetch);
          return FALSE;
        }
      if (!more)
        {
          fetch_clear (&fetch);
          return TRUE;
        }
      /* The page applied ends where the next one begins, as it must. */
      if (!asked || fetch.after != xaso_sync_get_int (db, XASO_SYNC_KEY_PULL_SEQ))
        {
          fetch_clear (&fetch);
          return bad_answer (error);
        }
      if (fetch.answer == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&fetch.error));
          fetch_clear (&fetch);
          return FALSE;
        }
      answer = g_steal_pointer (&fetch.answer);
      g_free (chained_from);
      chained_from = g_steal_pointer (&fetch.chained_from);
      g_free (chained);
      chained = g_steal_pointer (&fetch.chained);
      fetch_clear (&fetch);
    }
  return FALSE;
}

gboolean
xaso_sync_pull_all (XasoDatabase    *db,
                    XasoSyncHttp    *http,
                    XasoSyncReport  *report,
                    GCancellable    *cancellable,
                    GError         **error)
{
  Fetcher fetcher = { NULL };
  JsonNode *applied_before = NULL;
  gboolean ok;

  g_return_val_if_fail (!xaso_database_in_transaction (db), FALSE);

  if (!begin_unchecked (db, error))
    return FALSE;
  ok = pull_pages (db, http, &fetcher, &applied_before, report, cancellable, error);
  /* Pages applied before one that was out of place stay. */
  if (xaso_database_in_transaction (db) && !xaso_database_commit (db, ok ? error : NULL))
    ok = FALSE;
  fetcher_stop (&fetcher, applied_before);
  return end_unchecked (db, ok ? error : NULL) && ok;
}
