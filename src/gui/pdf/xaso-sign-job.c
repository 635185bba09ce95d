/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xaso-pdf-identity.h"
#include "xaso-pdf-sign.h"
#include "xaso-sign-job.h"

/* The signing work of the dialog, off the main thread: GnuTLS, the
 * token, cairo and the file all block. */

XasoSignJob *
xaso_sign_job_new (void)
{
  return g_new0 (XasoSignJob, 1);
}

void
xaso_sign_job_free (XasoSignJob *job)
{
  if (job->secret != NULL)
    memset (job->secret, 0, strlen (job->secret));
  g_free (job->secret);
  g_free (job->pkcs11_url);
  g_free (job->pkcs12_path);
  g_free (job->input);
  g_free (job->output);
  g_free (job->reason);
  g_free (job->location);
  g_free (job->tsa_url);
  g_free (job->text_template);
  g_free (job->document_number);
  g_clear_pointer (&job->image, g_bytes_unref);
  g_clear_pointer (&job->seal, g_bytes_unref);
  g_free (job);
}

typedef struct
{
  XasoSignJob          *job;
  XasoSignProgressFunc  progress;
  GObject              *target;
  GMainContext         *context;
} RunData;

static void
run_data_free (RunData *data)
{
  xaso_sign_job_free (data->job);
  g_clear_object (&data->target);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  XasoSignProgressFunc  progress;
  GObject              *target;
  double                fraction;
} ProgressReport;

static gboolean
report_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->progress (report->target, report->fraction);
  g_object_unref (report->target);
  g_free (report);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  RunData *data = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->progress = data->progress;
  report->target = g_object_ref (data->target);
  report->fraction = fraction;
  g_main_context_invoke (data->context, report_progress, report);
}

static XasoPdfIdentity *
open_identity (XasoSignJob  *job,
               GError      **error)
{
  if (job->pkcs11_url != NULL)
    return xaso_pdf_identity_new_from_pkcs11 (job->pkcs11_url, job->secret, error);
  return xaso_pdf_identity_new_from_pkcs12 (job->pkcs12_path, job->secret, error);
}

/* What the signature shows; libxaso-pdf draws it, with the names of the
 * certificate and the signing time, upright on the page as shown. */
static void
describe_appearance (XasoSignJob       *job,
                     XasoPdfAppearance *spec)
{
  xaso_pdf_appearance_init (spec, job->kind);
  spec->reason = job->reason;
  spec->location = job->location;
  spec->image = job->image;
  spec->seal = job->seal;
  spec->document_number = job->document_number;
  if (job->kind == XASO_PDF_APPEARANCE_LEADER && job->text_template != NULL && job->text_template[0] != '\0')
    spec->text_template = job->text_template;
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  XasoSignJob *job = data->job;
  g_autoptr(XasoPdfIdentity) identity = NULL;
  XasoPdfSignOptions options;
  XasoPdfAppearance spec;
  GError *error = NULL;

  xaso_pdf_sign_options_init (&options);
  if ((identity = open_identity (job, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  xaso_sign_placement_apply (&job->placement, &options);
  describe_appearance (job, &spec);
  options.reason = job->reason != NULL && job->reason[0] != '\0' ? job->reason : NULL;
  options.location = job->location != NULL && job->location[0] != '\0' ? job->location : NULL;
  options.appearance = &spec;
  options.tsa_url = job->tsa_url != NULL && job->tsa_url[0] != '\0' ? job->tsa_url : NULL;
  if (!xaso_pdf_sign_file (identity, job->input, job->output, &options, cancellable, progress_cb, data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
xaso_sign_job_run_async (XasoSignJob          *job,
                         XasoSignProgressFunc  progress,
                         GObject              *target,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RunData *data = g_new0 (RunData, 1);

  data->job = job;
  data->progress = progress;
  data->target = g_object_ref (target);
  data->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, xaso_sign_job_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
xaso_sign_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Previews */

typedef struct
{
  XasoPdfAppearance spec;
  char             *signer;
  char             *organization;
  char             *reason;
  char             *location;
  char             *text_template;
  char             *document_number;
  double            width;
  double            height;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_free (data->signer);
  g_free (data->organization);
  g_free (data->reason);
  g_free (data->location);
  g_free (data->text_template);
  g_free (data->document_number);
  g_clear_pointer (&data->spec.time, g_date_time_unref);
  g_clear_pointer (&data->spec.image, g_bytes_unref);
  g_clear_pointer (&data->spec.seal, g_bytes_unref);
  g_free (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  GError *error = NULL;
  GBytes *png = xaso_pdf_appearance_render_png (&data->spec, data->width, data->height, 2.0, &error);

  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

void
xaso_sign_preview_async (const XasoPdfAppearance *spec,
                         double                   width,
                         double                   height,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PreviewData *data = g_new0 (PreviewData, 1);

  data->spec = *spec;
  data->spec.signer = data->signer = g_strdup (spec->signer);
  data->spec.organization = data->organization = g_strdup (spec->organization);
  data->spec.reason = data->reason = g_strdup (spec->reason);
  data->spec.location = data->location = g_strdup (spec->location);
  data->spec.time = spec->time != NULL ? g_date_time_ref (spec->time) : NULL;
  data->spec.image = spec->image != NULL ? g_bytes_ref (spec->image) : NULL;
  data->spec.seal = spec->seal != NULL ? g_bytes_ref (spec->seal) : NULL;
  data->spec.text_template = data->text_template = g_strdup (spec->text_template);
  data->spec.font_family = NULL;
  data->spec.text_color = NULL;
  data->spec.document_number = data->document_number = g_strdup (spec->document_number);
  data->spec.copy_form = NULL;
  data->width = width;
  data->height = height;
  g_task_set_source_tag (task, xaso_sign_preview_async);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

GBytes *
xaso_sign_preview_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
