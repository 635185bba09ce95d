/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xaso-database.h"
#include "xaso-document-fold.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-row-digest.h"

/* The digest's row hash (PROTOCOL.md, "Digest") as the server and the
 * desktop both compute it, and its list of column defaults against the
 * desktop's own schema. */

typedef struct
{
  const char *name;
  const char *value;
} Field;

static void
hash_row (const char  *table,
          const char  *row_id,
          gboolean     deleted,
          const Field *fields,
          guint        n,
          guint8       hash[XASO_SYNC_DIGEST_HASH_SIZE])
{
  XasoSyncRowHasher *hasher = xaso_sync_row_hasher_new (table, row_id, deleted);

  for (guint i = 0; i < n; i++)
    xaso_sync_row_hasher_add (hasher, fields[i].name, fields[i].value);
  xaso_sync_row_hasher_finish (hasher, hash);
}

/* The bytes PROTOCOL.md describes, put together by hand. */
static void
test_definition (void)
{
  const Field fields[] = { { "sex", "male" }, { "full_name", "Đặng Văn Hùng" }, { "hamlet", "Ấp 3" } };
  const char *bytes = "36:0190aaaa-0000-7000-8000-000000000002" "1:0"
                      "9:full_name" "18:Đặng Văn Hùng" "6:hamlet" "6:Ấp 3" "3:sex" "4:male";
  guint8 got[XASO_SYNC_DIGEST_HASH_SIZE], want[XASO_SYNC_DIGEST_HASH_SIZE];
  gsize length = sizeof want;
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) bytes, -1);
  g_checksum_get_digest (checksum, want, &length);
  g_checksum_free (checksum);
  hash_row ("person", "0190aaaa-0000-7000-8000-000000000002", FALSE, fields, G_N_ELEMENTS (fields), got);
  g_assert_cmpmem (got, sizeof got, want, sizeof want);
}

static void
test_rules (void)
{
  const char *id = "0190aaaa-0000-7000-8000-000000000009";
  const Field plain[] = { { "full_name", "A" }, { "hamlet", "B" } };
  const Field reordered[] = { { "hamlet", "B" }, { "full_name", "A" } };
  const Field with_null[] = { { "full_name", "A" }, { "hamlet", "B" }, { "note", NULL } };
  const Field with_default[] = { { "full_name", "A" }, { "hamlet", "B" }, { "sex", "unknown" } };
  const Field with_skipped[] = { { "full_name", "A" }, { "hamlet", "B" }, { "id", id }, { "commune_code", "25993" },
                                 { "deleted", "1" }, { "updated_at", "2026-01-01" } };
  const Field other[] = { { "full_name", "A" }, { "hamlet", "C" } };
  guint8 a[XASO_SYNC_DIGEST_HASH_SIZE], b[XASO_SYNC_DIGEST_HASH_SIZE];
  g_autofree char *one = xaso_sync_digest_number (1.0);
  g_autofree char *half = xaso_sync_digest_number (0.5);
  g_autofree char *big = xaso_sync_digest_number (20260102.0);

  hash_row ("person", id, FALSE, plain, G_N_ELEMENTS (plain), a);
  hash_row ("person", id, FALSE, reordered, G_N_ELEMENTS (reordered), b);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
  hash_row ("person", id, FALSE, with_null, G_N_ELEMENTS (with_null), b);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
  hash_row ("person", id, FALSE, with_default, G_N_ELEMENTS (with_default), b);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
  hash_row ("person", id, FALSE, with_skipped, G_N_ELEMENTS (with_skipped), b);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
  hash_row ("person", id, TRUE, plain, G_N_ELEMENTS (plain), b);
  g_assert_true (memcmp (a, b, sizeof a) != 0);
  hash_row ("person", id, FALSE, other, G_N_ELEMENTS (other), b);
  g_assert_true (memcmp (a, b, sizeof a) != 0);

  /* History keeps its times; the dossier's folded state never counts. */
  g_assert_true (xaso_sync_digest_field_counts ("audit_event", "created_at"));
  g_assert_false (xaso_sync_digest_field_counts ("person", "created_at"));
  g_assert_false (xaso_sync_digest_field_counts ("dossier", "status"));
  g_assert_true (xaso_sync_digest_field_counts ("dossier", "applicant_name"));
  /* Nor does a document's: every column its fold owns, and only those. */
  for (guint f = 0; f < XASO_DOCUMENT_FOLD_N_FIELDS; f++)
    g_assert_false (xaso_sync_digest_field_counts ("document", xaso_document_fold_column (f)));
  g_assert_true (xaso_sync_digest_field_counts ("document", "subject"));
  g_assert_true (xaso_sync_digest_field_counts ("document", "number"));

  g_assert_cmpstr (one, ==, "1");
  g_assert_cmpstr (half, ==, "0.5");
  g_assert_cmpstr (big, ==, "20260102");
}

static void
test_buckets_and_sums (void)
{
  const char *id = "0190aaaa-0000-7000-8000-000000000002";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id, -1);
  XasoSyncDigestSum sum = { 0 };
  guint8 a[XASO_SYNC_DIGEST_HASH_SIZE];
  g_autofree char *empty = xaso_sync_digest_sum_hex (&sum);
  g_autofree char *back = NULL;
  char first[3] = { sha[0], sha[1], '\0' };

  g_assert_cmpuint (xaso_sync_digest_bucket (id), ==, (guint) g_ascii_strtoull (first, NULL, 16));
  hash_row ("person", id, FALSE, NULL, 0, a);
  xaso_sync_digest_sum_add (&sum, a);
  xaso_sync_digest_sum_add (&sum, a);
  back = xaso_sync_digest_sum_hex (&sum);
  g_assert_cmpint (sum.rows, ==, 2);
  g_assert_cmpstr (back, ==, empty);    /* XOR: a row twice cancels out, the count does not */
  g_assert_cmpuint (strlen (empty), ==, 64);
}

/* A declared default as the digest writes it: a quoted string unquoted, a
 * number as it stands; NULL for an expression. */
static char *
default_text (const char *declared)
{
  gsize n = strlen (declared);

  if (n >= 2 && declared[0] == '\'' && declared[n - 1] == '\'')
    return g_strndup (declared + 1, n - 2);
  if (g_ascii_isdigit (declared[0]))
    return xaso_sync_digest_number (g_ascii_strtod (declared, NULL));
  return NULL;
}

static void
test_defaults_match_schema (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xaso-digest-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "xaso.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open (path, &error);
  const char * const *tables = xaso_sync_get_tables ();
  guint schema_defaults = 0, codec_defaults = 0;

  g_assert_no_error (error);
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name, dflt_value FROM pragma_table_info('%s')", tables[t]);
      sqlite3_stmt *stmt = xaso_database_prepare (db, sql, &error);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          const char *declared = (const char *) sqlite3_column_text (stmt, 1);
          g_autofree char *want = declared != NULL ? default_text (declared) : NULL;

          if (!xaso_sync_digest_field_counts (tables[t], name))
            continue;
          if (want != NULL)
            schema_defaults++;
          if (xaso_sync_digest_field_default (tables[t], name) != NULL)
            codec_defaults++;
          g_assert_cmpstr (xaso_sync_digest_field_default (tables[t], name), ==, want);
        }
      sqlite3_reset (stmt);
    }
  g_assert_cmpuint (codec_defaults, ==, schema_defaults);
  g_assert_cmpuint (schema_defaults, >, 20);
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/digest/definition", test_definition);
  g_test_add_func ("/sync/digest/rules", test_rules);
  g_test_add_func ("/sync/digest/buckets-and-sums", test_buckets_and_sums);
  g_test_add_func ("/sync/digest/defaults-match-schema", test_defaults_match_schema);
  return g_test_run ();
}
