/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "xaso-audit.h"
#include "xaso-change.h"
#include "xaso-uuid.h"

/* The first link of every chain points at this value. */
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static const char * const action_names[] = {
  "view", "create", "edit", "print", "export", "import", "sign", "sync", "delete"
};

const char *
xaso_audit_action_to_string (XasoAuditAction action)
{
  g_return_val_if_fail (action <= XASO_AUDIT_DELETE, NULL);
  return action_names[action];
}

/* Length-prefixed so that no two different events hash the same text. */
static void
feed (GByteArray *text,
      const char *value)
{
  char prefix[24];
  gsize length = value ? strlen (value) : 0;
  char *p = prefix + sizeof prefix - 1;

  if (value == NULL)
    {
      g_byte_array_append (text, (const guint8 *)"-:", 2);
      return;
    }
  *p = ':';
  do
    *--p = '0' + length % 10;
  while ((length /= 10) > 0);
  g_byte_array_append (text, (const guint8 *)p, prefix + sizeof prefix - p);
  g_byte_array_append (text, (const guint8 *)value, strlen (value));
}

static char *
hex_digest (const guint8 digest[32])
{
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (65);

  for (guint i = 0; i < 32; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[64] = '\0';
  return out;
}

char *
xaso_audit_hash (const char *prev_hash,
                 const char *device_id,
                 gint64      seq,
                 const char *at,
                 const char *actor,
                 const char *action,
                 const char *object_table,
                 const char *object_id,
                 const char *purpose,
                 const char *detail)
{
  g_autoptr(GByteArray) text = g_byte_array_sized_new (512);
  char seq_text[24];
  guint8 digest[32];

  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);
  feed (text, prev_hash);
  feed (text, device_id);
  feed (text, seq_text);
  feed (text, at);
  feed (text, actor);
  feed (text, action);
  feed (text, object_table);
  feed (text, object_id);
  feed (text, purpose);
  feed (text, detail);
  /* GnuTLS's SHA-256 uses the processor's instructions for it: GLib's took
   * a twentieth of a bulk import, which hashes a link per row. */
  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, text->data, text->len, digest) < 0)
    g_error ("SHA-256 is not available");
  return hex_digest (digest);
}

/* The link an append added is remembered for the rest of the transaction:
 * an import appends one per row. */
#define LINK_KEY "audit-last-link"

static gboolean
last_link (XasoDatabase  *db,
           gint64        *seq,
           char         **hash,
           GError       **error)
{
  const char *remembered = xaso_database_recall (db, LINK_KEY);
  sqlite3_stmt *stmt;

  if (remembered != NULL)
    {
      char *end = NULL;

      *seq = g_ascii_strtoll (remembered, &end, 10);
      *hash = g_strdup (end + 1);
      return TRUE;
    }
  stmt = xaso_database_prepare (db, "SELECT seq, hash FROM audit_event WHERE device_id = ? "
                                    "ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, xaso_database_get_device_id (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      *hash = g_strdup (xaso_column_text (stmt, 1));
    }
  else
    {
      *seq = 0;
      *hash = g_strdup (GENESIS_HASH);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

typedef struct
{
  const char      *actor;
  XasoAuditAction  action;
  const char      *object_table;
  const char      *object_id;
  const char      *purpose;
  const char      *detail;
} AuditEntry;

static gboolean
append_in_transaction (XasoDatabase  *db,
                       gpointer       data,
                       GError       **error)
{
  AuditEntry *e = data;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *at = xaso_now_iso ();
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *link = NULL;
  g_autoptr(XasoChange) change = NULL;
  const char *device = xaso_database_get_device_id (db);
  gint64 seq;

  if (!last_link (db, &seq, &prev, error))
    return FALSE;
  seq++;
  hash = xaso_audit_hash (prev, device, seq, at, e->actor, action_names[e->action],
                          e->object_table, e->object_id, e->purpose, e->detail);

  /* Audit events sync to the server like any record, so the server keeps
   * the chains too. */
  change = xaso_change_new (XASO_CHANGE_INSERT, "audit_event", id);
  xaso_change_set_text (change, "device_id", device);
  xaso_change_set_int (change, "seq", seq);
  xaso_change_set_text (change, "at", at);
  xaso_change_set_text (change, "actor", e->actor);
  xaso_change_set_text (change, "action", action_names[e->action]);
  xaso_change_set_text (change, "object_table", e->object_table);
  xaso_change_set_text (change, "object_id", e->object_id);
  xaso_change_set_text (change, "purpose", e->purpose);
  xaso_change_set_text (change, "detail", e->detail);
  xaso_change_set_text (change, "prev_hash", prev);
  xaso_change_set_text (change, "hash", hash);
  if (!xaso_change_apply (change, db, e->actor, error))
    return FALSE;
  link = g_strdup_printf ("%" G_GINT64_FORMAT " %s", seq, hash);
  xaso_database_remember (db, LINK_KEY, link);
  return TRUE;
}

gboolean
xaso_audit_append (XasoDatabase     *db,
                   const char       *actor,
                   XasoAuditAction   action,
                   const char       *object_table,
                   const char       *object_id,
                   const char       *purpose,
                   const char       *detail,
                   GError          **error)
{
  AuditEntry entry = { actor, action, object_table, object_id, purpose, detail };

  g_return_val_if_fail (action <= XASO_AUDIT_DELETE, FALSE);

  return xaso_database_run_atomically (db, append_in_transaction, &entry, error);
}

gpointer
xaso_audit_view (XasoDatabase    *db,
                 const char      *actor,
                 const char      *object_table,
                 const char      *object_id,
                 const char      *purpose,
                 XasoAuditLoad    load,
                 GDestroyNotify   loaded_free,
                 GError         **error)
{
  gpointer loaded = load (db, object_id, error);

  if (loaded == NULL)
    return NULL;
  if (!xaso_audit_append (db, actor, XASO_AUDIT_VIEW, object_table, object_id, purpose, NULL, error))
    {
      loaded_free (loaded);
      return NULL;
    }
  return loaded;
}

void
xaso_audit_break_clear (XasoAuditBreak *brk)
{
  g_clear_pointer (&brk->device_id, g_free);
  g_clear_pointer (&brk->event_id, g_free);
  g_clear_pointer (&brk->reason, g_free);
}

static void
set_break (XasoAuditBreak *brk,
           const char     *device,
           gint64          seq,
           const char     *event_id,
           char           *reason)
{
  if (brk == NULL)
    {
      g_free (reason);
      return;
    }
  brk->device_id = g_strdup (device);
  brk->seq = seq;
  brk->event_id = g_strdup (event_id);
  brk->reason = reason;
}

/* Checks one row against the previous link of its chain. Returns a reason
 * when the link is broken. */
static char *
check_row (sqlite3_stmt *stmt,
           const char   *prev_hash,
           gint64        prev_seq)
{
  g_autofree char *expected = NULL;
  gint64 seq = sqlite3_column_int64 (stmt, 1);

  if (seq != prev_seq + 1)
    return g_strdup_printf (_("event %lld is missing before this one"), (long long)prev_seq + 1);
  if (g_strcmp0 (xaso_column_text (stmt, 11), prev_hash) != 0)
    return g_strdup (_("it does not point at the event before it"));
  expected = xaso_audit_hash (prev_hash, xaso_column_text (stmt, 0), seq,
                              xaso_column_text (stmt, 3), xaso_column_text (stmt, 4),
                              xaso_column_text (stmt, 5), xaso_column_text (stmt, 6),
                              xaso_column_text (stmt, 7), xaso_column_text (stmt, 8),
                              xaso_column_text (stmt, 9));
  if (g_strcmp0 (expected, xaso_column_text (stmt, 10)) != 0)
    return g_strdup (_("its content was changed after it was recorded"));
  return NULL;
}

gboolean
xaso_audit_verify (XasoDatabase    *db,
                   guint64         *n_checked,
                   XasoAuditBreak  *first_break,
                   GError         **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT device_id, seq, id, at, actor, action, object_table, object_id, purpose, detail, "
    "hash, prev_hash FROM audit_event ORDER BY device_id, seq", error);
  g_autofree char *device = NULL;
  g_autofree char *prev = NULL;
  gint64 prev_seq = 0;
  guint64 count = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *reason;

      if (g_strcmp0 (device, xaso_column_text (stmt, 0)) != 0)
        {
          g_free (device);
          device = g_strdup (xaso_column_text (stmt, 0));
          g_free (prev);
          prev = g_strdup (GENESIS_HASH);
          prev_seq = 0;
        }
      reason = check_row (stmt, prev, prev_seq);
      if (reason != NULL)
        {
          set_break (first_break, device, sqlite3_column_int64 (stmt, 1), xaso_column_text (stmt, 2), reason);
          sqlite3_reset (stmt);
          if (n_checked)
            *n_checked = count;
          return FALSE;
        }
      g_free (prev);
      prev = g_strdup (xaso_column_text (stmt, 10));
      prev_seq = sqlite3_column_int64 (stmt, 1);
      count++;
    }
  sqlite3_reset (stmt);
  if (n_checked)
    *n_checked = count;
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (db, rc, error);
  return TRUE;
}
