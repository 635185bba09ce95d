/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-dashboard-view.h"
#include "xaso-period-picker.h"
#include "xaso-report-list.h"
#include "xaso-reports-page.h"

/* Báo cáo: the leader's dashboard for a period, counted on the worker
 * from the local replica, and the reports to print or export. The
 * dashboard is counted again when the period changes, and when records
 * change while the page is shown (else when it is next shown). */
struct _XasoReportsPage
{
  XasoPage           parent_instance;

  XasoPeriodPicker  *period_picker;
  GtkSpinner        *spinner;
  AdwViewStack      *view_stack;
  GtkStack          *overview_stack;
  AdwStatusPage     *error_page;
  XasoDashboardView *dashboard_view;
  XasoReportList    *report_list;

  GCancellable      *cancellable;
  gint64             asked_at;      /* when the figures were asked for, to time them */
  gboolean           stale;         /* records changed while the page was hidden */
  guint              refresh_source;
};

G_DEFINE_FINAL_TYPE (XasoReportsPage, xaso_reports_page, XASO_TYPE_PAGE)

typedef struct
{
  char *from;
  char *to;
} Period;

static void
period_free (Period *p)
{
  g_free (p->from);
  g_free (p->to);
  g_free (p);
}

static gpointer
compute_in_thread (XasoDatabase  *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Period *p = data;

  return xaso_dashboard_compute (db, p->from, p->to, NULL, error);
}

/* The time from asking to the first frame drawn with the figures, for
 * the benchmark (G_MESSAGES_DEBUG=xaso-reports prints it). */
static void
after_paint_cb (GdkFrameClock   *clock,
                XasoReportsPage *self)
{
  g_debug ("dashboard drawn in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - self->asked_at);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XasoReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDashboard) d = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  GdkFrameClock *clock;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (d == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->overview_stack, "error");
      return;
    }
  g_debug ("dashboard counted in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - self->asked_at);
  xaso_dashboard_view_show (self->dashboard_view, d);
  g_debug ("dashboard shown in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - self->asked_at);
  gtk_stack_set_visible_child_name (self->overview_stack, "dashboard");
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

static void
compute (XasoReportsPage *self)
{
  XasoContext *context = xaso_page_get_context (XASO_PAGE (self));
  Period *p = g_new0 (Period, 1);

  if (context == NULL || !xaso_period_picker_get_bounds (self->period_picker, &p->from, &p->to))
    {
      period_free (p);
      return;
    }
  xaso_report_list_set_period (self->report_list, p->from, p->to);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->asked_at = g_get_monotonic_time ();
  self->stale = FALSE;
  gtk_spinner_start (self->spinner);
  xaso_context_run_async (context, compute_in_thread, p, (GDestroyNotify)period_free,
                          (GDestroyNotify)xaso_dashboard_free, self->cancellable, computed_cb, g_object_ref (self));
}

static void
period_changed_cb (XasoReportsPage *self)
{
  compute (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  XasoReportsPage *self = user_data;

  self->refresh_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->stale = TRUE;
  return G_SOURCE_REMOVE;
}

/* Many changes come together (a dossier and its events): count once. */
static void
context_changed_cb (XasoReportsPage *self,
                    const char      *table)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (500, refresh_cb, self);
}

static void
xaso_reports_page_map (GtkWidget *widget)
{
  XasoReportsPage *self = XASO_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (xaso_reports_page_parent_class)->map (widget);
  if (self->stale)
    compute (self);
}

static void
xaso_reports_page_context_set (XasoPage *page)
{
  XasoReportsPage *self = XASO_REPORTS_PAGE (page);
  XasoContext *context = xaso_page_get_context (page);

  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  xaso_report_list_set_context (self->report_list, context);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->stale = TRUE;
}

static void
xaso_reports_page_dispose (GObject *object)
{
  XasoReportsPage *self = XASO_REPORTS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (xaso_reports_page_parent_class)->dispose (object);
}

static void
xaso_reports_page_class_init (XasoReportsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_reports_page_dispose;
  widget_class->map = xaso_reports_page_map;
  XASO_PAGE_CLASS (klass)->context_set = xaso_reports_page_context_set;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, XasoReportsPage, report_list);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
}

static void
xaso_reports_page_init (XasoReportsPage *self)
{
  g_type_ensure (XASO_TYPE_PERIOD_PICKER);
  g_type_ensure (XASO_TYPE_DASHBOARD_VIEW);
  g_type_ensure (XASO_TYPE_REPORT_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));
}
