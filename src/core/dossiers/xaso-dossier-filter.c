/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "xaso-dossier-search.h"

XasoDossierFilter *
xaso_dossier_filter_new (void)
{
  return g_new0 (XasoDossierFilter, 1);
}

XasoDossierFilter *
xaso_dossier_filter_copy (const XasoDossierFilter *f)
{
  XasoDossierFilter *copy = g_memdup2 (f, sizeof *f);

  copy->text = g_strdup (f->text);
  copy->user_id = g_strdup (f->user_id);
  copy->procedure_code = g_strdup (f->procedure_code);
  copy->field = g_strdup (f->field);
  copy->channel = g_strdup (f->channel);
  copy->assignee_user_id = g_strdup (f->assignee_user_id);
  copy->from = g_strdup (f->from);
  copy->to = g_strdup (f->to);
  copy->now = g_strdup (f->now);
  copy->unit = g_strdup (f->unit);
  copy->measure = g_strdup (f->measure);
  return copy;
}

void
xaso_dossier_filter_free (XasoDossierFilter *f)
{
  if (f == NULL)
    return;
  g_free (f->text);
  g_free (f->user_id);
  g_free (f->procedure_code);
  g_free (f->field);
  g_free (f->channel);
  g_free (f->assignee_user_id);
  g_free (f->from);
  g_free (f->to);
  g_free (f->now);
  g_free (f->unit);
  g_free (f->measure);
  g_free (f);
}

/* The filter of a link to a list ("queue=overdue&assignee=…"): the keys
 * are the filter's fields (queue, assignee, unit, field, channel, status,
 * measure, from, to, procedure, text); values are escaped as in a URI. */
XasoDossierFilter *
xaso_dossier_filter_parse (const char  *query,
                           GError     **error)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, error);
  g_autoptr(XasoDossierFilter) f = xaso_dossier_filter_new ();
  const char *queue, *status;

  if (params == NULL)
    return NULL;
  queue = g_hash_table_lookup (params, "queue");
  if (queue != NULL && !xaso_dossier_queue_from_string (queue, &f->queue))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown dossier list “%s” in the link"), queue);
      return NULL;
    }
  f->assignee_user_id = g_strdup (g_hash_table_lookup (params, "assignee"));
  f->unit = g_strdup (g_hash_table_lookup (params, "unit"));
  f->field = g_strdup (g_hash_table_lookup (params, "field"));
  f->channel = g_strdup (g_hash_table_lookup (params, "channel"));
  f->procedure_code = g_strdup (g_hash_table_lookup (params, "procedure"));
  f->text = g_strdup (g_hash_table_lookup (params, "text"));
  f->from = g_strdup (g_hash_table_lookup (params, "from"));
  f->to = g_strdup (g_hash_table_lookup (params, "to"));
  f->measure = g_strdup (g_hash_table_lookup (params, "measure"));
  status = g_hash_table_lookup (params, "status");
  f->status = status != NULL ? atoi (status) : 0;
  if (f->measure != NULL && !xaso_dossier_measure_is_known (f->measure))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown report figure “%s” in the link"), f->measure);
      return NULL;
    }
  return g_steal_pointer (&f);
}
