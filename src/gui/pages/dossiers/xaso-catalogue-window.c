/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-catalogue-window.h"
#include "xaso-commune-calendar.h"
#include "xaso-dossier-fee.h"
#include "xaso-procedure-catalogue.h"
#include "xaso-procedure-editor.h"
#include "xaso-rights.h"

struct _XasoCatalogueWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkWidget           *new_version_button;
  GtkLabel            *error_label;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkListBox          *procedure_list;
  GtkStack            *detail_stack;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *limits_group;
  AdwPreferencesGroup *papers_group;
  AdwPreferencesGroup *steps_group;
  AdwPreferencesGroup *versions_group;

  XasoContext         *context;
  GCancellable        *search_cancellable;
  GCancellable        *versions_cancellable;
  XasoProcedure       *shown;
  char                *select_code;   /* to select once the list is loaded */
  GPtrArray           *rows;          /* (group, row) pairs of the details */
};

G_DEFINE_FINAL_TYPE (XasoCatalogueWindow, xaso_catalogue_window, ADW_TYPE_WINDOW)

static void
show_error (XasoCatalogueWindow *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- The details of one version ---- */

static GtkWidget *
add_row (XasoCatalogueWindow *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (title == NULL || *title == '\0')
    return NULL;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (value != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
clear_rows (XasoCatalogueWindow *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

/* "05/01/2026" from "2026-01-05". */
static char *
show_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

/* The commune's day, as the catalogue's dates are written. */
static char *
today (void)
{
  g_autoptr(GDateTime) now = xaso_commune_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A version ends the day its successor begins: it was in force through
 * the day before. */
static char *
show_last_day (const char *valid_to)
{
  int y, m, d;
  GDate date;

  if (valid_to == NULL || sscanf (valid_to, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup ("");
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_days (&date, 1);
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

static char *
validity (XasoProcedure *p)
{
  g_autofree char *from = show_date (p->valid_from), *to = show_last_day (p->valid_to), *day = today ();

  if (g_strcmp0 (p->valid_from, day) > 0)
    return g_strdup_printf (_("From %s, not yet in force"), from);
  if (p->valid_to == NULL)
    return g_strdup_printf (_("From %s, current"), from);
  if (g_strcmp0 (p->valid_to, day) > 0)
    return g_strdup_printf (_("From %s, in force through %s"), from, to);
  return g_strdup_printf (_("From %s to %s"), from, to);
}

static char *
fee_words (XasoProcedure *p)
{
  g_autofree char *money = NULL;

  if (p->fee_by_province)
    return g_strdup (_("Set by the provincial People’s Council"));
  if (p->fee_amount <= 0)
    return g_strdup (p->fee_note ? p->fee_note : _("No fee"));
  money = xaso_format_money (p->fee_amount);
  return p->fee_note ? g_strdup_printf ("%s (%s)", money, p->fee_note) : g_steal_pointer (&money);
}

static void
fill_summary (XasoCatalogueWindow *self,
              XasoProcedure       *p)
{
  g_autofree char *version = g_strdup_printf (_("Version %d"), p->version);
  g_autofree char *valid = validity (p);

  adw_preferences_group_set_title (self->summary_group, p->name);
  add_row (self, self->summary_group, _("Procedure code"), p->code ? p->code : _("Local procedure"));
  add_row (self, self->summary_group, _("Field"), p->field);
  add_row (self, self->summary_group, version, valid);
  if (p->note != NULL && *p->note != '\0')
    add_row (self, self->summary_group, _("Note"), p->note);
}

static void
fill_limits (XasoCatalogueWindow *self,
             XasoProcedure       *p)
{
  g_autofree char *direct = xaso_procedure_describe_limit (p, "direct");
  g_autofree char *online = xaso_procedure_describe_limit (p, "online");
  g_autofree char *fee = fee_words (p);

  add_row (self, self->limits_group, _("At the counter or by post"), direct);
  add_row (self, self->limits_group, _("Online"), online);
  add_row (self, self->limits_group, _("Fee"), fee);
}

static void
fill_papers_and_steps (XasoCatalogueWindow *self,
                       XasoProcedure       *p)
{
  for (guint i = 0; p->papers != NULL && p->papers[i] != NULL; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, p->papers[i]);

      add_row (self, self->papers_group, title, NULL);
    }
  for (guint i = 0; i < p->n_steps; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, p->steps[i].name);
      g_autofree char *hours = g_strdup_printf (_("%g working hours"), p->steps[i].hours);

      add_row (self, self->steps_group, title, hours);
    }
}

static void
versions_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XasoCatalogueWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (versions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  for (guint i = versions->len; i-- > 0;)
    {
      XasoProcedure *v = g_ptr_array_index (versions, i);
      g_autofree char *title = g_strdup_printf (_("Version %d"), v->version);
      g_autofree char *valid = validity (v);

      add_row (self, self->versions_group, title, valid);
    }
}

static gpointer
load_versions (XasoDatabase  *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return xaso_procedure_catalogue_versions (db, data, error);
}

static void
show_procedure (XasoCatalogueWindow *self,
                XasoProcedure       *p)
{
  g_cancellable_cancel (self->versions_cancellable);
  g_clear_object (&self->versions_cancellable);
  g_clear_pointer (&self->shown, xaso_procedure_unref);
  clear_rows (self);
  gtk_widget_set_sensitive (self->new_version_button, p != NULL && p->code != NULL);
  if (p == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  self->shown = xaso_procedure_ref (p);
  fill_summary (self, p);
  fill_limits (self, p);
  fill_papers_and_steps (self, p);
  gtk_stack_set_visible_child_name (self->detail_stack, "procedure");
  if (p->code == NULL)
    return;
  self->versions_cancellable = g_cancellable_new ();
  xaso_context_run_async (self->context, load_versions, g_strdup (p->code), g_free,
                          (GDestroyNotify)g_ptr_array_unref, self->versions_cancellable, versions_loaded_cb,
                          g_object_ref (self));
}

static void
procedure_selected_cb (XasoCatalogueWindow *self,
                       GtkListBoxRow       *row)
{
  show_procedure (self, row ? g_object_get_data (G_OBJECT (row), "procedure") : NULL);
}

/* ---- The list, searched as you type ---- */

static GtkWidget *
procedure_row (XasoProcedure *p)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", p->code ? p->code : "—", p->field ? p->field : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "procedure", xaso_procedure_ref (p), (GDestroyNotify)xaso_procedure_unref);
  return row;
}

static void
fill_list (XasoCatalogueWindow *self,
           GPtrArray           *procedures)
{
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u procedure", "%u procedures",
                                                         procedures->len), procedures->len);
  GtkWidget *child;
  GtkListBoxRow *select = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->procedure_list))) != NULL)
    gtk_list_box_remove (self->procedure_list, child);
  for (guint i = 0; i < procedures->len; i++)
    {
      XasoProcedure *p = g_ptr_array_index (procedures, i);
      GtkWidget *row = procedure_row (p);

      gtk_list_box_append (self->procedure_list, row);
      if (self->select_code != NULL && g_strcmp0 (p->code, self->select_code) == 0)
        select = GTK_LIST_BOX_ROW (row);
    }
  gtk_label_set_text (self->count_label, count);
  g_clear_pointer (&self->select_code, g_free);
  if (select != NULL)
    gtk_list_box_select_row (self->procedure_list, select);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XasoCatalogueWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procedures = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (procedures == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  fill_list (self, procedures);
}

static gpointer
list_procedures (XasoDatabase  *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return xaso_procedure_catalogue_list (db, data, NULL, error);
}

static void
search_changed_cb (XasoCatalogueWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  xaso_context_run_async (self->context, list_procedures, *text ? g_strdup (text) : NULL, g_free,
                          (GDestroyNotify)g_ptr_array_unref, self->search_cancellable, listed_cb,
                          g_object_ref (self));
}

static void
search_activate_cb (XasoCatalogueWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->procedure_list, 0);

  if (first != NULL)
    {
      gtk_list_box_select_row (self->procedure_list, first);
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

/* ---- A new version ---- */

static void
saved_cb (XasoCatalogueWindow *self,
          const char          *code)
{
  g_free (self->select_code);
  self->select_code = g_strdup (code);
  search_changed_cb (self);
}

static void
new_version_cb (XasoCatalogueWindow *self)
{
  XasoProcedureEditor *editor;

  if (self->shown == NULL)
    return;
  editor = xaso_procedure_editor_new (GTK_WINDOW (self), self->context, self->shown);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- Setting up ---- */

static void
xaso_catalogue_window_dispose (GObject *object)
{
  XasoCatalogueWindow *self = XASO_CATALOGUE_WINDOW (object);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->versions_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->versions_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CATALOGUE_WINDOW);
  g_clear_pointer (&self->shown, xaso_procedure_unref);
  g_clear_pointer (&self->select_code, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_catalogue_window_parent_class)->dispose (object);
}

static void
xaso_catalogue_window_class_init (XasoCatalogueWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_catalogue_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-catalogue-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, new_version_button);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, procedure_list);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, summary_group);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, limits_group);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, papers_group);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, steps_group);
  gtk_widget_class_bind_template_child (widget_class, XasoCatalogueWindow, versions_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, procedure_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_version_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
xaso_catalogue_window_init (XasoCatalogueWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

XasoCatalogueWindow *
xaso_catalogue_window_new (GtkWindow   *parent,
                           XasoContext *context)
{
  XasoCatalogueWindow *self = g_object_new (XASO_TYPE_CATALOGUE_WINDOW, "transient-for", parent, NULL);
  XasoUser *user = xaso_context_get_user (context);

  self->context = g_object_ref (context);
  gtk_widget_set_visible (self->new_version_button,
                          user != NULL && xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_EDIT_CATALOGUE));
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}
