/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-register-print-dialog.h"
#include "xaso-report-export-row.h"
#include "xaso-report-list.h"
#include "xaso-report-period.h"

struct _XasoReportList
{
  AdwBin                parent_instance;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *reports_group;
  GPtrArray            *rows;           /* XasoReportExportRow, unowned */
  XasoContext          *context;
  char                 *from, *to;
};

G_DEFINE_FINAL_TYPE (XasoReportList, xaso_report_list, ADW_TYPE_BIN)

void
xaso_report_list_set_context (XasoReportList *self,
                              XasoContext    *context)
{
  g_set_object (&self->context, context);
}

void
xaso_report_list_set_period (XasoReportList *self,
                             const char     *from,
                             const char     *to)
{
  g_autofree char *period = xaso_period_describe (from, to);
  g_autofree char *description = g_strdup_printf (_("For the period chosen above: %s."), period);

  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  adw_preferences_group_set_description (self->reports_group, description);
  for (guint i = 0; i < self->rows->len; i++)
    xaso_report_export_row_set_period (g_ptr_array_index (self->rows, i), self->context, from, to);
}

static void
build_reports (XasoReportList *self)
{
  static const struct { XasoReportKind kind; const char *subtitle; } reports[] = {
    { XASO_REPORT_DOSSIERS, N_("Per unit, in the layout of the province’s one-stop system") },
    { XASO_REPORT_KPI, N_("The period’s figures: received, resolved, on-time and online rates, documents") },
    { XASO_REPORT_OVERDUE, N_("Names applicants: exporting it is recorded in the audit log") },
    { XASO_REPORT_DOCUMENTS, N_("Incoming documents due, by lead person; documents issued") },
    { XASO_REPORT_POPULATION, N_("Residents and households by hamlet; births and deaths") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      XasoReportExportRow *row = xaso_report_export_row_new (reports[i].kind, _(reports[i].subtitle));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->reports_group, GTK_WIDGET (row));
    }
}

/* ---- The registers ---- */

static void
register_clicked_cb (GtkButton      *button,
                     XasoReportList *self)
{
  if (self->context != NULL)
    xaso_register_print_dialog_start (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                      g_object_get_data (G_OBJECT (button), "register"));
}

static void
add_register (XasoReportList      *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              const char          *which)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Print…"));
  g_autofree char *name = g_strdup_printf (_("Print the %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "register", (gpointer)which);
  g_signal_connect_object (button, "clicked", G_CALLBACK (register_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
}

static void
build_registers (XasoReportList *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Registers"));
  adw_preferences_group_set_description (group, _("Printed for a period you choose, with their cover page."));
  add_register (self, group, _("Registers of documents received"),
                _("Incoming documents, and the follow-up of their handling"), "incoming");
  add_register (self, group, _("Register of documents issued"), _("Outgoing documents"), "outgoing");
  add_register (self, group, _("Follow-up register of dossiers"), _("One-stop dossiers (form 07)"), "dossiers");
  adw_preferences_page_add (self->page, group);
}

static void
xaso_report_list_dispose (GObject *object)
{
  XasoReportList *self = XASO_REPORT_LIST (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (xaso_report_list_parent_class)->dispose (object);
}

static void
xaso_report_list_finalize (GObject *object)
{
  XasoReportList *self = XASO_REPORT_LIST (object);

  g_free (self->from);
  g_free (self->to);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (xaso_report_list_parent_class)->finalize (object);
}

static void
xaso_report_list_class_init (XasoReportListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_report_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = xaso_report_list_finalize;
}

static void
xaso_report_list_init (XasoReportList *self)
{
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->reports_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->reports_group, _("Reports of the Period"));
  self->rows = g_ptr_array_new ();
  adw_preferences_page_add (self->page, self->reports_group);
  build_reports (self);
  build_registers (self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
}
