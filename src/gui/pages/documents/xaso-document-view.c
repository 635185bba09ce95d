/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-actions.h"
#include "xaso-document-details.h"
#include "xaso-document-steps.h"
#include "xaso-document-types.h"
#include "xaso-document-view.h"
#include "xaso-record-loading.h"

struct _XasoDocumentView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkLabel            *heading_label;
  GtkLabel            *subject_label;
  GtkLabel            *state_label;
  GtkFlowBox          *actions_box;
  GtkListBox          *details_list;
  GtkListBox          *history_list;

  XasoContext         *context;
  XasoDocumentDetails *details;
  char                *document_id;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (XasoDocumentView, xaso_document_view, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static char *
prop (XasoDocument *doc,
      const char   *name)
{
  char *value = NULL;

  g_object_get (doc, name, &value, NULL);
  return value;
}

static char *
date_display (const char *iso)
{
  if (iso == NULL || strlen (iso) < 10)
    return g_strdup (iso);
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

static void
fill_incoming (XasoDocumentView *self,
               XasoDocument     *doc)
{
  g_autofree char *number = prop (doc, "number-display");
  g_autofree char *received = prop (doc, "date-display");
  g_autofree char *issued = date_display (xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE));
  g_autofree char *deadline = prop (doc, "deadline-display");
  g_autofree char *transferred = date_display (xaso_document_get (doc, XASO_DOCUMENT_TRANSFERRED_DATE));

  add_row (self->details_list, _("Arrival number"), number);
  add_row (self->details_list, _("Received on"), received);
  add_row (self->details_list, C_("document", "Issuer"), xaso_document_get (doc, XASO_DOCUMENT_ISSUER));
  add_row (self->details_list, _("Notation"), xaso_document_get (doc, XASO_DOCUMENT_NOTATION));
  add_row (self->details_list, _("Document date"), issued);
  add_row (self->details_list, _("Pages"), xaso_document_get (doc, XASO_DOCUMENT_PAGE_COUNT));
  add_row (self->details_list, _("Recipient unit"), xaso_document_get (doc, XASO_DOCUMENT_RECIPIENT_UNIT));
  add_row (self->details_list, _("Lead"), self->details->lead_name);
  add_row (self->details_list, _("Lead unit"), xaso_document_get (doc, XASO_DOCUMENT_LEAD_UNIT));
  add_row (self->details_list, _("Co-operating"), xaso_document_get (doc, XASO_DOCUMENT_CO_HANDLERS));
  add_row (self->details_list, _("Directive"), xaso_document_get (doc, XASO_DOCUMENT_DIRECTIVE));
  add_row (self->details_list, _("Handed over on"), transferred);
  add_row (self->details_list, _("Deadline"), deadline);
  add_row (self->details_list, _("Progress"), xaso_document_get (doc, XASO_DOCUMENT_PROGRESS));
  for (guint i = 0; i < self->details->replies->len; i++)
    {
      XasoDocument *reply = g_ptr_array_index (self->details->replies, i);

      add_row (self->details_list, _("Reply"), xaso_document_get (reply, XASO_DOCUMENT_NOTATION)
                                               ?: xaso_document_get (reply, XASO_DOCUMENT_SUBJECT));
    }
}

static void
fill_outgoing (XasoDocumentView *self,
               XasoDocument     *doc)
{
  g_autofree char *issued = date_display (xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE));
  g_autofree char *signed_on = date_display (xaso_document_get (doc, XASO_DOCUMENT_SIGNED_DATE));

  add_row (self->details_list, _("Notation"), xaso_document_get (doc, XASO_DOCUMENT_NOTATION));
  add_row (self->details_list, _("Issued on"), issued);
  add_row (self->details_list, _("Signer"), xaso_document_get (doc, XASO_DOCUMENT_SIGNER));
  add_row (self->details_list, _("Signed on"), signed_on);
  add_row (self->details_list, _("Drafting unit"), xaso_document_get (doc, XASO_DOCUMENT_LEAD_UNIT));
  add_row (self->details_list, _("Recipients"), xaso_document_get (doc, XASO_DOCUMENT_RECIPIENTS));
  if (self->details->answers != NULL)
    add_row (self->details_list, _("Answers"), xaso_document_get (self->details->answers, XASO_DOCUMENT_NOTATION));
}

static void
fill_details (XasoDocumentView *self)
{
  XasoDocument *doc = self->details->doc;
  g_autofree char *status = prop (doc, "status-label");
  g_autofree char *due = prop (doc, "due-label");
  const char *type = xaso_document_type_name (xaso_document_get (doc, XASO_DOCUMENT_TYPE_CODE));
  g_autofree char *heading = g_strdup_printf ("%s %s", type, xaso_document_get (doc, XASO_DOCUMENT_NOTATION) ?: "");
  g_autofree char *state = due && *due ? g_strjoin (" · ", status, due, NULL) : g_strdup (status);
  gboolean needs_review = FALSE;

  for (guint i = 0; i < self->details->events->len; i++)
    needs_review |= ((XasoDocumentEvent *)g_ptr_array_index (self->details->events, i))->not_applied;
  if (needs_review)
    {
      char *with_review = g_strjoin (" · ", state, _("Needs review: two desks acted at once"), NULL);

      g_free (state);
      state = with_review;
    }

  gtk_label_set_text (self->heading_label, g_strstrip (heading));
  gtk_label_set_text (self->subject_label, xaso_document_get (doc, XASO_DOCUMENT_SUBJECT));
  gtk_label_set_text (self->state_label, state);
  clear_list (self->details_list);
  if (xaso_document_is_incoming (doc))
    fill_incoming (self, doc);
  else
    fill_outgoing (self, doc);
  add_row (self->details_list, _("Urgency"), xaso_document_urgency_label (xaso_document_get (doc, XASO_DOCUMENT_URGENCY)));
  if (xaso_document_is_secret (doc))
    add_row (self->details_list, _("Confidentiality"), _("Confidential: only the stub is kept"));
  add_row (self->details_list, _("File"),
           self->details->file_path == NULL ? _("None")
           : self->details->file_here ? _("Attached")
           : _("Attached, not downloaded from the server yet: it will be here after the next sync"));
}

static void
fill_history (XasoDocumentView *self)
{
  clear_list (self->history_list);
  for (guint i = 0; i < self->details->events->len; i++)
    {
      XasoDocumentEvent *e = g_ptr_array_index (self->details->events, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
      g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (e->at);
      g_autofree char *who = e->to_user ? g_strdup_printf ("%s → %s", e->actor ?: "", e->to_user)
                                        : g_strdup (e->actor ?: "");
      g_autofree char *subtitle = g_strjoin (" · ", when, who, e->note ? e->note : NULL, NULL);
      GtkWidget *row = adw_action_row_new ();
      /* Two officials moved the document at once, offline: kept, shown,
       * without effect on the state (xaso-document-fold.c). */
      g_autofree char *title = e->not_applied
        ? g_strdup_printf ("%s (%s)", xaso_document_event_label (e->kind), _("not applied: needs review"))
        : g_strdup (xaso_document_event_label (e->kind));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);
    }
}

/* ---- The steps the user may take now ---- */

static void
step_clicked_cb (GtkButton        *button,
                 XasoDocumentView *self)
{
  XasoDocumentStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));

  if (self->details != NULL)
    xaso_document_step_run (step, GTK_WIDGET (self), self->context, self->details);
}

static void
add_step_button (XasoDocumentView *self,
                 XasoDocumentStep  step,
                 gboolean          suggested)
{
  GtkWidget *button = gtk_button_new_with_label (xaso_document_step_label (step));

  g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (step));
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (step_clicked_cb), self);
  gtk_flow_box_append (self->actions_box, button);
}

static void
fill_actions (XasoDocumentView *self)
{
  XasoUser *user = xaso_context_get_user (self->context);
  gboolean first = TRUE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_flow_box_remove (self->actions_box, child);
  for (XasoDocumentStep step = 0; step < XASO_N_DOCUMENT_STEPS; step++)
    if (xaso_document_step_applies (step, self->details, user))
      {
        add_step_button (self, step, first && step != XASO_STEP_OPEN_FILE);
        first = first && step == XASO_STEP_OPEN_FILE;
      }
}

static void
show_loaded (gpointer owner,
             gpointer loaded)
{
  XasoDocumentView *self = owner;

  g_clear_pointer (&self->details, xaso_document_details_free);
  self->details = loaded;
  fill_details (self);
  fill_actions (self);
  fill_history (self);
}

typedef struct
{
  XasoUser *viewer;
  char     *id;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->viewer);
  g_free (job->id);
  g_free (job);
}

static gpointer
load_in_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadJob *job = data;

  return xaso_document_details_load (db, job->viewer, job->id, error);
}

static void
load (XasoDocumentView *self,
      gboolean          quietly)
{
  XasoRecordPages pages = { self->stack, self->error_page, "document", quietly };
  LoadJob *job = g_new0 (LoadJob, 1);
  XasoUser *user = xaso_context_get_user (self->context);

  /* A reread after a change is not a new view. */
  job->viewer = user && !quietly ? g_object_ref (user) : NULL;
  job->id = g_strdup (self->document_id);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  xaso_record_loading_start (&pages, self->context, load_in_thread, job, (GDestroyNotify)load_job_free,
                             (GDestroyNotify)xaso_document_details_free, self->cancellable, self, show_loaded);
}

/* A step taken here or elsewhere shows at once: the document is read
 * again, without the spinner. */
static void
context_changed_cb (XasoDocumentView *self,
                    const char       *table)
{
  if (g_strcmp0 (table, "document") == 0 && self->document_id != NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self, TRUE);
}

/* Another user signed in: the steps they may take are not the last one's. */
static void
user_changed_cb (XasoDocumentView *self)
{
  if (self->details != NULL)
    fill_actions (self);
}

void
xaso_document_view_show (XasoDocumentView *self,
                         XasoContext      *context,
                         const char       *document_id)
{
  g_return_if_fail (XASO_IS_CONTEXT (context));

  if (self->context != context)
    {
      g_set_object (&self->context, context);
      g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::user", G_CALLBACK (user_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (g_strcmp0 (self->document_id, document_id) == 0 && self->details != NULL)
    return;
  g_free (self->document_id);
  self->document_id = g_strdup (document_id);
  load (self, FALSE);
}

static void
xaso_document_view_dispose (GObject *object)
{
  XasoDocumentView *self = XASO_DOCUMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_DOCUMENT_VIEW);
  g_clear_pointer (&self->details, xaso_document_details_free);
  g_clear_pointer (&self->document_id, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_document_view_parent_class)->dispose (object);
}

static void
xaso_document_view_class_init (XasoDocumentViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_document_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, error_page);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, subject_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, state_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, details_list);
  gtk_widget_class_bind_template_child (widget_class, XasoDocumentView, history_list);
}

static void
xaso_document_view_init (XasoDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
