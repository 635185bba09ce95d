/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-audit.h"
#include "xaso-csv-prefetch.h"
#include "xaso-household.h"
#include "xaso-person-csv.h"
#include "xaso-person.h"
#include "xaso-uuid.h"

/* The columns of a person file. "household_code" links to (or creates) a
 * household by its number; the other names are the person's fields. */
static const char * const csv_columns[] = {
  "id", "full_name", "birth_date", "sex", "id_number", "old_id_number", "id_issued_date", "ethnicity",
  "religion", "nationality", "hometown", "occupation", "phone", "household_code", "relation_to_head",
  "hamlet", "permanent_address", "current_address", "status", "death_date", "notes", NULL
};

static int
person_field (const char *column)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_PERSON);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].column, column))
      return i;
  return -1;
}

static gboolean
read_header (XasoCsvReader  *reader,
             int            *map,
             guint          *n_columns,
             GError        **error)
{
  g_autoptr(GPtrArray) header = NULL;

  if (!xaso_csv_reader_next (reader, &header, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      return FALSE;
    }
  *n_columns = header->len;
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_ptr_array_index (header, i);

      map[i] = -1;
      for (guint c = 0; csv_columns[c]; c++)
        if (g_str_equal (name, csv_columns[c]))
          map[i] = c;
      if (map[i] < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Line 1: unknown column “%s”. The columns are: %s."), name,
                       "id, full_name, birth_date, sex, id_number, …");
          return FALSE;
        }
    }
  return TRUE;
}

static XasoHousehold *
find_household (XasoDatabase  *db,
                GHashTable    *made,
                const char    *code,
                XasoPerson    *person,
                GError       **error)
{
  XasoHousehold *household = g_hash_table_lookup (made, code);
  sqlite3_stmt *stmt;

  if (household != NULL)
    return g_object_ref (household);
  stmt = xaso_database_prepare (db, "SELECT id FROM household WHERE commune_code = ? AND code = ? AND deleted = 0",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup (xaso_column_text (stmt, 0));

      sqlite3_reset (stmt);
      household = xaso_household_load (db, id, error);
    }
  else
    {
      /* A household the file introduces: it lives where its first member does. */
      sqlite3_reset (stmt);
      household = xaso_household_new ();
      xaso_household_set (household, XASO_HOUSEHOLD_CODE, code);
      xaso_household_set (household, XASO_HOUSEHOLD_HAMLET, xaso_person_get (person, XASO_PERSON_HAMLET));
      xaso_household_set (household, XASO_HOUSEHOLD_ADDRESS, xaso_person_get (person, XASO_PERSON_PERMANENT_ADDRESS));
    }
  if (household != NULL)
    g_hash_table_insert (made, g_strdup (code), g_object_ref (household));
  return household;
}

static const char *
normalize_sex (const char *value)
{
  g_autofree char *lower = value ? g_utf8_strdown (value, -1) : NULL;

  if (lower == NULL || lower[0] == '\0')
    return NULL;
  if (g_str_equal (lower, "male") || g_str_equal (lower, "nam"))
    return "male";
  if (g_str_equal (lower, "female") || g_str_equal (lower, "nữ"))
    return "female";
  return value;
}

static gboolean
set_value (XasoPerson  *person,
           const char  *column,
           const char  *value,
           GError     **error)
{
  int field = person_field (column);

  if (field < 0)
    return TRUE;
  if (value != NULL && value[0] != '\0' &&
      (field == XASO_PERSON_BIRTH_DATE || field == XASO_PERSON_DEATH_DATE || field == XASO_PERSON_ID_ISSUED_DATE))
    {
      g_autofree char *date = xaso_parse_user_date (value, error);

      if (date == NULL)
        return FALSE;
      xaso_person_set (person, field, date);
      return TRUE;
    }
  xaso_person_set (person, field, field == XASO_PERSON_SEX ? normalize_sex (value) : value);
  return TRUE;
}

typedef struct
{
  int   map[XASO_CSV_MAX_FIELDS];
  guint n_columns;
} Columns;

/* Puts the row's values in the person, except its id and household. */
static gboolean
fill_person (XasoPerson     *person,
             GPtrArray      *row,
             const Columns  *columns,
             GError        **error)
{
  for (guint i = 0; i < row->len; i++)
    {
      const char *column = csv_columns[columns->map[i]];

      if (!g_str_equal (column, "household_code") && !g_str_equal (column, "id") &&
          !set_value (person, column, g_ptr_array_index (row, i), error))
        return FALSE;
    }
  return TRUE;
}

static const char *
row_value (GPtrArray     *row,
           const Columns *columns,
           const char    *name)
{
  for (guint i = 0; i < row->len; i++)
    if (g_str_equal (csv_columns[columns->map[i]], name))
      return g_ptr_array_index (row, i);
  return "";
}

/* A row read ahead: a new person is made on the reading thread; a row that
 * names a recorded person by its id is filled in when it is written. */
typedef struct
{
  GPtrArray  *row;
  XasoPerson *person;
} PreparedRow;

static void
prepared_row_free (gpointer data)
{
  PreparedRow *prepared = data;

  g_ptr_array_unref (prepared->row);
  g_clear_object (&prepared->person);
  g_free (prepared);
}

static gpointer
prepare_row (GPtrArray  *row,
             gpointer    data,
             GError    **error)
{
  const Columns *columns = data;
  g_autoptr(XasoPerson) person = NULL;
  PreparedRow *prepared;

  if (row->len != columns->n_columns)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("it has %u columns but the header has %u"), row->len, columns->n_columns);
      return NULL;
    }
  if (row_value (row, columns, "id")[0] == '\0')
    {
      person = xaso_person_new ();
      if (!fill_person (person, row, columns, error))
        return NULL;
    }
  prepared = g_new0 (PreparedRow, 1);
  prepared->row = g_ptr_array_ref (row);
  prepared->person = g_steal_pointer (&person);
  return prepared;
}

static gboolean
import_row (XasoDatabase   *db,
            PreparedRow    *prepared,
            const Columns  *columns,
            GHashTable     *households,
            const char     *actor,
            GError        **error)
{
  const char *household_code = row_value (prepared->row, columns, "household_code");
  g_autoptr(XasoPerson) person = g_steal_pointer (&prepared->person);
  g_autoptr(XasoHousehold) household = NULL;

  if (person == NULL)
    {
      person = xaso_person_load (db, row_value (prepared->row, columns, "id"), error);
      if (person == NULL || !fill_person (person, prepared->row, columns, error))
        return FALSE;
    }
  if (household_code[0] == '\0')
    return xaso_record_save (XASO_RECORD (person), db, actor, error);

  household = find_household (db, households, household_code, person, error);
  if (household == NULL)
    return FALSE;
  xaso_person_set (person, XASO_PERSON_HOUSEHOLD_ID, xaso_record_get_id (XASO_RECORD (household)));
  if (g_strcmp0 (xaso_person_get (person, XASO_PERSON_RELATION_TO_HEAD), XASO_RELATION_HEAD) == 0)
    xaso_household_set (household, XASO_HOUSEHOLD_HEAD_PERSON_ID, xaso_record_get_id (XASO_RECORD (person)));
  if ((xaso_record_is_new (XASO_RECORD (household)) || xaso_record_is_changed (XASO_RECORD (household))) &&
      !xaso_record_save (XASO_RECORD (household), db, actor, error))
    return FALSE;
  return xaso_record_save (XASO_RECORD (person), db, actor, error);
}

static gboolean
line_error (GError **error,
            guint    line,
            GError  *row_error)
{
  if (line == 0)
    g_propagate_error (error, row_error);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Line %u: %s"), line, row_error->message);
      g_error_free (row_error);
    }
  return FALSE;
}

/* Rows are read and made into persons on a thread of their own while this
 * one writes them; cancelling is heard between batches of rows. */
static gboolean
import_rows (XasoDatabase   *db,
             XasoCsvReader  *reader,
             const char     *actor,
             guint          *n_rows,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GHashTable) households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autofree Columns *columns = g_new0 (Columns, 1);
  g_autoptr(XasoCsvPrefetch) rows = NULL;
  gpointer item;
  guint line = 0;
  GError *row_error = NULL;

  if (!read_header (reader, columns->map, &columns->n_columns, error))
    return FALSE;
  rows = xaso_csv_prefetch_new (reader, prepare_row, columns, prepared_row_free);
  while (xaso_csv_prefetch_next (rows, &item, &line, &row_error))
    {
      gboolean written = import_row (db, item, columns, households, actor, &row_error);

      prepared_row_free (item);
      if (!written)
        return line_error (error, line, row_error);
      if (++(*n_rows) % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (row_error != NULL)
    return line_error (error, line, row_error);
  return TRUE;
}

gboolean
xaso_person_csv_import (XasoDatabase      *db,
                        GInputStream      *input,
                        const char        *actor,
                        guint             *n_rows,
                        XasoTextDecoding  *decoding,
                        GCancellable      *cancellable,
                        GError           **error)
{
  XasoTextDecoding local_decoding;
  g_autoptr(XasoCsvReader) reader = NULL;
  g_autofree char *detail = NULL;
  guint count = 0;

  reader = xaso_csv_reader_new_decoded (input, decoding ? decoding : &local_decoding, cancellable, error);
  if (reader == NULL)
    return FALSE;
  if (!xaso_database_begin (db, error))
    return FALSE;
  /* Cancelling is heard up to the commit, so that a cancelled import is
   * one that kept nothing. */
  if (!xaso_database_defer_search_index (db, error) ||
      !import_rows (db, reader, actor, &count, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !xaso_database_index_deferred (db, error))
    goto fail;
  detail = g_strdup_printf ("%u", count);
  if (!xaso_audit_append (db, actor, XASO_AUDIT_IMPORT, "person", NULL, NULL, detail, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !xaso_database_commit (db, error))
    goto fail;
  if (n_rows != NULL)
    *n_rows = count;
  return TRUE;

fail:
  xaso_database_rollback (db);
  xaso_database_index_deferred (db, NULL);  /* only ends the deferral */
  return FALSE;
}

static void
export_row (GString      *out,
            sqlite3_stmt *stmt)
{
  const char *fields[G_N_ELEMENTS (csv_columns)];
  guint n = G_N_ELEMENTS (csv_columns) - 1;

  for (guint i = 0; i < n; i++)
    fields[i] = sqlite3_column_text (stmt, i) ? xaso_column_text (stmt, i) : "";
  xaso_csv_write_row (out, fields, n);
}

gboolean
xaso_person_csv_export (XasoDatabase   *db,
                        GOutputStream  *output,
                        const char     *actor,
                        const char     *purpose,
                        guint          *n_rows,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *detail = NULL;
  guint count = 0;
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT p.id, full_name, birth_date, sex, id_number, old_id_number, id_issued_date, ethnicity, religion, "
    "nationality, hometown, occupation, phone, h.code, relation_to_head, p.hamlet, permanent_address, "
    "current_address, status, death_date, p.notes FROM person p LEFT JOIN household h ON h.id = p.household_id "
    "WHERE p.commune_code = ? AND p.deleted = 0 ORDER BY p.sort_key, p.name_folded, p.rowid", error);

  if (stmt == NULL)
    return FALSE;
  xaso_csv_write_bom (out);
  xaso_csv_write_row (out, csv_columns, G_N_ELEMENTS (csv_columns) - 1);
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      export_row (out, stmt);
      count++;
      if (out->len > 1 << 20)
        {
          if (!g_output_stream_write_all (output, out->str, out->len, NULL, cancellable, error))
            break;
          g_string_truncate (out, 0);
        }
    }
  sqlite3_reset (stmt);
  if ((error != NULL && *error != NULL) ||
      !g_output_stream_write_all (output, out->str, out->len, NULL, cancellable, error))
    return FALSE;
  /* Exporting personal data is logged, with how many records left. */
  detail = g_strdup_printf ("%u", count);
  if (!xaso_audit_append (db, actor, XASO_AUDIT_EXPORT, "person", NULL, purpose, detail, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = count;
  return TRUE;
}
