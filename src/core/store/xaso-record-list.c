/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <string.h>

#include "xaso-record-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 64      /* about 6,400 records kept in memory */

struct _XasoRecordList
{
  GObject       parent_instance;

  GType         item_type;   /* an XasoRecord subtype */
  XasoDatabase *db;
  GArray       *rowids;
  GHashTable   *pages;       /* page number → GPtrArray of records */
  GQueue        recent;      /* page numbers, most recent first */
  guint         pages_loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XasoRecordList, xaso_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return XASO_RECORD_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return XASO_RECORD_LIST (model)->rowids->len;
}

static void
forget_oldest_page (XasoRecordList *self)
{
  gpointer page = g_queue_pop_tail (&self->recent);

  g_hash_table_remove (self->pages, page);
}

/* Loads a page and lines its records up with the row ids: a record removed
 * meanwhile leaves a gap that shows as an empty row until the next refresh. */
static GPtrArray *
load_page (XasoRecordList *self,
           guint           page)
{
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - first);
  const gint64 *ids = &g_array_index (self->rowids, gint64, first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = xaso_record_load_rowids (self->item_type, self->db, ids, n, &error);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);
  guint j = 0;

  if (loaded == NULL)
    g_warning ("Could not load records: %s", error->message);
  for (guint i = 0; i < n; i++)
    {
      if (loaded != NULL && j < loaded->len)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (loaded, j++)));
      else
        g_ptr_array_add (items, g_object_new (self->item_type, NULL));
    }
  self->pages_loaded++;
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  XasoRecordList *self = XASO_RECORD_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->rowids->len)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  /* A page read before the list grew ends short: read it again. */
  if (items != NULL && position % PAGE_SIZE >= items->len)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
      items = NULL;
    }
  if (items == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        forget_oldest_page (self);
      items = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  else
    g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
xaso_record_list_finalize (GObject *object)
{
  XasoRecordList *self = (XasoRecordList *)object;

  g_queue_clear (&self->recent);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xaso_record_list_parent_class)->finalize (object);
}

static void
xaso_record_list_class_init (XasoRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_record_list_finalize;
}

static void
xaso_record_list_init (XasoRecordList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->recent);
}

XasoRecordList *
xaso_record_list_new (GType         item_type,
                      XasoDatabase *db)
{
  XasoRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, XASO_TYPE_RECORD), NULL);
  g_return_val_if_fail (XASO_IS_DATABASE (db), NULL);

  self = g_object_new (XASO_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  self->db = g_object_ref (db);
  return self;
}

/* True when @rowids begins with every row the list holds now. */
static gboolean
extends (XasoRecordList *self,
         GArray         *rowids)
{
  return rowids->len >= self->rowids->len &&
         memcmp (rowids->data, self->rowids->data, self->rowids->len * sizeof (gint64)) == 0;
}

void
xaso_record_list_set_rowids (XasoRecordList *self,
                             GArray         *rowids)
{
  guint old_len = self->rowids->len;
  gboolean appended = old_len > 0 && extends (self, rowids);

  g_array_unref (self->rowids);
  self->rowids = rowids;
  if (appended)
    {
      /* The first screen of a search grows into the whole list: the rows
       * already shown, their pages and the selection stay where they are. */
      if (rowids->len > old_len)
        g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, rowids->len - old_len);
      return;
    }
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, rowids->len);
}

guint
xaso_record_list_get_pages_loaded (XasoRecordList *self)
{
  return self->pages_loaded;
}
