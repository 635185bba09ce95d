/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-document-search.h"

static const char * const due_names[] = { "any", "open", "overdue", "soon" };

/* The filter of a link to a list of documents ("due=overdue&lead=…"), as a
 * report's bar carries it; values are escaped as in a URI. */
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
  return g_steal_pointer (&f);
}
