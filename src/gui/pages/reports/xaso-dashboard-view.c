/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "xaso-bar-chart.h"
#include "xaso-chart-card.h"
#include "xaso-dashboard-charts.h"
#include "xaso-dashboard-view.h"
#include "xaso-gauge-chart.h"
#include "xaso-line-chart.h"
#include "xaso-pyramid-chart.h"
#include "xaso-report-period.h"

/* The figures shown as tiles, in their order. */
typedef enum
{
  TILE_RECEIVED,
  TILE_ONLINE_RATE,
  TILE_RESOLVED,
  TILE_ON_TIME_RATE,
  TILE_IN_PROGRESS,
  TILE_IN_PROGRESS_LATE,
  TILE_DUE_TODAY,
  TILE_DUE_TOMORROW,
  TILE_REFUSED,
  TILE_RETURNED,
  TILE_DOCUMENTS_INCOMING,
  TILE_DOCUMENTS_OVERDUE,
  TILE_DOCUMENTS_OUTGOING,
  TILE_DOCUMENTS_LATE,
  TILE_PERSONS,
  TILE_HOUSEHOLDS,
  TILE_WITHOUT_AGE,
  N_TILES
} Tile;

typedef enum
{
  CARD_CHANNELS,
  CARD_TIMELINESS,
  CARD_TREND,
  CARD_DECISION,
  CARD_OFFICERS,
  CARD_OVERDUE_UNITS,
  CARD_UNITS,
  CARD_FIELDS,
  CARD_LEADS,
  CARD_HAMLETS,
  CARD_PYRAMID,
  CARD_BIRTHS,
  N_CARDS
} Card;

typedef XasoChartData *(*ChartFunc) (const XasoDashboard *d);

static const ChartFunc chart_funcs[N_CARDS] = {
  xaso_dashboard_chart_channels, xaso_dashboard_chart_timeliness, xaso_dashboard_chart_trend,
  xaso_dashboard_chart_decision, xaso_dashboard_chart_officers, xaso_dashboard_chart_overdue_units,
  xaso_dashboard_chart_units, xaso_dashboard_chart_fields, xaso_dashboard_chart_leads,
  xaso_dashboard_chart_hamlets, xaso_dashboard_chart_pyramid, xaso_dashboard_chart_births,
};

struct _XasoDashboardView
{
  GtkWidget      parent_instance;

  GtkWidget     *scrolled;
  GtkLabel      *period_label;
  GtkButton     *tiles[N_TILES];
  XasoChartCard *cards[N_CARDS];
};

G_DEFINE_FINAL_TYPE (XasoDashboardView, xaso_dashboard_view, GTK_TYPE_WIDGET)

static void
open_link (XasoDashboardView *self,
           const char        *link)
{
  g_autofree char *page = NULL, *query = NULL, *description = NULL, *pinned = NULL;

  if (!xaso_chart_link_parse (link, &page, &query, &description))
    return;
  pinned = g_strdup_printf (_("From the report: %s"), description);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-list", "(sss)", page, query, pinned);
}

/* ---- Tiles: a figure, what it counts, and its list ---- */

static void
tile_clicked_cb (GtkButton         *tile,
                 XasoDashboardView *self)
{
  open_link (self, g_object_get_data (G_OBJECT (tile), "link"));
}

static GtkButton *
tile_new (XasoDashboardView *self,
          const char        *caption)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *figure = gtk_label_new ("—");
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (figure), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (figure, "figure");
  gtk_widget_add_css_class (figure, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), figure);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "figure-tile");
  gtk_widget_set_hexpand (button, TRUE);
  g_object_set_data_full (G_OBJECT (button), "caption", g_strdup (caption), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (tile_clicked_cb), self, 0);
  return GTK_BUTTON (button);
}

/* Shows @text on the tile, named "caption: text" for screen readers. */
static void
set_tile (GtkButton  *tile,
          const char *text,
          char       *link)
{
  GtkWidget *figure = gtk_widget_get_first_child (gtk_button_get_child (tile));
  g_autofree char *said = g_strdup_printf ("%s: %s", (char *)g_object_get_data (G_OBJECT (tile), "caption"), text);

  gtk_label_set_text (GTK_LABEL (figure), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (tile), said);
  gtk_widget_set_sensitive (GTK_WIDGET (tile), link != NULL);
  g_object_set_data_full (G_OBJECT (tile), "link", link, g_free);
}

static void
set_count (GtkButton *tile,
           guint      n,
           char      *link)
{
  g_autofree char *text = g_strdup_printf ("%'u", n);

  set_tile (tile, text, link);
}

static void
set_rate (GtkButton *tile,
          double     rate,
          char      *link)
{
  g_autofree char *text = rate < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f%%", rate);

  set_tile (tile, text, link);
}

static char *
link_for (const XasoDashboard *d,
          const char          *measure,
          const char          *caption)
{
  return xaso_dashboard_dossier_link (d, measure, NULL, caption);
}

static char *
page_link (const char *page,
           const char *query,
           const char *description)
{
  return xaso_chart_link (page, query, description);
}

#define CAPTION(tile) ((const char *)g_object_get_data (G_OBJECT (self->tiles[tile]), "caption"))

static void
fill_dossier_tiles (XasoDashboardView   *self,
                    const XasoDashboard *d)
{
  const XasoKpi *k = &d->kpi;

  set_count (self->tiles[TILE_RECEIVED], k->received, link_for (d, "received", CAPTION (TILE_RECEIVED)));
  set_rate (self->tiles[TILE_ONLINE_RATE], xaso_kpi_online_rate (k),
            link_for (d, "received:online", CAPTION (TILE_ONLINE_RATE)));
  set_count (self->tiles[TILE_RESOLVED], k->resolved, link_for (d, "resolved", CAPTION (TILE_RESOLVED)));
  set_rate (self->tiles[TILE_ON_TIME_RATE], xaso_kpi_on_time_rate (k),
            link_for (d, "resolved", CAPTION (TILE_ON_TIME_RATE)));
  set_count (self->tiles[TILE_IN_PROGRESS], k->in_progress, link_for (d, "in_progress", CAPTION (TILE_IN_PROGRESS)));
  set_count (self->tiles[TILE_IN_PROGRESS_LATE], k->in_progress_late,
             link_for (d, "in_progress_late", CAPTION (TILE_IN_PROGRESS_LATE)));
  set_count (self->tiles[TILE_DUE_TODAY], k->due_today,
             page_link ("dossiers", "queue=due-today", CAPTION (TILE_DUE_TODAY)));
  set_count (self->tiles[TILE_DUE_TOMORROW], k->due_tomorrow,
             page_link ("dossiers", "queue=due-tomorrow", CAPTION (TILE_DUE_TOMORROW)));
  set_count (self->tiles[TILE_REFUSED], k->refused, link_for (d, "refused", CAPTION (TILE_REFUSED)));
  set_count (self->tiles[TILE_RETURNED], k->returned, link_for (d, "returned", CAPTION (TILE_RETURNED)));
}

/* Documents, residents and households. The residents whom the age
 * pyramid cannot place are counted at the period's end, as it is. */
static void
fill_other_tiles (XasoDashboardView   *self,
                  const XasoDashboard *d)
{
  g_autofree char *without_age = g_strdup_printf ("age=unknown&age_at=%d&life=living", atoi (d->to));

  set_count (self->tiles[TILE_DOCUMENTS_INCOMING], d->kpi.documents_incoming,
             xaso_dashboard_document_link (d, "incoming", "registered", NULL, CAPTION (TILE_DOCUMENTS_INCOMING)));
  set_count (self->tiles[TILE_DOCUMENTS_OVERDUE], d->kpi.documents_overdue,
             page_link ("incoming", "due=overdue", CAPTION (TILE_DOCUMENTS_OVERDUE)));
  set_count (self->tiles[TILE_DOCUMENTS_OUTGOING], d->kpi.documents_outgoing,
             xaso_dashboard_document_link (d, "outgoing", "issued", NULL, CAPTION (TILE_DOCUMENTS_OUTGOING)));
  set_count (self->tiles[TILE_DOCUMENTS_LATE], d->documents_issued_late,
             xaso_dashboard_document_link (d, "outgoing", "issued", "late=1", CAPTION (TILE_DOCUMENTS_LATE)));
  set_count (self->tiles[TILE_PERSONS], d->persons, page_link ("citizens", "life=living", CAPTION (TILE_PERSONS)));
  set_count (self->tiles[TILE_HOUSEHOLDS], d->households,
             page_link ("citizens", "list=households", CAPTION (TILE_HOUSEHOLDS)));
  set_count (self->tiles[TILE_WITHOUT_AGE], d->persons_without_age,
             page_link ("citizens", without_age, CAPTION (TILE_WITHOUT_AGE)));
}

void
xaso_dashboard_view_show (XasoDashboardView   *self,
                          const XasoDashboard *d)
{
  g_autofree char *period = xaso_period_describe (d->from, d->to);

  gtk_label_set_text (self->period_label, period);
  fill_dossier_tiles (self, d);
  fill_other_tiles (self, d);
  for (guint i = 0; i < N_CARDS; i++)
    {
      g_autoptr(XasoChartData) data = chart_funcs[i] (d);

      xaso_chart_card_set_data (self->cards[i], data);
    }
}

/* ---- Layout ---- */

static void
card_link_cb (XasoChartCard     *card,
              const char        *link,
              XasoDashboardView *self)
{
  open_link (self, link);
}

static XasoChartCard *
card_new (XasoDashboardView *self,
          const char        *title,
          GtkWidget         *chart)
{
  XasoChartCard *card = xaso_chart_card_new (title, chart);

  gtk_widget_set_hexpand (GTK_WIDGET (card), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (card), GTK_ALIGN_START);
  g_signal_connect_object (card, "activate-link", G_CALLBACK (card_link_cb), self, 0);
  return card;
}

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static GtkGrid *
grid_new (int spacing)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, spacing);
  gtk_grid_set_row_spacing (grid, spacing);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  return grid;
}

/* Tiles @first to @last, five to a row. */
static GtkWidget *
tiles_grid (XasoDashboardView *self,
            Tile               first,
            Tile               last)
{
  GtkGrid *grid = grid_new (6);

  for (Tile t = first; t <= last; t++)
    gtk_grid_attach (grid, GTK_WIDGET (self->tiles[t]), (t - first) % 5, (t - first) / 5, 1, 1);
  return GTK_WIDGET (grid);
}

/* Cards two to a row; a card alone on its row takes both columns. */
static GtkWidget *
cards_grid (XasoDashboardView *self,
            Card               first,
            Card               last)
{
  GtkGrid *grid = grid_new (12);

  for (Card c = first; c <= last; c++)
    gtk_grid_attach (grid, GTK_WIDGET (self->cards[c]), (c - first) % 2, (c - first) / 2,
                     c == last && (c - first) % 2 == 0 ? 2 : 1, 1);
  return GTK_WIDGET (grid);
}

static void
make_tiles (XasoDashboardView *self)
{
  const char *captions[N_TILES] = {
    _("Dossiers received"), _("Received online"), _("Dossiers resolved"), _("Resolved on time"),
    _("In progress"), _("In progress, past the deadline"), _("Due today"), _("Due on the next working day"),
    _("Refused"), _("Results returned"), _("Incoming documents registered"), _("Incoming documents overdue"),
    _("Documents issued"), _("Issued after the next working day"), _("Residents"), _("Households"),
    _("Residents without a year of birth or sex"),
  };

  for (Tile t = 0; t < N_TILES; t++)
    self->tiles[t] = tile_new (self, captions[t]);
  gtk_widget_add_css_class (GTK_WIDGET (self->tiles[TILE_IN_PROGRESS_LATE]), "late");
  gtk_widget_add_css_class (GTK_WIDGET (self->tiles[TILE_DOCUMENTS_OVERDUE]), "late");
}

static void
make_cards (XasoDashboardView *self)
{
  self->cards[CARD_CHANNELS] = card_new (self, _("Received, by Channel and Unit"), xaso_bar_chart_new (8));
  self->cards[CARD_TIMELINESS] = card_new (self, _("Resolved, by Timeliness and Unit"), xaso_bar_chart_new (8));
  self->cards[CARD_TREND] = card_new (self, _("On-Time Rate, the Last 12 Months"), xaso_line_chart_new ());
  self->cards[CARD_DECISION] = card_new (self, _("Decision 766 Indicators"), xaso_gauge_chart_new ());
  self->cards[CARD_OFFICERS] = card_new (self, _("Overdue, by Officer"), xaso_bar_chart_new (8));
  self->cards[CARD_OVERDUE_UNITS] = card_new (self, _("Overdue, by Unit"), xaso_bar_chart_new (8));
  self->cards[CARD_UNITS] = card_new (self, _("In Progress, by Unit"), xaso_bar_chart_new (8));
  self->cards[CARD_FIELDS] = card_new (self, _("Received, by Field"), xaso_bar_chart_new (8));
  self->cards[CARD_LEADS] = card_new (self, _("Incoming Documents Due, by Lead Person"), xaso_bar_chart_new (8));
  self->cards[CARD_HAMLETS] = card_new (self, _("Residents and Households, by Hamlet"), xaso_bar_chart_new (20));
  self->cards[CARD_PYRAMID] = card_new (self, _("Age Pyramid"), xaso_pyramid_chart_new ());
  self->cards[CARD_BIRTHS] = card_new (self, _("Births and Deaths, by Month"), xaso_line_chart_new ());
  xaso_chart_card_set_note (self->cards[CARD_DECISION],
                            _("Transparency, online payment and satisfaction are not measured here: the commune’s "
                              "database holds no published-procedure checks, payment records or citizens’ ratings."));
  xaso_chart_card_set_note (self->cards[CARD_TREND],
                            _("Share of the dossiers resolved each month that were resolved before or on their "
                              "legal deadline."));
}

static GtkWidget *
content_new (XasoDashboardView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->period_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->period_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "title-2");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_label));
  gtk_box_append (GTK_BOX (box), heading_new (_("One-Stop Dossiers")));
  gtk_box_append (GTK_BOX (box), tiles_grid (self, TILE_RECEIVED, TILE_RETURNED));
  gtk_box_append (GTK_BOX (box), cards_grid (self, CARD_CHANNELS, CARD_FIELDS));
  gtk_box_append (GTK_BOX (box), heading_new (_("Official Documents")));
  gtk_box_append (GTK_BOX (box), tiles_grid (self, TILE_DOCUMENTS_INCOMING, TILE_DOCUMENTS_LATE));
  gtk_box_append (GTK_BOX (box), cards_grid (self, CARD_LEADS, CARD_LEADS));
  gtk_box_append (GTK_BOX (box), heading_new (_("Population")));
  gtk_box_append (GTK_BOX (box), tiles_grid (self, TILE_PERSONS, TILE_WITHOUT_AGE));
  gtk_box_append (GTK_BOX (box), cards_grid (self, CARD_HAMLETS, CARD_BIRTHS));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
xaso_dashboard_view_dispose (GObject *object)
{
  XasoDashboardView *self = XASO_DASHBOARD_VIEW (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (xaso_dashboard_view_parent_class)->dispose (object);
}

static void
xaso_dashboard_view_class_init (XasoDashboardViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_dashboard_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
xaso_dashboard_view_init (XasoDashboardView *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  make_tiles (self);
  make_cards (self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_child (ADW_CLAMP (clamp), content_new (self));
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
xaso_dashboard_view_new (void)
{
  return g_object_new (XASO_TYPE_DASHBOARD_VIEW, NULL);
}
