/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-civil-event.h"
#include "xaso-civil-event-editor.h"
#include "xaso-person.h"

/* Records a civil-status event ("sự kiện hộ tịch") as registered in the
 * official civil-status system: we copy its number and book, we do not
 * issue them. */
struct _XasoCivilEventEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSpinner     *saving_spinner;
  GtkLabel       *error_label;
  AdwComboRow    *kind_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *number_row;
  AdwEntryRow    *book_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *other_party_row;
  AdwEntryRow    *notes_row;

  /* Owned references */
  XasoContext    *context;
  char           *person_id;
  gboolean        saving;
};

G_DEFINE_FINAL_TYPE (XasoCivilEventEditor, xaso_civil_event_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  XasoCivilEventField field;
  gsize               offset;
} text_rows[] = {
  { XASO_CIVIL_EVENT_REGISTRATION_NUMBER, G_STRUCT_OFFSET (XasoCivilEventEditor, number_row) },
  { XASO_CIVIL_EVENT_BOOK_NUMBER, G_STRUCT_OFFSET (XasoCivilEventEditor, book_row) },
  { XASO_CIVIL_EVENT_PLACE, G_STRUCT_OFFSET (XasoCivilEventEditor, place_row) },
  { XASO_CIVIL_EVENT_OTHER_PARTY_NAME, G_STRUCT_OFFSET (XasoCivilEventEditor, other_party_row) },
  { XASO_CIVIL_EVENT_NOTES, G_STRUCT_OFFSET (XasoCivilEventEditor, notes_row) },
};

static void
show_error (XasoCivilEventEditor *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_saving (XasoCivilEventEditor *self,
            gboolean              saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", !saving);
  gtk_widget_set_visible (GTK_WIDGET (self->saving_spinner), saving);
  gtk_spinner_set_spinning (self->saving_spinner, saving);
}

static gboolean
read_date (XasoCivilEventEditor  *self,
           XasoCivilEvent        *event,
           GError               **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *date = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  if (*text != '\0' && (date = xaso_parse_user_date (text, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", _("Date of registration"));
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_EVENT_DATE, date);
  return TRUE;
}

static XasoCivilEvent *
read_form (XasoCivilEventEditor  *self,
           GError               **error)
{
  g_autoptr(XasoCivilEvent) event = xaso_civil_event_new ();
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (!read_date (self, event, error))
    return NULL;
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_PERSON_ID, self->person_id);
  if (kind < g_strv_length ((char **)xaso_civil_event_kinds))
    xaso_civil_event_set (event, XASO_CIVIL_EVENT_KIND, xaso_civil_event_kinds[kind]);
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      AdwEntryRow *row = G_STRUCT_MEMBER (AdwEntryRow *, self, text_rows[i].offset);

      xaso_civil_event_set (event, text_rows[i].field, gtk_editable_get_text (GTK_EDITABLE (row)));
    }
  return g_steal_pointer (&event);
}

typedef struct
{
  XasoCivilEvent *event;
  char           *official_person_id;
  char           *actor;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->event);
  g_free (job->official_person_id);
  g_free (job->actor);
  g_free (job);
}

/* Runs on the worker thread. Returns the event's id. Core refuses an
 * event the official records for themselves or their household. */
static gpointer
save_event (XasoDatabase  *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  SaveJob *job = data;

  if (!xaso_civil_event_record (job->event, db, job->official_person_id, job->actor, error))
    return NULL;
  return g_strdup (xaso_record_get_id (XASO_RECORD (job->event)));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XasoCivilEventEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *event_id = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (event_id != NULL)
    xaso_context_notify_changed (XASO_CONTEXT (source), "civil_status_event");
  /* Destroyed meanwhile: the lists know, there is no form left to update. */
  if (self->context == NULL)
    return;
  set_saving (self, FALSE);
  if (event_id == NULL)
    {
      show_error (self, error ? error->message : _("The event could not be recorded."));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, event_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoCivilEventEditor *self = XASO_CIVIL_EVENT_EDITOR (widget);
  g_autoptr(XasoCivilEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  if (self->saving || self->context == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if ((event = read_form (self, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->event = g_steal_pointer (&event);
  job->official_person_id = g_strdup (xaso_context_get_official_person_id (self->context));
  job->actor = g_strdup (xaso_context_get_actor (self->context));
  set_saving (self, TRUE);
  /* Not cancellable: a save is one short transaction, and the user must
   * learn whether it happened. */
  xaso_context_run_async (self->context, save_event, job, save_job_free, g_free,
                          NULL, save_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The kinds' labels come from core, translated there. */
static void
fill_kinds (XasoCivilEventEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; xaso_civil_event_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, xaso_civil_event_kind_label (xaso_civil_event_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/* A save in progress ends in a moment; closing before would leave the
 * user unsure whether it was saved. */
static gboolean
xaso_civil_event_editor_close_request (GtkWindow *window)
{
  XasoCivilEventEditor *self = XASO_CIVIL_EVENT_EDITOR (window);

  if (self->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (xaso_civil_event_editor_parent_class)->close_request (window);
}

static void
xaso_civil_event_editor_dispose (GObject *object)
{
  XasoCivilEventEditor *self = (XasoCivilEventEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CIVIL_EVENT_EDITOR);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_civil_event_editor_parent_class)->dispose (object);
}

static void
xaso_civil_event_editor_finalize (GObject *object)
{
  XasoCivilEventEditor *self = (XasoCivilEventEditor *)object;

  g_clear_pointer (&self->person_id, g_free);
  G_OBJECT_CLASS (xaso_civil_event_editor_parent_class)->finalize (object);
}

static void
xaso_civil_event_editor_class_init (XasoCivilEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xaso_civil_event_editor_dispose;
  object_class->finalize = xaso_civil_event_editor_finalize;
  window_class->close_request = xaso_civil_event_editor_close_request;

  /* Emitted with the event's id once it is recorded. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-civil-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, saving_spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, book_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, other_party_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, notes_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
xaso_civil_event_editor_init (XasoCivilEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_kinds (self);
  adw_window_title_set_title (self->window_title, _("Record a Civil-Status Event"));
}

XasoCivilEventEditor *
xaso_civil_event_editor_new (GtkWindow   *parent,
                             XasoContext *ctx,
                             const char  *person_id,
                             const char  *person_name)
{
  XasoCivilEventEditor *self;
  const XasoCommune *commune;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XASO_IS_CONTEXT (ctx), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  self = g_object_new (XASO_TYPE_CIVIL_EVENT_EDITOR,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->context = g_object_ref (ctx);
  self->person_id = g_strdup (person_id);
  adw_window_title_set_subtitle (self->window_title, person_name);
  /* Most events of the commune's people are registered at its own
   * People's Committee. */
  commune = xaso_context_get_commune (ctx);
  if (commune != NULL && commune->agency_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), commune->agency_name);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  return self;
}
