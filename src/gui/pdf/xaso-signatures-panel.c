/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-verify.h"
#include "xaso-signature-row.h"
#include "xaso-signatures-panel.h"

/* The signatures panel ("Chữ ký số") of a PDF window: our own
 * verification (xaso_pdf_verify_file, GnuTLS) of every signature, run on
 * a worker thread whenever a PDF is opened, one row per signature. */

struct _XasoSignaturesPanel
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *summary_label;
  GtkListBox     *list_box;

  GCancellable   *cancellable;
  int             n_signatures;
};

G_DEFINE_FINAL_TYPE (XasoSignaturesPanel, xaso_signatures_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_SIGNATURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char  *path;
  GStrv  trust_paths;
} VerifyData;

static void
verify_data_free (VerifyData *data)
{
  g_free (data->path);
  g_strfreev (data->trust_paths);
  g_free (data);
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *data = task_data;
  GError *error = NULL;
  XasoPdfVerifyReport *report = xaso_pdf_verify_file (data->path, (const char * const *) data->trust_paths,
                                                      cancellable, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) xaso_pdf_verify_report_free);
}

static void
clear_rows (XasoSignaturesPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
set_n_signatures (XasoSignaturesPanel *self,
                  int                  n)
{
  self->n_signatures = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SIGNATURES]);
}

static void
show_report (XasoSignaturesPanel *self,
             XasoPdfVerifyReport *report)
{
  guint n = report->signatures->len, n_valid = 0;
  g_autofree char *summary = NULL;

  clear_rows (self);
  for (guint i = 0; i < n; i++)
    {
      XasoPdfSignatureReport *signature = g_ptr_array_index (report->signatures, i);

      n_valid += xaso_pdf_signature_report_is_valid (signature) && signature->trusted;
      gtk_list_box_append (self->list_box, xaso_signature_row_new (signature));
    }
  /* Translators: the first %u is how many of the %u signatures are valid
   * and trusted. */
  summary = g_strdup_printf (ngettext ("%u of %u signature is valid and trusted. "
                                       "Revocation is not checked offline.",
                                       "%u of %u signatures are valid and trusted. "
                                       "Revocation is not checked offline.", n), n_valid, n);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  set_n_signatures (self, n);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  XasoSignaturesPanel *self = XASO_SIGNATURES_PANEL (source);
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (report == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_n_signatures (self, 0);
      return;
    }
  show_report (self, report);
}

void
xaso_signatures_panel_verify (XasoSignaturesPanel *self,
                              GFile               *file,
                              const char * const  *trust_paths)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *data = g_new0 (VerifyData, 1);

  g_return_if_fail (XASO_IS_SIGNATURES_PANEL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  data->path = g_file_get_path (file);
  data->trust_paths = g_strdupv ((char **) trust_paths);
  clear_rows (self);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, verified_cb, NULL);
  g_task_set_source_tag (task, xaso_signatures_panel_verify);
  g_task_set_task_data (task, data, (GDestroyNotify) verify_data_free);
  if (data->path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only local files can be checked."));
  else
    g_task_run_in_thread (task, verify_thread);
}

int
xaso_signatures_panel_get_n_signatures (XasoSignaturesPanel *self)
{
  g_return_val_if_fail (XASO_IS_SIGNATURES_PANEL (self), 0);

  return self->n_signatures;
}

static void
xaso_signatures_panel_dispose (GObject *object)
{
  XasoSignaturesPanel *self = (XasoSignaturesPanel *) object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_SIGNATURES_PANEL);
  /* The template's box has no id, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (xaso_signatures_panel_parent_class)->dispose (object);
}

static void
xaso_signatures_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XasoSignaturesPanel *self = XASO_SIGNATURES_PANEL (object);

  switch (prop_id)
    {
    case PROP_N_SIGNATURES:
      g_value_set_int (value, self->n_signatures);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_signatures_panel_class_init (XasoSignaturesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_signatures_panel_dispose;
  object_class->get_property = xaso_signatures_panel_get_property;
  properties[PROP_N_SIGNATURES] =
    g_param_spec_int ("n-signatures", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-signatures-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoSignaturesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoSignaturesPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoSignaturesPanel, error_page);
  gtk_widget_class_bind_template_child (widget_class, XasoSignaturesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignaturesPanel, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xaso_signatures_panel_init (XasoSignaturesPanel *self)
{
  g_type_ensure (XASO_TYPE_SIGNATURE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
