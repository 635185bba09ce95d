/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-household.h"
#include "xaso-household-editor.h"

/* The form for a household ("hộ gia đình"). A new household is created
 * together with its head, in one transaction, so there is never a household
 * without a head. */
struct _XasoHouseholdEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkSpinner          *saving_spinner;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwEntryRow         *code_row;
  AdwEntryRow         *hamlet_row;
  GtkMenuButton       *hamlet_menu_button;
  AdwEntryRow         *address_row;
  AdwComboRow         *residence_row;
  AdwPreferencesGroup *head_group;
  AdwEntryRow         *head_name_row;
  AdwComboRow         *head_sex_row;
  AdwEntryRow         *head_birth_date_row;
  AdwEntryRow         *head_id_number_row;

  /* Owned references */
  XasoContext         *context;
  XasoHousehold       *original;      /* as loaded and never changed; NULL for a new household */
  GCancellable        *cancellable;
  char                *household_id;
  gboolean             saving;
};

G_DEFINE_FINAL_TYPE (XasoHouseholdEditor, xaso_household_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the combo rows' items. */
static const char * const residence_values[] = { "permanent", "temporary" };
static const char * const sex_values[] = { "male", "female", "unknown" };

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
selected_value (AdwComboRow        *row,
                const char * const *values,
                guint               n_values)
{
  guint selected = adw_combo_row_get_selected (row);

  return values[selected < n_values ? selected : 0];
}

static void
show_error (XasoHouseholdEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_saving (XasoHouseholdEditor *self,
            gboolean             saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", !saving);
  gtk_widget_set_visible (GTK_WIDGET (self->saving_spinner), saving);
  gtk_spinner_set_spinning (self->saving_spinner, saving);
}

static XasoHousehold *
read_household (XasoHouseholdEditor *self)
{
  XasoHousehold *form = g_object_new (XASO_TYPE_HOUSEHOLD, NULL);
  g_autofree char *code = row_text (self->code_row);
  g_autofree char *hamlet = row_text (self->hamlet_row);
  g_autofree char *address = row_text (self->address_row);

  for (guint i = 0; self->original != NULL && i < XASO_HOUSEHOLD_N_FIELDS; i++)
    xaso_household_set (form, i, xaso_household_get (self->original, i));
  xaso_household_set (form, XASO_HOUSEHOLD_CODE, code);
  xaso_household_set (form, XASO_HOUSEHOLD_HAMLET, hamlet);
  xaso_household_set (form, XASO_HOUSEHOLD_ADDRESS, address);
  xaso_household_set (form, XASO_HOUSEHOLD_RESIDENCE_KIND,
                      selected_value (self->residence_row, residence_values, G_N_ELEMENTS (residence_values)));
  return form;
}

static XasoPerson *
read_head (XasoHouseholdEditor  *self,
           GError              **error)
{
  g_autoptr(XasoPerson) head = xaso_person_new ();
  g_autofree char *name = row_text (self->head_name_row);
  g_autofree char *birth = row_text (self->head_birth_date_row);
  g_autofree char *id_number = row_text (self->head_id_number_row);
  g_autofree char *normalized = xaso_id_number_normalize (id_number);
  g_autofree char *birth_date = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->head_birth_date_row), "error");
  if (*birth != '\0' && (birth_date = xaso_parse_user_date (birth, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", _("Date of birth"));
      gtk_widget_add_css_class (GTK_WIDGET (self->head_birth_date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->head_birth_date_row));
      return NULL;
    }
  xaso_person_set (head, XASO_PERSON_FULL_NAME, name);
  xaso_person_set (head, XASO_PERSON_SEX, selected_value (self->head_sex_row, sex_values, G_N_ELEMENTS (sex_values)));
  xaso_person_set (head, XASO_PERSON_BIRTH_DATE, birth_date);
  xaso_person_set (head, XASO_PERSON_ID_NUMBER, normalized);
  return g_steal_pointer (&head);
}

typedef struct
{
  XasoHousehold *household;
  char          *next_code;
  GStrv          hamlets;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->household);
  g_free (loaded->next_code);
  g_strfreev (loaded->hamlets);
  g_free (loaded);
}

/* Runs on the worker thread. */
static gpointer
load_editor (XasoDatabase  *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *household_id = data;
  g_autoptr(XasoHousehold) household = NULL;
  g_autofree char *next_code = NULL;
  g_auto(GStrv) hamlets = NULL;
  Loaded *loaded;

  if (household_id != NULL && (household = xaso_household_load (db, household_id, error)) == NULL)
    return NULL;
  if (household_id == NULL && (next_code = xaso_household_next_code (db, error)) == NULL)
    return NULL;
  if ((hamlets = xaso_household_list_hamlets (db, error)) == NULL)
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->household = g_steal_pointer (&household);
  loaded->next_code = g_steal_pointer (&next_code);
  loaded->hamlets = g_steal_pointer (&hamlets);
  return loaded;
}

static void
fill_hamlet_menu (XasoHouseholdEditor *self,
                  GStrv                hamlets)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; hamlets[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (hamlets[i], NULL);

      g_menu_item_set_action_and_target_value (item, "editor.pick-hamlet", g_variant_new_string (hamlets[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->hamlet_menu_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->hamlet_menu_button), hamlets[0] != NULL);
}

static void
show_loaded (XasoHouseholdEditor *self,
             Loaded              *loaded)
{
  XasoHousehold *household = loaded->household;

  fill_hamlet_menu (self, loaded->hamlets);
  gtk_widget_set_visible (GTK_WIDGET (self->head_group), household == NULL);
  adw_window_title_set_title (self->window_title, household ? _("Edit Household") : _("New Household"));
  if (household == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), loaded->next_code);
      adw_combo_row_set_selected (self->head_sex_row, G_N_ELEMENTS (sex_values) - 1);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), xaso_household_get (household, XASO_HOUSEHOLD_CODE) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->hamlet_row), xaso_household_get (household, XASO_HOUSEHOLD_HAMLET) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         xaso_household_get (household, XASO_HOUSEHOLD_ADDRESS) ?: "");
  adw_combo_row_set_selected (self->residence_row,
                              g_strcmp0 (xaso_household_get (household, XASO_HOUSEHOLD_RESIDENCE_KIND),
                                         "temporary") == 0);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XasoHouseholdEditor) self = user_data;
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
  g_set_object (&self->original, loaded->household);
  show_loaded (self, loaded);
  loaded_free (loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->original != NULL ? self->address_row : self->hamlet_row));
}

static void
load (XasoHouseholdEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  xaso_context_run_async (self->context, load_editor, g_strdup (self->household_id), g_free, loaded_free,
                          self->cancellable, load_done_cb, g_object_ref (self));
}

typedef struct
{
  XasoHousehold *original;   /* NULL for a new household */
  XasoHousehold *form;
  XasoPerson    *head;       /* only for a new household */
  char          *actor;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->original);
  g_clear_object (&job->form);
  g_clear_object (&job->head);
  g_free (job->actor);
  g_free (job);
}

/* Runs on the worker thread. Returns the household's id. */
static gpointer
save_household (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  SaveJob *job = data;
  g_autoptr(XasoHousehold) household = NULL;

  if (job->original == NULL)
    {
      if (!xaso_household_add_member (db, job->form, job->head, NULL, TRUE, job->actor, error))
        return NULL;
      return g_strdup (xaso_record_get_id (XASO_RECORD (job->form)));
    }
  household = xaso_household_load (db, xaso_record_get_id (XASO_RECORD (job->original)), error);
  if (household == NULL)
    return NULL;
  /* Only what the user changed, so a change that came through sync
   * meanwhile keeps its value. */
  for (guint i = 0; i < XASO_HOUSEHOLD_N_FIELDS; i++)
    if (g_strcmp0 (xaso_household_get (job->original, i), xaso_household_get (job->form, i)) != 0)
      xaso_household_set (household, i, xaso_household_get (job->form, i));
  if (xaso_record_is_changed (XASO_RECORD (household)) &&
      !xaso_record_save (XASO_RECORD (household), db, job->actor, error))
    return NULL;
  return g_strdup (xaso_record_get_id (XASO_RECORD (household)));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XasoHouseholdEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *household_id = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (household_id != NULL)
    {
      xaso_context_notify_changed (XASO_CONTEXT (source), "household");
      xaso_context_notify_changed (XASO_CONTEXT (source), "person");
    }
  /* Destroyed meanwhile: the lists know, there is no form left to update. */
  if (self->context == NULL)
    return;
  set_saving (self, FALSE);
  if (household_id == NULL)
    {
      show_error (self, error ? error->message : _("The household could not be saved."));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, household_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoHouseholdEditor *self = XASO_HOUSEHOLD_EDITOR (widget);
  g_autoptr(XasoPerson) head = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  if (self->saving || self->context == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->original == NULL && (head = read_head (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->original = self->original ? g_object_ref (self->original) : NULL;
  job->form = read_household (self);
  job->head = g_steal_pointer (&head);
  job->actor = g_strdup (xaso_context_get_actor (self->context));
  set_saving (self, TRUE);
  /* Not cancellable: a save is one short transaction, and the user must
   * learn whether it happened. */
  xaso_context_run_async (self->context, save_household, job, save_job_free, g_free,
                          NULL, save_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
pick_hamlet_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XasoHouseholdEditor *self = XASO_HOUSEHOLD_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->hamlet_row), g_variant_get_string (parameter, NULL));
}

/* A save in progress ends in a moment; closing before would leave the
 * user unsure whether it was saved. */
static gboolean
xaso_household_editor_close_request (GtkWindow *window)
{
  XasoHouseholdEditor *self = XASO_HOUSEHOLD_EDITOR (window);

  if (self->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (xaso_household_editor_parent_class)->close_request (window);
}

static void
xaso_household_editor_dispose (GObject *object)
{
  XasoHouseholdEditor *self = (XasoHouseholdEditor *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_HOUSEHOLD_EDITOR);
  g_clear_object (&self->original);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_household_editor_parent_class)->dispose (object);
}

static void
xaso_household_editor_finalize (GObject *object)
{
  XasoHouseholdEditor *self = (XasoHouseholdEditor *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->household_id, g_free);
  G_OBJECT_CLASS (xaso_household_editor_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, saving_spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, error_page);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, hamlet_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, hamlet_menu_button);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, residence_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, head_group);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, head_name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, head_sex_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, head_birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, XasoHouseholdEditor, head_id_number_row);
}

static void
xaso_household_editor_class_init (XasoHouseholdEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xaso_household_editor_dispose;
  object_class->finalize = xaso_household_editor_finalize;
  window_class->close_request = xaso_household_editor_close_request;

  /* Emitted with the household's id once it is saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-household-editor.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.pick-hamlet", "s", pick_hamlet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
xaso_household_editor_init (XasoHouseholdEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

XasoHouseholdEditor *
xaso_household_editor_new (GtkWindow   *parent,
                           XasoContext *ctx,
                           const char  *household_id)
{
  XasoHouseholdEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XASO_IS_CONTEXT (ctx), NULL);

  self = g_object_new (XASO_TYPE_HOUSEHOLD_EDITOR,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->context = g_object_ref (ctx);
  self->household_id = g_strdup (household_id);
  load (self);
  return self;
}
