/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <string.h>

#include "xaso-file-key.h"
#include "xaso-sync-key-exchange.h"
#include "xaso-sync-keys.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-settings.h"


static gboolean
was_given (const char *given,
           const char *id)
{
  g_auto(GStrv) ids = g_strsplit (given != NULL ? given : "", " ", -1);

  return g_strv_contains ((const char * const *) ids, id);
}

static gboolean
give_one (XasoDatabase  *db,
          XasoSyncHttp  *http,
          const guint8  *key,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *given = xaso_database_get_state (db, XASO_SYNC_KEY_KEYS_GIVEN);
  g_autofree char *id = xaso_sync_key_id_hex (key);
  g_autofree char *hex = NULL, *path = NULL, *now_given = NULL;
  g_autoptr(GString) body = g_string_new ("{\"commune_code\":");
  g_autoptr(JsonNode) answer = NULL;

  if (was_given (given, id))
    return TRUE;
  hex = xaso_sync_key_to_hex (key);
  xaso_sync_json_append_string (body, xaso_database_get_commune_code (db));
  g_string_append_printf (body, ",\"key\":\"%s\"}", hex);
  gnutls_memset (hex, 0, strlen (hex));
  path = g_strconcat ("/v1/keys/", id, NULL);
  answer = xaso_sync_http_call (http, "PUT", path, body->str, cancellable, NULL, error);
  gnutls_memset (body->str, 0, body->len);
  if (answer == NULL)
    return FALSE;
  now_given = given != NULL && *given != '\0' ? g_strconcat (given, " ", id, NULL) : g_strdup (id);
  return xaso_database_set_state (db, XASO_SYNC_KEY_KEYS_GIVEN, now_given, error);
}

static gboolean
give_own (XasoDatabase  *db,
          XasoSyncHttp  *http,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GArray) own = xaso_file_key_lookup_own (db, error);

  if (own == NULL)
    return FALSE;
  for (guint i = 0; i < own->len; i++)
    if (!give_one (db, http, g_array_index (own, XasoFileKey, i).bytes, cancellable, error))
      return FALSE;
  return TRUE;
}

static gboolean
names_encrypted (XasoDatabase *db)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT 1 FROM attachment WHERE encrypted != 0 LIMIT 1", NULL);
  gboolean any;

  if (stmt == NULL)
    return FALSE;
  any = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return any;
}

static gboolean
bad_key (GError **error)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       _("The server sent a key of sensitive files that does not match its id; it was not kept."));
  return FALSE;
}

/* One key of the answer: its id must be the one derived from it, or it is
 * not the key that opens the files naming that id. */
static gboolean
keep_one (XasoDatabase  *db,
          JsonObject    *entry,
          GError       **error)
{
  guint8 key[XASO_SYNC_KEY_SIZE];
  g_autofree char *id = NULL;
  gboolean ok;

  if (entry == NULL || !xaso_sync_key_parse_hex (xaso_sync_member_string (entry, "key"), key))
    return bad_key (error);
  id = xaso_sync_key_id_hex (key);
  if (g_strcmp0 (id, xaso_sync_member_string (entry, "key_id")) != 0)
    ok = bad_key (error);
  else
    ok = xaso_file_key_keep_commune (db, key, error);
  gnutls_memset (key, 0, sizeof key);
  return ok;
}

static gboolean
fetch_commune (XasoDatabase  *db,
               XasoSyncHttp  *http,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JsonNode) answer = xaso_sync_http_call (http, "GET", "/v1/keys", NULL, cancellable, NULL, error);
  JsonArray *keys;

  if (answer == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (answer) ||
      (keys = json_object_get_array_member (json_node_get_object (answer), "keys")) == NULL)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                           _("The server’s answer does not follow the sync protocol."));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonNode *node = json_array_get_element (keys, i);

      if (!keep_one (db, JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xaso_sync_keys_exchange (XasoDatabase   *db,
                         XasoSyncHttp   *http,
                         GCancellable   *cancellable,
                         GError        **error)
{
  if (xaso_database_get_commune_code (db) == NULL || !give_own (db, http, cancellable, error))
    return xaso_database_get_commune_code (db) == NULL;
  return !names_encrypted (db) || fetch_commune (db, http, cancellable, error);
}
