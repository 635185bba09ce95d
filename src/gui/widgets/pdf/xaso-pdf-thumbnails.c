/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf-thumbnails"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-thumbnails.h"

/* The "Ảnh thu nhỏ" sidebar: one small picture per page in a GtkListView,
 * so only the rows on screen exist; each row asks the render worker for its
 * picture when it is bound and cancels the request when it is recycled.
 * Choosing a row emits ::page-activated. */

#define THUMBNAIL_WIDTH 110

struct _XasoPdfThumbnails
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkListView        *list_view;
  GtkSingleSelection *selection;

  /* Owned references */
  XasoPdfRenderer    *renderer;
  GtkStringList      *pages;
  guint               syncing : 1;
};

G_DEFINE_FINAL_TYPE (XasoPdfThumbnails, xaso_pdf_thumbnails, ADW_TYPE_BIN)

enum {
  PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GtkListItem *item;
  guint        position;
} ThumbnailData;

/* A row is a picture over its page number. The factory is a signal factory
 * because a row must start (and cancel) its own render when it is bound,
 * which a builder factory's bindings cannot do. */
static void
setup_cb (XasoPdfThumbnails *self,
          GtkListItem       *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (picture, "card");
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ThumbnailData *data = user_data;
  g_autoptr(GtkListItem) item = data->item;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);
  GtkWidget *box = gtk_list_item_get_child (item);

  if (texture != NULL && box != NULL && gtk_list_item_get_position (item) == data->position)
    gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), GDK_PAINTABLE (texture));
  g_free (data);
}

static void
bind_cb (XasoPdfThumbnails *self,
         GtkListItem       *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  XasoPdfPageSize size = xaso_pdf_renderer_get_first_size (self->renderer);
  guint position = gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%u", position + 1);
  g_autofree char *name = g_strdup_printf (_("Page %u"), position + 1);
  GCancellable *cancellable = g_cancellable_new ();
  ThumbnailData *data = g_new0 (ThumbnailData, 1);
  double scale = THUMBNAIL_WIDTH / size.width;

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, (int) (size.height * scale));
  data->item = g_object_ref (item);
  data->position = position;
  g_object_set_data_full (G_OBJECT (item), "cancellable", cancellable, g_object_unref);
  xaso_pdf_renderer_render_async (self->renderer, position, scale * gtk_widget_get_scale_factor (box),
                                  XASO_PDF_PRIORITY_THUMBNAIL, cancellable, rendered_cb, data);
}

static void
unbind_cb (XasoPdfThumbnails *self,
           GtkListItem       *item)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (item), "cancellable");

  g_cancellable_cancel (cancellable);
  g_object_set_data (G_OBJECT (item), "cancellable", NULL);
}

static void
selected_cb (XasoPdfThumbnails *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (!self->syncing && position != GTK_INVALID_LIST_POSITION)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, (int) position);
}

void
xaso_pdf_thumbnails_set_renderer (XasoPdfThumbnails *self,
                                  XasoPdfRenderer   *renderer)
{
  int n_pages = xaso_pdf_renderer_get_n_pages (renderer);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_full (n_pages + 1, g_free);

  g_return_if_fail (XASO_IS_PDF_THUMBNAILS (self));

  g_set_object (&self->renderer, renderer);
  for (int i = 0; i < n_pages; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("%d", i + 1));
  g_ptr_array_add (numbers, NULL);
  self->syncing = TRUE;
  g_clear_object (&self->pages);
  self->pages = gtk_string_list_new ((const char * const *) numbers->pdata);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->pages));
  self->syncing = FALSE;
}

/* Follows the page the view shows, without sending the view back there. */
void
xaso_pdf_thumbnails_set_page (XasoPdfThumbnails *self,
                              int                page)
{
  g_return_if_fail (XASO_IS_PDF_THUMBNAILS (self));

  if (self->pages == NULL || gtk_single_selection_get_selected (self->selection) == (guint) page)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", page);
  self->syncing = FALSE;
}

static void
xaso_pdf_thumbnails_dispose (GObject *object)
{
  XasoPdfThumbnails *self = (XasoPdfThumbnails *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PDF_THUMBNAILS);
  g_clear_object (&self->pages);
  g_clear_object (&self->renderer);
  G_OBJECT_CLASS (xaso_pdf_thumbnails_parent_class)->dispose (object);
}

static void
xaso_pdf_thumbnails_class_init (XasoPdfThumbnailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_pdf_thumbnails_dispose;

  signals[PAGE_ACTIVATED] =
    g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-pdf-thumbnails.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoPdfThumbnails, list_view);
  gtk_widget_class_bind_template_child (widget_class, XasoPdfThumbnails, selection);
  gtk_widget_class_bind_template_callback (widget_class, setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
xaso_pdf_thumbnails_init (XasoPdfThumbnails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
