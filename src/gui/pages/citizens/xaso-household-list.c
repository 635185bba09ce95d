/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-household-list.h"
#include "xaso-record-table.h"

struct _XasoHouseholdList
{
  GtkBox           parent_instance;

  XasoRecordTable *table;
  GtkLabel        *count_label;
};

G_DEFINE_FINAL_TYPE (XasoHouseholdList, xaso_household_list, GTK_TYPE_BOX)

enum { OPEN_HOUSEHOLD, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A household register holds a few thousand rows: the first screen and
 * the rest come in one answer. */
#define FIRST_SCREEN 100

static GArray *
search_households (XasoDatabase  *db,
                   gconstpointer  filter,
                   guint          limit,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return xaso_household_search_rowids (db, filter, limit, cancellable, error);
}

static void
counted_cb (XasoHouseholdList *self,
            guint              n,
            const char        *error)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s household", "%s households", n), number);

  gtk_label_set_text (self->count_label, error ? error : text);
}

static void
selected_cb (XasoHouseholdList *self,
             const char        *id)
{
  g_signal_emit (self, signals[OPEN_HOUSEHOLD], 0, id, FALSE);
}

static void
activated_cb (XasoHouseholdList *self,
              const char        *id)
{
  g_signal_emit (self, signals[OPEN_HOUSEHOLD], 0, id, TRUE);
}

void
xaso_household_list_set_context (XasoHouseholdList *self,
                                 XasoContext       *context)
{
  xaso_record_table_set_source (self->table, context, XASO_TYPE_HOUSEHOLD, search_households, FIRST_SCREEN);
}

void
xaso_household_list_search (XasoHouseholdList   *self,
                            XasoHouseholdFilter *filter)
{
  xaso_record_table_search (self->table, filter, (GDestroyNotify)xaso_household_filter_free);
}

guint
xaso_household_list_get_count (XasoHouseholdList *self)
{
  return xaso_record_table_get_count (self->table);
}

static gboolean
grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (XASO_HOUSEHOLD_LIST (widget)->table));
}

static void
xaso_household_list_class_init (XasoHouseholdListClass *klass)
{
  GTK_WIDGET_CLASS (klass)->grab_focus = grab_focus;
  signals[OPEN_HOUSEHOLD] = g_signal_new ("open-household", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
xaso_household_list_init (XasoHouseholdList *self)
{
  XasoRecordTable *t = g_object_new (XASO_TYPE_RECORD_TABLE, "vexpand", TRUE, NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->table = t;
  xaso_record_table_add_column (t, _("No."), "code", XASO_COLUMN_NUMERIC);
  xaso_record_table_add_column (t, _("Head of household"), "head-name", XASO_COLUMN_EXPAND | XASO_COLUMN_ELLIPSIZE);
  xaso_record_table_add_column (t, _("Residents"), "residents-display", XASO_COLUMN_NUMERIC);
  xaso_record_table_add_column (t, _("Hamlet"), "hamlet", XASO_COLUMN_ELLIPSIZE);
  xaso_record_table_add_column (t, _("Address"), "address", XASO_COLUMN_EXPAND | XASO_COLUMN_ELLIPSIZE);
  xaso_record_table_set_label (t, C_("list", "Households"));
  xaso_record_table_set_empty (t, "edit-find-symbolic", _("No Household Found"),
                               _("Check the number or the spelling, type fewer words, or choose another hamlet."));
  g_signal_connect_swapped (t, "counted", G_CALLBACK (counted_cb), self);
  g_signal_connect_swapped (t, "activated", G_CALLBACK (activated_cb), self);
  g_signal_connect_swapped (t, "selected", G_CALLBACK (selected_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (t));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 4);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->count_label), 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->count_label));
}
