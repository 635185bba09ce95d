/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-change.h"
#include "xaso-database.h"

G_BEGIN_DECLS

/* A mutable record of the replica (person, household, civil-status event…).
 * Its fields are text columns described by a table in the class; loading,
 * saving through change capture and the GObject properties for list binding
 * all come from that table. */
typedef struct
{
  const char *column;     /* also the property name, with '_' → '-' */
} XasoRecordField;

#define XASO_TYPE_RECORD (xaso_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (XasoRecord, xaso_record, XASO, RECORD, GObject)

struct _XasoRecordClass
{
  GObjectClass           parent_class;

  const char            *table;
  const XasoRecordField *fields;
  guint                  n_fields;
  guint                  first_prop;   /* property id of field 0 */
  GParamSpec           **field_pspecs; /* n_fields, for notifications */
  gboolean               personal_data; /* saves are logged in the audit chain */

  /* Checks the record before it is written; may read the database. */
  gboolean (*validate)     (XasoRecord    *self,
                            XasoDatabase  *db,
                            GError       **error);
  /* Adds derived columns (folded copies, sort keys) to the change. */
  void     (*prepare_save) (XasoRecord    *self,
                            XasoChange    *change);
  /* What a list shows beside the fields and the row does not hold (a
   * household's head and its number of members): SQL expressions over the
   * table, "a, b", that xaso_record_load_rowids () selects after the fields
   * and hands to load_list_columns; NULL for none. */
  const char              *list_columns;
  void     (*load_list_columns) (XasoRecord   *self,
                                 sqlite3_stmt *stmt,
                                 int           first_column);
};

void        xaso_record_class_set_fields (XasoRecordClass       *klass,
                                          const char            *table,
                                          const XasoRecordField *fields,
                                          guint                  n_fields);

const char *xaso_record_get_id           (XasoRecord    *self);
gboolean    xaso_record_is_new           (XasoRecord    *self);
gboolean    xaso_record_is_deleted       (XasoRecord    *self);
const char *xaso_record_get              (XasoRecord    *self,
                                          guint          field);
void        xaso_record_set              (XasoRecord    *self,
                                          guint          field,
                                          const char    *value);
gboolean    xaso_record_is_changed       (XasoRecord    *self);

/* Column list "a, b, c" of the class's fields, for SELECTs. */
const char *xaso_record_class_columns    (XasoRecordClass *klass);
void        xaso_record_load_columns     (XasoRecord    *self,
                                          sqlite3_stmt  *stmt,
                                          int            first_column);
gpointer    xaso_record_load             (GType          type,
                                          XasoDatabase  *db,
                                          const char    *id,
                                          GError       **error);

gboolean    xaso_record_validate         (XasoRecord    *self,
                                          XasoDatabase  *db,
                                          GError       **error);
/* Validates and writes the record with its op, inside the caller's
 * transaction or in its own. */
gboolean    xaso_record_save             (XasoRecord    *self,
                                          XasoDatabase  *db,
                                          const char    *actor,
                                          GError       **error);

GPtrArray    *xaso_record_load_rowids    (GType           type,
                                          XasoDatabase   *db,
                                          const gint64   *rowids,
                                          guint           n_rowids,
                                          GError        **error);

/* Saves what the user changed in @edited, a copy of @original (NULL for a
 * new record, which is saved as it is): only the fields that differ from
 * @original are set on the record as it is now in the database, so a field
 * someone else changed meanwhile (through sync) keeps their value. Returns
 * the record's id. */
char         *xaso_record_save_edits     (XasoRecord     *original,
                                          XasoRecord     *edited,
                                          XasoDatabase   *db,
                                          const char     *actor,
                                          GError        **error);

G_END_DECLS
