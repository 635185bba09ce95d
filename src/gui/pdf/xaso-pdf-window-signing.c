/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-application.h"
#include "xaso-pdf-window-private.h"
#include "xaso-pdf-verify.h"

/* Signing and verifying in a PDF window: the pdf.sign* actions open
 * the signing dialog, the view draws the rectangle it asks for, and the
 * signed file opens in a window of its own with its signatures listed. */

void
xaso_pdf_window_verify (XasoPdfWindow *self)
{
  g_auto(GStrv) trust = xaso_pdf_dup_default_trust_paths ();

  xaso_signatures_panel_verify (self->signatures_panel, self->file, (const char * const *) trust);
}

static void
n_signatures_cb (XasoPdfWindow *self)
{
  if (xaso_signatures_panel_get_n_signatures (self->signatures_panel) > 0)
    g_object_set (self, "show-signatures", TRUE, NULL);
}

static void signature_rect_cb           (XasoPdfWindow *self,
                                        int                 page,
                                        double              x,
                                        double              y,
                                        double              width,
                                        double              height);
static void signature_rect_cancelled_cb (XasoPdfWindow *self);

/* Only the handlers of a rectangle being drawn: the window's template
 * connects others on the view (page, zoom, selection) with the same data. */
static void
disconnect_rect_handlers (XasoPdfWindow *self)
{
  g_signal_handlers_disconnect_matched (self->view, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                        G_CALLBACK (signature_rect_cb), self);
  g_signal_handlers_disconnect_matched (self->view, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                        G_CALLBACK (signature_rect_cancelled_cb), self);
}

static void
signature_rect_cb (XasoPdfWindow *self,
                   int                 page,
                   double              x,
                   double              y,
                   double              width,
                   double              height)
{
  disconnect_rect_handlers (self);
  if (self->sign_dialog != NULL)
    xaso_sign_dialog_set_area (self->sign_dialog, page, x, y, width, height);
}

static void
signature_rect_cancelled_cb (XasoPdfWindow *self)
{
  disconnect_rect_handlers (self);
  if (self->sign_dialog != NULL)
    xaso_sign_dialog_area_cancelled (self->sign_dialog);
}

static void
pick_area_cb (XasoPdfWindow *self)
{
  g_signal_connect_swapped (self->view, "signature-rect", G_CALLBACK (signature_rect_cb), self);
  g_signal_connect_swapped (self->view, "signature-rect-cancelled", G_CALLBACK (signature_rect_cancelled_cb), self);
  xaso_pdf_view_start_signature_rect (self->view);
  xaso_pdf_window_show_toast (self, _("Drag a rectangle on the page where the signature goes. Esc cancels."));
}

static void
signed_cb (XasoPdfWindow *self,
           GFile              *output)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *name = g_file_get_basename (output);
  g_autofree char *text = g_strdup_printf (_("Signed into “%s”."), name);

  xaso_pdf_window_show_toast (self, text);
  g_signal_emit_by_name (self, "signed", output);
  xaso_application_open_pdf (XASO_APPLICATION (app), output);
}

static void
dialog_destroyed_cb (XasoPdfWindow *self)
{
  xaso_pdf_view_cancel_signature_rect (self->view);
  disconnect_rect_handlers (self);
  self->sign_dialog = NULL;
}

static void
sign_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  XasoPdfAppearanceKind kind = XASO_PDF_APPEARANCE_LEADER;

  if (self->sign_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->sign_dialog));
      return;
    }
  if (g_str_equal (name, "pdf.sign-organization"))
    kind = XASO_PDF_APPEARANCE_ORGANIZATION;
  else if (g_str_equal (name, "pdf.sign-copy"))
    kind = XASO_PDF_APPEARANCE_COPY;
  self->sign_dialog = xaso_sign_dialog_new (GTK_WINDOW (self), self->file, kind,
                                            xaso_application_get_settings (XASO_APPLICATION (app)));
  if (kind == XASO_PDF_APPEARANCE_ORGANIZATION && self->document_number != NULL)
    xaso_sign_dialog_set_document_number (self->sign_dialog, self->document_number);
  g_signal_connect_object (self->sign_dialog, "pick-area", G_CALLBACK (pick_area_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sign_dialog, "signed", G_CALLBACK (signed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sign_dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->sign_dialog));
}

void
xaso_pdf_window_seal (XasoPdfWindow *self,
                      const char    *number)
{
  g_return_if_fail (XASO_IS_PDF_WINDOW (self));

  if (number != self->document_number)
    {
      g_free (self->document_number);
      self->document_number = g_strdup (number);
    }
  /* The seal goes over the leader's signature: the file must be open. */
  self->seal_on_open = !self->opened;
  if (self->opened)
    gtk_widget_activate_action (GTK_WIDGET (self), "pdf.sign-organization", NULL);
}

void
xaso_pdf_window_class_add_signing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, n_signatures_cb);
  gtk_widget_class_install_action (widget_class, "pdf.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "pdf.sign-organization", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "pdf.sign-copy", NULL, sign_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.signatures", "show-signatures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "pdf.signatures", NULL);
}
