/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-demo.h"
#include "xaso-fold.h"
#include "xaso-person-search-private.h"
#include "xaso-test-util.h"

/* What search as you type must show, checked against the demo commune by
 * brute force: every person whose fields hold the words, persons whose
 * full name begins with the text first, then the others, each tier in the
 * Vietnamese order (given name first); the first screen is the beginning of the whole list
 * whichever way core found it. */

typedef struct
{
  gint64    rowid;
  char     *name;
  char     *sort_key;
  gboolean  first_tier;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row->sort_key);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;
  int order;

  if (x->first_tier != y->first_tier)
    return x->first_tier ? -1 : 1;
  order = strcmp (x->sort_key, y->sort_key);
  return order != 0 ? order : (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

static gboolean
row_matches (const char * const *words,
             sqlite3_stmt       *stmt,
             const char         *sex)
{
  if (sex != NULL && g_strcmp0 (sex, xaso_column_text (stmt, 5)) != 0)
    return FALSE;
  for (int column = 1; column <= 3; column++)
    if (xaso_fold_words_start_words (words, xaso_column_text (stmt, column)))
      return TRUE;
  return FALSE;
}

static GArray *
expected_rowids (XasoDatabase *db,
                 const char   *text,
                 const char   *sex)
{
  g_auto(GStrv) words = xaso_fold_query_words (text);
  g_autofree char *joined = g_strjoinv (" ", words);
  g_autofree char *prefix = g_strconcat (joined, g_str_has_suffix (text, " ") ? " " : "", NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT rowid, name_folded, id_number, address_folded, sort_key, sex FROM person WHERE deleted = 0", NULL);

  g_array_set_clear_func (rows, row_clear);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row row = { sqlite3_column_int64 (stmt, 0), g_strdup (xaso_column_text (stmt, 1)),
                  g_strdup (xaso_column_text (stmt, 4)), FALSE };

      if (!row_matches ((const char * const *)words, stmt, sex))
        {
          row_clear (&row);
          continue;
        }
      row.first_tier = g_str_has_prefix (row.name, prefix);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (rowids, g_array_index (rows, Row, i).rowid);
  return rowids;
}

static GArray *
search (XasoDatabase *db,
        const char   *text,
        XasoSex       sex,
        guint         limit)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(GError) error = NULL;
  GArray *rowids;

  filter->text = g_strdup (text);
  filter->sex = sex;
  rowids = xaso_person_search_rowids (db, filter, limit, NULL, &error);
  g_assert_no_error (error);
  return rowids;
}

static void
assert_begins (GArray *whole,
               GArray *part,
               guint   limit)
{
  g_assert_cmpuint (part->len, ==, MIN (whole->len, limit));
  g_assert_cmpmem (part->data, part->len * sizeof (gint64), whole->data, part->len * sizeof (gint64));
}

static void
check_query (XasoDatabase *db,
             const char   *text,
             XasoSex       sex)
{
  const char *sex_name = sex == XASO_SEX_FEMALE ? "female" : sex == XASO_SEX_MALE ? "male" : NULL;
  g_autoptr(GArray) expected = expected_rowids (db, text, sex_name);
  g_autoptr(GArray) whole = search (db, text, sex, 0);
  const guint limits[] = { 1, 7, 50, 100 };

  g_test_message ("“%s”: %u matches", text, expected->len);
  g_assert_cmpmem (whole->data, whole->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GArray) screen = search (db, text, sex, limits[i]);

      assert_begins (expected, screen, limits[i]);
    }
}

static const char * const queries[] = {
  "n", "nguyen", "nguyen ", "nguyen van", "nguyen van a", "nguyen thi thu h", "thi nguyen", "van nguyen th",
  "nguyen nguyen", "tran thi tr", "ap", "tan lap", "0", "079", "y", "h", "thi", "an ", "lap nguyen", "zzz",
};

static void
check_every_query (XasoDatabase *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    check_query (db, queries[i], XASO_SEX_UNKNOWN);
  check_query (db, "nguyen", XASO_SEX_FEMALE);
  check_query (db, "thi nguyen", XASO_SEX_MALE);
}

static XasoDatabase *
open_demo (void)
{
  g_autofree char *path = xaso_test_temp_path ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDatabase) db = xaso_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (xaso_demo_generate (db, XASO_DEMO_SMALL, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* With the bounds core ships, a commune of 20,000 gathers the narrow
 * queries and walks the broad ones; with lowered bounds, the walks run
 * out and fall back to gathering everything. Every way gives the same. */
static void
test_matches_brute_force (void)
{
  g_autoptr(XasoDatabase) db = open_demo ();

  check_every_query (db);
  _xaso_person_search_set_bounds (20, 60);
  check_every_query (db);
  _xaso_person_search_set_bounds (3000, 20000);
}

static void
save_named (XasoDatabase *db,
            const char   *name,
            const char   *hamlet)
{
  g_autoptr(XasoPerson) person = xaso_person_new ();
  g_autoptr(GError) error = NULL;

  xaso_person_set (person, XASO_PERSON_FULL_NAME, name);
  xaso_person_set (person, XASO_PERSON_HAMLET, hamlet);
  g_assert_true (xaso_record_save (XASO_RECORD (person), db, "tester", &error));
  g_assert_no_error (error);
}

static char *
name_at (XasoDatabase *db,
         GArray       *rowids,
         guint         i)
{
  g_autoptr(GPtrArray) persons = xaso_record_load_rowids (XASO_TYPE_PERSON, db, &g_array_index (rowids, gint64, i), 1, NULL);

  return g_strdup (xaso_person_get (g_ptr_array_index (persons, 0), XASO_PERSON_FULL_NAME));
}

static void
test_name_beginning_first (void)
{
  g_autofree char *path = xaso_test_temp_path ("tiers.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  const char * const expected[] = {
    "Nguyễn Văn An", "Nguyễn Văn Bình",   /* the name begins so, in name order */
    "Trần Nguyễn Văn Ánh",                 /* then the words elsewhere, given name first: */
    "Hoàng Thị Hoa",                       /* in the address */
    "Lê Văn Nguyên", "Nguyễn Thị Vân",     /* in another order; "van" begins Vân */
  };
  g_autoptr(GArray) found = NULL;

  save_named (db, "Lê Văn Nguyên", NULL);
  save_named (db, "Nguyễn Văn Bình", NULL);
  save_named (db, "Hoàng Thị Hoa", "Ấp Nguyễn Văn Trỗi");
  save_named (db, "Trần Nguyễn Văn Ánh", NULL);
  save_named (db, "Nguyễn Văn An", NULL);
  save_named (db, "Nguyễn Thị Vân", NULL);
  save_named (db, "Phạm Văn Bảy", "Ấp Nguyên Hòa");  /* name and address mixed: not found */
  found = search (db, "nguyen van", XASO_SEX_UNKNOWN, 0);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = name_at (db, found, i);

      g_assert_cmpstr (name, ==, expected[i]);
    }
}

static void
test_repeated_word_needs_two_words (void)
{
  g_autofree char *path = xaso_test_temp_path ("repeat.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GArray) found = NULL;
  g_autofree char *name = NULL;

  save_named (db, "Nguyễn Nguyên Nhân", NULL);
  save_named (db, "Nguyễn Văn Nhân", NULL);
  found = search (db, "nhan nguyen nguyen", XASO_SEX_UNKNOWN, 0);
  g_assert_cmpuint (found->len, ==, 1);
  name = name_at (db, found, 0);
  g_assert_cmpstr (name, ==, "Nguyễn Nguyên Nhân");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/person-search/name-beginning-first", test_name_beginning_first);
  g_test_add_func ("/person-search/repeated-word-needs-two-words", test_repeated_word_needs_two_words);
  g_test_add_func ("/person-search/matches-brute-force", test_matches_brute_force);
  return g_test_run ();
}
