/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-day-text.h"
#include "xaso-document-search.h"

static const char * const due_names[] = { "any", "open", "overdue", "soon" };

/* "registered=2026-01-01..2026-12-31": the first and last day of a period. */
static gboolean
period (GHashTable  *params,
        const char  *name,
        char       **from,
        char       **to,
        GError     **error)
{
  const char *value = g_hash_table_lookup (params, name);

  if (value == NULL || xaso_day_range_parse (value, from, to))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown period “%s” in the link"), value);
  return FALSE;
}

/* The filter of a link to a list of documents ("due=overdue&lead=…",
 * "issued=2026-01-01..2026-12-31&late=1", "review=1"), as a report's figure
 * or the Đồng bộ page carries it; values are escaped as in a URI. */
XasoDocumentFilter *
xaso_document_filter_parse (const char  *query,
                            GError     **error)
{
  g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, error);
  g_autoptr(XasoDocumentFilter) f = xaso_document_filter_new ();
  const char *due;
  gboolean known = FALSE;

  if (params == NULL)
    return NULL;
  due = g_hash_table_lookup (params, "due");
  for (guint i = 0; due != NULL && i < G_N_ELEMENTS (due_names); i++)
    if (g_str_equal (due, due_names[i]))
      f->due = (XasoDocumentDue)i, known = TRUE;
  if (due != NULL && !known)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown deadline “%s” in the link"), due);
      return NULL;
    }
  f->lead_user_id = g_strdup (g_hash_table_lookup (params, "lead"));
  f->status = g_strdup (g_hash_table_lookup (params, "status"));
  f->text = g_strdup (g_hash_table_lookup (params, "text"));
  if (!period (params, "registered", &f->registered_from, &f->registered_to, error) ||
      !period (params, "issued", &f->issued_from, &f->issued_to, error))
    return NULL;
  f->issued_late = g_strcmp0 (g_hash_table_lookup (params, "late"), "1") == 0;
  f->needs_review = g_strcmp0 (g_hash_table_lookup (params, "review"), "1") == 0;
  return g_steal_pointer (&f);
}
