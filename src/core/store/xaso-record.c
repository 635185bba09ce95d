/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-audit.h"
#include "xaso-record.h"
#include "xaso-unicode.h"
#include "xaso-uuid.h"

typedef struct
{
  char     *id;
  char    **values;      /* n_fields, NULL for SQL NULL */
  guint8   *changed;     /* n_fields */
  gboolean  is_new;
  gboolean  deleted;
} XasoRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (XasoRecord, xaso_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *column_lists;   /* GType → "a, b, c" */
G_LOCK_DEFINE_STATIC (column_lists);

static XasoRecordClass *
record_class (XasoRecord *self)
{
  return XASO_RECORD_GET_CLASS (self);
}

static void
ensure_storage (XasoRecord *self)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (char *, record_class (self)->n_fields + 1);
      priv->changed = g_new0 (guint8, record_class (self)->n_fields);
    }
}

static void
xaso_record_finalize (GObject *object)
{
  XasoRecord *self = XASO_RECORD (object);
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  g_free (priv->id);
  if (priv->values != NULL)
    for (guint i = 0; i < record_class (self)->n_fields; i++)
      g_free (priv->values[i]);
  g_free (priv->values);
  g_free (priv->changed);

  G_OBJECT_CLASS (xaso_record_parent_class)->finalize (object);
}

static void
xaso_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XasoRecord *self = XASO_RECORD (object);
  XasoRecordClass *klass = XASO_RECORD_CLASS (g_type_class_peek (pspec->owner_type));

  if (prop_id == PROP_ID && pspec->owner_type == XASO_TYPE_RECORD)
    g_value_set_string (value, xaso_record_get_id (self));
  else
    g_value_set_string (value, xaso_record_get (self, prop_id - klass->first_prop));
}

static void
xaso_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  XasoRecord *self = XASO_RECORD (object);
  XasoRecordClass *klass = XASO_RECORD_CLASS (g_type_class_peek (pspec->owner_type));

  xaso_record_set (self, prop_id - klass->first_prop, g_value_get_string (value));
}

static void
xaso_record_class_init (XasoRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xaso_record_finalize;
  object_class->get_property = xaso_record_get_property;
  object_class->set_property = xaso_record_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xaso_record_init (XasoRecord *self)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  priv->id = xaso_uuid_new ();
  priv->is_new = TRUE;
}

/* Installs one string property per field, named after its column. Subclass
 * property ids for their own extra properties must start after
 * first_prop + n_fields. */
void
xaso_record_class_set_fields (XasoRecordClass       *klass,
                              const char            *table,
                              const XasoRecordField *fields,
                              guint                  n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->first_prop = 1;
  klass->field_pspecs = g_new0 (GParamSpec *, n_fields);
  object_class->get_property = xaso_record_get_property;
  object_class->set_property = xaso_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i].column), "_", '-');

      klass->field_pspecs[i] = g_param_spec_string (name, NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY);
      g_object_class_install_property (object_class, klass->first_prop + i, klass->field_pspecs[i]);
    }
}

const char *
xaso_record_get_id (XasoRecord *self)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  return priv->id;
}

gboolean
xaso_record_is_new (XasoRecord *self)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  return priv->is_new;
}

gboolean
xaso_record_is_deleted (XasoRecord *self)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  return priv->deleted;
}

const char *
xaso_record_get (XasoRecord *self,
                 guint       field)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  g_return_val_if_fail (field < record_class (self)->n_fields, NULL);
  return priv->values ? priv->values[field] : NULL;
}

/* Every text of a record enters here, typed, pasted or imported: it is
 * kept in NFC, so a name typed in decomposed Unicode is the same name, and
 * empty or blank text is stored as NULL, so "no value" has one spelling. */
void
xaso_record_set (XasoRecord *self,
                 guint       field,
                 const char *value)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);
  XasoRecordClass *klass = record_class (self);
  g_autofree char *clean = value ? g_strstrip (xaso_unicode_nfc (value)) : NULL;

  g_return_if_fail (field < klass->n_fields);
  ensure_storage (self);
  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_strcmp0 (priv->values[field], clean) == 0)
    return;

  g_free (priv->values[field]);
  priv->values[field] = g_steal_pointer (&clean);
  priv->changed[field] = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), klass->field_pspecs[field]);
}

gboolean
xaso_record_is_changed (XasoRecord *self)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);

  if (priv->changed == NULL)
    return FALSE;
  for (guint i = 0; i < record_class (self)->n_fields; i++)
    if (priv->changed[i])
      return TRUE;
  return FALSE;
}

const char *
xaso_record_class_columns (XasoRecordClass *klass)
{
  const char *columns;

  G_LOCK (column_lists);
  if (column_lists == NULL)
    column_lists = g_hash_table_new (NULL, NULL);
  columns = g_hash_table_lookup (column_lists, GSIZE_TO_POINTER (G_TYPE_FROM_CLASS (klass)));
  if (columns == NULL)
    {
      GString *list = g_string_new (NULL);

      /* Qualified by the table, so queries may join other tables. */
      g_string_append_printf (list, "\"%s\".id, \"%s\".deleted", klass->table, klass->table);
      for (guint i = 0; i < klass->n_fields; i++)
        g_string_append_printf (list, ", \"%s\".\"%s\"", klass->table, klass->fields[i].column);
      columns = g_string_free (list, FALSE);
      g_hash_table_insert (column_lists, GSIZE_TO_POINTER (G_TYPE_FROM_CLASS (klass)), (gpointer)columns);
    }
  G_UNLOCK (column_lists);
  return columns;
}

/* Fills the record from a row selected with xaso_record_class_columns(). */
void
xaso_record_load_columns (XasoRecord   *self,
                          sqlite3_stmt *stmt,
                          int           first_column)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);
  guint n = record_class (self)->n_fields;

  ensure_storage (self);
  g_free (priv->id);
  priv->id = g_strdup ((const char *)sqlite3_column_text (stmt, first_column));
  priv->deleted = sqlite3_column_int (stmt, first_column + 1) != 0;
  for (guint i = 0; i < n; i++)
    {
      g_free (priv->values[i]);
      priv->values[i] = g_strdup ((const char *)sqlite3_column_text (stmt, first_column + 2 + i));
      priv->changed[i] = FALSE;
    }
  priv->is_new = FALSE;
}

gpointer
xaso_record_load (GType          type,
                  XasoDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?",
                                          xaso_record_class_columns (klass), klass->table);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(XasoRecord) record = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been removed."));
      return NULL;
    }
  record = g_object_new (type, NULL);
  xaso_record_load_columns (record, stmt, 0);
  sqlite3_reset (stmt);
  return g_steal_pointer (&record);
}

/* The records of @type with these row ids, in their order; a row that no
 * longer exists is left out. */
GPtrArray *
xaso_record_load_rowids (GType          type,
                         XasoDatabase  *db,
                         const gint64  *rowids,
                         guint          n_rowids,
                         GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s%s%s FROM json_each (?) j JOIN \"%s\" ON \"%s\".rowid = j.value ORDER BY j.key",
    xaso_record_class_columns (klass), klass->list_columns ? ", " : "", klass->list_columns ? klass->list_columns : "",
    klass->table, klass->table);
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_rowids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", rowids[i]);
  g_string_append_c (list, ']');
  sqlite3_bind_text (stmt, 1, list->str, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoRecord *record = g_object_new (type, NULL);

      xaso_record_load_columns (record, stmt, 0);
      if (klass->load_list_columns != NULL)
        klass->load_list_columns (record, stmt, (int)klass->n_fields + 2);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&records);
}

gboolean
xaso_record_validate (XasoRecord    *self,
                      XasoDatabase  *db,
                      GError       **error)
{
  XasoRecordClass *klass = record_class (self);

  return klass->validate == NULL || klass->validate (self, db, error);
}

/* Personal data is logged when it is created or edited, with the names of
 * the fields that changed, in the same transaction as the write. */
static gboolean
audit_save (XasoRecord    *self,
            XasoChange    *change,
            XasoDatabase  *db,
            const char    *actor,
            gboolean       created,
            GError       **error)
{
  XasoRecordClass *klass = record_class (self);
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);
  g_autoptr(GString) fields = g_string_new (NULL);

  if (!klass->personal_data || xaso_change_get_n_changed (change) == 0)
    return TRUE;
  for (guint i = 0; i < klass->n_fields; i++)
    if (priv->changed[i])
      {
        if (fields->len > 0)
          g_string_append_c (fields, ',');
        g_string_append (fields, klass->fields[i].column);
      }
  return xaso_audit_append (db, actor, created ? XASO_AUDIT_CREATE : XASO_AUDIT_EDIT, klass->table,
                            priv->id, NULL, fields->str, error);
}

typedef struct
{
  XasoRecord *record;
  const char *actor;
} SaveData;

static gboolean
save_in_transaction (XasoDatabase  *db,
                     gpointer       data,
                     GError       **error)
{
  XasoRecord *self = ((SaveData *)data)->record;
  const char *actor = ((SaveData *)data)->actor;
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);
  XasoRecordClass *klass = record_class (self);
  g_autoptr(XasoChange) change = NULL;

  change = xaso_change_new (priv->is_new ? XASO_CHANGE_INSERT : XASO_CHANGE_UPDATE, klass->table, priv->id);
  for (guint i = 0; i < klass->n_fields; i++)
    if (priv->is_new ? priv->values[i] != NULL : priv->changed[i])
      xaso_change_set_text (change, klass->fields[i].column, priv->values[i]);
  if (klass->prepare_save != NULL)
    klass->prepare_save (self, change);

  return xaso_change_apply (change, db, actor, error) &&
         audit_save (self, change, db, actor, priv->is_new, error);
}

gboolean
xaso_record_save (XasoRecord    *self,
                  XasoDatabase  *db,
                  const char    *actor,
                  GError       **error)
{
  XasoRecordPrivate *priv = xaso_record_get_instance_private (self);
  SaveData save = { self, actor };

  if (!xaso_record_validate (self, db, error))
    return FALSE;
  ensure_storage (self);
  if (!xaso_database_run_atomically (db, save_in_transaction, &save, error))
    return FALSE;

  priv->is_new = FALSE;
  memset (priv->changed, 0, record_class (self)->n_fields);
  return TRUE;
}

char *
xaso_record_save_edits (XasoRecord    *original,
                        XasoRecord    *edited,
                        XasoDatabase  *db,
                        const char    *actor,
                        GError       **error)
{
  g_autoptr(XasoRecord) record = NULL;

  g_return_val_if_fail (XASO_IS_RECORD (edited), NULL);
  g_return_val_if_fail (original == NULL || G_OBJECT_TYPE (original) == G_OBJECT_TYPE (edited), NULL);

  if (original == NULL)
    record = g_object_ref (edited);
  else if ((record = xaso_record_load (G_OBJECT_TYPE (original), db, xaso_record_get_id (original),
                                       error)) == NULL)
    return NULL;
  for (guint i = 0; original != NULL && i < record_class (original)->n_fields; i++)
    if (g_strcmp0 (xaso_record_get (original, i), xaso_record_get (edited, i)) != 0)
      xaso_record_set (record, i, xaso_record_get (edited, i));

  if (xaso_record_is_changed (record) && !xaso_record_save (record, db, actor, error))
    return NULL;
  return g_strdup (xaso_record_get_id (record));
}
