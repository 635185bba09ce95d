/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-audit.h"
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
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkLabel      *title_label;
  GtkLabel      *summary_label;
  GtkLabel      *code_label;
  GtkLabel      *head_label;
  GtkLabel      *hamlet_label;
  GtkLabel      *address_label;
  GtkLabel      *residence_label;
  GtkListBox    *members_list;

  /* Owned references */
  XasoContext   *context;
  XasoHousehold *household;
  GListModel    *members;
  GCancellable  *cancellable;
  char          *household_id;
};

G_DEFINE_FINAL_TYPE (XasoHouseholdView, xaso_household_view, ADW_TYPE_BIN)

enum {
  OPEN_PERSON,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char     *household_id;
  char     *actor;
  gboolean  audit;
} LoadJob;

typedef struct
{
  XasoHousehold *household;
  GListModel    *members;
} Loaded;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->household_id);
  g_free (job->actor);
  g_free (job);
}

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
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadJob *job = data;
  g_autoptr(XasoHousehold) household = NULL;
  g_autoptr(GListModel) members = NULL;
  Loaded *loaded;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if ((household = xaso_household_load (db, job->household_id, error)) == NULL)
    return NULL;
  if ((members = xaso_household_list_members (db, job->household_id, error)) == NULL)
    return NULL;
  if (job->audit &&
      !xaso_audit_append (db, job->actor, XASO_AUDIT_VIEW, "household", job->household_id, VIEW_PURPOSE, NULL,
                          error))
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->household = g_steal_pointer (&household);
  loaded->members = g_steal_pointer (&members);
  return loaded;
}

static void
set_value (GtkLabel   *label,
           const char *value)
{
  gtk_label_set_text (label, value != NULL && *value != '\0' ? value : "—");
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
  const char *kind = xaso_household_get (self->household, XASO_HOUSEHOLD_RESIDENCE_KIND);
  g_autofree char *title = g_strdup_printf (_("Household No. %s"), code ? code : "—");

  gtk_label_set_text (self->title_label, title);
  set_value (self->summary_label, xaso_household_get (self->household, XASO_HOUSEHOLD_ADDRESS));
  set_value (self->code_label, code);
  set_value (self->head_label, find_head_name (self));
  set_value (self->hamlet_label, xaso_household_get (self->household, XASO_HOUSEHOLD_HAMLET));
  set_value (self->address_label, xaso_household_get (self->household, XASO_HOUSEHOLD_ADDRESS));
  set_value (self->residence_label, g_strcmp0 (kind, "temporary") == 0 ? _("Temporary residence")
                                                                        : _("Permanent residence"));
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
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XasoHouseholdView) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      adw_status_page_set_description (self->error_page, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_set_object (&self->household, loaded->household);
  g_set_object (&self->members, loaded->members);
  loaded_free (loaded);
  fill (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "household");
}

/* @audit is FALSE when the household is read again after the user changed
 * it here: that is not a new look at it. */
static void
load (XasoHouseholdView *self,
      gboolean           audit)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->household_id = g_strdup (self->household_id);
  job->actor = g_strdup (xaso_context_get_actor (self->context));
  job->audit = audit;
  if (audit)
    {
      g_clear_object (&self->household);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  xaso_context_run_async (self->context, load_household, job, load_job_free, loaded_free,
                          self->cancellable, load_done_cb, g_object_ref (self));
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
record_saved_cb (XasoHouseholdView *self)
{
  load (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWindow *
parent_window (XasoHouseholdView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoHouseholdView *self = XASO_HOUSEHOLD_VIEW (widget);
  XasoHouseholdEditor *editor = xaso_household_editor_new (parent_window (self), self->context, self->household_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (record_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XasoHouseholdView *self = XASO_HOUSEHOLD_VIEW (widget);
  XasoPersonEditor *editor = xaso_person_editor_new (parent_window (self), self->context, NULL, self->household_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (record_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
xaso_household_view_dispose (GObject *object)
{
  XasoHouseholdView *self = (XasoHouseholdView *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_HOUSEHOLD_VIEW);
  g_clear_object (&self->household);
  g_clear_object (&self->members);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_household_view_parent_class)->dispose (object);
}

static void
xaso_household_view_finalize (GObject *object)
{
  XasoHouseholdView *self = (XasoHouseholdView *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->household_id, g_free);
  G_OBJECT_CLASS (xaso_household_view_parent_class)->finalize (object);
}

static void
xaso_household_view_class_init (XasoHouseholdViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_household_view_dispose;
  object_class->finalize = xaso_household_view_finalize;

  signals[OPEN_PERSON] = g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Emitted after the user saved a change to the household or a new member from here. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-household-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdView, error_page);
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
  g_return_if_fail (XASO_IS_CONTEXT (ctx));
  g_return_if_fail (household_id != NULL);

  g_set_object (&self->context, ctx);
  g_free (self->household_id);
  self->household_id = g_strdup (household_id);
  load (self, TRUE);
}

const char *
xaso_household_view_get_household_id (XasoHouseholdView *self)
{
  g_return_val_if_fail (XASO_IS_HOUSEHOLD_VIEW (self), NULL);

  return self->household_id;
}
