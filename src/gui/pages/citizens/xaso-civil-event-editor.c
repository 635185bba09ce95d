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
  XasoRecordEditor  parent_instance;

  /* Template widgets */
  AdwComboRow      *kind_row;
  AdwEntryRow      *date_row;
  AdwEntryRow      *number_row;
  AdwEntryRow      *book_row;
  AdwEntryRow      *place_row;
  AdwEntryRow      *other_party_row;
  AdwEntryRow      *notes_row;

  /* Owned references */
  char             *person_id;
};

G_DEFINE_FINAL_TYPE (XasoCivilEventEditor, xaso_civil_event_editor, XASO_TYPE_RECORD_EDITOR)

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

static XasoCivilEvent *
read_form (XasoCivilEventEditor  *self,
           GError               **error)
{
  g_autoptr(XasoCivilEvent) event = xaso_civil_event_new ();
  g_autofree char *date = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (!xaso_record_editor_read_date (self->date_row, &date, error))
    return NULL;
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_EVENT_DATE, date);
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

static gpointer
xaso_civil_event_editor_make_save_job (XasoRecordEditor  *editor,
                                       GError           **error)
{
  XasoCivilEventEditor *self = XASO_CIVIL_EVENT_EDITOR (editor);
  XasoContext *context = xaso_record_editor_get_context (editor);
  g_autoptr(XasoCivilEvent) event = NULL;
  SaveJob *job;

  if ((event = read_form (self, error)) == NULL)
    return NULL;
  job = g_new0 (SaveJob, 1);
  job->event = g_steal_pointer (&event);
  job->official_person_id = g_strdup (xaso_context_get_official_person_id (context));
  job->actor = g_strdup (xaso_context_get_actor (context));
  return job;
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

static void
xaso_civil_event_editor_dispose (GObject *object)
{
  XasoCivilEventEditor *self = (XasoCivilEventEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CIVIL_EVENT_EDITOR);
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
  static const char * const changed_tables[] = { "civil_status_event", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordEditorClass *editor_class = XASO_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = xaso_civil_event_editor_dispose;
  object_class->finalize = xaso_civil_event_editor_finalize;
  editor_class->make_save_job = xaso_civil_event_editor_make_save_job;
  editor_class->save_func = save_event;
  editor_class->save_job_free = save_job_free;
  editor_class->changed_tables = changed_tables;
  editor_class->save_error = N_("The event could not be recorded.");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-civil-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, book_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, other_party_row);
  gtk_widget_class_bind_template_child (widget_class, XasoCivilEventEditor, notes_row);
}

static void
xaso_civil_event_editor_init (XasoCivilEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_kinds (self);
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
                       "context", ctx,
                       NULL);
  self->person_id = g_strdup (person_id);
  xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self), _("Record a Civil-Status Event"),
                                  person_name);
  /* Most events of the commune's people are registered at its own
   * People's Committee. */
  commune = xaso_context_get_commune (ctx);
  if (commune != NULL && commune->agency_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), commune->agency_name);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  return self;
}
