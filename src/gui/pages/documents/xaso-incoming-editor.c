/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-file.h"
#include "xaso-document-flow.h"
#include "xaso-document-search.h"
#include "xaso-document-types.h"
#include "xaso-fold.h"
#include "xaso-incoming-editor.h"
#include "xaso-notation.h"
#include "xaso-pdf-preview.h"

/* Registering an incoming document in one form, its file shown beside:
 * the issuer completes itself from those typed before, the notation is
 * read as it is typed (15/QĐ-UBND gives the type), and a document
 * registered before is pointed out before saving. */
struct _XasoIncomingEditor
{
  XasoRecordEditor  parent_instance;

  /* Template widgets */
  XasoPdfPreview   *preview;
  AdwEntryRow      *file_row;
  AdwEntryRow      *issuer_row;
  AdwEntryRow      *notation_row;
  AdwEntryRow      *date_row;
  AdwComboRow      *type_row;
  GtkStringList    *type_list;
  AdwEntryRow      *subject_row;
  GtkWidget        *duplicate_box;
  GtkLabel         *duplicate_label;
  GtkCheckButton   *duplicate_check;
  GtkLabel         *notation_hint;
  AdwComboRow      *urgency_row;
  GtkSwitch        *secret_switch;
  AdwEntryRow      *pages_row;
  AdwEntryRow      *unit_row;

  GStrv             issuers;         /* most used first */
  GStrv             issuers_folded;
  char             *duplicate_id;
  GCancellable     *duplicate_cancellable;
  guint             duplicate_source;
  gboolean          completing;
};

G_DEFINE_FINAL_TYPE (XasoIncomingEditor, xaso_incoming_editor, XASO_TYPE_RECORD_EDITOR)

enum { SHOW_DOCUMENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const urgency_values[] = { "normal", "urgent", "very_urgent", "flash" };

static const XasoFormRow incoming_rows[] = {
  XASO_FORM_ROW (XasoIncomingEditor, XASO_DOCUMENT_ISSUER, issuer_row, TEXT),
  XASO_FORM_ROW (XasoIncomingEditor, XASO_DOCUMENT_NOTATION, notation_row, TEXT),
  XASO_FORM_ROW (XasoIncomingEditor, XASO_DOCUMENT_ISSUED_DATE, date_row, DATE),
  XASO_FORM_ROW (XasoIncomingEditor, XASO_DOCUMENT_SUBJECT, subject_row, TEXT),
  XASO_FORM_ROW (XasoIncomingEditor, XASO_DOCUMENT_PAGE_COUNT, pages_row, TEXT),
  XASO_FORM_ROW (XasoIncomingEditor, XASO_DOCUMENT_RECIPIENT_UNIT, unit_row, TEXT),
};

static void duplicate_inputs_changed_cb (XasoIncomingEditor *self);

/* ---- Type list: Decree 30's types, "Công văn" among them ---- */

static const char *
selected_type_abbr (XasoIncomingEditor *self)
{
  guint n = 0;
  const XasoDocumentType *types = xaso_document_types (&n);
  guint i = adw_combo_row_get_selected (self->type_row);

  return i < n ? types[i].abbr : NULL;
}

static void
select_type (XasoIncomingEditor *self,
             const char         *abbr)
{
  guint n = 0;
  const XasoDocumentType *types = xaso_document_types (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (types[i].abbr, abbr) == 0)
      {
        adw_combo_row_set_selected (self->type_row, i);
        return;
      }
}

/* ---- The notation, read as typed ---- */

static void
notation_changed_cb (XasoIncomingEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->notation_row));
  g_auto(XasoNotation) n = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = NULL;

  if (*text == '\0')
    gtk_label_set_text (self->notation_hint, "");
  else if (!xaso_notation_parse (text, &n, &error))
    gtk_label_set_text (self->notation_hint, error->message);
  else
    {
      select_type (self, n.type_abbr);
      hint = g_strdup_printf (_("%s number %u, issued by %s"), xaso_document_type_name (n.type_abbr), n.number,
                              n.issuer_abbr);
      gtk_label_set_text (self->notation_hint, hint);
    }
  duplicate_inputs_changed_cb (self);
}

/* ---- The issuer completes itself ---- */

static void
issuer_changed_cb (XasoIncomingEditor *self)
{
  GtkEditable *editable = GTK_EDITABLE (self->issuer_row);
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *folded = NULL;
  int length = (int)g_utf8_strlen (text, -1);

  duplicate_inputs_changed_cb (self);
  if (self->completing || self->issuers == NULL || length < 2 || gtk_editable_get_position (editable) != length)
    return;
  folded = xaso_fold (text);
  for (guint i = 0; self->issuers[i] != NULL; i++)
    if (g_str_has_prefix (self->issuers_folded[i], folded) && strlen (self->issuers_folded[i]) > strlen (folded))
      {
        self->completing = TRUE;
        gtk_editable_set_text (editable, self->issuers[i]);
        gtk_editable_select_region (editable, length, -1);
        self->completing = FALSE;
        return;
      }
}

/* ---- The file, shown beside ---- */

static void
file_changed_cb (XasoIncomingEditor *self)
{
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->file_row))));

  xaso_pdf_preview_set_path (self->preview, *path && g_file_test (path, G_FILE_TEST_IS_REGULAR) ? path : NULL);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  xaso_document_choose_file (GTK_WINDOW (widget), GTK_EDITABLE (XASO_INCOMING_EDITOR (widget)->file_row));
}

/* ---- A document registered before, pointed out before saving ---- */

static gpointer
find_duplicate_in_thread (XasoDatabase  *db,
                          gpointer       data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  XasoDocument *earlier = xaso_document_find_duplicate (db, data, error);

  if (earlier == NULL && error != NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "none");
  return earlier;
}

static void
duplicate_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XasoIncomingEditor) self = user_data;
  g_autoptr(XasoDocument) earlier = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);
  g_autofree char *number = NULL, *date = NULL, *text = NULL;

  gtk_widget_set_visible (self->duplicate_box, earlier != NULL);
  g_clear_pointer (&self->duplicate_id, g_free);
  gtk_check_button_set_active (self->duplicate_check, FALSE);
  if (earlier == NULL)
    return;
  self->duplicate_id = g_strdup (xaso_record_get_id (XASO_RECORD (earlier)));
  g_object_get (earlier, "number-display", &number, "date-display", &date, NULL);
  text = g_strdup_printf (_("Registered before: arrival number %s on %s. The same document is not registered "
                            "twice unless it is a second copy to keep."), number, date);
  gtk_label_set_text (self->duplicate_label, text);
}

static gboolean
check_duplicate_cb (gpointer user_data)
{
  XasoIncomingEditor *self = user_data;
  XasoDocument *probe = xaso_document_new ("incoming");
  g_autofree char *date = NULL;

  self->duplicate_source = 0;
  xaso_document_set (probe, XASO_DOCUMENT_ISSUER, gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)));
  xaso_document_set (probe, XASO_DOCUMENT_NOTATION, gtk_editable_get_text (GTK_EDITABLE (self->notation_row)));
  if (xaso_record_editor_read_date (self->date_row, &date, NULL))
    xaso_document_set (probe, XASO_DOCUMENT_ISSUED_DATE, date);
  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_object (&self->duplicate_cancellable);
  self->duplicate_cancellable = g_cancellable_new ();
  xaso_context_run_async (xaso_record_editor_get_context (XASO_RECORD_EDITOR (self)), find_duplicate_in_thread,
                          probe, g_object_unref, g_object_unref, self->duplicate_cancellable, duplicate_found_cb,
                          g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
duplicate_inputs_changed_cb (XasoIncomingEditor *self)
{
  g_clear_handle_id (&self->duplicate_source, g_source_remove);
  self->duplicate_source = g_timeout_add (300, check_duplicate_cb, self);
}

static void
show_duplicate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  XasoIncomingEditor *self = XASO_INCOMING_EDITOR (widget);

  if (self->duplicate_id != NULL)
    g_signal_emit (self, signals[SHOW_DOCUMENT], 0, self->duplicate_id);
}

/* ---- Loading (the issuers) and saving (the registration) ---- */

static gpointer
load_issuers (XasoDatabase  *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return xaso_document_list_issuers (db, NULL, 500, error);
}

static void
xaso_incoming_editor_show_loaded (XasoRecordEditor *editor,
                                  gpointer          loaded)
{
  XasoIncomingEditor *self = XASO_INCOMING_EDITOR (editor);
  guint n;

  self->issuers = loaded;
  n = g_strv_length (self->issuers);
  self->issuers_folded = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->issuers_folded[i] = xaso_fold (self->issuers[i]);
  gtk_widget_grab_focus (GTK_WIDGET (self->file_row));
}

typedef struct
{
  XasoDocument *doc;
  XasoUser     *actor;
  char         *path;
  gboolean      allow_duplicate;
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
register_in_thread (XasoDatabase  *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SaveJob *job = data;
  g_autoptr(XasoDocument) saved = xaso_document_register_incoming (db, job->actor, job->doc, job->path,
                                                                   job->allow_duplicate, error);

  return saved ? g_strdup (xaso_record_get_id (XASO_RECORD (saved))) : NULL;
}

static gpointer
xaso_incoming_editor_make_save_job (XasoRecordEditor  *editor,
                                    GError           **error)
{
  XasoIncomingEditor *self = XASO_INCOMING_EDITOR (editor);
  g_autoptr(XasoDocument) doc = xaso_document_new ("incoming");
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->file_row))));
  XasoUser *user = xaso_context_get_user (xaso_record_editor_get_context (editor));
  SaveJob *job;

  if (!xaso_record_editor_read_rows (editor, incoming_rows, G_N_ELEMENTS (incoming_rows), XASO_RECORD (doc), error))
    return NULL;
  if (*path != '\0' && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no file “%s”."), path);
      return NULL;
    }
  xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, selected_type_abbr (self));
  xaso_document_set (doc, XASO_DOCUMENT_URGENCY, xaso_record_editor_selected_value (self->urgency_row,
                                                                                     urgency_values, 4));
  xaso_document_set (doc, XASO_DOCUMENT_CONFIDENTIALITY, gtk_switch_get_active (self->secret_switch)
                                                         ? "confidential" : "none");
  job = g_new0 (SaveJob, 1);
  job->doc = g_steal_pointer (&doc);
  job->actor = user ? g_object_ref (user) : NULL;
  job->path = *path ? g_steal_pointer (&path) : NULL;
  job->allow_duplicate = gtk_check_button_get_active (self->duplicate_check);
  return job;
}

static void
xaso_incoming_editor_dispose (GObject *object)
{
  XasoIncomingEditor *self = XASO_INCOMING_EDITOR (object);

  g_clear_handle_id (&self->duplicate_source, g_source_remove);
  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_object (&self->duplicate_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_INCOMING_EDITOR);
  g_clear_pointer (&self->issuers, g_strfreev);
  g_clear_pointer (&self->issuers_folded, g_strfreev);
  g_clear_pointer (&self->duplicate_id, g_free);
  G_OBJECT_CLASS (xaso_incoming_editor_parent_class)->dispose (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-incoming-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, file_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, notation_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, type_list);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, duplicate_check);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, notation_hint);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, secret_switch);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, pages_row);
  gtk_widget_class_bind_template_child (widget_class, XasoIncomingEditor, unit_row);
  gtk_widget_class_bind_template_callback (widget_class, file_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, issuer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_inputs_changed_cb);
}

static void
xaso_incoming_editor_class_init (XasoIncomingEditorClass *klass)
{
  static const char * const changed_tables[] = { "document", NULL };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordEditorClass *editor_class = XASO_RECORD_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_incoming_editor_dispose;
  editor_class->make_save_job = xaso_incoming_editor_make_save_job;
  editor_class->show_loaded = xaso_incoming_editor_show_loaded;
  editor_class->save_func = register_in_thread;
  editor_class->save_job_free = (GDestroyNotify)save_job_free;
  editor_class->changed_tables = changed_tables;
  editor_class->save_error = N_("The document could not be registered.");

  /* Emitted with the id of the earlier document the official asked to see. */
  signals[SHOW_DOCUMENT] = g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  bind_children (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "editor.show-duplicate", NULL, show_duplicate_action);
}

static void
xaso_incoming_editor_init (XasoIncomingEditor *self)
{
  guint n = 0;
  const XasoDocumentType *types;

  g_type_ensure (XASO_TYPE_PDF_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  types = xaso_document_types (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (self->type_list, types[i].name);
  select_type (self, NULL);
  xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self), _("Register an Incoming Document"), NULL);
  xaso_record_editor_set_save_label (XASO_RECORD_EDITOR (self), _("Register"));
}

XasoIncomingEditor *
xaso_incoming_editor_new (GtkWindow   *parent,
                          XasoContext *context)
{
  XasoIncomingEditor *self = g_object_new (XASO_TYPE_INCOMING_EDITOR,
                                           "transient-for", parent,
                                           "application", parent ? gtk_window_get_application (parent) : NULL,
                                           "context", context,
                                           NULL);

  xaso_record_editor_load (XASO_RECORD_EDITOR (self), load_issuers, NULL, NULL, (GDestroyNotify)g_strfreev);
  return self;
}
