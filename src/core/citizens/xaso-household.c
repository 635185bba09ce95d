/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-collate.h"
#include "xaso-household.h"

struct _XasoHousehold
{
  XasoRecord parent_instance;

  /* What the households' list shows beside the row (list_columns). */
  char      *head_name;
  gint64     residents;
};

enum
{
  PROP_HEAD_NAME = XASO_HOUSEHOLD_N_FIELDS + 1,
  PROP_RESIDENTS_DISPLAY,
};

G_DEFINE_FINAL_TYPE (XasoHousehold, xaso_household, XASO_TYPE_RECORD)

static const XasoRecordField household_fields[] = {
  { "code" }, { "head_person_id" }, { "hamlet" }, { "address" }, { "residence_kind" }, { "notes" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (household_fields) == XASO_HOUSEHOLD_N_FIELDS);

static gboolean
xaso_household_validate (XasoRecord    *record,
                         XasoDatabase  *db,
                         GError       **error)
{
  XasoHousehold *self = XASO_HOUSEHOLD (record);
  const char *kind = xaso_household_get (self, XASO_HOUSEHOLD_RESIDENCE_KIND);
  const char *message = NULL;

  if (xaso_household_get (self, XASO_HOUSEHOLD_ADDRESS) == NULL)
    message = _("Enter the household’s address.");
  else if (xaso_household_get (self, XASO_HOUSEHOLD_HAMLET) == NULL)
    message = _("Choose the hamlet or residential group of the household.");
  else if (kind != NULL && !g_str_equal (kind, "permanent") && !g_str_equal (kind, "temporary"))
    message = _("Choose whether the residence is permanent or temporary.");

  if (message != NULL)
    {
      g_set_error_literal (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

const char *
xaso_household_residence_label (const char *kind)
{
  if (g_strcmp0 (kind, "temporary") == 0)
    return _("Temporary residence");
  return _("Permanent residence");
}

static void
load_list_columns (XasoRecord   *record,
                   sqlite3_stmt *stmt,
                   int           first_column)
{
  XasoHousehold *self = XASO_HOUSEHOLD (record);

  g_free (self->head_name);
  self->head_name = g_strdup ((const char *)sqlite3_column_text (stmt, first_column));
  self->residents = sqlite3_column_int64 (stmt, first_column + 1);
}

static void
xaso_household_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XasoHousehold *self = XASO_HOUSEHOLD (object);

  switch (prop_id)
    {
    case PROP_HEAD_NAME:
      g_value_set_string (value, self->head_name);
      break;
    case PROP_RESIDENTS_DISPLAY:
      g_value_take_string (value, g_strdup_printf ("%" G_GINT64_FORMAT, self->residents));
      break;
    default:
      G_OBJECT_CLASS (xaso_household_parent_class)->get_property (object, prop_id, value, pspec);
    }
}

static void
xaso_household_finalize (GObject *object)
{
  g_free (XASO_HOUSEHOLD (object)->head_name);
  G_OBJECT_CLASS (xaso_household_parent_class)->finalize (object);
}

static void
xaso_household_class_init (XasoHouseholdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  XasoRecordClass *record_class = XASO_RECORD_CLASS (klass);
  static const char * const names[] = { "head-name", "residents-display" };

  xaso_record_class_set_fields (record_class, "household", household_fields, G_N_ELEMENTS (household_fields));
  object_class->get_property = xaso_household_get_property;
  object_class->finalize = xaso_household_finalize;
  record_class->personal_data = TRUE;
  record_class->validate = xaso_household_validate;
  /* The head's name and the residents still living there. */
  record_class->list_columns =
    "(SELECT full_name FROM person WHERE id = household.head_person_id), "
    "(SELECT count (*) FROM person WHERE household_id = household.id AND deleted = 0 AND status = 'living')";
  record_class->load_list_columns = load_list_columns;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_class_install_property (object_class, PROP_HEAD_NAME + i,
      g_param_spec_string (names[i], NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
xaso_household_init (XasoHousehold *self)
{
}

XasoHousehold *
xaso_household_new (void)
{
  XasoHousehold *self = g_object_new (XASO_TYPE_HOUSEHOLD, NULL);

  xaso_household_set (self, XASO_HOUSEHOLD_RESIDENCE_KIND, "permanent");
  return self;
}

XasoHousehold *
xaso_household_load (XasoDatabase  *db,
                     const char    *id,
                     GError       **error)
{
  return xaso_record_load (XASO_TYPE_HOUSEHOLD, db, id, error);
}

const char *
xaso_household_get (XasoHousehold      *self,
                    XasoHouseholdField  field)
{
  return xaso_record_get (XASO_RECORD (self), field);
}

void
xaso_household_set (XasoHousehold      *self,
                    XasoHouseholdField  field,
                    const char         *value)
{
  xaso_record_set (XASO_RECORD (self), field, value);
}

GListModel *
xaso_household_list_members (XasoDatabase  *db,
                             const char    *household_id,
                             GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_PERSON);
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s FROM person WHERE household_id = ?1 AND deleted = 0 "
    "ORDER BY (id = (SELECT head_person_id FROM household WHERE id = ?1)) DESC, birth_date",
    xaso_record_class_columns (klass));
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(GListStore) members = NULL;

  if (stmt == NULL)
    return NULL;
  members = g_list_store_new (XASO_TYPE_PERSON);
  sqlite3_bind_text (stmt, 1, household_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(XasoPerson) person = g_object_new (XASO_TYPE_PERSON, NULL);

      xaso_record_load_columns (XASO_RECORD (person), stmt, 0);
      g_list_store_append (members, person);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&members));
}

gboolean
xaso_household_add_member (XasoDatabase   *db,
                           XasoHousehold  *household,
                           XasoPerson     *person,
                           const char     *relation,
                           gboolean        make_head,
                           const char     *actor,
                           GError        **error)
{
  const char *id = xaso_record_get_id (XASO_RECORD (household));

  xaso_person_set (person, XASO_PERSON_HOUSEHOLD_ID, id);
  xaso_person_set (person, XASO_PERSON_RELATION_TO_HEAD, make_head ? XASO_RELATION_HEAD : relation);
  if (xaso_person_get (person, XASO_PERSON_HAMLET) == NULL)
    xaso_person_set (person, XASO_PERSON_HAMLET, xaso_household_get (household, XASO_HOUSEHOLD_HAMLET));
  if (xaso_person_get (person, XASO_PERSON_PERMANENT_ADDRESS) == NULL)
    xaso_person_set (person, XASO_PERSON_PERMANENT_ADDRESS, xaso_household_get (household, XASO_HOUSEHOLD_ADDRESS));
  if (make_head)
    xaso_household_set (household, XASO_HOUSEHOLD_HEAD_PERSON_ID, xaso_record_get_id (XASO_RECORD (person)));

  if (!xaso_database_begin (db, error))
    return FALSE;
  /* The household first: the person refers to it. */
  if ((xaso_record_is_new (XASO_RECORD (household)) || xaso_record_is_changed (XASO_RECORD (household))) &&
      !xaso_record_save (XASO_RECORD (household), db, actor, error))
    goto fail;
  if (!xaso_record_save (XASO_RECORD (person), db, actor, error))
    goto fail;
  return xaso_database_commit (db, error);

fail:
  xaso_database_rollback (db);
  return FALSE;
}

GStrv
xaso_household_list_hamlets (XasoDatabase  *db,
                             GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT DISTINCT hamlet FROM household WHERE commune_code = ? AND hamlet IS NOT NULL AND deleted = 0",
    error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv hamlets;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  hamlets = g_strv_builder_end (builder);
  xaso_collate_sort_strv (hamlets);
  return hamlets;
}

/* Household codes are numbered per commune; a new one takes the next free
 * number. Codes are attributes, never keys, so two desktops that pick the
 * same number offline are told by sync, not broken. */
char *
xaso_household_next_code (XasoDatabase  *db,
                          GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT coalesce (max (CAST (code AS INTEGER)), 0) + 1 FROM household WHERE commune_code = ?", error);
  gint64 next = 1;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return g_strdup_printf ("%05" G_GINT64_FORMAT, next);
}
