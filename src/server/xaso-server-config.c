/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-config.h"

#define GROUP "server"

void
xaso_server_config_free (XasoServerConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->listen);
  g_free (config->tls_certificate);
  g_free (config->tls_key);
  g_free (config->database);
  g_free (config);
}

static char *
string_or (GKeyFile   *file,
           const char *key,
           const char *fallback)
{
  char *value = g_key_file_get_string (file, GROUP, key, NULL);

  if (value == NULL)
    return g_strdup (fallback);
  return g_strstrip (value);
}

static gboolean
int_in_range (GKeyFile    *file,
              const char  *path,
              const char  *key,
              int          fallback,
              int          min,
              int          max,
              int         *out,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  int value;

  if (!g_key_file_has_key (file, GROUP, key, NULL))
    {
      *out = fallback;
      return TRUE;
    }
  value = g_key_file_get_integer (file, GROUP, key, &local);
  if (local != NULL || value < min || value > max)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: “%s” must be a whole number from %d to %d", path, key, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

XasoServerConfig *
xaso_server_config_load (const char  *path,
                         GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(XasoServerConfig) config = g_new0 (XasoServerConfig, 1);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "Cannot read the configuration %s: ", path);
      return NULL;
    }
  config->listen = string_or (file, "listen", "127.0.0.1:8443");
  config->tls_certificate = string_or (file, "tls-certificate", NULL);
  config->tls_key = string_or (file, "tls-key", NULL);
  config->database = string_or (file, "database", NULL);
  if (config->database == NULL || *config->database == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   "%s: [server] needs “database”, a libpq connection string", path);
      return NULL;
    }
  if (!int_in_range (file, path, "max-connections", 8, 1, 256, &config->max_connections, error) ||
      !int_in_range (file, path, "enrollment-days", 7, 1, 365, &config->enrollment_days, error) ||
      !int_in_range (file, path, "partial-upload-days", 7, 1, 365, &config->partial_upload_days, error))
    return NULL;
  return g_steal_pointer (&config);
}
