/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-commune.h"
#include "xaso-dossier-code.h"
#include "xaso-sync-enroll.h"
#include "xaso-sync-protocol.h"
#include "xaso-sync-seed.h"
#include "xaso-sync-settings.h"
#include "xaso-sync-token.h"
#include "xaso-sync-trust.h"

/* Times the server is asked again at once when its answer was lost. */
#define LOST_ANSWER_RETRIES 2

/* The retry key of @code (PROTOCOL.md, POST /v1/enroll): made and kept in
 * the database before the server is first asked, so that when the answer
 * is lost (the code spent on the server, no token here) this desktop asks
 * again with it, at once or in a later try, and is answered again. */
static char *
retry_key_for (XasoDatabase  *db,
               const char    *code,
               GError       **error)
{
  g_autofree char *upper = g_ascii_strup (code, -1);
  g_autofree char *code_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, g_strstrip (upper), -1);
  g_autofree char *kept = xaso_database_get_state (db, XASO_SYNC_KEY_ENROLL_RETRY);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  guint8 random[32];

  if (kept != NULL && g_str_has_prefix (kept, code_hash) && kept[strlen (code_hash)] == ':')
    return g_strdup (kept + strlen (code_hash) + 1);
  if (gnutls_rnd (GNUTLS_RND_KEY, random, sizeof random) < 0)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                           _("Could not make a random key for the enrollment."));
      return NULL;
    }
  key = g_malloc0 (2 * sizeof random + 1);
  for (gsize i = 0; i < sizeof random; i++)
    g_snprintf (key + 2 * i, 3, "%02x", random[i]);
  value = g_strconcat (code_hash, ":", key, NULL);
  if (!xaso_database_set_state (db, XASO_SYNC_KEY_ENROLL_RETRY, value, error))
    return NULL;
  return g_steal_pointer (&key);
}

static JsonNode *
ask_server (XasoDatabase  *db,
            const char    *server_url,
            const char    *code,
            const char    *retry_key,
            const char    *ca_file,
            const char    *device_name,
            GError       **error)
{
  g_autoptr(XasoSyncHttp) http = xaso_sync_http_new (server_url, ca_file, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, xaso_database_get_device_id (db));
  json_builder_set_member_name (builder, "device_name");
  json_builder_add_string_value (builder, device_name != NULL ? device_name : g_get_host_name ());
  json_builder_set_member_name (builder, "retry_key");
  json_builder_add_string_value (builder, retry_key);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  body = json_to_string (request, FALSE);
  return xaso_sync_http_call (http, "POST", "/v1/enroll", body, NULL, NULL, error);
}

/* Asks the server, and again when a network error may have cut its answer
 * after it spent the code: the retry key gets the same question an answer
 * again. */
static JsonNode *
ask_until_answered (XasoDatabase  *db,
                    const char    *server_url,
                    const char    *code,
                    const char    *ca_file,
                    const char    *device_name,
                    GError       **error)
{
  g_autofree char *retry_key = retry_key_for (db, code, error);
  g_autoptr(GError) local = NULL;
  JsonNode *answer = NULL;

  if (retry_key == NULL)
    return NULL;
  for (guint attempt = 0; answer == NULL; attempt++)
    {
      g_clear_error (&local);
      answer = ask_server (db, server_url, code, retry_key, ca_file, device_name, &local);
      if (answer == NULL &&
          (attempt >= LOST_ANSWER_RETRIES || !g_error_matches (local, XASO_SYNC_ERROR, XASO_SYNC_ERROR_NETWORK)))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (answer == NULL)
        g_usleep (G_USEC_PER_SEC / 2);
    }
  return answer;
}

/* The commune the code belongs to: this replica's own, or, for a replica
 * not set up yet, the one it now serves. */
static gboolean
take_commune (XasoDatabase  *db,
              JsonObject    *answer,
              GError       **error)
{
  JsonObject *object = json_object_get_object_member (answer, "commune");
  XasoCommune commune = { 0 };
  const char *local = xaso_database_get_commune_code (db);

  commune.code = (char *) json_object_get_string_member_with_default (object, "code", "");
  if (local != NULL)
    {
      if (g_str_equal (local, commune.code))
        return TRUE;
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_WRONG_COMMUNE,
                   _("This code is for commune %s, but this computer’s data belongs to commune %s. "
                     "Ask the administrator for a code of your own commune."), commune.code, local);
      return FALSE;
    }
  commune.name = (char *) json_object_get_string_member_with_default (object, "name", "");
  commune.province_code = (char *) json_object_get_string_member_with_default (object, "province_code", "");
  commune.province_name = (char *) json_object_get_string_member_with_default (object, "province_name", "");
  commune.agency_eid = (char *) json_object_get_string_member_with_default (object, "agency_eid", "");
  commune.agency_name = (char *) json_object_get_string_member_with_default (object, "agency_name", "");
  return xaso_commune_setup (db, &commune, error);
}

/* A code names its commune ("80001-…"): a replica of another commune is
 * refused before the server spends the code and enrolls it elsewhere. */
static gboolean
check_code_commune (XasoDatabase  *db,
                    const char    *code,
                    GError       **error)
{
  const char *local = xaso_database_get_commune_code (db);
  g_autofree char *prefix = g_strndup (code, strcspn (code, "-"));

  if (local == NULL || !xaso_sync_commune_code_valid (prefix) || g_str_equal (prefix, local))
    return TRUE;
  g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_WRONG_COMMUNE,
               _("This code is for commune %s, but this computer’s data belongs to commune %s. "
                 "Ask the administrator for a code of your own commune."), prefix, local);
  return FALSE;
}

/* The CA this replica will trust, kept beside its database: a copy of
 * @ca_file, or without one what the server presents now (trust on first
 * use; the fingerprint shown lets the administrator compare). It is
 * written, as "….new", before the server is asked, so the enrollment itself
 * is verified against it; pin_ca() puts it in place once the server said
 * yes, so a failed enrollment leaves an earlier pin as it was. */
static char *
keep_ca (XasoDatabase  *db,
         const char    *server_url,
         const char    *ca_file,
         GError       **error)
{
  g_autofree char *pem = NULL;
  g_autofree char *kept = g_strconcat (xaso_database_get_path (db), ".server-ca.pem.new", NULL);
  gsize length;

  if (ca_file != NULL)
    {
      if (!g_file_get_contents (ca_file, &pem, &length, error))
        return NULL;
    }
  else
    {
      pem = xaso_sync_fetch_server_ca (server_url, error);
      if (pem == NULL)
        return NULL;
      length = strlen (pem);
    }
  if (!g_file_set_contents_full (kept, pem, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&kept);
}

static char *
pin_ca (const char  *new_ca,
        GError     **error)
{
  g_autofree char *pinned = g_strndup (new_ca, strlen (new_ca) - strlen (".new"));

  if (g_rename (new_ca, pinned) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                   pinned, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&pinned);
}

typedef struct
{
  const char *server_url;
  const char *ca_file;
  const char *token;
} Enrollment;

static gboolean
store_enrollment (XasoDatabase  *db,
                  gpointer       data,
                  GError       **error)
{
  Enrollment *e = data;

  return xaso_database_set_state (db, XASO_SYNC_KEY_SERVER, e->server_url, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_CA_FILE, e->ca_file, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_TOKEN, e->token, error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_VERIFIED, "no", error) &&
         xaso_database_set_state (db, XASO_SYNC_KEY_ENROLL_RETRY, "", error) &&
         /* Enrolled anew (perhaps with another server), the server has
          * none of this desk's keys: the first sync gives them all
          * (PROTOCOL.md, "Keys"). */
         xaso_database_set_state (db, XASO_SYNC_KEY_KEYS_GIVEN, "", error);
}

/* Asks the server with the CA kept in @kept_ca and, once it said yes,
 * takes its commune, pins the CA and stores the token. */
static gboolean
enroll_with_ca (XasoDatabase  *db,
                const char    *server_url,
                const char    *code,
                const char    *kept_ca,
                const char    *device_name,
                GError       **error)
{
  g_autofree char *pinned_ca = NULL;
  g_autofree char *kept_token = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  Enrollment enrollment;

  answer = ask_until_answered (db, server_url, code, kept_ca, device_name, error);
  if (answer == NULL)
    return FALSE;
  object = json_node_get_object (answer);
  if (json_object_get_string_member_with_default (object, "token", NULL) == NULL ||
      !json_object_has_member (object, "commune") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "commune")))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                           _("The server’s answer does not follow the sync protocol."));
      return FALSE;
    }
  if (!take_commune (db, object, error))
    return FALSE;
  pinned_ca = pin_ca (kept_ca, error);
  if (pinned_ca == NULL)
    return FALSE;
  kept_token = xaso_sync_token_keep (db, json_object_get_string_member (object, "token"));
  enrollment = (Enrollment) { server_url, pinned_ca, kept_token };
  return xaso_database_run_atomically (db, store_enrollment, &enrollment, error);
}

/* A computer's first enrollment decides whether it is a reception desk.
 * A standalone commune's computer has been receiving its dossiers at the
 * counter: it goes on doing so, or the counter would stop the morning after
 * enrollment. A computer that came empty and took the commune from the
 * server is one more in the office (the chairman's, the clerk's): it takes
 * no codes until someone at the counter turns the setting on. A computer
 * enrolled again keeps what it was set to. */
static gboolean
choose_desk (XasoDatabase  *db,
             gboolean       standalone,
             GError       **error)
{
  g_autofree char *set = xaso_database_get_state (db, XASO_DOSSIER_DESK_KEY);

  return set != NULL || xaso_dossier_desk_set (db, standalone, error);
}

gboolean
xaso_sync_enroll (XasoDatabase  *db,
                  const char    *server_url,
                  const char    *code,
                  const char    *ca_file,
                  const char    *device_name,
                  char         **fingerprint,
                  GError       **error)
{
  g_autofree char *print = NULL;
  g_autofree char *kept_ca = NULL;
  gboolean enrolled;
  gboolean standalone = xaso_database_get_commune_code (db) != NULL;

  if (!g_str_has_prefix (server_url, "https://"))
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   _("The server’s address must start with https:// (got “%s”)."), server_url);
      return FALSE;
    }
  if (!check_code_commune (db, code, error))
    return FALSE;
  kept_ca = keep_ca (db, server_url, ca_file, error);
  if (kept_ca == NULL)
    return FALSE;
  print = xaso_sync_ca_fingerprint (kept_ca, error);
  enrolled = print != NULL && enroll_with_ca (db, server_url, code, kept_ca, device_name, error);
  g_unlink (kept_ca);    /* gone already when it was pinned */
  if (!enrolled || !choose_desk (db, standalone, error))
    return FALSE;
  /* What this replica holds that no op carries (a demo commune's records)
   * goes up with the first sync, like everything else. */
  if (xaso_sync_seed_outbox (db, NULL, error) < 0)
    return FALSE;
  if (fingerprint != NULL)
    *fingerprint = g_steal_pointer (&print);
  return TRUE;
}
