/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-household.h"
#include "xaso-household-editor.h"
#include "xaso-household-view.h"
#include "xaso-person-editor.h"

/* The members list shows names and dates of birth, so a look at a household
 * is a look at personal data and goes into the audit log, in Vietnamese. */
#define VIEW_PURPOSE "Xem thông tin hộ gia đình"

/* One household ("hộ gia đình") and its members. */
struct _XasoHouseholdView
{
  XasoRecordView parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *summary_label;
  GtkLabel      *code_label;
  GtkLabel      *head_label;
  GtkLabel      *hamlet_label;
  GtkLabel      *address_label;
  GtkLabel      *residence_label;
  GtkListBox    *members_list;

  /* Owned references */
  XasoHousehold *household;
  GListModel    *members;
};

G_DEFINE_FINAL_TYPE (XasoHouseholdView, xaso_household_view, XASO_TYPE_RECORD_VIEW)

enum {
  OPEN_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  XasoHousehold *household;
  GListModel    *members;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->household);
  g_clear_object (&loaded->members);
  g_free (loaded);
}

/* Runs on the worker thread. */
static gpointer
load_household (XasoDatabase  *db,
                const char    *household_id,
                GError       **error)
{
  g_autoptr(XasoHousehold) household = NULL;
  g_autoptr(GListModel) members = NULL;
  Loaded *loaded;

  if ((household = xaso_household_load (db, household_id, error)) == NULL)
    return NULL;
  if ((members = xaso_household_list_members (db, household_id, error)) == NULL)
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->household = g_steal_pointer (&household);
  loaded->members = g_steal_pointer (&members);
  return loaded;
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  XasoPerson *person = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *birth = xaso_person_format_birth (person);
  const char *relation = xaso_person_get (person, XASO_PERSON_RELATION_TO_HEAD);
  g_autofree char *subtitle = NULL;

  if (*birth != '\0')
    /* Translators: a member's relation to the head of household, then their date of birth. */
    subtitle = g_strdup_printf (_("%s · born %s"), relation ? relation : "—", birth);
  else
    subtitle = g_strdup (relation);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xaso_person_get (person, XASO_PERSON_FULL_NAME));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static const char *
find_head_name (XasoHouseholdView *self)
{
  const char *head_id = xaso_household_get (self->household, XASO_HOUSEHOLD_HEAD_PERSON_ID);
  guint n = g_list_model_get_n_items (self->members);

  for (guint i = 0; head_id != NULL && i < n; i++)
    {
      g_autoptr(XasoPerson) person = g_list_model_get_item (self->members, i);

      if (g_strcmp0 (xaso_record_get_id (XASO_RECORD (person)), head_id) == 0)
        return xaso_person_get (person, XASO_PERSON_FULL_NAME);
    }
  return NULL;
}

static void
fill (XasoHouseholdView *self)
{
  const char *code = xaso_household_get (self->household, XASO_HOUSEHOLD_CODE);
  const char *hamlet = xaso_household_get (self->household, XASO_HOUSEHOLD_HAMLET);
  const char *address = xaso_household_get (self->household, XASO_HOUSEHOLD_ADDRESS);
  const char *kind = xaso_household_get (self->household, XASO_HOUSEHOLD_RESIDENCE_KIND);
  g_autofree char *title = g_strdup_printf (_("Household No. %s"), code ? code : "—");

  gtk_label_set_text (self->title_label, title);
  xaso_record_view_set_value (self->summary_label, address);
  xaso_record_view_set_value (self->code_label, code);
  xaso_record_view_set_value (self->head_label, find_head_name (self));
  xaso_record_view_set_value (self->hamlet_label, hamlet);
  xaso_record_view_set_value (self->address_label, address);
  xaso_record_view_set_value (self->residence_label, xaso_household_residence_label (kind));
  gtk_list_box_bind_model (self->members_list, self->members, create_member_row, NULL, NULL);
}

static void
update_actions (XasoHouseholdView *self)
{
  gboolean loaded = self->household != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "household.edit", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "household.add-member", loaded);
}

static void
xaso_household_view_show_loaded (XasoRecordView *view,
                                 gpointer        data)
{
  XasoHouseholdView *self = XASO_HOUSEHOLD_VIEW (view);
  Loaded *loaded = data;

  g_set_object (&self->household, loaded->household);
  g_set_object (&self->members, loaded->members);
  loaded_free (loaded);
  fill (self);
  update_actions (self);
}

static void
xaso_household_view_clear (XasoRecordView *view)
{
  XasoHouseholdView *self = XASO_HOUSEHOLD_VIEW (view);

  g_clear_object (&self->household);
  update_actions (self);
}

static void
member_activated_cb (XasoHouseholdView *self,
                     GtkListBoxRow     *row)
{
  g_autoptr(XasoPerson) person = NULL;

  if (self->members == NULL)
    return;
  person = g_list_model_get_item (self->members, gtk_list_box_row_get_index (row));
  if (person != NULL)
    g_signal_emit (self, signals[OPEN_PERSON], 0, xaso_record_get_id (XASO_RECORD (person)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoRecordView *view = XASO_RECORD_VIEW (widget);
  XasoHouseholdEditor *editor = xaso_household_editor_new (xaso_record_view_get_window (view),
                                                           xaso_record_view_get_context (view),
                                                           xaso_record_view_get_record_id (view));

  xaso_record_view_present_editor (view, XASO_RECORD_EDITOR (editor));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XasoRecordView *view = XASO_RECORD_VIEW (widget);
  XasoPersonEditor *editor = xaso_person_editor_new (xaso_record_view_get_window (view),
                                                     xaso_record_view_get_context (view), NULL,
                                                     xaso_record_view_get_record_id (view));

  xaso_record_view_present_editor (view, XASO_RECORD_EDITOR (editor));
}

static void
xaso_household_view_dispose (GObject *object)
{
  XasoHouseholdView *self = (XasoHouseholdView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_HOUSEHOLD_VIEW);
  g_clear_object (&self->household);
  g_clear_object (&self->members);
  G_OBJECT_CLASS (xaso_household_view_parent_class)->dispose (object);
}

static void
xaso_household_view_class_init (XasoHouseholdViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordViewClass *view_class = XASO_RECORD_VIEW_CLASS (klass);

  object_class->dispose = xaso_household_view_dispose;
  view_class->load = load_household;
  view_class->show_loaded = xaso_household_view_show_loaded;
  view_class->clear = xaso_household_view_clear;
  view_class->loaded_free = loaded_free;
  view_class->audit_table = "household";
  view_class->audit_purpose = VIEW_PURPOSE;

  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-household-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, title_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, code_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, head_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, hamlet_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, address_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, residence_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, members_list);
  gtk_widget_class_bind_template_callback (widget_class, member_activated_cb);

  gtk_widget_class_install_action (widget_class, "household.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "household.add-member", NULL, add_member_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "household.edit", NULL);
}

static void
xaso_household_view_init (XasoHouseholdView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/* Shows the household and its members, loaded on the worker thread; the
 * look is written to the audit log there. */
void
xaso_household_view_show (XasoHouseholdView *self,
                          XasoContext       *ctx,
                          const char        *household_id)
{
  g_return_if_fail (XASO_IS_HOUSEHOLD_VIEW (self));

  xaso_record_view_show (XASO_RECORD_VIEW (self), ctx, household_id);
}

const char *
xaso_household_view_get_household_id (XasoHouseholdView *self)
{
  g_return_val_if_fail (XASO_IS_HOUSEHOLD_VIEW (self), NULL);

  return xaso_record_view_get_record_id (XASO_RECORD_VIEW (self));
}
