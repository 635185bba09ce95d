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
  XasoRecordEditor     parent_instance;

  /* Template widgets */
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
  XasoHousehold       *original;      /* as loaded and never changed; NULL for a new household */
};

G_DEFINE_FINAL_TYPE (XasoHouseholdEditor, xaso_household_editor, XASO_TYPE_RECORD_EDITOR)

/* In the order of the combo rows' items. */
static const char * const residence_values[] = { "permanent", "temporary" };
static const char * const sex_values[] = { "male", "female", "unknown" };

#define HOUSEHOLD_ROW(field, member) XASO_FORM_ROW (XasoHouseholdEditor, field, member, TEXT)
#define HEAD_ROW(field, member, kind) XASO_FORM_ROW (XasoHouseholdEditor, field, member, kind)

static const XasoFormRow household_rows[] = {
  HOUSEHOLD_ROW (XASO_HOUSEHOLD_CODE, code_row),
  HOUSEHOLD_ROW (XASO_HOUSEHOLD_HAMLET, hamlet_row),
  HOUSEHOLD_ROW (XASO_HOUSEHOLD_ADDRESS, address_row),
};

/* The head of a new household, a person. */
static const XasoFormRow head_rows[] = {
  HEAD_ROW (XASO_PERSON_FULL_NAME, head_name_row, TEXT),
  HEAD_ROW (XASO_PERSON_BIRTH_DATE, head_birth_date_row, DATE),
  HEAD_ROW (XASO_PERSON_ID_NUMBER, head_id_number_row, ID_NUMBER),
};

static XasoHousehold *
read_household (XasoHouseholdEditor  *self,
                GError              **error)
{
  g_autoptr(XasoHousehold) form = g_object_new (XASO_TYPE_HOUSEHOLD, NULL);

  for (guint i = 0; self->original != NULL && i < XASO_HOUSEHOLD_N_FIELDS; i++)
    xaso_household_set (form, i, xaso_household_get (self->original, i));
  if (!xaso_record_editor_read_rows (XASO_RECORD_EDITOR (self), household_rows, G_N_ELEMENTS (household_rows),
                                     XASO_RECORD (form), error))
    return NULL;
  xaso_household_set (form, XASO_HOUSEHOLD_RESIDENCE_KIND,
                      xaso_record_editor_selected_value (self->residence_row, residence_values,
                                                         G_N_ELEMENTS (residence_values)));
  return g_steal_pointer (&form);
}

static XasoPerson *
read_head (XasoHouseholdEditor  *self,
           GError              **error)
{
  g_autoptr(XasoPerson) head = xaso_person_new ();

  if (!xaso_record_editor_read_rows (XASO_RECORD_EDITOR (self), head_rows, G_N_ELEMENTS (head_rows),
                                     XASO_RECORD (head), error))
    return NULL;
  xaso_person_set (head, XASO_PERSON_SEX,
                   xaso_record_editor_selected_value (self->head_sex_row, sex_values, G_N_ELEMENTS (sex_values)));
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
fill_loaded (XasoHouseholdEditor *self,
             Loaded              *loaded)
{
  XasoHousehold *household = loaded->household;

  xaso_record_editor_set_suggestions (self->hamlet_menu_button, "editor.pick-hamlet",
                                      (const char * const *)loaded->hamlets);
  gtk_widget_set_visible (GTK_WIDGET (self->head_group), household == NULL);
  xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self),
                                  household ? _("Edit Household") : _("New Household"), NULL);
  if (household == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), loaded->next_code);
      adw_combo_row_set_selected (self->head_sex_row, G_N_ELEMENTS (sex_values) - 1);
      return;
    }
  xaso_record_editor_fill_rows (XASO_RECORD_EDITOR (self), household_rows, G_N_ELEMENTS (household_rows),
                                XASO_RECORD (household), FALSE);
  xaso_record_editor_select_value (self->residence_row, residence_values, G_N_ELEMENTS (residence_values),
                                   xaso_household_get (household, XASO_HOUSEHOLD_RESIDENCE_KIND));
}

static void
xaso_household_editor_show_loaded (XasoRecordEditor *editor,
                                   gpointer          data)
{
  XasoHouseholdEditor *self = XASO_HOUSEHOLD_EDITOR (editor);
  Loaded *loaded = data;

  g_set_object (&self->original, loaded->household);
  fill_loaded (self, loaded);
  loaded_free (loaded);
  gtk_widget_grab_focus (GTK_WIDGET (self->original != NULL ? self->address_row : self->hamlet_row));
}

typedef struct
{
  XasoRecordJob  record;
  XasoPerson    *head;       /* only for a new household */
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  xaso_record_job_clear (&job->record);
  g_clear_object (&job->head);
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

  if (job->record.original == NULL)
    {
      if (!xaso_household_add_member (db, XASO_HOUSEHOLD (job->record.form), job->head, NULL, TRUE,
                                      job->record.actor, error))
        return NULL;
      return g_strdup (xaso_record_get_id (job->record.form));
    }
  return xaso_record_job_save_edits (&job->record, db, error);
}

static gpointer
xaso_household_editor_make_save_job (XasoRecordEditor  *editor,
                                     GError           **error)
{
  XasoHouseholdEditor *self = XASO_HOUSEHOLD_EDITOR (editor);
  g_autoptr(XasoPerson) head = NULL;
  g_autoptr(XasoHousehold) form = NULL;
  SaveJob *job;

  if ((form = read_household (self, error)) == NULL ||
      (self->original == NULL && (head = read_head (self, error)) == NULL))
    return NULL;
  job = xaso_record_editor_new_job (editor, sizeof (SaveJob), XASO_RECORD (self->original),
                                    XASO_RECORD (g_steal_pointer (&form)));
  job->head = g_steal_pointer (&head);
  return job;
}

static void
pick_hamlet_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XasoHouseholdEditor *self = XASO_HOUSEHOLD_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->hamlet_row), g_variant_get_string (parameter, NULL));
}

static void
xaso_household_editor_dispose (GObject *object)
{
  XasoHouseholdEditor *self = (XasoHouseholdEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_HOUSEHOLD_EDITOR);
  g_clear_object (&self->original);
  G_OBJECT_CLASS (xaso_household_editor_parent_class)->dispose (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
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
  static const char * const changed_tables[] = { "household", "person", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordEditorClass *editor_class = XASO_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = xaso_household_editor_dispose;
  editor_class->make_save_job = xaso_household_editor_make_save_job;
  editor_class->show_loaded = xaso_household_editor_show_loaded;
  editor_class->save_func = save_household;
  editor_class->save_job_free = save_job_free;
  editor_class->changed_tables = changed_tables;
  editor_class->save_error = N_("The household could not be saved.");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-household-editor.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.pick-hamlet", "s", pick_hamlet_action);
}

static void
xaso_household_editor_init (XasoHouseholdEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
                       "context", ctx,
                       NULL);
  xaso_record_editor_load (XASO_RECORD_EDITOR (self), load_editor, g_strdup (household_id), g_free,
                           loaded_free);
  return self;
}
