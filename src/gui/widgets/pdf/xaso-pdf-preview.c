/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-preview.h"
#include "xaso-pdf-view.h"

struct _XasoPdfPreview
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  AdwStatusPage   *status;
  XasoPdfView     *view;
  GtkPicture      *picture;
  XasoPdfRenderer *renderer;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (XasoPdfPreview, xaso_pdf_preview, ADW_TYPE_BIN)

static void
show_status (XasoPdfPreview *self,
             const char     *icon,
             const char     *title,
             const char     *description)
{
  adw_status_page_set_icon_name (self->status, icon);
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

/* The renderer's task has no source object: it comes with the preview. */
typedef struct
{
  XasoPdfPreview  *self;
  XasoPdfRenderer *renderer;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(XasoPdfPreview) self = opening->self;
  g_autoptr(XasoPdfRenderer) renderer = opening->renderer;
  g_autoptr(GError) error = NULL;

  g_free (opening);
  if (!xaso_pdf_renderer_open_finish (renderer, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, "dialog-warning-symbolic", _("The File Cannot Be Shown"), error->message);
      return;
    }
  if (renderer != self->renderer)
    return;
  xaso_pdf_view_set_renderer (self->view, renderer);
  xaso_pdf_view_set_sizing (self->view, XASO_PDF_SIZING_FIT_WIDTH);
  gtk_stack_set_visible_child_name (self->stack, "pdf");
}

static gboolean
is_image (const char *path)
{
  g_autofree char *type = g_content_type_guess (path, NULL, 0, NULL);

  return g_content_type_is_mime_type (type, "image/*");
}

void
xaso_pdf_preview_set_path (XasoPdfPreview *self,
                           const char     *path)
{
  g_autoptr(GFile) file = NULL;
  Opening *opening;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  if (path == NULL || *path == '\0')
    {
      show_status (self, "x-office-document-symbolic", _("No File"),
                   _("The scanned or received file shows here."));
      return;
    }
  file = g_file_new_for_path (path);
  if (is_image (path))
    {
      gtk_picture_set_file (self->picture, file);
      gtk_stack_set_visible_child_name (self->stack, "image");
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->renderer = xaso_pdf_renderer_new ();
  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->renderer = g_object_ref (self->renderer);
  show_status (self, "content-loading-symbolic", _("Opening…"), NULL);
  xaso_pdf_renderer_open_async (self->renderer, file, self->cancellable, opened_cb, opening);
}

static void
xaso_pdf_preview_dispose (GObject *object)
{
  XasoPdfPreview *self = XASO_PDF_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (xaso_pdf_preview_parent_class)->dispose (object);
}

static void
xaso_pdf_preview_class_init (XasoPdfPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_pdf_preview_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "pdfpreview");
}

static void
xaso_pdf_preview_init (XasoPdfPreview *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  self->view = g_object_new (XASO_TYPE_PDF_VIEW, NULL);
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_stack_add_named (self->stack, scrolled, "pdf");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->picture), "image");
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the document"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  xaso_pdf_preview_set_path (self, NULL);
}

GtkWidget *
xaso_pdf_preview_new (void)
{
  return g_object_new (XASO_TYPE_PDF_PREVIEW, NULL);
}
