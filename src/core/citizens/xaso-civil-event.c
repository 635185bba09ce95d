/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-civil-event.h"
#include "xaso-person.h"

struct _XasoCivilEvent
{
  XasoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (XasoCivilEvent, xaso_civil_event, XASO_TYPE_RECORD)

static const XasoRecordField civil_event_fields[] = {
  { "person_id" }, { "kind" }, { "event_date" }, { "registration_number" }, { "book_number" },
  { "place" }, { "other_person_id" }, { "other_party_name" }, { "registrar_user_id" }, { "notes" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (civil_event_fields) == XASO_CIVIL_EVENT_N_FIELDS);

enum {
  PROP_KIND_LABEL = XASO_CIVIL_EVENT_N_FIELDS + 1,
  PROP_DATE_DISPLAY,
};

const char * const xaso_civil_event_kinds[] = {
  "birth", "marriage", "death", "guardianship", "parent_recognition", "change_correction", "other", NULL
};

const char *
xaso_civil_event_kind_label (const char *kind)
{
  static const char * const labels[] = {
    N_("Birth"), N_("Marriage"), N_("Death"), N_("Guardianship"),
    N_("Recognition of parents or child"), N_("Change or correction"), N_("Other"),
  };

  for (guint i = 0; xaso_civil_event_kinds[i]; i++)
    if (g_strcmp0 (kind, xaso_civil_event_kinds[i]) == 0)
      return _(labels[i]);
  return "";
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
xaso_civil_event_validate (XasoRecord    *record,
                           XasoDatabase  *db,
                           GError       **error)
{
  XasoCivilEvent *self = XASO_CIVIL_EVENT (record);
  const char *date = xaso_civil_event_get (self, XASO_CIVIL_EVENT_EVENT_DATE);
  g_autoptr(GError) date_error = NULL;
  g_autofree char *parsed = NULL;

  if (xaso_civil_event_get (self, XASO_CIVIL_EVENT_PERSON_ID) == NULL)
    return invalid (error, _("Choose the person the event is about."));
  if (!g_strv_contains (xaso_civil_event_kinds, xaso_civil_event_get (self, XASO_CIVIL_EVENT_KIND) ?: ""))
    return invalid (error, _("Choose the kind of civil-status event."));
  if (date == NULL)
    return invalid (error, _("Enter the date the event was registered."));
  parsed = xaso_parse_user_date (date, &date_error);
  if (parsed == NULL)
    return invalid (error, date_error->message);
  if (strlen (parsed) != 10)
    return invalid (error, _("Enter the full date of registration (day, month and year)."));
  xaso_civil_event_set (self, XASO_CIVIL_EVENT_EVENT_DATE, parsed);
  if (xaso_civil_event_get (self, XASO_CIVIL_EVENT_REGISTRATION_NUMBER) == NULL)
    return invalid (error, _("Enter the registration number (“Số”) as written in the civil-status book."));
  return TRUE;
}

static void
xaso_civil_event_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XasoCivilEvent *self = XASO_CIVIL_EVENT (object);
  const char *date;

  switch (prop_id)
    {
    case PROP_KIND_LABEL:
      g_value_set_string (value, xaso_civil_event_kind_label (xaso_civil_event_get (self, XASO_CIVIL_EVENT_KIND)));
      break;
    case PROP_DATE_DISPLAY:
      date = xaso_civil_event_get (self, XASO_CIVIL_EVENT_EVENT_DATE);
      if (date != NULL && strlen (date) == 10)
        g_value_take_string (value, g_strdup_printf ("%.2s/%.2s/%.4s", date + 8, date + 5, date));
      else
        g_value_set_string (value, date);
      break;
    default:
      G_OBJECT_CLASS (xaso_civil_event_parent_class)->get_property (object, prop_id, value, pspec);
    }
}

static void
xaso_civil_event_class_init (XasoCivilEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  XasoRecordClass *record_class = XASO_RECORD_CLASS (klass);

  xaso_record_class_set_fields (record_class, "civil_status_event", civil_event_fields,
                                G_N_ELEMENTS (civil_event_fields));
  object_class->get_property = xaso_civil_event_get_property;
  record_class->personal_data = TRUE;
  record_class->validate = xaso_civil_event_validate;

  g_object_class_install_property (object_class, PROP_KIND_LABEL,
    g_param_spec_string ("kind-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_DATE_DISPLAY,
    g_param_spec_string ("date-display", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
xaso_civil_event_init (XasoCivilEvent *self)
{
}

XasoCivilEvent *
xaso_civil_event_new (void)
{
  return g_object_new (XASO_TYPE_CIVIL_EVENT, NULL);
}

const char *
xaso_civil_event_get (XasoCivilEvent      *self,
                      XasoCivilEventField  field)
{
  return xaso_record_get (XASO_RECORD (self), field);
}

void
xaso_civil_event_set (XasoCivilEvent      *self,
                      XasoCivilEventField  field,
                      const char          *value)
{
  xaso_record_set (XASO_RECORD (self), field, value);
}

/* True when @a and @b are the same person or live in the same household:
 * the closest thing to "a relative" the replica knows. */
static gboolean
same_family (XasoDatabase *db,
             const char   *a,
             const char   *b)
{
  sqlite3_stmt *stmt;
  gboolean related;

  if (a == NULL || b == NULL)
    return FALSE;
  if (g_str_equal (a, b))
    return TRUE;
  stmt = xaso_database_prepare (db,
    "SELECT count(*) FROM person x JOIN person y ON x.household_id = y.household_id "
    "WHERE x.id = ? AND y.id = ? AND x.household_id IS NOT NULL", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  related = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return related;
}

gboolean
xaso_civil_event_record (XasoCivilEvent  *self,
                         XasoDatabase    *db,
                         const char      *official_person_id,
                         const char      *actor,
                         GError         **error)
{
  const char *subject = xaso_civil_event_get (self, XASO_CIVIL_EVENT_PERSON_ID);
  const char *other = xaso_civil_event_get (self, XASO_CIVIL_EVENT_OTHER_PERSON_ID);

  if (official_person_id != NULL && g_strcmp0 (official_person_id, subject) == 0)
    return invalid (error, _("You may not record a civil-status event for yourself. "
                             "Ask another official to record it."));
  if (same_family (db, official_person_id, subject) || same_family (db, official_person_id, other))
    return invalid (error, _("You may not record a civil-status event for a member of your own household. "
                             "Ask another official to record it."));
  return xaso_record_save (XASO_RECORD (self), db, actor, error);
}

GListModel *
xaso_civil_event_list_for_person (XasoDatabase  *db,
                                  const char    *person_id,
                                  GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_CIVIL_EVENT);
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s FROM civil_status_event WHERE (person_id = ?1 OR other_person_id = ?1) AND deleted = 0 "
    "ORDER BY event_date", xaso_record_class_columns (klass));
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  g_autoptr(GListStore) events = NULL;

  if (stmt == NULL)
    return NULL;
  events = g_list_store_new (XASO_TYPE_CIVIL_EVENT);
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(XasoCivilEvent) event = xaso_civil_event_new ();

      xaso_record_load_columns (XASO_RECORD (event), stmt, 0);
      g_list_store_append (events, event);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&events));
}
