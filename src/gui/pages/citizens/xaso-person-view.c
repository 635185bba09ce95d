/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-civil-event.h"
#include "xaso-civil-event-editor.h"
#include "xaso-household.h"
#include "xaso-person-data-export.h"
#include "xaso-person-editor.h"
#include "xaso-person-view.h"

/* The purpose recorded with each look at a person's record. The audit log
 * is evidence kept in Vietnamese whatever language the screen speaks, so it
 * is not translated. */
#define VIEW_PURPOSE "Xem hồ sơ công dân"

/* One person's record ("hồ sơ nhân khẩu"), read-only, with the ways to
 * change it. */
struct _XasoPersonView
{
  XasoRecordView parent_instance;

  /* Template widgets */
  GtkLabel      *name_label;
  GtkLabel      *summary_label;
  GtkLabel      *full_name_label;
  GtkLabel      *sex_label;
  GtkLabel      *birth_label;
  GtkLabel      *ethnicity_label;
  GtkLabel      *religion_label;
  GtkLabel      *nationality_label;
  GtkLabel      *hometown_label;
  GtkLabel      *occupation_label;
  GtkLabel      *phone_label;
  AdwActionRow  *id_number_row;
  GtkLabel      *id_number_label;
  GtkLabel      *old_id_number_label;
  GtkLabel      *id_issued_label;
  AdwActionRow  *household_row;
  GtkLabel      *relation_label;
  GtkLabel      *hamlet_label;
  GtkLabel      *permanent_address_label;
  GtkLabel      *current_address_label;
  GtkListBox    *events_list;
  GtkWidget     *data_report_button;

  /* Owned references */
  XasoPerson    *person;
  XasoHousehold *household;
};

G_DEFINE_FINAL_TYPE (XasoPersonView, xaso_person_view, XASO_TYPE_RECORD_VIEW)

enum {
  OPEN_HOUSEHOLD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fields shown as they are stored. */
static const struct
{
  XasoPersonField field;
  gsize           label_offset;
} plain_fields[] = {
  { XASO_PERSON_FULL_NAME, G_STRUCT_OFFSET (XasoPersonView, full_name_label) },
  { XASO_PERSON_ETHNICITY, G_STRUCT_OFFSET (XasoPersonView, ethnicity_label) },
  { XASO_PERSON_RELIGION, G_STRUCT_OFFSET (XasoPersonView, religion_label) },
  { XASO_PERSON_NATIONALITY, G_STRUCT_OFFSET (XasoPersonView, nationality_label) },
  { XASO_PERSON_HOMETOWN, G_STRUCT_OFFSET (XasoPersonView, hometown_label) },
  { XASO_PERSON_OCCUPATION, G_STRUCT_OFFSET (XasoPersonView, occupation_label) },
  { XASO_PERSON_PHONE, G_STRUCT_OFFSET (XasoPersonView, phone_label) },
  { XASO_PERSON_OLD_ID_NUMBER, G_STRUCT_OFFSET (XasoPersonView, old_id_number_label) },
  { XASO_PERSON_RELATION_TO_HEAD, G_STRUCT_OFFSET (XasoPersonView, relation_label) },
  { XASO_PERSON_HAMLET, G_STRUCT_OFFSET (XasoPersonView, hamlet_label) },
  { XASO_PERSON_PERMANENT_ADDRESS, G_STRUCT_OFFSET (XasoPersonView, permanent_address_label) },
  { XASO_PERSON_CURRENT_ADDRESS, G_STRUCT_OFFSET (XasoPersonView, current_address_label) },
};

typedef struct
{
  XasoPerson    *person;
  XasoHousehold *household;
  GListModel    *events;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->person);
  g_clear_object (&loaded->household);
  g_clear_object (&loaded->events);
  g_free (loaded);
}

/* Runs on the worker thread. */
static gpointer
load_person (XasoDatabase  *db,
             const char    *person_id,
             GError       **error)
{
  g_autoptr(XasoPerson) person = NULL;
  g_autoptr(XasoHousehold) household = NULL;
  g_autoptr(GListModel) events = NULL;
  const char *household_id;
  Loaded *loaded;

  if ((person = xaso_person_load (db, person_id, error)) == NULL)
    return NULL;
  household_id = xaso_person_get (person, XASO_PERSON_HOUSEHOLD_ID);
  if (household_id != NULL && (household = xaso_household_load (db, household_id, error)) == NULL)
    return NULL;
  if ((events = xaso_civil_event_list_for_person (db, person_id, error)) == NULL)
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->person = g_steal_pointer (&person);
  loaded->household = g_steal_pointer (&household);
  loaded->events = g_steal_pointer (&events);
  return loaded;
}

static char *
format_date (const char *iso)
{
  if (iso != NULL && strlen (iso) == 10)
    return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
  return g_strdup (iso);
}

/* Where the birth was registered, from the ID number's prefix. It says
 * nothing about where the person lives. */
static char *
describe_id_number (const char *number)
{
  XasoIdInfo info;

  if (number == NULL || !xaso_id_number_decode (number, &info, NULL) || info.place_name == NULL)
    return NULL;
  if (info.registered_abroad)
    return g_strdup (info.place_name);
  if (info.province_2025 != NULL && g_strcmp0 (info.province_2025, info.place_name) != 0)
    return g_strdup_printf (_("Birth registered in %s (now part of %s)"), info.place_name, info.province_2025);
  return g_strdup_printf (_("Birth registered in %s"), info.place_name);
}

static char *
describe_summary (XasoPerson *person)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *birth = xaso_person_format_birth (person);
  const char *sex = xaso_person_get_sex_label (person);

  if (*sex != '\0')
    g_ptr_array_add (parts, g_strdup (sex));
  if (*birth != '\0')
    /* Translators: %s is a date of birth or a year. */
    g_ptr_array_add (parts, g_strdup_printf (_("born %s"), birth));
  g_ptr_array_add (parts, g_strdup (xaso_person_get_status_label (person)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* "Số: 12 / Quyển số: 01/2024 · UBND xã … · with Trần Thị B" */
static char *
describe_registration (XasoCivilEvent *event)
{
  const char *number = xaso_civil_event_get (event, XASO_CIVIL_EVENT_REGISTRATION_NUMBER);
  const char *book = xaso_civil_event_get (event, XASO_CIVIL_EVENT_BOOK_NUMBER);
  const char *place = xaso_civil_event_get (event, XASO_CIVIL_EVENT_PLACE);
  const char *other = xaso_civil_event_get (event, XASO_CIVIL_EVENT_OTHER_PARTY_NAME);
  GString *text = g_string_new (NULL);

  if (book != NULL)
    g_string_append_printf (text, _("No. %s / Book %s"), number ? number : "—", book);
  else if (number != NULL)
    g_string_append_printf (text, _("No. %s"), number);
  if (place != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", place);
  if (other != NULL)
    {
      g_string_append (text, text->len ? " · " : "");
      /* Translators: the other party of a civil-status event, e.g. the spouse. */
      g_string_append_printf (text, _("with %s"), other);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  XasoCivilEvent *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_date (xaso_civil_event_get (event, XASO_CIVIL_EVENT_EVENT_DATE));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_registration (event);
  const char *kind = xaso_civil_event_kind_label (xaso_civil_event_get (event, XASO_CIVIL_EVENT_KIND));

  title = g_strdup_printf ("%s — %s", kind, date ? date : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
fill_papers (XasoPersonView *self)
{
  const char *number = xaso_person_get (self->person, XASO_PERSON_ID_NUMBER);
  g_autofree char *place = describe_id_number (number);
  g_autofree char *issued = format_date (xaso_person_get (self->person, XASO_PERSON_ID_ISSUED_DATE));

  xaso_record_view_set_value (self->id_number_label, number);
  adw_action_row_set_subtitle (self->id_number_row, place);
  xaso_record_view_set_value (self->id_issued_label, issued);
}

static void
fill_household (XasoPersonView *self)
{
  g_autofree char *subtitle = NULL;

  if (self->household == NULL)
    {
      adw_action_row_set_subtitle (self->household_row, _("Not a member of a household"));
      return;
    }
  /* Translators: a household's number, then its address. */
  subtitle = g_strdup_printf (_("No. %s — %s"),
                              xaso_household_get (self->household, XASO_HOUSEHOLD_CODE) ?: "—",
                              xaso_household_get (self->household, XASO_HOUSEHOLD_ADDRESS) ?: "—");
  adw_action_row_set_subtitle (self->household_row, subtitle);
}

static void
fill (XasoPersonView *self,
      GListModel     *events)
{
  g_autofree char *summary = describe_summary (self->person);
  g_autofree char *birth = xaso_person_format_birth (self->person);
  const char *sex = xaso_person_get_sex_label (self->person);

  gtk_label_set_text (self->name_label, xaso_person_get (self->person, XASO_PERSON_FULL_NAME));
  gtk_label_set_text (self->summary_label, summary);
  for (guint i = 0; i < G_N_ELEMENTS (plain_fields); i++)
    xaso_record_view_set_value (G_STRUCT_MEMBER (GtkLabel *, self, plain_fields[i].label_offset),
               xaso_person_get (self->person, plain_fields[i].field));
  xaso_record_view_set_value (self->sex_label, *sex != '\0' ? sex : C_("sex", "Unknown"));
  xaso_record_view_set_value (self->birth_label, birth);
  fill_papers (self);
  fill_household (self);
  gtk_list_box_bind_model (self->events_list, events, create_event_row, NULL, NULL);
}

/* Shown only to the roles that may report a resident's personal data;
 * core refuses the others anyway. */
static void
update_data_report (XasoPersonView *self,
                    gboolean        loaded)
{
  XasoContext *ctx = xaso_record_view_get_context (XASO_RECORD_VIEW (self));
  gboolean allowed = xaso_person_data_export_allowed (ctx);

  gtk_widget_set_visible (self->data_report_button, allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.data-report", loaded && allowed);
}

static void
update_actions (XasoPersonView *self)
{
  gboolean loaded = self->person != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-event", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.open-household", self->household != NULL);
  update_data_report (self, loaded);
}

static void
xaso_person_view_show_loaded (XasoRecordView *view,
                              gpointer        data)
{
  XasoPersonView *self = XASO_PERSON_VIEW (view);
  Loaded *loaded = data;

  g_set_object (&self->person, loaded->person);
  g_set_object (&self->household, loaded->household);
  fill (self, loaded->events);
  loaded_free (loaded);
  update_actions (self);
}

static void
xaso_person_view_clear (XasoRecordView *view)
{
  XasoPersonView *self = XASO_PERSON_VIEW (view);

  g_clear_object (&self->person);
  g_clear_object (&self->household);
  update_actions (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoRecordView *view = XASO_RECORD_VIEW (widget);
  XasoPersonEditor *editor = xaso_person_editor_new (xaso_record_view_get_window (view),
                                                     xaso_record_view_get_context (view),
                                                     xaso_record_view_get_record_id (view), NULL);

  xaso_record_view_present_editor (view, XASO_RECORD_EDITOR (editor));
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XasoPersonView *self = XASO_PERSON_VIEW (widget);
  XasoRecordView *view = XASO_RECORD_VIEW (widget);
  XasoCivilEventEditor *editor = NULL;

  editor = xaso_civil_event_editor_new (xaso_record_view_get_window (view),
                                        xaso_record_view_get_context (view),
                                        xaso_record_view_get_record_id (view),
                                        xaso_person_get (self->person, XASO_PERSON_FULL_NAME));
  xaso_record_view_present_editor (view, XASO_RECORD_EDITOR (editor));
}

static void
open_household_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XasoPersonView *self = XASO_PERSON_VIEW (widget);

  if (self->household != NULL)
    g_signal_emit (self, signals[OPEN_HOUSEHOLD], 0, xaso_record_get_id (XASO_RECORD (self->household)));
}

static void
data_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XasoPersonView *self = XASO_PERSON_VIEW (widget);
  XasoRecordView *view = XASO_RECORD_VIEW (widget);

  if (self->person == NULL)
    return;
  xaso_person_data_export_start (widget, xaso_record_view_get_context (view),
                                 xaso_record_view_get_record_id (view),
                                 xaso_person_get (self->person, XASO_PERSON_FULL_NAME));
}

static void
xaso_person_view_dispose (GObject *object)
{
  XasoPersonView *self = (XasoPersonView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PERSON_VIEW);
  g_clear_object (&self->person);
  g_clear_object (&self->household);
  G_OBJECT_CLASS (xaso_person_view_parent_class)->dispose (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, name_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, full_name_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, sex_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, birth_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, ethnicity_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, religion_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, nationality_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, hometown_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, occupation_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, phone_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, id_number_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, old_id_number_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, id_issued_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, household_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, relation_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, hamlet_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, permanent_address_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, current_address_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, events_list);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonView, data_report_button);
}

static void
xaso_person_view_class_init (XasoPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordViewClass *view_class = XASO_RECORD_VIEW_CLASS (klass);

  object_class->dispose = xaso_person_view_dispose;
  view_class->load = load_person;
  view_class->show_loaded = xaso_person_view_show_loaded;
  view_class->clear = xaso_person_view_clear;
  view_class->loaded_free = loaded_free;
  view_class->audit_table = "person";
  view_class->audit_purpose = VIEW_PURPOSE;

  signals[OPEN_HOUSEHOLD] = g_signal_new ("open-household", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-person-view.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "person.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "person.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "person.open-household", NULL, open_household_action);
  gtk_widget_class_install_action (widget_class, "person.data-report", NULL, data_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "person.edit", NULL);
}

static void
xaso_person_view_init (XasoPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/* Shows the person's record, loaded on the worker thread; the look is
 * written to the audit log there. */
void
xaso_person_view_show (XasoPersonView *self,
                       XasoContext    *ctx,
                       const char     *person_id)
{
  g_return_if_fail (XASO_IS_PERSON_VIEW (self));

  xaso_record_view_show (XASO_RECORD_VIEW (self), ctx, person_id);
}

const char *
xaso_person_view_get_person_id (XasoPersonView *self)
{
  g_return_val_if_fail (XASO_IS_PERSON_VIEW (self), NULL);

  return xaso_record_view_get_record_id (XASO_RECORD_VIEW (self));
}
