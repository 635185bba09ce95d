/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-change.h"
#include "xaso-database-private.h"
#include "xaso-hlc.h"
#include "xaso-uuid.h"

/* A value as SQLite holds it. A bulk import sets a dozen per row, so they
 * are plain structs rather than JSON nodes. */
typedef enum
{
  VALUE_NULL,
  VALUE_TEXT,
  VALUE_INT,
  VALUE_DOUBLE,
} ValueType;

typedef struct
{
  ValueType  type;
  char      *text;
  gint64     integer;
  double     real;
} Value;

typedef struct
{
  const char *name;       /* interned */
  Value       value;
  Value       old_value;
  gint64      base;
} Field;

struct _XasoChange
{
  XasoChangeKind kind;
  char          *table;
  char          *row_id;
  GArray        *fields;    /* Field */
  guint          n_changed;
  char          *resolves;  /* JSON array of the conflicts this change settles, or NULL */
};

/* Only these tables are written through change capture; field names are
 * checked against the table's columns so no text from outside ever reaches
 * the SQL. */
static const char * const captured_tables[] = {
  "person", "household", "civil_status_event", "procedure", "dossier", "dossier_event",
  "register", "document", "document_event", "attachment", "audit_event", "calendar_day",
  "user", "dossier_code_block", NULL
};

/* Append-only history has its own time column and is never updated. */
static const char * const history_tables[] = {
  "dossier_event", "document_event", "audit_event", NULL
};

const char * const *
xaso_change_get_tables (void)
{
  return captured_tables;
}

gboolean
xaso_change_table_is_history (const char *table)
{
  return g_strv_contains (history_tables, table);
}

static gboolean
has_timestamps (const char *table)
{
  return !xaso_change_table_is_history (table);
}

static void
clear_field (gpointer data)
{
  Field *f = data;

  g_free (f->value.text);
  g_free (f->old_value.text);
}

XasoChange *
xaso_change_new (XasoChangeKind  kind,
                 const char     *table,
                 const char     *row_id)
{
  XasoChange *self;

  g_return_val_if_fail (g_strv_contains (captured_tables, table), NULL);
  g_return_val_if_fail (row_id != NULL, NULL);

  self = g_new0 (XasoChange, 1);
  self->kind = kind;
  self->table = g_strdup (table);
  self->row_id = g_strdup (row_id);
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, clear_field);
  return self;
}

void
xaso_change_free (XasoChange *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->fields);
  g_free (self->resolves);
  g_free (self->table);
  g_free (self->row_id);
  g_free (self);
}

void
xaso_change_set_resolves (XasoChange        *self,
                          const char * const *conflict_ids)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; conflict_ids[i] != NULL; i++)
    {
      g_return_if_fail (strspn (conflict_ids[i], "0123456789abcdef-") == strlen (conflict_ids[i]));
      g_string_append_printf (json, "%s\"%s\"", i ? "," : "", conflict_ids[i]);
    }
  g_string_append_c (json, ']');
  g_free (self->resolves);
  self->resolves = g_string_free (g_steal_pointer (&json), FALSE);
}

const char *
xaso_change_get_row_id (XasoChange *self)
{
  return self->row_id;
}

guint
xaso_change_get_n_changed (XasoChange *self)
{
  return self->n_changed;
}

static void
set_value (XasoChange *self,
           const char *field,
           Value       value)
{
  const char *name = g_intern_string (field);
  Field f = { name, value, { VALUE_NULL }, 0 };

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *existing = &g_array_index (self->fields, Field, i);

      if (existing->name == name)
        {
          g_free (existing->value.text);
          existing->value = value;
          return;
        }
    }
  g_array_append_val (self->fields, f);
}

void
xaso_change_set_text (XasoChange *self,
                      const char *field,
                      const char *value)
{
  Value v = { value ? VALUE_TEXT : VALUE_NULL, g_strdup (value) };

  set_value (self, field, v);
}

void
xaso_change_set_int (XasoChange *self,
                     const char *field,
                     gint64      value)
{
  Value v = { VALUE_INT, NULL, value };

  set_value (self, field, v);
}

void
xaso_change_set_double (XasoChange *self,
                        const char *field,
                        double      value)
{
  Value v = { VALUE_DOUBLE, NULL, 0, value };

  set_value (self, field, v);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Value  *value)
{
  switch (value->type)
    {
    case VALUE_NULL:
      sqlite3_bind_null (stmt, index);
      break;
    case VALUE_INT:
      sqlite3_bind_int64 (stmt, index, value->integer);
      break;
    case VALUE_DOUBLE:
      sqlite3_bind_double (stmt, index, value->real);
      break;
    case VALUE_TEXT:
      sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_STATIC);
      break;
    }
}

static Value
column_value (sqlite3_stmt *stmt,
              int           column)
{
  Value value = { VALUE_NULL };

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      break;
    case SQLITE_INTEGER:
      value.type = VALUE_INT;
      value.integer = sqlite3_column_int64 (stmt, column);
      break;
    case SQLITE_FLOAT:
      value.type = VALUE_DOUBLE;
      value.real = sqlite3_column_double (stmt, column);
      break;
    default:
      value.type = VALUE_TEXT;
      value.text = g_strdup ((const char *)sqlite3_column_text (stmt, column));
      break;
    }
  return value;
}

static double
value_number (const Value *value)
{
  return value->type == VALUE_INT ? (double) value->integer : value->real;
}

static gboolean
values_equal (const Value *a,
              const Value *b)
{
  if (a->type == VALUE_NULL || b->type == VALUE_NULL)
    return a->type == b->type;
  if (a->type == VALUE_TEXT || b->type == VALUE_TEXT)
    return a->type == b->type && strcmp (a->text, b->text) == 0;
  return value_number (a) == value_number (b);
}

/* The columns of each captured table, read once: the schema belongs to the
 * program version, so every connection sees the same. */
G_LOCK_DEFINE_STATIC (columns);
static GHashTable *table_columns;   /* table → set of column names */

static GHashTable *
columns_of (XasoDatabase  *db,
            const char    *table,
            GError       **error)
{
  g_autofree char *sql = NULL;
  GHashTable *columns;
  sqlite3_stmt *stmt;

  G_LOCK (columns);
  if (table_columns == NULL)
    table_columns = g_hash_table_new (g_str_hash, g_str_equal);
  columns = g_hash_table_lookup (table_columns, table);
  G_UNLOCK (columns);
  if (columns != NULL)
    return columns;

  sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", table);
  stmt = xaso_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  G_LOCK (columns);
  if (g_hash_table_lookup (table_columns, table) == NULL)
    g_hash_table_insert (table_columns, g_strdup (table), columns);
  else
    g_clear_pointer (&columns, g_hash_table_unref);
  columns = g_hash_table_lookup (table_columns, table);
  G_UNLOCK (columns);
  return columns;
}

GHashTable *
_xaso_change_columns (XasoDatabase  *db,
                      const char    *table,
                      GError       **error)
{
  if (!g_strv_contains (captured_tables, table))
    return NULL;
  return columns_of (db, table, error);
}

gboolean
xaso_change_table_has_column (XasoDatabase  *db,
                              const char    *table,
                              const char    *field,
                              GError       **error)
{
  GHashTable *columns = _xaso_change_columns (db, table, error);

  return columns != NULL && g_hash_table_contains (columns, field);
}

static gboolean
check_fields (XasoChange    *self,
              XasoDatabase  *db,
              GError       **error)
{
  GHashTable *columns = columns_of (db, self->table, error);

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *name = g_array_index (self->fields, Field, i).name;

      if (!g_hash_table_contains (columns, name) || g_str_equal (name, "id") ||
          g_str_equal (name, "commune_code"))
        {
          g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_SQL,
                       "No writable field “%s” in table “%s”", name, self->table);
          return FALSE;
        }
    }
  return TRUE;
}

char *
_xaso_change_insert_sql (const char         *table,
                         const char * const *columns,
                         guint               n_columns)
{
  GString *sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new ("?, ?");

  g_string_append (sql, "INSERT INTO \"");
  g_string_append (sql, table);
  g_string_append (sql, "\" (id, commune_code");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append (sql, ", \"");
      g_string_append (sql, columns[i]);
      g_string_append_c (sql, '"');
      g_string_append (marks, ", ?");
    }
  if (has_timestamps (table))
    {
      g_string_append (sql, ", created_at, updated_at");
      g_string_append (marks, ", ?, ?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);
  return g_string_free (sql, FALSE);
}

static gboolean
write_insert (XasoChange    *self,
              XasoDatabase  *db,
              const char    *now,
              GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *sql = NULL;
  gboolean has_times = has_timestamps (self->table);
  sqlite3_stmt *stmt;
  int index = 3;

  if (xaso_database_get_commune_code (db) == NULL)
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NO_COMMUNE,
                   _("This database has no commune set up yet."));
      return FALSE;
    }

  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (names, (gpointer) g_array_index (self->fields, Field, i).name);
  sql = _xaso_change_insert_sql (self->table, (const char * const *) names->pdata, names->len);
  stmt = xaso_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  for (guint i = 0; i < self->fields->len; i++)
    bind_value (stmt, index++, &g_array_index (self->fields, Field, i).value);
  if (has_times)
    {
      sqlite3_bind_text (stmt, index++, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, index++, now, -1, SQLITE_STATIC);
    }
  self->n_changed = self->fields->len;
  return xaso_database_step_done (db, stmt, error);
}

/* Reads the current values of the fields being written, and the server
 * version each field was last seen at, then drops fields that do not change. */
static gboolean
read_old_values (XasoChange    *self,
                 XasoDatabase  *db,
                 GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT deleted");
  sqlite3_stmt *stmt, *version_stmt;

  for (guint i = 0; i < self->fields->len; i++)
    g_string_append_printf (sql, ", \"%s\"", g_array_index (self->fields, Field, i).name);
  g_string_append_printf (sql, " FROM \"%s\" WHERE id = ?", self->table);

  stmt = xaso_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->row_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                   _("The record to change no longer exists."));
      return FALSE;
    }
  for (guint i = 0; i < self->fields->len; i++)
    g_array_index (self->fields, Field, i).old_value = column_value (stmt, i + 1);
  sqlite3_reset (stmt);

  version_stmt = xaso_database_prepare (db,
    "SELECT version FROM field_version WHERE table_name = ? AND row_id = ? AND field IN (?, '*') "
    "ORDER BY field = '*' LIMIT 1", error);
  if (version_stmt == NULL)
    return FALSE;
  for (guint i = self->fields->len; i > 0; i--)
    {
      Field *f = &g_array_index (self->fields, Field, i - 1);

      /* Settling a conflict by keeping the value shown still sends an op:
       * it is what tells every desktop the conflict is settled. */
      if (self->kind == XASO_CHANGE_UPDATE && self->resolves == NULL && values_equal (&f->value, &f->old_value))
        {
          g_array_remove_index (self->fields, i - 1);
          continue;
        }
      sqlite3_bind_text (version_stmt, 1, self->table, -1, SQLITE_STATIC);
      sqlite3_bind_text (version_stmt, 2, self->row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (version_stmt, 3, f->name, -1, SQLITE_STATIC);
      f->base = sqlite3_step (version_stmt) == SQLITE_ROW ? sqlite3_column_int64 (version_stmt, 0) : 0;
      sqlite3_reset (version_stmt);
    }
  return TRUE;
}

static gboolean
write_update (XasoChange    *self,
              XasoDatabase  *db,
              const char    *now,
              GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int index = 1;

  if (self->kind == XASO_CHANGE_DELETE)
    xaso_change_set_int (self, "deleted", 1);
  if (!read_old_values (self, db, error))
    return FALSE;
  self->n_changed = self->fields->len;
  if (self->n_changed == 0)
    return TRUE;

  g_string_printf (sql, "UPDATE \"%s\" SET ", self->table);
  for (guint i = 0; i < self->fields->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?", i ? ", " : "", g_array_index (self->fields, Field, i).name);
  if (has_timestamps (self->table))
    g_string_append (sql, ", updated_at = ?");
  g_string_append (sql, " WHERE id = ?");

  stmt = xaso_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->fields->len; i++)
    bind_value (stmt, index++, &g_array_index (self->fields, Field, i).value);
  if (has_timestamps (self->table))
    sqlite3_bind_text (stmt, index++, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index, self->row_id, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* Text as a JSON string: runs of plain bytes are copied at once, the few
 * that need it escaped (sort keys hold control characters). */
static void
append_json_string (GString    *out,
                    const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      g_string_append_c (out, '\\');
      if (c == '"' || c == '\\')
        g_string_append_c (out, (char) c);
      else if (c == '\n')
        g_string_append_c (out, 'n');
      else if (c == '\t')
        g_string_append_c (out, 't');
      else if (c == '\r')
        g_string_append_c (out, 'r');
      else
        {
          char escape[] = { 'u', '0', '0', hex[c >> 4], hex[c & 0xf], '\0' };

          g_string_append (out, escape);
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_json_value (GString     *out,
                   const Value *value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (value->type)
    {
    case VALUE_NULL:
      g_string_append (out, "null");
      break;
    case VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->integer);
      break;
    case VALUE_DOUBLE:
      g_string_append (out, g_ascii_dtostr (number, sizeof number, value->real));
      break;
    case VALUE_TEXT:
      append_json_string (out, value->text);
      break;
    }
}

/* {"field":{"new":…,"old":…,"base":N},…}, written directly: a bulk import
 * encodes one op per row, and building a JSON tree for each cost a sixth
 * of the import. */
static char *
encode_fields (XasoChange *self)
{
  GString *out = g_string_sized_new (256);

  g_string_append_c (out, '{');
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, f->name);
      g_string_append (out, ":{\"new\":");
      append_json_value (out, &f->value);
      if (self->kind != XASO_CHANGE_INSERT)
        {
          g_string_append (out, ",\"old\":");
          append_json_value (out, &f->old_value);
          g_string_append_printf (out, ",\"base\":%" G_GINT64_FORMAT, f->base);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* The device sequence and the clock live in one row, read and written
 * inside the write transaction so every connection shares them. */
static gboolean
next_clock (XasoDatabase  *db,
            gint64        *seq,
            XasoHlc       *hlc,
            GError       **error)
{
  g_autofree char *state = xaso_database_get_state (db, "clock");
  g_autofree char *value = NULL;
  gint64 last_seq = 0;
  XasoHlc last_hlc = 0;

  if (state != NULL)
    sscanf (state, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, &last_seq, &last_hlc);
  *seq = last_seq + 1;
  *hlc = xaso_hlc_tick (last_hlc, g_get_real_time () / 1000);
  value = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, *seq, *hlc);
  return xaso_database_set_state (db, "clock", value, error);
}

static gboolean
append_op (XasoChange    *self,
           XasoDatabase  *db,
           const char    *actor,
           const char    *now,
           GError       **error)
{
  static const char * const kinds[] = { "insert", "update", "delete" };
  g_autofree char *op_id = xaso_uuid_new ();
  g_autofree char *fields = encode_fields (self);
  sqlite3_stmt *stmt;
  gint64 seq;
  XasoHlc hlc;

  if (!next_clock (db, &seq, &hlc, error))
    return FALSE;
  stmt = xaso_database_prepare (db,
    "INSERT INTO outbox (device_seq, op_id, hlc, actor, table_name, row_id, kind, fields, created_at, resolves) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, hlc);
  sqlite3_bind_text (stmt, 4, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, self->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, self->row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, kinds[self->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fields, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 10, self->resolves);
  return xaso_database_step_done (db, stmt, error);
}

typedef struct
{
  XasoChange *change;
  const char *actor;
} ApplyData;

static gboolean
apply_in_transaction (XasoDatabase  *db,
                      gpointer       data,
                      GError       **error)
{
  ApplyData *apply = data;
  XasoChange *self = apply->change;
  g_autofree char *now = xaso_now_iso ();

  if (!check_fields (self, db, error))
    return FALSE;
  if (self->kind == XASO_CHANGE_INSERT)
    {
      if (!write_insert (self, db, now, error))
        return FALSE;
    }
  else if (!write_update (self, db, now, error))
    return FALSE;

  if (self->n_changed == 0)
    return TRUE;
  return append_op (self, db, apply->actor, now, error);
}

gboolean
xaso_change_apply (XasoChange    *self,
                   XasoDatabase  *db,
                   const char    *actor,
                   GError       **error)
{
  ApplyData apply = { self, actor };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  return xaso_database_run_atomically (db, apply_in_transaction, &apply, error);
}

/* A record written before capture existed for it (a demo commune, an old
 * import) is captured as the insert that would have made it, without being
 * written again, so its first sync sends it like any other. */
static gboolean
capture_existing_in_transaction (XasoDatabase  *db,
                                 gpointer       data,
                                 GError       **error)
{
  ApplyData *apply = data;
  g_autofree char *now = xaso_now_iso ();

  apply->change->n_changed = apply->change->fields->len;
  return append_op (apply->change, db, apply->actor, now, error);
}

gboolean
xaso_change_capture_existing (XasoChange    *self,
                              XasoDatabase  *db,
                              const char    *actor,
                              GError       **error)
{
  ApplyData apply = { self, actor };

  g_return_val_if_fail (self->kind == XASO_CHANGE_INSERT, FALSE);
  if (!check_fields (self, db, error))
    return FALSE;
  return xaso_database_run_atomically (db, capture_existing_in_transaction, &apply, error);
}
