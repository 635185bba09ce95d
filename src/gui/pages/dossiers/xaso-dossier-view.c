/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-dossier-details.h"
#include "xaso-dossier-steps.h"
#include "xaso-dossier-view.h"

#define VIEW_PURPOSE "xem hồ sơ một cửa"

struct _XasoDossierView
{
  XasoRecordView      parent_instance;

  /* Template widgets */
  GtkLabel             *code_label;
  GtkLabel             *procedure_label;
  GtkLabel             *state_label;
  GtkFlowBox           *actions_box;
  AdwPreferencesGroup  *applicant_group;
  AdwPreferencesGroup  *deadline_group;
  AdwPreferencesGroup  *papers_group;
  AdwPreferencesGroup  *files_group;
  AdwPreferencesGroup  *history_group;

  XasoDossierDetails   *details;
  GPtrArray            *rows;      /* (group, row) pairs added, to remove them */
};

G_DEFINE_FINAL_TYPE (XasoDossierView, xaso_dossier_view, XASO_TYPE_RECORD_VIEW)

static void
clear_rows (XasoDossierView *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (XasoDossierView     *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  return row;
}

static char *
show_time (GDateTime *time)
{
  g_autofree char *iso = xaso_dossier_format_time (time);

  return xaso_dossier_display_time (iso);
}

static void
fill_heading (XasoDossierView *self)
{
  XasoDossier *d = self->details->dossier;
  XasoProcedure *p = self->details->procedure;
  g_autofree char *procedure = g_strdup_printf ("%s (%s)", p->name, p->code ? p->code : "");
  g_autofree char *due = NULL;
  g_autoptr(GString) state = g_string_new (xaso_dossier_status_label (xaso_dossier_get_status (d)));

  g_object_get (d, "due-label", &due, NULL);
  if (due != NULL)
    g_string_append_printf (state, " · %s", due);
  if (self->details->state.timeliness != XASO_TIMELINESS_NONE)
    g_string_append_printf (state, " · %s", xaso_timeliness_label (self->details->state.timeliness));
  if (self->details->state.needs_review)
    g_string_append_printf (state, " · %s", _("Needs review: two desks acted at once"));
  gtk_label_set_text (self->code_label, xaso_dossier_get (d, XASO_DOSSIER_CODE));
  gtk_label_set_text (self->procedure_label, procedure);
  gtk_label_set_text (self->state_label, state->str);
}

/* The applicant is a resident: the row opens their record on the Công
 * dân page (win.show-record). */
static void
link_person (GtkWidget  *row,
             const char *person_id)
{
  GtkWidget *open;

  if (row == NULL || person_id == NULL || *person_id == '\0')
    return;
  open = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open the Resident Record"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the applicant’s resident record"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(ss)", "citizens", person_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
}

static void
fill_applicant (XasoDossierView *self)
{
  XasoDossier *d = self->details->dossier;

  GtkWidget *name = add_row (self, self->applicant_group, _("Name"),
                             xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_NAME));

  link_person (name, xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_PERSON_ID));
  add_row (self, self->applicant_group, _("ID number"), xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_ID_NUMBER));
  add_row (self, self->applicant_group, _("Phone"), xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_PHONE));
  add_row (self, self->applicant_group, _("Address"), xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_ADDRESS));
  add_row (self, self->applicant_group, _("Channel"),
           xaso_dossier_channel_label (xaso_dossier_get (d, XASO_DOSSIER_CHANNEL)));
  add_row (self, self->applicant_group, _("Result collected by"), xaso_dossier_get (d, XASO_DOSSIER_COLLECTED_BY));
}

static void
fill_deadlines (XasoDossierView *self)
{
  XasoDossierState *s = &self->details->state;
  XasoProcedure *p = self->details->procedure;
  AdwPreferencesGroup *g = self->deadline_group;
  g_autofree char *received = show_time (s->received_at), *legal = show_time (s->legal_due);
  g_autofree char *due = show_time (s->due), *resolved = show_time (s->resolved_at);
  g_autofree char *returned = show_time (s->returned_at), *paused = show_time (s->paused_at);
  g_autofree char *step_due = show_time (s->step_due);
  g_autofree char *limit = xaso_procedure_describe_limit (p, xaso_dossier_get (self->details->dossier,
                                                                             XASO_DOSSIER_CHANNEL));

  add_row (self, g, C_("dossier", "Received"), received);
  add_row (self, g, _("Time limit"), limit);
  add_row (self, g, _("Legal deadline"), legal);
  if (g_strcmp0 (due, legal) != 0)
    add_row (self, g, _("New appointment (after an apology)"), due);
  add_row (self, g, _("Paused since (waiting for the supplement)"), paused);
  for (guint i = 0; i < s->pauses->len; i++)
    {
      XasoPause *pause = &g_array_index (s->pauses, XasoPause, i);
      g_autofree char *from = show_time (pause->start), *to = show_time (pause->end);
      g_autofree char *text = g_strdup_printf ("%s → %s", from, to ? to : "…");

      add_row (self, g, _("Clock paused"), text);
    }
  if (s->step < p->n_steps && xaso_dossier_is_open (self->details->dossier))
    {
      g_autofree char *step = g_strdup_printf ("%s · %s %s", p->steps[s->step].name, _("due"), step_due ?: "");

      add_row (self, g, _("Current step"), step);
    }
  add_row (self, g, _("Held by"), self->details->assignee_name);
  add_row (self, g, _("Resolved"), resolved);
  add_row (self, g, _("Returned"), returned);
}

static void
fill_papers (XasoDossierView *self)
{
  XasoProcedure *p = self->details->procedure;
  g_autofree char *version = g_strdup_printf (_("%d, valid from %s"), p->version, p->valid_from);

  for (guint i = 0; p->papers[i] != NULL; i++)
    {
      gboolean has = xaso_dossier_details_has_paper (self->details, i);
      GtkWidget *row = add_row (self, self->papers_group, p->papers[i], has ? C_("paper", "Handed in") : _("Not handed in"));
      GtkWidget *icon = gtk_image_new_from_icon_name (has ? "object-select-symbolic" : "window-close-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      has ? C_("paper", "Handed in") : _("Not handed in"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  add_row (self, self->papers_group, _("Version of the procedure"), version);
}

static void
open_clicked_cb (GtkButton       *button,
                 XasoDossierView *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "attachment-id");
  GPtrArray *files = self->details != NULL ? self->details->attachments : NULL;

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      XasoAttachment *a = g_ptr_array_index (files, i);

      if (g_strcmp0 (a->id, id) == 0)
        xaso_dossier_steps_open_file (GTK_WIDGET (self), xaso_record_view_get_context (XASO_RECORD_VIEW (self)), a);
    }
}

static void
fill_files (XasoDossierView *self)
{
  GPtrArray *files = self->details->attachments;

  for (guint i = 0; i < files->len; i++)
    {
      XasoAttachment *a = g_ptr_array_index (files, i);
      g_autofree char *when = xaso_dossier_display_time (a->created_at);
      g_autofree char *what = a->encrypted ? g_strdup_printf ("%s · %s", when, _("sensitive, encrypted"))
                                           : g_strdup (when);
      GtkWidget *row = add_row (self, self->files_group, a->file_name, what);
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, a->file_name, -1);
      g_object_set_data_full (G_OBJECT (open), "attachment-id", g_strdup (a->id), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  if (files->len == 0)
    add_row (self, self->files_group, _("No files"), _("Scans and results attached to the dossier show here."));
}

static void
fill_history (XasoDossierView *self)
{
  GPtrArray *events = self->details->events;

  /* Newest first: what happened last is what the official looks for. */
  for (guint i = events->len; i-- > 0;)
    {
      XasoDossierEvent *e = g_ptr_array_index (events, i);
      g_autofree char *when = xaso_dossier_display_time (e->at);
      g_autofree char *who = e->to_user ? g_strdup_printf ("%s → %s", e->actor ?: "", e->to_user)
                                        : g_strdup (e->actor ?: "");
      g_autofree char *subtitle = g_strjoin (" · ", when, who, e->note ? e->note : NULL, NULL);
      g_autofree char *title = NULL;
      gboolean refused = FALSE;

      for (guint j = 0; j < self->details->state.refused->len; j++)
        refused |= g_array_index (self->details->state.refused, guint, j) == i;
      title = refused ? g_strdup_printf ("%s (%s)", xaso_dossier_event_label (e->kind), _("not applied: needs review"))
                      : g_strdup (xaso_dossier_event_label (e->kind));
      add_row (self, self->history_group, title, subtitle);
    }
}

/* ---- The steps the user may take now ---- */

static void
step_clicked_cb (GtkButton       *button,
                 XasoDossierView *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "step");

  if (self->details != NULL)
    xaso_dossier_steps_run (GTK_WIDGET (self), xaso_record_view_get_context (XASO_RECORD_VIEW (self)),
                            self->details, kind);
}

static void
add_step_button (XasoDossierView *self,
                 const char      *kind,
                 gboolean         suggested)
{
  GtkWidget *button = gtk_button_new_with_label (xaso_dossier_steps_label (kind));

  g_object_set_data_full (G_OBJECT (button), "step", g_strdup (kind), g_free);
  /* The step most likely next stands out; the ones that end a dossier ask
   * in their dialog, in red, rather than fill the page with it. */
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (step_clicked_cb), self);
  gtk_flow_box_append (self->actions_box, button);
}

static void
fill_actions (XasoDossierView *self)
{
  XasoContext *context = xaso_record_view_get_context (XASO_RECORD_VIEW (self));
  g_auto(GStrv) steps = xaso_dossier_steps_for (self->details, xaso_context_get_user (context));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_flow_box_remove (self->actions_box, child);
  for (guint i = 0; steps[i] != NULL; i++)
    add_step_button (self, steps[i], i == 0);
  add_step_button (self, XASO_DOSSIER_STEP_ATTACH, FALSE);
  add_step_button (self, XASO_DOSSIER_STEP_PRINT, FALSE);
}

/* ---- Loading ---- */

static gpointer
load_dossier (XasoDatabase  *db,
              const char    *id,
              GError       **error)
{
  return xaso_dossier_details_load (db, id, error);
}

static void
xaso_dossier_view_show_loaded (XasoRecordView *view,
                               gpointer        loaded)
{
  XasoDossierView *self = XASO_DOSSIER_VIEW (view);

  g_clear_pointer (&self->details, xaso_dossier_details_free);
  self->details = loaded;
  clear_rows (self);
  fill_heading (self);
  fill_actions (self);
  fill_applicant (self);
  fill_deadlines (self);
  fill_papers (self);
  fill_files (self);
  fill_history (self);
}

static void
xaso_dossier_view_clear (XasoRecordView *view)
{
  XasoDossierView *self = XASO_DOSSIER_VIEW (view);

  g_clear_pointer (&self->details, xaso_dossier_details_free);
}

/* A step taken here or elsewhere shows at once, without the spinner. */
static void
context_changed_cb (XasoDossierView *self,
                    const char      *table)
{
  if (g_strcmp0 (table, "dossier") == 0 && self->details != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    xaso_record_view_reload (XASO_RECORD_VIEW (self));
}

static void
user_changed_cb (XasoDossierView *self)
{
  if (self->details != NULL)
    fill_actions (self);
}

void
xaso_dossier_view_watch (XasoDossierView *self,
                         XasoContext     *context)
{
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::user", G_CALLBACK (user_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
xaso_dossier_view_dispose (GObject *object)
{
  XasoDossierView *self = XASO_DOSSIER_VIEW (object);

  g_clear_pointer (&self->details, xaso_dossier_details_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_DOSSIER_VIEW);
  G_OBJECT_CLASS (xaso_dossier_view_parent_class)->dispose (object);
}

static void
xaso_dossier_view_class_init (XasoDossierViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordViewClass *view_class = XASO_RECORD_VIEW_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_dossier_view_dispose;
  view_class->load = load_dossier;
  view_class->show_loaded = xaso_dossier_view_show_loaded;
  view_class->clear = xaso_dossier_view_clear;
  view_class->loaded_free = (GDestroyNotify)xaso_dossier_details_free;
  view_class->audit_table = "dossier";
  view_class->audit_purpose = VIEW_PURPOSE;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-dossier-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, code_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, state_label);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, applicant_group);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, deadline_group);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, papers_group);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, files_group);
  gtk_widget_class_bind_template_child (widget_class, XasoDossierView, history_group);
}

static void
xaso_dossier_view_init (XasoDossierView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
