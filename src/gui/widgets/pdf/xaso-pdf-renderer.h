/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define XASO_PDF_RENDERER_ERROR (xaso_pdf_renderer_error_quark ())

typedef enum
{
  XASO_PDF_RENDERER_ERROR_ENCRYPTED,
  XASO_PDF_RENDERER_ERROR_DAMAGED,
  XASO_PDF_RENDERER_ERROR_NO_MEMORY,
} XasoPdfRendererError;

/* Lower runs first: what the official looks at, then what is next to it,
 * then thumbnails, then work nobody waits for. */
typedef enum
{
  XASO_PDF_PRIORITY_OPEN = 0,
  XASO_PDF_PRIORITY_VISIBLE = 10,
  XASO_PDF_PRIORITY_NEAR = 20,
  XASO_PDF_PRIORITY_THUMBNAIL = 30,
  XASO_PDF_PRIORITY_BACKGROUND = 40,
} XasoPdfPriority;

typedef struct
{
  double width;
  double height;
} XasoPdfPageSize;

/* A search hit in PDF points, origin at the top left of its page. */
typedef struct
{
  int    page;
  double x1, y1, x2, y2;
} XasoPdfMatch;

/* Selected text of one page and where it lies, in points. */
typedef struct
{
  char           *text;
  cairo_region_t *region;
} XasoPdfSelection;

void xaso_pdf_selection_free (XasoPdfSelection *selection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPdfSelection, xaso_pdf_selection_free)

#define XASO_TYPE_PDF_RENDERER (xaso_pdf_renderer_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfRenderer, xaso_pdf_renderer, XASO, PDF_RENDERER, GObject)

GQuark            xaso_pdf_renderer_error_quark        (void);
XasoPdfRenderer  *xaso_pdf_renderer_new                (void);
void              xaso_pdf_renderer_open_async         (XasoPdfRenderer        *self,
                                                        GFile                  *file,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
gboolean          xaso_pdf_renderer_open_finish        (XasoPdfRenderer        *self,
                                                        GAsyncResult           *result,
                                                        GError                **error);
int               xaso_pdf_renderer_get_n_pages        (XasoPdfRenderer        *self);
XasoPdfPageSize   xaso_pdf_renderer_get_first_size     (XasoPdfRenderer        *self);
void              xaso_pdf_renderer_sizes_async        (XasoPdfRenderer        *self,
                                                        int                     first,
                                                        int                     n_pages,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
GArray           *xaso_pdf_renderer_sizes_finish       (XasoPdfRenderer        *self,
                                                        GAsyncResult           *result,
                                                        GError                **error);
void              xaso_pdf_renderer_render_async       (XasoPdfRenderer        *self,
                                                        int                     page,
                                                        double                  scale,
                                                        XasoPdfPriority         priority,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
GdkTexture       *xaso_pdf_renderer_render_finish      (XasoPdfRenderer        *self,
                                                        GAsyncResult           *result,
                                                        GError                **error);
void              xaso_pdf_renderer_find_async         (XasoPdfRenderer        *self,
                                                        int                     first,
                                                        int                     n_pages,
                                                        const char             *text,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
GArray           *xaso_pdf_renderer_find_finish        (XasoPdfRenderer        *self,
                                                        GAsyncResult           *result,
                                                        GError                **error);
void              xaso_pdf_renderer_select_async       (XasoPdfRenderer        *self,
                                                        int                     page,
                                                        const PopplerRectangle *area,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
XasoPdfSelection *xaso_pdf_renderer_select_finish      (XasoPdfRenderer        *self,
                                                        GAsyncResult           *result,
                                                        GError                **error);
void              xaso_pdf_renderer_print_page         (XasoPdfRenderer        *self,
                                                        int                     page,
                                                        cairo_t                *cr);

G_END_DECLS
