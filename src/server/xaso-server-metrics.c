/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-metrics.h"

static GMutex lock;
static guint64 requests[XASO_N_ENDPOINTS + 1][600];   /* by endpoint, then HTTP status */

/* How long requests took, from their headers to their answer, less the time
 * a long-poll waited for news: the server's own share of a desktop's wait. */
static const double bounds[] = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
static struct
{
  guint64 in[G_N_ELEMENTS (bounds) + 1];   /* per bucket, the last one past every bound */
  double  sum;
  guint64 count;
} durations[XASO_N_ENDPOINTS + 1];
static guint64 ops[XASO_SYNC_REJECTED + 1];
static guint64 served;
static guint64 reconnections;
static struct
{
  guint64 received;
  guint64 served;
  guint64 completed;
  guint64 checksum_failed;
} blobs;

void
xaso_server_metrics_request (XasoEndpoint endpoint,
                             guint        status,
                             gint64       usec)
{
  double seconds = MAX (usec, 0) / (double) G_USEC_PER_SEC;
  guint e = MIN (endpoint, XASO_N_ENDPOINTS);
  guint b = 0;

  while (b < G_N_ELEMENTS (bounds) && seconds > bounds[b])
    b++;
  g_mutex_lock (&lock);
  requests[e][MIN (status, 599)]++;
  durations[e].in[b]++;
  durations[e].sum += seconds;
  durations[e].count++;
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_ops (const guint *counts)
{
  g_mutex_lock (&lock);
  for (guint i = 0; i <= XASO_SYNC_REJECTED; i++)
    ops[i] += counts[i];
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_served (guint entries)
{
  g_mutex_lock (&lock);
  served += entries;
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_reconnection (void)
{
  g_mutex_lock (&lock);
  reconnections++;
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_blob_received (gsize bytes)
{
  g_mutex_lock (&lock);
  blobs.received += bytes;
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_blob_served (gsize bytes)
{
  g_mutex_lock (&lock);
  blobs.served += bytes;
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_blob_completed (void)
{
  g_mutex_lock (&lock);
  blobs.completed++;
  g_mutex_unlock (&lock);
}

void
xaso_server_metrics_blob_checksum_failed (void)
{
  g_mutex_lock (&lock);
  blobs.checksum_failed++;
  g_mutex_unlock (&lock);
}

static void
render_blobs (GString *out)
{
  g_string_append_printf (out, "# HELP xaso_blob_bytes_received_total Blob chunk bytes kept from uploads.\n"
                               "# TYPE xaso_blob_bytes_received_total counter\n"
                               "xaso_blob_bytes_received_total %" G_GUINT64_FORMAT "\n"
                               "# HELP xaso_blob_bytes_served_total Blob bytes answered by GET.\n"
                               "# TYPE xaso_blob_bytes_served_total counter\n"
                               "xaso_blob_bytes_served_total %" G_GUINT64_FORMAT "\n"
                               "# HELP xaso_blob_uploads_completed_total Blob uploads verified and published.\n"
                               "# TYPE xaso_blob_uploads_completed_total counter\n"
                               "xaso_blob_uploads_completed_total %" G_GUINT64_FORMAT "\n"
                               "# HELP xaso_blob_checksum_failures_total Blob uploads forgotten: their bytes did "
                               "not match their declared SHA-256.\n"
                               "# TYPE xaso_blob_checksum_failures_total counter\n"
                               "xaso_blob_checksum_failures_total %" G_GUINT64_FORMAT "\n",
                          blobs.received, blobs.served, blobs.completed, blobs.checksum_failed);
}

static void
render_requests (GString *out)
{
  g_string_append (out, "# HELP xaso_requests_total HTTP requests answered, by endpoint and status.\n"
                        "# TYPE xaso_requests_total counter\n");
  for (guint e = 0; e <= XASO_N_ENDPOINTS; e++)
    for (guint s = 0; s < G_N_ELEMENTS (requests[e]); s++)
      if (requests[e][s] > 0)
        g_string_append_printf (out, "xaso_requests_total{endpoint=\"%s\",status=\"%u\"} %" G_GUINT64_FORMAT "\n",
                                xaso_endpoint_name (e), s, requests[e][s]);
}

static void
render_durations (GString *out)
{
  g_string_append (out, "# HELP xaso_request_duration_seconds Time to answer a request, less a long-poll's wait "
                        "for news, by endpoint.\n"
                        "# TYPE xaso_request_duration_seconds histogram\n");
  for (guint e = 0; e <= XASO_N_ENDPOINTS; e++)
    {
      const char *name = xaso_endpoint_name (e);
      char sum[G_ASCII_DTOSTR_BUF_SIZE];
      guint64 below = 0;

      if (durations[e].count == 0)
        continue;
      for (guint b = 0; b < G_N_ELEMENTS (bounds); b++)
        {
          char bound[G_ASCII_DTOSTR_BUF_SIZE];

          below += durations[e].in[b];
          g_string_append_printf (out, "xaso_request_duration_seconds_bucket{endpoint=\"%s\",le=\"%s\"} %"
                                  G_GUINT64_FORMAT "\n", name, g_ascii_formatd (bound, sizeof bound, "%g", bounds[b]),
                                  below);
        }
      g_string_append_printf (out, "xaso_request_duration_seconds_bucket{endpoint=\"%s\",le=\"+Inf\"} %"
                              G_GUINT64_FORMAT "\n"
                              "xaso_request_duration_seconds_sum{endpoint=\"%s\"} %s\n"
                              "xaso_request_duration_seconds_count{endpoint=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              name, durations[e].count, name,
                              g_ascii_formatd (sum, sizeof sum, "%.6f", durations[e].sum), name, durations[e].count);
    }
}

char *
xaso_server_metrics_render (void)
{
  GString *out = g_string_new (NULL);

  g_mutex_lock (&lock);
  render_requests (out);
  render_durations (out);
  g_string_append (out, "# HELP xaso_ops_total Pushed ops received (replays excluded), by outcome.\n"
                        "# TYPE xaso_ops_total counter\n");
  for (guint i = 0; i <= XASO_SYNC_REJECTED; i++)
    g_string_append_printf (out, "xaso_ops_total{outcome=\"%s\"} %" G_GUINT64_FORMAT "\n",
                            xaso_sync_outcome_name (i), ops[i]);
  g_string_append_printf (out, "# HELP xaso_log_entries_served_total Log entries answered by pull.\n"
                               "# TYPE xaso_log_entries_served_total counter\n"
                               "xaso_log_entries_served_total %" G_GUINT64_FORMAT "\n"
                               "# HELP xaso_pg_reconnections_total Connections to PostgreSQL opened again after a loss.\n"
                               "# TYPE xaso_pg_reconnections_total counter\n"
                               "xaso_pg_reconnections_total %" G_GUINT64_FORMAT "\n",
                          served, reconnections);
  render_blobs (out);
  g_mutex_unlock (&lock);
  return g_string_free (out, FALSE);
}
