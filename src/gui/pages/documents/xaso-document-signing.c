/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-document-flow.h"
#include "xaso-document-steps.h"

/* The two signatures of Decree 30 on an outgoing document, both made in
 * the document window with the PDF engine: the signer's, which replaces
 * the draft; then, once the văn thư has numbered it, the organization's
 * with the seal and the number on the page. The window's "signed" file is
 * recorded on the worker; core checks it is what it should be. */

typedef gboolean (*RecordFunc) (XasoDatabase  *db,
                                XasoUser      *actor,
                                const char    *document_id,
                                const char    *path,
                                GError       **error);

typedef struct
{
  RecordFunc  record;
  XasoUser   *actor;
  char       *id;
  char       *path;
} SignJob;

static void
sign_job_free (SignJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job->path);
  g_free (job);
}

static gpointer
record_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  SignJob *job = data;

  return job->record (db, job->actor, job->id, job->path, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
signed_cb (XasoPdfWindow *window,
           GFile         *output,
           GtkWidget     *from)
{
  XasoContext *context = g_object_get_data (G_OBJECT (window), "xaso-context");
  SignJob *job = g_new0 (SignJob, 1);

  job->record = g_object_get_data (G_OBJECT (window), "xaso-record");
  job->actor = g_object_ref (xaso_context_get_user (context));
  job->id = g_strdup (g_object_get_data (G_OBJECT (window), "xaso-document-id"));
  job->path = g_file_get_path (output);
  xaso_document_step_submit (from, context, record_in_thread, job, (GDestroyNotify)sign_job_free);
}

static XasoPdfWindow *
open_for (GtkWidget           *from,
          XasoContext         *context,
          XasoDocumentDetails *details,
          RecordFunc           record)
{
  XasoPdfWindow *window;

  if (xaso_context_get_user (context) == NULL)
    return NULL;
  window = xaso_document_step_open_copy (from, details);
  if (window == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (window), "xaso-context", g_object_ref (context), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "xaso-document-id",
                          g_strdup (xaso_record_get_id (XASO_RECORD (details->doc))), g_free);
  g_object_set_data (G_OBJECT (window), "xaso-record", record);
  g_signal_connect_object (window, "signed", G_CALLBACK (signed_cb), from, 0);
  return window;
}

void
xaso_document_step_sign (GtkWidget           *from,
                         XasoContext         *context,
                         XasoDocumentDetails *details)
{
  XasoPdfWindow *window = open_for (from, context, details, xaso_document_record_signature);

  if (window != NULL)
    xaso_pdf_window_show_toast (window, _("Sign with the Sign menu: the signed file becomes the document’s."));
}

/* The organization's signing opens at once, its text showing the number
 * and notation just given. */
void
xaso_document_step_seal (GtkWidget           *from,
                         XasoContext         *context,
                         XasoDocumentDetails *details)
{
  XasoPdfWindow *window = open_for (from, context, details, xaso_document_record_seal);

  if (window != NULL)
    xaso_pdf_window_seal (window, xaso_document_get (details->doc, XASO_DOCUMENT_NOTATION));
}
