/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-log.h"
#include "xaso-server-prune.h"

/* Partial uploads whose desktop never came back would keep their chunks
 * forever: they are forgotten once untouched for partial-upload-days. Each
 * commune is pruned in a transaction of its own, scoped to it, so row-level
 * security holds here as everywhere; the row of an upload still receiving
 * chunks is locked by its PUT, and the DELETE's condition is checked again
 * once that commits (the chunk made it recent). */

#define PRUNE_EVERY_SECONDS (60 * 60)

static gboolean
prune_commune (XasoPg                *pg,
               const char            *commune,
               const char            *days,
               XasoServerPruned      *pruned,
               XasoServerPrunedFunc   func,
               gpointer               user_data,
               GError               **error)
{
  const char *values[] = { commune, days };
  g_autoptr(PGresult) result = NULL;

  if (!xaso_pg_begin (pg, error) || !xaso_pg_set_commune (pg, commune, error))
    return FALSE;
  result = xaso_pg_query (pg, "blobs_prune",
                          "DELETE FROM blob WHERE commune_code = $1 AND NOT complete "
                          "AND touched_at < now() - make_interval (days => $2::int) "
                          "RETURNING name, received, size",
                          2, values, error);
  if (result == NULL || !xaso_pg_commit (pg, error))
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 received = g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10);

      pruned->uploads++;
      pruned->bytes += received;
      if (func != NULL)
        func (commune, PQgetvalue (result, i, 0), received, g_ascii_strtoll (PQgetvalue (result, i, 2), NULL, 10),
              user_data);
    }
  return TRUE;
}

gboolean
xaso_server_blobs_prune (XasoPg                 *pg,
                         int                     days,
                         XasoServerPruned       *pruned,
                         XasoServerPrunedFunc    func,
                         gpointer                user_data,
                         GError                **error)
{
  g_autofree char *days_text = g_strdup_printf ("%d", days);
  g_autoptr(PGresult) communes = NULL;

  *pruned = (XasoServerPruned) { 0 };
  communes = xaso_pg_query (pg, "prune_communes", "SELECT commune_code FROM commune ORDER BY commune_code",
                            0, NULL, error);
  if (communes == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (communes); i++)
    if (!prune_commune (pg, PQgetvalue (communes, i, 0), days_text, pruned, func, user_data, error))
      {
        xaso_pg_rollback (pg);
        return FALSE;
      }
  return TRUE;
}

/* serve's pruner ------------------------------------------------------------ */

struct _XasoServerPruner
{
  char         *conninfo;
  int           days;
  GMutex        lock;
  GCond         wake;
  gboolean      stopping;
  GThread      *thread;
};

static void
prune_once (XasoServerPruner *self)
{
  g_autoptr(XasoPg) pg = xaso_pg_new (self->conninfo, XASO_PG_ROLE_ADMIN);
  g_autoptr(GError) error = NULL;
  XasoServerPruned pruned;

  if (!xaso_server_blobs_prune (pg, self->days, &pruned, NULL, NULL, &error))
    xaso_server_log ("pruning partial uploads failed (tried again in an hour): %s", error->message);
  else if (pruned.uploads > 0)
    xaso_server_log ("pruned %u partial upload(s) untouched for %d days (%" G_GINT64_FORMAT " bytes)",
                     pruned.uploads, self->days, pruned.bytes);
}

static gpointer
pruner_thread (gpointer data)
{
  XasoServerPruner *self = data;

  g_mutex_lock (&self->lock);
  while (!self->stopping)
    {
      gint64 until = g_get_monotonic_time () + PRUNE_EVERY_SECONDS * G_TIME_SPAN_SECOND;

      g_mutex_unlock (&self->lock);
      prune_once (self);
      g_mutex_lock (&self->lock);
      while (!self->stopping && g_cond_wait_until (&self->wake, &self->lock, until))
        ;
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

XasoServerPruner *
xaso_server_pruner_start (const XasoServerConfig *config)
{
  XasoServerPruner *self = g_new0 (XasoServerPruner, 1);

  self->conninfo = g_strdup (config->database);
  self->days = config->partial_upload_days;
  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  self->thread = g_thread_new ("xaso-pruner", pruner_thread, self);
  return self;
}

/* Waits for a prune under way: one transaction per commune, short. */
void
xaso_server_pruner_stop (XasoServerPruner *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);
  g_free (self->conninfo);
  g_free (self);
}
