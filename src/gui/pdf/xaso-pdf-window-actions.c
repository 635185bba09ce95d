/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-window-private.h"

/* The pdf.* actions of a PDF window, their shortcuts, and printing. */

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  xaso_pdf_view_zoom_in (XASO_PDF_WINDOW (widget)->view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  xaso_pdf_view_zoom_out (XASO_PDF_WINDOW (widget)->view);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  xaso_pdf_view_set_scale (XASO_PDF_WINDOW (widget)->view, 1.0);
}

static void
zoom_to_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  xaso_pdf_view_set_scale (XASO_PDF_WINDOW (widget)->view, g_variant_get_double (param));
}

static void
sizing_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (widget);
  const char *sizing = g_variant_get_string (param, NULL);

  xaso_pdf_view_set_sizing (self->view, g_str_equal (sizing, "fit-page") ? XASO_PDF_SIZING_FIT_PAGE
                                                                        : XASO_PDF_SIZING_FIT_WIDTH);
}

static void
go_action (GtkWidget  *widget,
           const char *name,
           GVariant   *param)
{
  XasoPdfView *view = XASO_PDF_WINDOW (widget)->view;
  int page = xaso_pdf_view_get_page (view);

  if (g_str_equal (name, "pdf.next-page"))
    page++;
  else if (g_str_equal (name, "pdf.previous-page"))
    page--;
  else if (g_str_equal (name, "pdf.first-page"))
    page = 0;
  else
    page = xaso_pdf_view_get_n_pages (view) - 1;
  xaso_pdf_view_set_page (view, page);
}

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (widget);

  if (self->search == NULL)
    return;
  if (g_str_equal (name, "pdf.find-next"))
    xaso_pdf_search_next (self->search);
  else
    xaso_pdf_search_previous (self->search);
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (widget);
  g_autofree char *text = xaso_pdf_view_get_selected_text (self->view);

  if (text[0] != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* Printing: GtkPrintOperation asks for each page on the main thread; the
 * renderer draws it with poppler's printing path under the worker's lock. */

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              XasoPdfWindow *self)
{
  xaso_pdf_renderer_print_page (self->renderer, page, gtk_print_context_get_cairo_context (context));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XasoPdfWindow      *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  xaso_pdf_window_show_toast (self, _("The document could not be printed."));
  g_warning ("Printing failed: %s", error ? error->message : "unknown error");
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *job_name = g_file_get_basename (self->file);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, xaso_pdf_renderer_get_n_pages (self->renderer));
  gtk_print_operation_set_current_page (operation, xaso_pdf_view_get_page (self->view));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      xaso_pdf_window_show_toast (self, _("The document could not be printed."));
      g_warning ("Printing failed: %s", error->message);
    }
}

void
xaso_pdf_window_update_actions (XasoPdfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int page = xaso_pdf_view_get_page (self->view);
  int n_pages = xaso_pdf_view_get_n_pages (self->view);
  static const char *document_actions[] = {
    "pdf.zoom-in", "pdf.zoom-out", "pdf.zoom-reset", "pdf.zoom-to", "pdf.sizing",
    "pdf.find", "pdf.find-next", "pdf.find-previous", "pdf.print", "pdf.thumbnails",
    "pdf.sign", "pdf.sign-organization", "pdf.sign-copy", "pdf.signatures",
  };

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (widget, document_actions[i], self->opened);
  gtk_widget_action_set_enabled (widget, "pdf.previous-page", self->opened && page > 0);
  gtk_widget_action_set_enabled (widget, "pdf.first-page", self->opened && page > 0);
  gtk_widget_action_set_enabled (widget, "pdf.next-page", self->opened && page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "pdf.last-page", self->opened && page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "pdf.copy", self->opened && xaso_pdf_view_get_has_selection (self->view));
}

static void
add_shortcuts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "pdf.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "pdf.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pdf.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "pdf.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "pdf.thumbnails", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

void
xaso_pdf_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-to", "d", zoom_to_action);
  gtk_widget_class_install_action (widget_class, "pdf.sizing", "s", sizing_action);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, print_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.thumbnails", "show-thumbnails");
  add_shortcuts (widget_class);
}
