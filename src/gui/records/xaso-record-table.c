/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-record-table.h"

struct _XasoRecordTable
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  XasoRecordList     *list;
  XasoListSearch     *search;
  GtkSingleSelection *selection;
  guint               count;
};

G_DEFINE_FINAL_TYPE (XasoRecordTable, xaso_record_table, ADW_TYPE_BIN)

enum { ACTIVATED, SELECTED, COUNTED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char            *property;
  XasoColumnFlags  flags;
} Column;

static void
column_free (gpointer data)
{
  Column *c = data;

  g_free (c->property);
  g_free (c);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column->flags & XASO_COLUMN_ELLIPSIZE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->flags & XASO_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* Records are read a page at a time and never change in place: a save
 * makes the list search again. So the text is set once, at bind. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  GObject *record = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (record != NULL)
    g_object_get (record, column->property, &text, NULL);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

void
xaso_record_table_add_column (XasoRecordTable *self,
                              const char      *title,
                              const char      *property,
                              XasoColumnFlags  flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  Column *c = g_new0 (Column, 1);

  c->property = g_strdup (property);
  c->flags = flags;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), c);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), c);
  g_object_set_data_full (G_OBJECT (factory), "xaso-column", c, column_free);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, (flags & XASO_COLUMN_EXPAND) != 0);
  gtk_column_view_append_column (self->column_view, column);
}

static void
first_screen_cb (XasoRecordTable *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
done_cb (XasoRecordTable *self,
         guint            n)
{
  self->count = n;
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  g_signal_emit (self, signals[COUNTED], 0, n, NULL);
}

static void
failed_cb (XasoRecordTable *self,
           const char      *message)
{
  adw_status_page_set_title (self->empty_page, _("The List Could Not Be Read"));
  adw_status_page_set_description (self->empty_page, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_signal_emit (self, signals[COUNTED], 0, 0, message);
}

static void
selection_changed_cb (XasoRecordTable *self)
{
  XasoRecord *record = gtk_single_selection_get_selected_item (self->selection);

  if (record != NULL)
    g_signal_emit (self, signals[SELECTED], 0, xaso_record_get_id (record));
}

static void
activate_cb (XasoRecordTable *self,
             guint            position)
{
  g_autoptr(XasoRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (record != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, xaso_record_get_id (record));
}

void
xaso_record_table_set_source (XasoRecordTable *self,
                              XasoContext     *context,
                              GType            item_type,
                              XasoRowidSearch  search,
                              guint            first_screen)
{
  g_return_if_fail (self->list == NULL);
  self->list = xaso_record_list_new (item_type, xaso_context_get_reader (context));
  self->search = xaso_list_search_new (context, self->list, search, first_screen);
  g_signal_connect_object (self->search, "first-screen", G_CALLBACK (first_screen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "done", G_CALLBACK (done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

void
xaso_record_table_search (XasoRecordTable *self,
                          gpointer         filter,
                          GDestroyNotify   filter_free)
{
  g_return_if_fail (self->search != NULL);
  xaso_list_search_run (self->search, filter, filter_free);
}

void
xaso_record_table_set_empty (XasoRecordTable *self,
                             const char      *icon_name,
                             const char      *title,
                             const char      *description)
{
  adw_status_page_set_icon_name (self->empty_page, icon_name);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
}

void
xaso_record_table_set_label (XasoRecordTable *self,
                             const char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

guint
xaso_record_table_get_count (XasoRecordTable *self)
{
  return self->count;
}

void
xaso_record_table_select_first (XasoRecordTable *self)
{
  if (self->selection != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      selection_changed_cb (self);
    }
}

static void
xaso_record_table_dispose (GObject *object)
{
  XasoRecordTable *self = XASO_RECORD_TABLE (object);

  if (self->search != NULL)
    xaso_list_search_cancel (self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_RECORD_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->search);
  g_clear_object (&self->list);
  G_OBJECT_CLASS (xaso_record_table_parent_class)->dispose (object);
}

static gboolean
grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (XASO_RECORD_TABLE (widget)->column_view));
}

static void
xaso_record_table_class_init (XasoRecordTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_record_table_dispose;
  widget_class->grab_focus = grab_focus;
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                     NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The number of rows, and the error when the search failed. */
  signals[COUNTED] = g_signal_new ("counted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoRecordTable, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, XasoRecordTable, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
xaso_record_table_init (XasoRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
