/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-collate.h"
#include "xaso-legacy.h"
#include "xaso-person-csv.h"
#include "xaso-record-list.h"
#include "xaso-person-search-private.h"
#include "xaso-test-util.h"

/* Vietnamese text as commune offices have it, through the citizens'
 * records: one Unicode form, old encodings imported, the register order. */

#define LAC_NFD "Tra\xcc\x82\xcc\x80n Thi\xcc\xa3 Quy\xcc\x80nh Ngo\xcc\xa3" "c La\xcc\xa3" "c"
#define LAC_NFC "Trần Thị Quỳnh Ngọc Lạc"

static XasoPerson *
save_person (XasoDatabase *db,
             const char   *name,
             const char   *birth,
             const char   *hamlet)
{
  g_autoptr(GError) error = NULL;
  XasoPerson *p = xaso_person_new ();

  xaso_person_set (p, XASO_PERSON_FULL_NAME, name);
  xaso_person_set (p, XASO_PERSON_BIRTH_DATE, birth);
  xaso_person_set (p, XASO_PERSON_HAMLET, hamlet);
  g_assert_true (xaso_record_save (XASO_RECORD (p), db, "tester", &error));
  g_assert_no_error (error);
  return p;
}

static gboolean
import (XasoDatabase      *db,
        const char        *bytes,
        gsize              len,
        XasoTextDecoding  *decoding,
        GError           **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (bytes, len, NULL);
  guint n = 0;

  return xaso_person_csv_import (db, in, "tester", &n, decoding, NULL, error);
}

static void
test_nfd_and_nfc_stored_alike (void)
{
  g_autofree char *path = xaso_test_temp_path ("nfc.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) typed = save_person (db, LAC_NFD, "1990", "Thôn Đông");
  static const char csv[] = "full_name,birth_date,hamlet\n" LAC_NFD ",1991,Tho\xcc\x82n \xc4\x90o\xcc\x82ng\n";
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (xaso_person_get (typed, XASO_PERSON_FULL_NAME), ==, LAC_NFC);
  g_assert_true (import (db, csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person WHERE full_name = '" LAC_NFC "'"), ==, 2);
  g_assert_cmpint (xaso_test_count (db, "SELECT max(length(full_name)) FROM person"), ==, 23);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person WHERE hamlet = 'Thôn Đông'"), ==, 2);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(DISTINCT sort_key) FROM person"), ==, 1);
}

static void
test_namesakes_found_across_forms (void)
{
  g_autofree char *path = xaso_test_temp_path ("namesake.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) first = save_person (db, LAC_NFC, "1990-03-04", NULL);
  g_autoptr(XasoPerson) again = xaso_person_new ();
  g_autoptr(XasoPerson) other = xaso_person_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  xaso_person_set (again, XASO_PERSON_FULL_NAME, "TRA\xcc\x82\xcc\x80N  thi\xcc\xa3 Quy\xcc\x80nh Ngo\xcc\xa3" "c La\xcc\xa3" "c");
  xaso_person_set (again, XASO_PERSON_BIRTH_DATE, "1990");
  found = xaso_person_find_namesakes (again, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (xaso_record_get_id (g_ptr_array_index (found, 0)), ==, xaso_record_get_id (XASO_RECORD (first)));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Another birth date, or another tone, is another person. */
  xaso_person_set (again, XASO_PERSON_BIRTH_DATE, "1991");
  found = xaso_person_find_namesakes (again, db, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  xaso_person_set (other, XASO_PERSON_FULL_NAME, "Trần Thị Quỳnh Ngọc Lắc");
  found = xaso_person_find_namesakes (other, db, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* A record is not its own namesake. */
  found = xaso_person_find_namesakes (first, db, NULL);
  g_assert_cmpuint (found->len, ==, 0);
}

static const char * const csv_names[] = {
  "Nguyễn Văn An", "Trần Thị Quỳnh Ngọc Lạc", "Phạm Đức Thắng", "Lê Thị Hường", "Đặng Văn Dũng",
};

static char *
csv_in (XasoEncoding encoding)
{
  GString *csv = g_string_new ("full_name,hamlet,occupation\r\n");

  for (guint i = 0; i < G_N_ELEMENTS (csv_names); i++)
    {
      g_autofree char *row = g_strdup_printf ("%s,Thôn Đông,Nông dân\r\n", csv_names[i]);
      gsize len = 0;
      g_autofree char *bytes = xaso_legacy_encode (encoding, row, &len, NULL);

      g_assert_nonnull (bytes);
      g_string_append_len (csv, bytes, len);
    }
  return g_string_free (csv, FALSE);
}

static void
test_csv_in_each_encoding (void)
{
  static const XasoEncoding encodings[] = {
    XASO_ENCODING_UTF8, XASO_ENCODING_TCVN3, XASO_ENCODING_VNI, XASO_ENCODING_CP1258,
  };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autofree char *path = xaso_test_temp_path ("encodings.db");
      g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
      g_autofree char *csv = csv_in (encodings[e]);
      g_autoptr(GError) error = NULL;
      XasoTextDecoding decoding;

      g_assert_true (import (db, csv, strlen (csv), &decoding, &error));
      g_assert_no_error (error);
      g_assert_cmpint (decoding.file_encoding, ==, encodings[e]);
      g_assert_cmpuint (decoding.n_lines_converted, ==, e == 0 ? 0 : G_N_ELEMENTS (csv_names));
      for (guint i = 0; i < G_N_ELEMENTS (csv_names); i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person WHERE full_name = '%s' "
                                                  "AND hamlet = 'Thôn Đông' AND occupation = 'Nông dân'",
                                                  csv_names[i]);

          g_assert_cmpint (xaso_test_count (db, sql), ==, 1);
        }
    }
}

static void
test_csv_mixed_refused (void)
{
  g_autofree char *path = xaso_test_temp_path ("mixed.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *tcvn3 = csv_in (XASO_ENCODING_TCVN3);
  g_autofree char *vni = csv_in (XASO_ENCODING_VNI);
  g_autofree char *mixed = g_strconcat (tcvn3, strchr (vni, '\n') + 1, NULL);
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;

  g_assert_false (import (db, mixed, strlen (mixed), &decoding, &error));
  g_assert_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_MIXED);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 0);
}

/* A cancelled import keeps nothing and says it was cancelled. */
static void
test_csv_cancelled_keeps_nothing (void)
{
  g_autofree char *path = xaso_test_temp_path ("cancel.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *csv = csv_in (XASO_ENCODING_TCVN3);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, strlen (csv), NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_cancellable_cancel (cancellable);
  g_assert_false (xaso_person_csv_import (db, in, "tester", &n, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person_fts"), ==, 0);
}

/* The forty names, saved in a shuffled order. */
static XasoDatabase *
open_register (const char *file)
{
  g_autofree char *path = xaso_test_temp_path (file);
  XasoDatabase *db = xaso_test_open_commune (path);
  g_autoptr(GPtrArray) names = xaso_test_register_order ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  while (names->len > 0)
    {
      guint i = g_rand_int_range (rand, 0, names->len);
      g_autoptr(XasoPerson) p = save_person (db, g_ptr_array_index (names, i), NULL, "Thôn Đông");

      g_ptr_array_remove_index_fast (names, i);
    }
  return db;
}

/* The list holds the register's names (the Nguyễn only, when asked) in
 * their order, all of them or the first @limit. */
static void
assert_in_register_order (GListModel *persons,
                          guint       limit,
                          gboolean    only_nguyen)
{
  g_autoptr(GPtrArray) expected = xaso_test_register_order ();
  guint n = 0;

  for (guint i = 0; i < expected->len && (limit == 0 || n < limit); i++)
    {
      const char *name = g_ptr_array_index (expected, i);
      g_autoptr(XasoPerson) p = NULL;

      if (only_nguyen && !g_str_has_prefix (name, "Nguyễn"))
        continue;
      p = g_list_model_get_item (persons, n++);
      g_assert_nonnull (p);
      g_assert_cmpstr (xaso_person_get (p, XASO_PERSON_FULL_NAME), ==, name);
    }
  g_assert_cmpuint (g_list_model_get_n_items (persons), ==, n);
}

static void
assert_search_order (XasoDatabase *db,
                     const char   *text,
                     guint         limit,
                     gboolean     only_nguyen)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(XasoRecordList) list = xaso_record_list_new (XASO_TYPE_PERSON, db);

  filter->text = g_strdup (text);
  xaso_record_list_set_rowids (list, xaso_person_search_rowids (db, filter, limit, NULL, NULL));
  assert_in_register_order (G_LIST_MODEL (list), limit, only_nguyen);
}

static void
test_register_order (void)
{
  g_autoptr(XasoDatabase) db = open_register ("order.db");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) expected = xaso_test_register_order ();
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  /* The person list: everyone, a search on the hamlet (second tier), a
   * surname typed (first tier), whole lists and first screens. */
  assert_search_order (db, NULL, 0, FALSE);
  assert_search_order (db, NULL, 50, FALSE);
  assert_search_order (db, "thon dong", 0, FALSE);
  assert_search_order (db, "thôn đông", 50, FALSE);
  assert_search_order (db, "nguyen", 0, TRUE);
  assert_search_order (db, "Nguyễn", 50, TRUE);

  /* The export. */
  g_assert_true (xaso_person_csv_export (db, out, "tester", "test", &n, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  lines = g_strsplit (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), "\r\n", -1);
  for (guint i = 0; i < expected->len; i++)
    g_assert_nonnull (strstr (lines[i + 1], g_ptr_array_index (expected, i)));
}

/* A broad first tier is walked along the order index rather than gathered;
 * it must give the same order. */
static void
test_register_order_when_walked (void)
{
  g_autoptr(XasoDatabase) db = open_register ("walk.db");

  _xaso_person_search_set_bounds (2, 20000);
  assert_search_order (db, "nguyen", 3, TRUE);
  assert_search_order (db, "thon", 50, FALSE);
  _xaso_person_search_set_bounds (3000, 20000);
}

/* A database written before this version, with a decomposed name and keys
 * of the folded order, is brought up to date when it is opened: the name
 * in NFC with an op for sync, the keys remade. */
static void
test_upgrade_normalizes_with_ops (void)
{
  g_autofree char *path = xaso_test_temp_path ("upgrade.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) p = save_person (db, "Nguyễn Văn An", NULL, NULL);
  g_autofree char *id = g_strdup (xaso_record_get_id (XASO_RECORD (p)));
  g_autofree char *key = xaso_collate_name_key ("Nguyễn Văn An");
  g_autofree char *sql = g_strdup_printf ("UPDATE person SET full_name = '%s', sort_key = 'an nguyen van an' "
                                          "WHERE id = '%s'", LAC_NFD, id);
  g_autofree char *name = NULL;
  g_autofree char *stored_key = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_database_exec (db, sql, NULL));
  /* The previous version's indexes and state. */
  g_assert_true (xaso_database_exec (db, "DROP INDEX person_order; DROP INDEX person_hamlet; "
                                         "CREATE INDEX person_sort ON person (commune_code, sort_key); "
                                         "CREATE INDEX person_hamlet ON person (commune_code, hamlet, sort_key); "
                                         "PRAGMA user_version = 6; DELETE FROM sync_state WHERE key = 'collation'; "
                                         "DELETE FROM outbox", NULL));
  g_clear_object (&db);

  db = xaso_database_open (path, &error);
  g_assert_no_error (error);
  name = xaso_test_string (db, "SELECT full_name FROM person");
  g_assert_cmpstr (name, ==, LAC_NFC);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE actor = 'xaso-upgrade' "
                                        "AND kind = 'update' AND fields LIKE '%full_name%'"), ==, 1);
  stored_key = xaso_test_string (db, "SELECT sort_key FROM person");
  g_clear_pointer (&key, g_free);
  key = xaso_collate_name_key (LAC_NFC);
  g_assert_cmpstr (stored_key, ==, key);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citizens/text/nfd-and-nfc-stored-alike", test_nfd_and_nfc_stored_alike);
  g_test_add_func ("/citizens/text/namesakes-found-across-forms", test_namesakes_found_across_forms);
  g_test_add_func ("/citizens/text/csv-in-each-encoding", test_csv_in_each_encoding);
  g_test_add_func ("/citizens/text/csv-mixed-refused", test_csv_mixed_refused);
  g_test_add_func ("/citizens/text/csv-cancelled-keeps-nothing", test_csv_cancelled_keeps_nothing);
  g_test_add_func ("/citizens/text/register-order", test_register_order);
  g_test_add_func ("/citizens/text/register-order-when-walked", test_register_order_when_walked);
  g_test_add_func ("/citizens/text/upgrade-normalizes-with-ops", test_upgrade_normalizes_with_ops);

  return g_test_run ();
}
