/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xaso-commune-calendar.h"
#include "xaso-day-text.h"
#include "xaso-period-picker.h"
#include "xaso-report-period.h"

struct _XasoPeriodPicker
{
  GtkBox       parent_instance;

  GtkDropDown *kind;
  GtkDropDown *month;
  GtkDropDown *quarter;
  GtkSpinButton *year;
  GtkEntry    *from;
  GtkEntry    *to;
};

G_DEFINE_FINAL_TYPE (XasoPeriodPicker, xaso_period_picker, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices of the first drop-down, in its order. */
enum {
  THIS_MONTH,
  A_MONTH,
  A_QUARTER,
  SIX_MONTHS,
  NINE_MONTHS,
  A_YEAR,
  TWO_DATES,
};

static const XasoPeriodKind kinds[] = {
  XASO_PERIOD_MONTH, XASO_PERIOD_MONTH, XASO_PERIOD_QUARTER, XASO_PERIOD_SIX_MONTHS, XASO_PERIOD_NINE_MONTHS,
  XASO_PERIOD_YEAR, XASO_PERIOD_RANGE,
};

static guint
kind_of (XasoPeriodPicker *self)
{
  return MIN (gtk_drop_down_get_selected (self->kind), TWO_DATES);
}

gboolean
xaso_period_picker_get_bounds (XasoPeriodPicker  *self,
                               char             **from,
                               char             **to)
{
  guint kind = kind_of (self);
  g_autoptr(GDateTime) now = xaso_commune_now ();
  int year = gtk_spin_button_get_value_as_int (self->year);
  int index = kind == A_QUARTER ? (int)gtk_drop_down_get_selected (self->quarter) + 1
                                : (int)gtk_drop_down_get_selected (self->month) + 1;

  if (kind == THIS_MONTH)
    return xaso_period_bounds (XASO_PERIOD_MONTH, g_date_time_get_year (now), g_date_time_get_month (now),
                               from, to);
  if (kind != TWO_DATES)
    return xaso_period_bounds (kinds[kind], year, index, from, to);
  *from = xaso_day_from_display (gtk_editable_get_text (GTK_EDITABLE (self->from)));
  *to = xaso_day_from_display (gtk_editable_get_text (GTK_EDITABLE (self->to)));
  if (*from != NULL && *to != NULL && strcmp (*from, *to) <= 0)
    return TRUE;
  g_clear_pointer (from, g_free);
  g_clear_pointer (to, g_free);
  return FALSE;
}

/* Only the controls the kind of period needs are shown. */
static void
show_controls (XasoPeriodPicker *self)
{
  guint kind = kind_of (self);

  gtk_widget_set_visible (GTK_WIDGET (self->month), kind == A_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->quarter), kind == A_QUARTER);
  gtk_widget_set_visible (GTK_WIDGET (self->year), kind != THIS_MONTH && kind != TWO_DATES);
  gtk_widget_set_visible (GTK_WIDGET (self->from), kind == TWO_DATES);
  gtk_widget_set_visible (GTK_WIDGET (self->to), kind == TWO_DATES);
}

static void
changed_cb (XasoPeriodPicker *self)
{
  g_autofree char *from = NULL, *to = NULL;
  gboolean valid;

  show_controls (self);
  valid = xaso_period_picker_get_bounds (self, &from, &to);
  if (kind_of (self) == TWO_DATES)
    {
      if (valid)
        gtk_widget_remove_css_class (GTK_WIDGET (self->to), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->to), "error");
    }
  if (valid)
    g_signal_emit (self, signals[CHANGED], 0);
}

static GtkDropDown *
drop_down_new (const char * const *items,
               const char         *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (items));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), name);
  return dropdown;
}

static GtkEntry *
date_entry_new (const char *name,
                const char *text)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_placeholder_text (entry, _("dd/mm/yyyy"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return entry;
}

static void
build (XasoPeriodPicker *self)
{
  const char *kind_names[] = { _("This month"), _("A month"), _("A quarter"), _("6 months"), _("9 months"),
                               _("A year"), _("Between two dates"), NULL };
  const char *months[13] = { NULL };
  const char *quarters[] = { _("Quarter I"), _("Quarter II"), _("Quarter III"), _("Quarter IV"), NULL };
  g_autoptr(GDateTime) now = xaso_commune_now ();
  g_autofree char *first = g_date_time_format (now, "01/%m/%Y");
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  char *month_names[12];

  for (int m = 0; m < 12; m++)
    months[m] = month_names[m] = g_strdup_printf (_("Month %d"), m + 1);
  self->kind = drop_down_new (kind_names, _("Period"));
  self->month = drop_down_new (months, _("Month"));
  self->quarter = drop_down_new (quarters, _("Quarter"));
  self->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year), _("Year"));
  gtk_spin_button_set_value (self->year, g_date_time_get_year (now));
  gtk_drop_down_set_selected (self->month, (guint)g_date_time_get_month (now) - 1);
  gtk_drop_down_set_selected (self->quarter, (guint)(g_date_time_get_month (now) - 1) / 3);
  self->from = date_entry_new (_("From (dd/mm/yyyy)"), first);
  self->to = date_entry_new (_("To (dd/mm/yyyy)"), today);
  for (int m = 0; m < 12; m++)
    g_free (month_names[m]);
}

static void
xaso_period_picker_class_init (XasoPeriodPickerClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
xaso_period_picker_init (XasoPeriodPicker *self)
{
  GtkWidget *controls[6];

  build (self);
  controls[0] = GTK_WIDGET (self->kind);
  controls[1] = GTK_WIDGET (self->month);
  controls[2] = GTK_WIDGET (self->quarter);
  controls[3] = GTK_WIDGET (self->year);
  controls[4] = GTK_WIDGET (self->from);
  controls[5] = GTK_WIDGET (self->to);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    gtk_box_append (GTK_BOX (self), controls[i]);
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month, "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quarter, "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year, "value-changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  show_controls (self);
}

GtkWidget *
xaso_period_picker_new (void)
{
  return g_object_new (XASO_TYPE_PERIOD_PICKER, NULL);
}
