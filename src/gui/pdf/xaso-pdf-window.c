/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-application.h"
#include "xaso-pdf-window-private.h"

/* A window for one PDF, whatever it is: the file the official opened,
 * dropped or chose "Open with" on. The document opens on the render
 * worker; until then a spinner shows, and if it cannot be read the window
 * says why instead of closing. */

G_DEFINE_FINAL_TYPE (XasoPdfWindow, xaso_pdf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_SHOW_THUMBNAILS,
  PROP_SHOW_SIGNATURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
xaso_pdf_window_show_toast (XasoPdfWindow *self,
                                 const char         *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_matches_label (XasoPdfWindow *self)
{
  g_autofree char *text = xaso_pdf_search_describe (self->search);

  gtk_label_set_label (self->matches_label, text);
}

static void
page_changed_cb (XasoPdfWindow *self)
{
  int page = xaso_pdf_view_get_page (self->view);
  g_autofree char *text = g_strdup_printf ("%d", page + 1);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Not while the official is typing a page number there. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
  xaso_pdf_thumbnails_set_page (self->thumbnails, page);
  xaso_pdf_window_update_actions (self);
}

static void
update_zoom_label (gpointer user_data)
{
  XasoPdfWindow *self = user_data;
  g_autofree char *label = g_strdup_printf ("%.0f%%", xaso_pdf_view_get_scale (self->view) * 100);

  self->zoom_label_source = 0;
  gtk_menu_button_set_label (self->zoom_button, label);
}

/* The view changes its zoom while it is being allocated (fit width); the
 * header bar is relabelled after that frame, not in the middle of it. */
static void
scale_changed_cb (XasoPdfWindow *self)
{
  if (self->zoom_label_source == 0)
    self->zoom_label_source = g_idle_add_once (update_zoom_label, self);
}

static void
selection_changed_cb (XasoPdfWindow *self)
{
  xaso_pdf_window_update_actions (self);
}

/* The number typed is a page number as printed under the thumbnails,
 * from 1; anything else puts back the page shown. */
static void
page_entry_activate_cb (XasoPdfWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry))));
  guint64 page = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1,
                                  xaso_pdf_view_get_n_pages (self->view), &page, NULL))
    xaso_pdf_view_set_page (self->view, (int) page - 1);
  else
    xaso_pdf_window_show_toast (self, _("There is no such page in this document."));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  page_changed_cb (self);
}

static void
thumbnail_activated_cb (XasoPdfWindow *self,
                        int                 page)
{
  xaso_pdf_view_set_page (self->view, page);
}

static void
search_changed_cb (XasoPdfWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->search != NULL)
    xaso_pdf_search_start (self->search, text, xaso_pdf_view_get_page (self->view));
}

static void
search_next_cb (XasoPdfWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pdf.find-next", NULL);
}

static void
search_previous_cb (XasoPdfWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pdf.find-previous", NULL);
}

static void
search_stop_cb (XasoPdfWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (XasoPdfWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) && self->search != NULL)
    {
      xaso_pdf_search_stop (self->search);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    search_changed_cb (self);
}

static void
show_error (XasoPdfWindow *self,
            const GError       *error)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autofree char *text = g_strdup_printf ("%s\n\n%s", error->message, name);

  adw_status_page_set_description (self->error_page, text);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XasoPdfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_pages = NULL;

  if (!xaso_pdf_renderer_open_finish (self->renderer, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  self->opened = TRUE;
  self->search = xaso_pdf_search_new (self->renderer);
  g_signal_connect_object (self->search, "notify", G_CALLBACK (update_matches_label), self, G_CONNECT_SWAPPED);
  xaso_pdf_view_set_search (self->view, self->search);
  xaso_pdf_view_set_renderer (self->view, self->renderer);
  xaso_pdf_thumbnails_set_renderer (self->thumbnails, self->renderer);
  /* Translators: after the page entry, as in “3 / 120”. */
  n_pages = g_strdup_printf (_("/ %d"), xaso_pdf_renderer_get_n_pages (self->renderer));
  gtk_label_set_label (self->n_pages_label, n_pages);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  page_changed_cb (self);
  scale_changed_cb (self);
  xaso_pdf_window_verify (self);
  if (self->seal_on_open)
    xaso_pdf_window_seal (self, self->document_number);
}

static void
xaso_pdf_window_constructed (GObject *object)
{
  XasoPdfWindow *self = (XasoPdfWindow *) object;
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (self->file);

  G_OBJECT_CLASS (xaso_pdf_window_parent_class)->constructed (object);

  title = g_file_get_basename (self->file);
  folder = parent ? g_file_get_parse_name (parent) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  gtk_spinner_start (self->spinner);
  xaso_pdf_renderer_open_async (self->renderer, self->file, self->cancellable, opened_cb, g_object_ref (self));
  xaso_pdf_window_update_actions (self);
}

static void
xaso_pdf_window_dispose (GObject *object)
{
  XasoPdfWindow *self = (XasoPdfWindow *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->sign_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->sign_dialog));
  g_clear_handle_id (&self->zoom_label_source, g_source_remove);
  if (self->search != NULL)
    xaso_pdf_search_stop (self->search);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PDF_WINDOW);
  g_clear_object (&self->search);
  g_clear_object (&self->renderer);
  G_OBJECT_CLASS (xaso_pdf_window_parent_class)->dispose (object);
}

static void
xaso_pdf_window_finalize (GObject *object)
{
  XasoPdfWindow *self = (XasoPdfWindow *) object;

  g_clear_object (&self->file);
  g_free (self->document_number);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (xaso_pdf_window_parent_class)->finalize (object);
}

static void
xaso_pdf_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, self->show_thumbnails);
      break;
    case PROP_SHOW_SIGNATURES:
      g_value_set_boolean (value, self->show_signatures);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_pdf_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XasoPdfWindow *self = XASO_PDF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_SHOW_THUMBNAILS:
      self->show_thumbnails = g_value_get_boolean (value);
      gtk_revealer_set_reveal_child (self->thumbnails_revealer, self->show_thumbnails);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_SIGNATURES:
      self->show_signatures = g_value_get_boolean (value);
      gtk_revealer_set_reveal_child (self->signatures_revealer, self->show_signatures);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-pdf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, page_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, matches_label);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, thumbnails_revealer);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, view);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, signatures_revealer);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, signatures_box);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfWindow, signatures_panel);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
}

static void
xaso_pdf_window_class_init (XasoPdfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A file was signed into the GFile given: whoever opened the window
   * for a document's record keeps it. */
  g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_FILE);
  object_class->constructed = xaso_pdf_window_constructed;
  object_class->dispose = xaso_pdf_window_dispose;
  object_class->finalize = xaso_pdf_window_finalize;
  object_class->get_property = xaso_pdf_window_get_property;
  object_class->set_property = xaso_pdf_window_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_THUMBNAILS] =
    g_param_spec_boolean ("show-thumbnails", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIGNATURES] =
    g_param_spec_boolean ("show-signatures", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  xaso_pdf_window_class_add_actions (widget_class);
  xaso_pdf_window_class_add_signing (widget_class);
}

static void
xaso_pdf_window_init (XasoPdfWindow *self)
{
  g_type_ensure (XASO_TYPE_PDF_VIEW);
  g_type_ensure (XASO_TYPE_PDF_THUMBNAILS);
  g_type_ensure (XASO_TYPE_SIGNATURES_PANEL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->renderer = xaso_pdf_renderer_new ();
  xaso_application_add_pdf_drop_target (GTK_WIDGET (self));
}

XasoPdfWindow *
xaso_pdf_window_new (GtkApplication *app,
                          GFile          *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (XASO_TYPE_PDF_WINDOW,
                       "application", app,
                       "file", file,
                       NULL);
}
