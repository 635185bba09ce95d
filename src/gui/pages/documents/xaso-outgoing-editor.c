/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-file.h"
#include "xaso-document-flow.h"
#include "xaso-document-types.h"
#include "xaso-outgoing-editor.h"
#include "xaso-pdf-preview.h"

/* Drafting an outgoing document, the draft shown beside: its type,
 * subject, the leader who signs it, where it goes, and the incoming
 * document it answers. */
struct _XasoOutgoingEditor
{
  XasoRecordEditor  parent_instance;

  /* Template widgets */
  XasoPdfPreview   *preview;
  AdwEntryRow      *file_row;
  AdwComboRow      *type_row;
  GtkStringList    *type_list;
  AdwEntryRow      *subject_row;
  AdwComboRow      *signer_row;
  GtkStringList    *signer_list;
  AdwEntryRow      *recipients_row;
  AdwEntryRow      *unit_row;
  AdwComboRow      *urgency_row;
  AdwActionRow     *answers_row;

  GStrv             signers;        /* usernames, in the order of signer_list */
  char             *answers_id;
};

G_DEFINE_FINAL_TYPE (XasoOutgoingEditor, xaso_outgoing_editor, XASO_TYPE_RECORD_EDITOR)

static const char * const urgency_values[] = { "normal", "urgent", "very_urgent", "flash" };

static const XasoFormRow outgoing_rows[] = {
  XASO_FORM_ROW (XasoOutgoingEditor, XASO_DOCUMENT_SUBJECT, subject_row, TEXT),
  XASO_FORM_ROW (XasoOutgoingEditor, XASO_DOCUMENT_RECIPIENTS, recipients_row, TEXT),
  XASO_FORM_ROW (XasoOutgoingEditor, XASO_DOCUMENT_LEAD_UNIT, unit_row, TEXT),
};

static void
file_changed_cb (XasoOutgoingEditor *self)
{
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->file_row))));

  xaso_pdf_preview_set_path (self->preview, *path && g_file_test (path, G_FILE_TEST_IS_REGULAR) ? path : NULL);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  xaso_document_choose_file (GTK_WINDOW (widget), GTK_EDITABLE (XASO_OUTGOING_EDITOR (widget)->file_row));
}

/* ---- Loading: the leaders who may sign ---- */

static gpointer
load_signers (XasoDatabase  *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return xaso_user_list (db, error);
}

static void
xaso_outgoing_editor_show_loaded (XasoRecordEditor *editor,
                                  gpointer          loaded)
{
  XasoOutgoingEditor *self = XASO_OUTGOING_EDITOR (editor);
  g_autoptr(GPtrArray) users = loaded;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);
      g_autofree char *label = NULL;

      if (!xaso_user_is_active (user) || !xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_SIGN))
        continue;
      label = g_strdup_printf ("%s — %s", xaso_user_get (user, XASO_USER_FULL_NAME),
                               xaso_user_get (user, XASO_USER_TITLE) ?: "");
      gtk_string_list_append (self->signer_list, label);
      g_strv_builder_add (names, xaso_user_get (user, XASO_USER_USERNAME));
    }
  self->signers = g_strv_builder_end (names);
  gtk_widget_grab_focus (GTK_WIDGET (self->file_row));
}

/* ---- Saving the draft ---- */

typedef struct
{
  XasoDocument *doc;
  XasoUser     *actor;
  char         *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->doc);
  g_clear_object (&job->actor);
  g_free (job->path);
  g_free (job);
}

static gpointer
draft_in_thread (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SaveJob *job = data;
  g_autoptr(XasoDocument) saved = xaso_document_save_draft (db, job->actor, job->doc, job->path, error);

  return saved ? g_strdup (xaso_record_get_id (XASO_RECORD (saved))) : NULL;
}

static const char *
selected_type_abbr (XasoOutgoingEditor *self)
{
  guint n = 0;
  const XasoDocumentType *types = xaso_document_types (&n);
  guint i = adw_combo_row_get_selected (self->type_row);

  return i < n ? types[i].abbr : NULL;
}

static gpointer
xaso_outgoing_editor_make_save_job (XasoRecordEditor  *editor,
                                    GError           **error)
{
  XasoOutgoingEditor *self = XASO_OUTGOING_EDITOR (editor);
  g_autoptr(XasoDocument) doc = xaso_document_new ("outgoing");
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->file_row))));
  XasoUser *user = xaso_context_get_user (xaso_record_editor_get_context (editor));
  guint signer = adw_combo_row_get_selected (self->signer_row);
  SaveJob *job;

  if (!xaso_record_editor_read_rows (editor, outgoing_rows, G_N_ELEMENTS (outgoing_rows), XASO_RECORD (doc), error))
    return NULL;
  if (*path != '\0' && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no file “%s”."), path);
      return NULL;
    }
  xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, selected_type_abbr (self));
  if (self->signers != NULL && signer < g_strv_length (self->signers))
    xaso_document_set (doc, XASO_DOCUMENT_SIGNER, self->signers[signer]);
  xaso_document_set (doc, XASO_DOCUMENT_URGENCY, xaso_record_editor_selected_value (self->urgency_row,
                                                                                     urgency_values, 4));
  xaso_document_set (doc, XASO_DOCUMENT_REPLY_TO_ID, self->answers_id);
  job = g_new0 (SaveJob, 1);
  job->doc = g_steal_pointer (&doc);
  job->actor = user ? g_object_ref (user) : NULL;
  job->path = *path ? g_steal_pointer (&path) : NULL;
  return job;
}

static void
xaso_outgoing_editor_dispose (GObject *object)
{
  XasoOutgoingEditor *self = XASO_OUTGOING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_OUTGOING_EDITOR);
  g_clear_pointer (&self->signers, g_strfreev);
  g_clear_pointer (&self->answers_id, g_free);
  G_OBJECT_CLASS (xaso_outgoing_editor_parent_class)->dispose (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-outgoing-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, file_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, type_list);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, signer_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, signer_list);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, recipients_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, XasoOutgoingEditor, answers_row);
  gtk_widget_class_bind_template_callback (widget_class, file_changed_cb);
}

static void
xaso_outgoing_editor_class_init (XasoOutgoingEditorClass *klass)
{
  static const char * const changed_tables[] = { "document", NULL };
  XasoRecordEditorClass *editor_class = XASO_RECORD_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_outgoing_editor_dispose;
  editor_class->make_save_job = xaso_outgoing_editor_make_save_job;
  editor_class->show_loaded = xaso_outgoing_editor_show_loaded;
  editor_class->save_func = draft_in_thread;
  editor_class->save_job_free = (GDestroyNotify)save_job_free;
  editor_class->changed_tables = changed_tables;
  editor_class->save_error = N_("The draft could not be saved.");
  bind_children (GTK_WIDGET_CLASS (klass));
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "editor.choose-file", NULL, choose_file_action);
}

static void
xaso_outgoing_editor_init (XasoOutgoingEditor *self)
{
  guint n = 0;
  const XasoDocumentType *types;

  g_type_ensure (XASO_TYPE_PDF_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  types = xaso_document_types (&n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (self->type_list, types[i].name);
      /* Most of what a commune sends, and every reply, is a công văn
       * (the one type without an abbreviation). */
      if (types[i].abbr == NULL)
        adw_combo_row_set_selected (self->type_row, i);
    }
  xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self), _("Draft an Outgoing Document"), NULL);
  xaso_record_editor_set_save_label (XASO_RECORD_EDITOR (self), _("Save Draft"));
}

static void
set_answers (XasoOutgoingEditor *self,
             XasoDocument       *answers)
{
  g_autofree char *subject = NULL;
  const char *notation = xaso_document_get (answers, XASO_DOCUMENT_NOTATION);

  self->answers_id = g_strdup (xaso_record_get_id (XASO_RECORD (answers)));
  adw_action_row_set_subtitle (self->answers_row, notation ? notation : xaso_document_get (answers,
                                                                                           XASO_DOCUMENT_SUBJECT));
  gtk_widget_set_visible (GTK_WIDGET (self->answers_row), TRUE);
  subject = g_strdup_printf ("V/v trả lời %s", notation ? notation : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self), _("Draft the Reply"), notation);
}

XasoOutgoingEditor *
xaso_outgoing_editor_new (GtkWindow    *parent,
                          XasoContext  *context,
                          XasoDocument *answers)
{
  XasoOutgoingEditor *self = g_object_new (XASO_TYPE_OUTGOING_EDITOR,
                                           "transient-for", parent,
                                           "application", parent ? gtk_window_get_application (parent) : NULL,
                                           "context", context,
                                           NULL);

  if (answers != NULL)
    set_answers (self, answers);
  xaso_record_editor_load (XASO_RECORD_EDITOR (self), load_signers, NULL, NULL,
                           (GDestroyNotify)g_ptr_array_unref);
  return self;
}
