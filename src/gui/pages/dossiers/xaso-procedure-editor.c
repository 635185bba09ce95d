/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-day-text.h"
#include "xaso-commune-calendar.h"
#include "xaso-procedure-catalogue.h"
#include "xaso-procedure-editor.h"

struct _XasoProcedureEditor
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkWidget     *save_button;
  GtkLabel      *error_label;
  AdwEntryRow   *valid_from_row;
  AdwEntryRow   *name_row;
  AdwEntryRow   *field_row;
  AdwComboRow   *unit_row;
  AdwEntryRow   *direct_row;
  AdwEntryRow   *online_row;
  AdwEntryRow   *fee_row;
  AdwEntryRow   *fee_note_row;
  GtkTextView   *papers_view;
  GtkTextView   *steps_view;
  AdwEntryRow   *note_row;

  XasoContext   *context;
  XasoProcedure *base;
};

G_DEFINE_FINAL_TYPE (XasoProcedureEditor, xaso_procedure_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (XasoProcedureEditor *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- From the version to the form ---- */

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  set_row (row, g_ascii_formatd (text, sizeof text, "%g", value));
}

static void
fill_lists (XasoProcedureEditor *self,
            XasoProcedure       *p)
{
  g_autofree char *papers = p->papers ? g_strjoinv ("\n", p->papers) : g_strdup ("");
  g_autoptr(GString) steps = g_string_new (NULL);

  for (guint i = 0; i < p->n_steps; i++)
    {
      char hours[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (steps, "%s%s | %s", i > 0 ? "\n" : "", p->steps[i].name,
                              g_ascii_formatd (hours, sizeof hours, "%g", p->steps[i].hours));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->papers_view), papers, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->steps_view), steps->str, -1);
}

static void
fill_form (XasoProcedureEditor *self,
           XasoProcedure       *p)
{
  g_autoptr(GDateTime) now = xaso_commune_now ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *from = g_date_time_format (tomorrow, "%d/%m/%Y");
  g_autofree char *title = g_strdup_printf (_("New Version of %s"), p->code);

  gtk_window_set_title (GTK_WINDOW (self), title);
  set_row (self->valid_from_row, from);
  set_row (self->name_row, p->name);
  set_row (self->field_row, p->field);
  adw_combo_row_set_selected (self->unit_row, p->time_unit);
  set_number (self->direct_row, p->limit_direct);
  set_number (self->online_row, p->limit_online);
  set_number (self->fee_row, (double)p->fee_amount);
  set_row (self->fee_note_row, p->fee_note);
  set_row (self->note_row, p->note);
  fill_lists (self, p);
}

/* ---- From the form to a new version ---- */

static char *
row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* "1,5" or "1.5"; FALSE for anything else. */
static gboolean
read_number (const char *text,
             double     *value)
{
  g_autofree char *dotted = g_strdelimit (g_strstrip (g_strdup (text ? text : "")), ",", '.');
  char *end = NULL;

  if (*dotted == '\0')
    {
      *value = 0;
      return TRUE;
    }
  *value = g_ascii_strtod (dotted, &end);
  return *end == '\0' && *value >= 0;
}

/* "25.000" or "25 000" đồng. */
static gboolean
read_money (const char *text,
            gint64     *amount)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != '.' && *p != ' ' && *p != ',')
      return FALSE;
  *amount = digits->len > 0 ? g_ascii_strtoll (digits->str, NULL, 10) : 0;
  return TRUE;
}

static GStrv
text_lines (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (kept, lines[i]);
  return g_strv_builder_end (kept);
}

static gboolean
read_steps (XasoProcedureEditor  *self,
            XasoProcedure        *p,
            GError              **error)
{
  g_auto(GStrv) lines = text_lines (self->steps_view);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < p->n_steps; i++)
    g_free (p->steps[i].name);
  g_free (p->steps);
  p->steps = g_new0 (XasoProcedureStep, n + 1);
  p->n_steps = 0;
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "|", 2);
      double hours = 0;

      if (parts[1] == NULL || !read_number (parts[1], &hours) || *g_strstrip (parts[0]) == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Step %u: write its name, a vertical bar and its working hours, as “Thẩm định | 8”."),
                       i + 1);
          return FALSE;
        }
      p->steps[p->n_steps++] = (XasoProcedureStep) { g_strdup (parts[0]), hours };
    }
  return TRUE;
}

static void
replace (char       **field,
         char        *value)
{
  g_free (*field);
  *field = value;
}

static gboolean
read_numbers (XasoProcedureEditor  *self,
              XasoProcedure        *p,
              GError              **error)
{
  g_autofree char *direct = row_text (self->direct_row), *online = row_text (self->online_row);
  g_autofree char *fee = row_text (self->fee_row);

  if (!read_number (direct, &p->limit_direct) || !read_number (online, &p->limit_online))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A time limit is a number, as 3 or 1,5."));
      return FALSE;
    }
  if (!read_money (fee, &p->fee_amount))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The fee is an amount in đồng, as 8.000."));
      return FALSE;
    }
  return TRUE;
}

static XasoProcedure *
read_form (XasoProcedureEditor  *self,
           GError              **error)
{
  g_autoptr(XasoProcedure) p = xaso_procedure_copy (self->base);

  replace (&p->name, row_text (self->name_row));
  replace (&p->field, row_text (self->field_row));
  replace (&p->fee_note, row_text (self->fee_note_row));
  replace (&p->note, row_text (self->note_row));
  p->time_unit = (XasoTimeUnit)adw_combo_row_get_selected (self->unit_row);
  g_strfreev (p->papers);
  p->papers = text_lines (self->papers_view);
  if (!read_numbers (self, p, error) || !read_steps (self, p, error))
    return NULL;
  return g_steal_pointer (&p);
}

/* dd/mm/yyyy, as on paper. */
static char *
read_day (XasoProcedureEditor  *self,
          GError              **error)
{
  char *day = xaso_day_from_display (gtk_editable_get_text (GTK_EDITABLE (self->valid_from_row)));

  if (day == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Write the day the version comes into force as dd/mm/yyyy."));
  return day;
}

/* ---- Saving, on the worker ---- */

typedef struct
{
  XasoUser      *actor;
  XasoProcedure *edited;
  char          *valid_from;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->edited, xaso_procedure_unref);
  g_free (job->valid_from);
  g_free (job);
}

static gpointer
save_in_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  SaveJob *job = data;

  return xaso_procedure_new_version (db, job->actor, job->edited, job->valid_from, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XasoProcedureEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  xaso_context_notify_changed (XASO_CONTEXT (source), "procedure");
  g_signal_emit (self, signals[SAVED], 0, self->base->code);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (XasoProcedureEditor *self)
{
  g_autoptr(GError) error = NULL;
  SaveJob *job = g_new0 (SaveJob, 1);
  XasoUser *actor = xaso_context_get_user (self->context);

  if (actor == NULL || (job->valid_from = read_day (self, &error)) == NULL ||
      (job->edited = read_form (self, &error)) == NULL)
    {
      show_error (self, error ? error->message : NULL);
      save_job_free (job);
      return;
    }
  job->actor = g_object_ref (actor);
  show_error (self, NULL);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  xaso_context_run_async (self->context, save_in_thread, job, (GDestroyNotify)save_job_free, g_free, NULL,
                          saved_cb, g_object_ref (self));
}

/* ---- Setting up ---- */

static void
xaso_procedure_editor_dispose (GObject *object)
{
  XasoProcedureEditor *self = XASO_PROCEDURE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PROCEDURE_EDITOR);
  g_clear_object (&self->context);
  g_clear_pointer (&self->base, xaso_procedure_unref);
  G_OBJECT_CLASS (xaso_procedure_editor_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-procedure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, valid_from_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, field_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, direct_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, online_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, fee_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, fee_note_row);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, papers_view);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, steps_view);
  gtk_widget_class_bind_template_child (widget_class, XasoProcedureEditor, note_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
xaso_procedure_editor_class_init (XasoProcedureEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_procedure_editor_dispose;
  bind_template (widget_class);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xaso_procedure_editor_init (XasoProcedureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XasoProcedureEditor *
xaso_procedure_editor_new (GtkWindow     *parent,
                           XasoContext   *context,
                           XasoProcedure *procedure)
{
  XasoProcedureEditor *self = g_object_new (XASO_TYPE_PROCEDURE_EDITOR, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->base = xaso_procedure_ref (procedure);
  fill_form (self, procedure);
  gtk_widget_grab_focus (GTK_WIDGET (self->valid_from_row));
  return self;
}
