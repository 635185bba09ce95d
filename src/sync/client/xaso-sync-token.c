/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "xaso-file-key.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-settings.h"
#include "xaso-sync-token.h"

/* What sync.token holds when the token is in the keyring. */
#define IN_KEYRING "@keyring"

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.xaso.XaSo.DeviceToken", SECRET_SCHEMA_NONE,
    {
      { "commune", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "device", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

char *
xaso_sync_token_keep (XasoDatabase *db,
                      const char   *token)
{
  g_autoptr(GError) error = NULL;
  /* Translators: the label the keyring shows; %s is the commune's code. */
  g_autofree char *label = g_strdup_printf (_("Xã Số: this computer’s sync token for commune %s"),
                                            xaso_database_get_commune_code (db));

  if (xaso_keyring_wanted () &&
      secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT, label, token, NULL, &error,
                                  "commune", xaso_database_get_commune_code (db),
                                  "device", xaso_database_get_device_id (db), NULL))
    return g_strdup (IN_KEYRING);
  if (error != NULL)
    g_debug ("The sync token is kept in the database: the keyring did not take it (%s)", error->message);
  return g_strdup (token);
}

char *
xaso_sync_token_lookup (XasoDatabase  *db,
                        GError       **error)
{
  g_autofree char *kept = xaso_database_get_state (db, XASO_SYNC_KEY_TOKEN);
  g_autoptr(GError) local = NULL;
  char *secret;
  char *token;

  if (kept == NULL || kept[0] == '\0')
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_MISSING,
                           _("This computer is not enrolled with a sync server yet."));
      return NULL;
    }
  if (!g_str_equal (kept, IN_KEYRING))
    return g_steal_pointer (&kept);
  secret = secret_password_lookup_sync (token_schema (), NULL, &local,
                                        "commune", xaso_database_get_commune_code (db),
                                        "device", xaso_database_get_device_id (db), NULL);
  if (secret == NULL)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOKEN_MISSING,
                   _("This computer’s sync token is kept in the keyring, which did not give it (%s). "
                     "Unlock the keyring, or enroll this computer again with a new code."),
                   local != NULL ? local->message : _("it is not there"));
      return NULL;
    }
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}
