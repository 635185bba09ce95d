/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-sync-protocol.h"
#include "xaso-sync-settings.h"
#include "xaso-sync-token.h"

gboolean
xaso_sync_is_enrolled (XasoDatabase *db)
{
  g_autofree char *token = xaso_database_get_state (db, XASO_SYNC_KEY_TOKEN);

  return token != NULL && token[0] != '\0';
}

XasoSyncHttp *
xaso_sync_connect (XasoDatabase  *db,
                   GError       **error)
{
  g_autofree char *server = xaso_database_get_state (db, XASO_SYNC_KEY_SERVER);
  g_autofree char *ca_file = xaso_database_get_state (db, XASO_SYNC_KEY_CA_FILE);
  g_autofree char *token = NULL;

  if (server == NULL)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_MISSING,
                           _("This computer is not enrolled with a sync server yet."));
      return NULL;
    }
  token = xaso_sync_token_lookup (db, error);
  return token != NULL ? xaso_sync_http_new (server, ca_file, token) : NULL;
}

gint64
xaso_sync_get_int (XasoDatabase *db,
                   const char   *key)
{
  g_autofree char *value = xaso_database_get_state (db, key);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}
