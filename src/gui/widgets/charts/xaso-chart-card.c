/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-chart-card.h"

struct _XasoChartCard
{
  GtkBox       parent_instance;

  XasoChart   *chart;
  GtkStack    *stack;
  GtkWidget   *table;
  GtkWidget   *note;
  GtkWidget   *toggle;
  gboolean     table_stale;  /* the table is filled when it is shown */
};

G_DEFINE_FINAL_TYPE (XasoChartCard, xaso_chart_card, GTK_TYPE_BOX)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chart_link_cb (XasoChartCard *self,
               const char    *link)
{
  g_signal_emit (self, signals[ACTIVATE_LINK], 0, link);
}

static void
row_activated_cb (XasoChartCard *self,
                  GtkListBoxRow *row)
{
  const char *link = g_object_get_data (G_OBJECT (row), "link");

  if (link != NULL)
    g_signal_emit (self, signals[ACTIVATE_LINK], 0, link);
}

static void fill_table (XasoChartCard *self,
                        XasoChartData *data);

static void
toggled_cb (XasoChartCard   *self,
            GtkToggleButton *toggle)
{
  gboolean table = gtk_toggle_button_get_active (toggle);

  if (table && self->table_stale)
    fill_table (self, xaso_chart_get_data (self->chart));
  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "chart");
}

static GtkWidget *
cell_new (const char *text,
          gboolean    first,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), first ? 0 : 1);
  gtk_widget_set_hexpand (label, first);
  if (first)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_widget_add_css_class (label, heading ? "caption-heading" : "numeric");
  return label;
}

static GtkWidget *
table_row_new (XasoChartData       *data,
               const XasoChartItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *description = item ? xaso_chart_describe_item (data, item) : NULL;

  gtk_box_append (GTK_BOX (box), cell_new (item ? item->label : "", TRUE, item == NULL));
  for (guint s = 0; s < data->n_series; s++)
    {
      g_autofree char *value = item ? xaso_chart_format_value (data, item->values[s]) : NULL;

      gtk_box_append (GTK_BOX (box), cell_new (item ? value : data->series[s], FALSE, item == NULL));
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), item != NULL && item->link != NULL);
  if (item == NULL)
    gtk_widget_set_focusable (row, FALSE);
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_object_set_data_full (G_OBJECT (row), "link", g_strdup (item->link), g_free);
    }
  return row;
}

static void
fill_table (XasoChartCard *self,
            XasoChartData *data)
{
  GtkWidget *child;

  self->table_stale = FALSE;
  while ((child = gtk_widget_get_first_child (self->table)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->table), child);
  gtk_list_box_append (GTK_LIST_BOX (self->table), table_row_new (data, NULL));
  for (guint i = 0; i < data->items->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->table), table_row_new (data, g_ptr_array_index (data->items, i)));
}

void
xaso_chart_card_set_data (XasoChartCard *self,
                          XasoChartData *data)
{
  g_return_if_fail (XASO_IS_CHART_CARD (self));
  xaso_chart_set_data (self->chart, data);
  /* Most cards are read as charts: their tables wait until asked for. */
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggle)))
    fill_table (self, data);
  else
    self->table_stale = TRUE;
}

void
xaso_chart_card_set_note (XasoChartCard *self,
                          const char    *note)
{
  gtk_label_set_text (GTK_LABEL (self->note), note ? note : "");
  gtk_widget_set_visible (self->note, note != NULL && *note);
}

static GtkWidget *
header_new (XasoChartCard *self,
            const char    *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *toggle_name = g_strdup_printf (_("Show “%s” as a Table"), title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  self->toggle = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->toggle), "view-list-symbolic");
  gtk_widget_add_css_class (self->toggle, "flat");
  gtk_widget_set_valign (self->toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->toggle, _("Show as a Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, toggle_name, -1);
  g_signal_connect_object (self->toggle, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->toggle);
  return box;
}

XasoChartCard *
xaso_chart_card_new (const char *title,
                     GtkWidget  *chart)
{
  XasoChartCard *self = g_object_new (XASO_TYPE_CHART_CARD, "orientation", GTK_ORIENTATION_VERTICAL,
                                      "spacing", 6, NULL);

  self->chart = XASO_CHART (chart);
  self->stack = GTK_STACK (gtk_stack_new ());
  self->table = gtk_list_box_new ();
  self->note = gtk_label_new (NULL);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->table), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_add_css_class (self->table, "chart-table");
  gtk_stack_add_named (self->stack, chart, "chart");
  gtk_stack_add_named (self->stack, self->table, "table");
  gtk_label_set_xalign (GTK_LABEL (self->note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->note), TRUE);
  gtk_widget_add_css_class (self->note, "dim-label");
  gtk_widget_add_css_class (self->note, "caption");
  gtk_widget_set_visible (self->note, FALSE);
  gtk_box_append (GTK_BOX (self), header_new (self, title));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (self), self->note);
  g_signal_connect_object (chart, "activate-link", G_CALLBACK (chart_link_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
xaso_chart_card_class_init (XasoChartCardClass *klass)
{
  signals[ACTIVATE_LINK] = g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xaso_chart_card_init (XasoChartCard *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "chart-card");
}
