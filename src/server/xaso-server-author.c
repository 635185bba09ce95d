/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-author.h"
#include "xaso-server-store.h"

struct _XasoAuthor
{
  XasoPg    *pg;
  char      *commune;
  XasoApply *apply;
};

XasoAuthor *
xaso_author_begin (XasoPg      *pg,
                   const char  *commune,
                   GError     **error)
{
  XasoApply *apply = xaso_server_store_begin (pg, commune, XASO_AUTHOR_DEVICE, error);
  XasoAuthor *author;

  if (apply == NULL)
    return NULL;
  xaso_apply_trust_actors (apply);
  author = g_new0 (XasoAuthor, 1);
  author->pg = pg;
  author->commune = g_strdup (commune);
  author->apply = apply;
  return author;
}

void
xaso_author_free (XasoAuthor *author)
{
  if (author == NULL)
    return;
  g_free (author->commune);
  xaso_apply_free (author->apply);
  g_free (author);
}

gint64
xaso_author_hlc (GDateTime *time,
                 guint      counter)
{
  gint64 ms = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;

  return (ms << 16) | (counter & 0xffff);
}

char *
xaso_author_row_id (GDateTime *time)
{
  gint64 ms = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
  g_autofree char *random = g_uuid_string_random ();
  g_autofree char *stamp = g_strdup_printf ("%012" G_GINT64_MODIFIER "x", ms & G_GINT64_CONSTANT (0xffffffffffff));

  /* xxxxxxxx-xxxx-4xxx-…: the 48 bits of time over the first twelve hex
   * digits, and the version digit made 7. */
  memcpy (random, stamp, 8);
  memcpy (random + 9, stamp + 8, 4);
  random[14] = '7';
  return g_steal_pointer (&random);
}

/* The op a device would have pushed for this insert: {field: {"new": v}}. */
static JsonObject *
insert_fields (JsonObject *values)
{
  JsonObject *fields = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, values);
  while (json_object_iter_next (&iter, &name, &value))
    {
      JsonObject *change = json_object_new ();

      json_object_set_member (change, "new", json_node_copy (value));
      json_object_set_object_member (fields, name, change);
    }
  return fields;
}

gint64
xaso_author_insert (XasoAuthor  *author,
                    const char  *table,
                    const char  *row_id,
                    const char  *actor,
                    gint64       hlc,
                    JsonObject  *values,
                    GError     **error)
{
  g_autoptr(GString) keys = g_string_new ("[");
  g_autofree char *op_id = g_uuid_string_random ();
  g_autoptr(JsonObject) fields = insert_fields (values);
  XasoSyncOp op = { .seq = xaso_apply_get_next_server_seq (author->apply), .id = op_id, .hlc = hlc,
                    .actor = (char *) actor, .table = (char *) table, .row = (char *) row_id,
                    .kind = (char *) "insert", .fields = fields };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  GPtrArray *receipts;
  XasoApplyReceipt *receipt;

  xaso_apply_row (author->apply, table, row_id)->claimable = TRUE;
  xaso_server_store_add_key (keys, table, row_id);
  g_string_append_c (keys, ']');
  if (!xaso_server_store_claim (author->pg, author->commune, author->apply, keys, error))
    return 0;
  xaso_sync_op_to_json (&op, builder);
  node = json_builder_get_root (builder);
  xaso_apply_op (author->apply, &op, node);
  receipts = xaso_apply_get_receipts (author->apply);
  receipt = g_ptr_array_index (receipts, receipts->len - 1);
  if (receipt->outcome == XASO_SYNC_REJECTED)
    {
      g_set_error (error, XASO_PG_ERROR, XASO_PG_ERROR_SQL, "the server could not insert %s %s: %s",
                   table, row_id, receipt->text);
      return 0;
    }
  return receipt->server_seq;
}

gboolean
xaso_author_store (XasoAuthor  *author,
                   GError     **error)
{
  return xaso_server_store_rows (author->pg, author->commune, author->apply, NULL, error) &&
         xaso_server_store_log (author->pg, author->commune, XASO_AUTHOR_DEVICE, author->apply, error) &&
         xaso_server_store_counter (author->pg, author->commune, author->apply, error);
}
