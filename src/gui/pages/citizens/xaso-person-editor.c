/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-chip-qr.h"
#include "xaso-household.h"
#include "xaso-person-editor.h"

/* The form for a person ("nhân khẩu"): a new one, a new member of a
 * household, or a change to an existing record. */
struct _XasoPersonEditor
{
  XasoRecordEditor     parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *qr_group;
  AdwEntryRow         *qr_row;
  AdwEntryRow         *full_name_row;
  AdwComboRow         *sex_row;
  AdwEntryRow         *birth_date_row;
  AdwEntryRow         *ethnicity_row;
  AdwEntryRow         *religion_row;
  AdwEntryRow         *nationality_row;
  AdwEntryRow         *hometown_row;
  AdwEntryRow         *occupation_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *id_number_row;
  AdwEntryRow         *old_id_number_row;
  AdwEntryRow         *id_issued_date_row;
  AdwEntryRow         *relation_row;
  AdwEntryRow         *hamlet_row;
  GtkMenuButton       *hamlet_menu_button;
  AdwEntryRow         *permanent_address_row;
  AdwEntryRow         *current_address_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *death_date_row;

  /* Owned references */
  XasoPerson          *original;      /* as loaded and never changed; NULL for a new person */
  char                *household_id;  /* the household a new person joins */
  char                *source;        /* "chip-qr" once the card's QR code filled the form */

  /* Set by the worker once it warned of a namesake: saving the same name
   * and birth date again saves. */
  gint                 namesake_warned;
  char                *namesake_identity;   /* name and birth date the warning was for */
};

G_DEFINE_FINAL_TYPE (XasoPersonEditor, xaso_person_editor, XASO_TYPE_RECORD_EDITOR)

#define ROW(field, member, kind) XASO_FORM_ROW (XasoPersonEditor, field, member, kind)

static const XasoFormRow form_rows[] = {
  ROW (XASO_PERSON_FULL_NAME, full_name_row, TEXT),
  ROW (XASO_PERSON_BIRTH_DATE, birth_date_row, DATE),
  ROW (XASO_PERSON_ETHNICITY, ethnicity_row, TEXT),
  ROW (XASO_PERSON_RELIGION, religion_row, TEXT),
  ROW (XASO_PERSON_NATIONALITY, nationality_row, TEXT),
  ROW (XASO_PERSON_HOMETOWN, hometown_row, TEXT),
  ROW (XASO_PERSON_OCCUPATION, occupation_row, TEXT),
  ROW (XASO_PERSON_PHONE, phone_row, TEXT),
  ROW (XASO_PERSON_ID_NUMBER, id_number_row, ID_NUMBER),
  ROW (XASO_PERSON_OLD_ID_NUMBER, old_id_number_row, ID_NUMBER),
  ROW (XASO_PERSON_ID_ISSUED_DATE, id_issued_date_row, DATE),
  ROW (XASO_PERSON_RELATION_TO_HEAD, relation_row, TEXT),
  ROW (XASO_PERSON_HAMLET, hamlet_row, TEXT),
  ROW (XASO_PERSON_PERMANENT_ADDRESS, permanent_address_row, TEXT),
  ROW (XASO_PERSON_CURRENT_ADDRESS, current_address_row, TEXT),
  ROW (XASO_PERSON_DEATH_DATE, death_date_row, DATE),
};

/* In the order of the combo rows' items. */
static const char * const sex_values[] = { "male", "female", "unknown" };
static const char * const status_values[] = { "living", "deceased", "moved_away" };

static void
fill_form (XasoPersonEditor *self,
           XasoPerson       *person)
{
  gboolean in_household = self->household_id != NULL ||
                          xaso_person_get (person, XASO_PERSON_HOUSEHOLD_ID) != NULL;

  xaso_record_editor_fill_rows (XASO_RECORD_EDITOR (self), form_rows, G_N_ELEMENTS (form_rows),
                                XASO_RECORD (person), FALSE);
  xaso_record_editor_select_value (self->sex_row, sex_values, G_N_ELEMENTS (sex_values),
                                   xaso_person_get (person, XASO_PERSON_SEX));
  xaso_record_editor_select_value (self->status_row, status_values, G_N_ELEMENTS (status_values),
                                   xaso_person_get (person, XASO_PERSON_STATUS));
  gtk_widget_set_visible (GTK_WIDGET (self->relation_row), in_household);
}

/* A new person object holding what the form says, on top of the loaded
 * record's values for the fields the form does not show. */
static XasoPerson *
read_form (XasoPersonEditor  *self,
           GError           **error)
{
  g_autoptr(XasoPerson) form = g_object_new (XASO_TYPE_PERSON, NULL);
  const char *status = xaso_record_editor_selected_value (self->status_row, status_values,
                                                          G_N_ELEMENTS (status_values));

  for (guint i = 0; self->original != NULL && i < XASO_PERSON_N_FIELDS; i++)
    xaso_person_set (form, i, xaso_person_get (self->original, i));
  if (!xaso_record_editor_read_rows (XASO_RECORD_EDITOR (self), form_rows, G_N_ELEMENTS (form_rows),
                                     XASO_RECORD (form), error))
    return NULL;
  xaso_person_set (form, XASO_PERSON_SEX,
                   xaso_record_editor_selected_value (self->sex_row, sex_values, G_N_ELEMENTS (sex_values)));
  xaso_person_set_status (form, status);
  if (self->source != NULL)
    {
      g_autofree char *now = xaso_now_iso ();

      xaso_person_set (form, XASO_PERSON_SOURCE, self->source);
      xaso_person_set (form, XASO_PERSON_SOURCE_AT, now);
    }
  return g_steal_pointer (&form);
}

static void
status_changed_cb (XasoPersonEditor *self)
{
  const char *status = xaso_record_editor_selected_value (self->status_row, status_values,
                                                          G_N_ELEMENTS (status_values));

  gtk_widget_set_visible (GTK_WIDGET (self->death_date_row), g_str_equal (status, "deceased"));
}

/* Scanners type the code and press Enter; people paste it. */
static void
fill_from_qr_cb (XasoPersonEditor *self)
{
  g_autoptr(XasoChipQr) qr = NULL;
  g_autoptr(XasoPerson) scanned = NULL;
  g_autoptr(GError) error = NULL;

  qr = xaso_chip_qr_parse (gtk_editable_get_text (GTK_EDITABLE (self->qr_row)), &error);
  if (qr == NULL)
    {
      xaso_record_editor_show_error (XASO_RECORD_EDITOR (self), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->qr_row), "error");
      return;
    }
  xaso_record_editor_hide_error (XASO_RECORD_EDITOR (self));
  gtk_widget_remove_css_class (GTK_WIDGET (self->qr_row), "error");
  scanned = g_object_new (XASO_TYPE_PERSON, NULL);
  xaso_person_fill_from_qr (scanned, qr);
  xaso_record_editor_fill_rows (XASO_RECORD_EDITOR (self), form_rows, G_N_ELEMENTS (form_rows),
                                XASO_RECORD (scanned), TRUE);
  xaso_record_editor_select_value (self->sex_row, sex_values, G_N_ELEMENTS (sex_values),
                                   xaso_person_get (scanned, XASO_PERSON_SEX));
  g_free (self->source);
  self->source = g_strdup (xaso_person_get (scanned, XASO_PERSON_SOURCE));

  /* The code holds personal data: it is not left lying in the row. */
  gtk_editable_set_text (GTK_EDITABLE (self->qr_row), "");
  adw_preferences_group_set_description (self->qr_group,
                                         _("The form was filled from the card. Check it before saving."));
  gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
}

typedef struct
{
  char *person_id;
  char *household_id;
} LoadJob;

typedef struct
{
  XasoPerson    *person;
  XasoHousehold *household;
  GStrv          hamlets;
} Loaded;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->person_id);
  g_free (job->household_id);
  g_free (job);
}

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->person);
  g_clear_object (&loaded->household);
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
  LoadJob *job = data;
  g_autoptr(XasoPerson) person = NULL;
  g_autoptr(XasoHousehold) household = NULL;
  g_auto(GStrv) hamlets = NULL;
  Loaded *loaded;

  if (job->person_id != NULL && (person = xaso_person_load (db, job->person_id, error)) == NULL)
    return NULL;
  if (job->household_id != NULL && (household = xaso_household_load (db, job->household_id, error)) == NULL)
    return NULL;
  if ((hamlets = xaso_household_list_hamlets (db, error)) == NULL)
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->person = g_steal_pointer (&person);
  loaded->household = g_steal_pointer (&household);
  loaded->hamlets = g_steal_pointer (&hamlets);
  return loaded;
}

static void
fill_loaded (XasoPersonEditor *self,
             Loaded           *loaded)
{
  g_autoptr(XasoPerson) blank = NULL;
  g_autofree char *subtitle = NULL;

  if (loaded->person != NULL)
    {
      fill_form (self, loaded->person);
      xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self), _("Edit Person"),
                                      xaso_person_get (loaded->person, XASO_PERSON_FULL_NAME));
      return;
    }
  blank = xaso_person_new ();
  if (loaded->household != NULL)
    {
      xaso_person_set (blank, XASO_PERSON_HAMLET, xaso_household_get (loaded->household, XASO_HOUSEHOLD_HAMLET));
      xaso_person_set (blank, XASO_PERSON_PERMANENT_ADDRESS,
                       xaso_household_get (loaded->household, XASO_HOUSEHOLD_ADDRESS));
      subtitle = g_strdup_printf (_("Household No. %s"),
                                  xaso_household_get (loaded->household, XASO_HOUSEHOLD_CODE) ?: "—");
    }
  fill_form (self, blank);
  xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self),
                                  loaded->household != NULL ? _("New Household Member") : _("New Person"),
                                  subtitle);
}

static void
xaso_person_editor_show_loaded (XasoRecordEditor *editor,
                                gpointer          data)
{
  XasoPersonEditor *self = XASO_PERSON_EDITOR (editor);
  Loaded *loaded = data;

  g_set_object (&self->original, loaded->person);
  xaso_record_editor_set_suggestions (self->hamlet_menu_button, "editor.pick-hamlet",
                                      (const char * const *)loaded->hamlets);
  fill_loaded (self, loaded);
  loaded_free (loaded);
  gtk_widget_grab_focus (GTK_WIDGET (self->original != NULL ? self->full_name_row : self->qr_row));
}

typedef struct
{
  XasoRecordJob  record;
  char          *household_id;
  gint          *namesake_warned; /* the editor's, which lives until the save ends */
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  xaso_record_job_clear (&job->record);
  g_free (job->household_id);
  g_free (job);
}

/* Runs on the worker thread. Returns the person's id. */
static gpointer
save_person (XasoDatabase  *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SaveJob *job = data;
  XasoPerson *form = XASO_PERSON (job->record.form);
  g_autoptr(XasoHousehold) household = NULL;

  /* A new person's form is checked first, so a namesake is asked about
   * once the rest is right; the second Save then saves. */
  if (job->record.original == NULL && !g_atomic_int_get (job->namesake_warned))
    {
      if (!xaso_record_validate (job->record.form, db, error))
        return NULL;
      if (!xaso_person_check_namesakes (form, db, error))
        {
          if (g_error_matches (*error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_NAMESAKE))
            g_atomic_int_set (job->namesake_warned, 1);
          return NULL;
        }
    }
  if (job->record.original == NULL && job->household_id != NULL)
    {
      if ((household = xaso_household_load (db, job->household_id, error)) == NULL ||
          !xaso_household_add_member (db, household, form, xaso_person_get (form, XASO_PERSON_RELATION_TO_HEAD),
                                      FALSE, job->record.actor, error))
        return NULL;
      return g_strdup (xaso_record_get_id (job->record.form));
    }
  return xaso_record_job_save_edits (&job->record, db, error);
}

/* A warning was about one name and birth date: changing either asks again. */
static void
forget_other_namesake (XasoPersonEditor *self,
                       XasoPerson       *form)
{
  g_autofree char *identity = g_strconcat (xaso_person_get (form, XASO_PERSON_FULL_NAME) ?: "", "\n",
                                           xaso_person_get (form, XASO_PERSON_BIRTH_DATE) ?: "", NULL);

  if (g_strcmp0 (identity, self->namesake_identity) == 0)
    return;
  g_atomic_int_set (&self->namesake_warned, 0);
  g_free (self->namesake_identity);
  self->namesake_identity = g_steal_pointer (&identity);
}

static gpointer
xaso_person_editor_make_save_job (XasoRecordEditor  *editor,
                                  GError           **error)
{
  XasoPersonEditor *self = XASO_PERSON_EDITOR (editor);
  g_autoptr(XasoPerson) form = NULL;
  SaveJob *job;

  gtk_widget_remove_css_class (GTK_WIDGET (self->qr_row), "error");
  if ((form = read_form (self, error)) == NULL)
    return NULL;
  forget_other_namesake (self, form);
  job = xaso_record_editor_new_job (editor, sizeof (SaveJob), XASO_RECORD (self->original),
                                    XASO_RECORD (g_steal_pointer (&form)));
  job->household_id = g_strdup (self->household_id);
  job->namesake_warned = &self->namesake_warned;
  return job;
}

/* The items of the suggestion menus carry the text for their row. */
static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoPersonEditor *self = XASO_PERSON_EDITOR (widget);
  gboolean relation = g_str_equal (action_name, "editor.pick-relation");
  AdwEntryRow *row = relation ? self->relation_row : self->hamlet_row;

  gtk_editable_set_text (GTK_EDITABLE (row), g_variant_get_string (parameter, NULL));
}

static void
xaso_person_editor_dispose (GObject *object)
{
  XasoPersonEditor *self = (XasoPersonEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PERSON_EDITOR);
  g_clear_object (&self->original);
  G_OBJECT_CLASS (xaso_person_editor_parent_class)->dispose (object);
}

static void
xaso_person_editor_finalize (GObject *object)
{
  XasoPersonEditor *self = (XasoPersonEditor *)object;

  g_clear_pointer (&self->household_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->namesake_identity, g_free);
  G_OBJECT_CLASS (xaso_person_editor_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, qr_group);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, qr_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, sex_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, religion_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, hometown_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, old_id_number_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, id_issued_date_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, relation_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, hamlet_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, hamlet_menu_button);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, permanent_address_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, current_address_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, XasoPersonEditor, death_date_row);
  gtk_widget_class_bind_template_callback (widget_class, fill_from_qr_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
}

static void
xaso_person_editor_class_init (XasoPersonEditorClass *klass)
{
  static const char * const changed_tables[] = { "person", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordEditorClass *editor_class = XASO_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = xaso_person_editor_dispose;
  object_class->finalize = xaso_person_editor_finalize;
  editor_class->make_save_job = xaso_person_editor_make_save_job;
  editor_class->show_loaded = xaso_person_editor_show_loaded;
  editor_class->save_func = save_person;
  editor_class->save_job_free = save_job_free;
  editor_class->changed_tables = changed_tables;
  editor_class->save_error = N_("The person could not be saved.");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-person-editor.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "editor.pick-hamlet", "s", pick_action);
  gtk_widget_class_install_action (widget_class, "editor.pick-relation", "s", pick_action);
}

static void
xaso_person_editor_init (XasoPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XasoPersonEditor *
xaso_person_editor_new (GtkWindow   *parent,
                        XasoContext *ctx,
                        const char  *person_id,
                        const char  *household_id)
{
  XasoPersonEditor *self;
  LoadJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XASO_IS_CONTEXT (ctx), NULL);

  self = g_object_new (XASO_TYPE_PERSON_EDITOR,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "context", ctx,
                       NULL);
  self->household_id = g_strdup (household_id);
  job = g_new0 (LoadJob, 1);
  job->person_id = g_strdup (person_id);
  job->household_id = g_strdup (household_id);
  xaso_record_editor_load (XASO_RECORD_EDITOR (self), load_editor, job, load_job_free, loaded_free);
  return self;
}
