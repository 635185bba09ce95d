/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xaso-pdf-view-private.h"

/* Continuous vertical pages of one PDF, scrolled by the GtkScrolledWindow
 * around it. Nothing here touches poppler: pages are drawn by the
 * document's XasoPdfRenderer worker into textures, and only the pages on
 * screen, plus a few around them, keep one. Until every page size is known
 * (a 2,400-page file takes a tenth of a second just to list them) the size
 * of page 1 stands for all pages; the worker sends the real sizes in
 * batches and the layout follows them, keeping the page read in place. */


static void xaso_pdf_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XasoPdfView, xaso_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, xaso_pdf_view_scrollable_init))

G_DEFINE_ENUM_TYPE (XasoPdfSizing, xaso_pdf_sizing,
                    G_DEFINE_ENUM_VALUE (XASO_PDF_SIZING_FIT_WIDTH, "fit-width"),
                    G_DEFINE_ENUM_VALUE (XASO_PDF_SIZING_FIT_PAGE, "fit-page"),
                    G_DEFINE_ENUM_VALUE (XASO_PDF_SIZING_FREE, "free"))

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_SCALE,
  PROP_SIZING,
  PROP_HAS_SELECTION,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void update_visible (XasoPdfView *self);

static void
tile_free (Tile *tile)
{
  g_cancellable_cancel (tile->cancellable);
  g_clear_object (&tile->cancellable);
  g_clear_object (&tile->texture);
  g_free (tile);
}

static double
content_height (XasoPdfView *self)
{
  if (self->n_pages == 0)
    return 0;
  return page_top (self, self->n_pages - 1) + page_size (self, self->n_pages - 1)->height * self->scale + MARGIN;
}

static double
content_width (XasoPdfView *self)
{
  return self->max_width * self->scale + 2 * MARGIN;
}

/* Where page @page starts on the x axis: centred in the view, or at the
 * margin when the page is wider than the view. */
double
xaso_pdf_view_page_left (XasoPdfView *self,
           int          page)
{
  double width = MAX (content_width (self), gtk_widget_get_width (GTK_WIDGET (self)));

  return floor ((width - page_size (self, page)->width * self->scale) / 2);
}

/* The page under @y in content coordinates, by bisection over the tops. */
static int
page_at (XasoPdfView *self,
         double       y)
{
  int lo = 0, hi = self->n_pages - 1;

  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;

      if (page_top (self, mid) <= y)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

static void
compute_offsets (XasoPdfView *self)
{
  double y = MARGIN;

  g_array_set_size (self->offsets, self->n_pages);
  self->max_width = 0;
  for (int i = 0; i < self->n_pages; i++)
    {
      g_array_index (self->offsets, double, i) = round (y);
      y += page_size (self, i)->height * self->scale + MARGIN;
      self->max_width = MAX (self->max_width, page_size (self, i)->width);
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         upper,
                      double         page)
{
  if (adjustment == NULL)
    return;
  upper = MAX (upper, page);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - page), 0, upper,
                            page * 0.1, page * 0.9, page);
}

/* Lays the pages out again (after a zoom or new page sizes) and scrolls so
 * that the point of the page at the top third of the view stays there. */
static void
relayout (XasoPdfView *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double vvalue = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  double hvalue = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double old_upper = self->hadjustment ? gtk_adjustment_get_upper (self->hadjustment) : 0;
  int anchor = 0;
  double fraction = 0;

  if (self->n_pages == 0)
    return;
  if (self->offsets->len == (guint) self->n_pages)
    {
      anchor = page_at (self, vvalue + height / 3);
      fraction = (vvalue + height / 3 - page_top (self, anchor)) /
                 MAX (1, page_size (self, anchor)->height * self->scale);
    }
  compute_offsets (self);
  vvalue = page_top (self, anchor) + fraction * page_size (self, anchor)->height * self->scale - height / 3;
  if (old_upper > width)
    hvalue = (hvalue + width / 2) * MAX (content_width (self), width) / old_upper - width / 2;
  configure_adjustment (self->vadjustment, vvalue, content_height (self), height);
  configure_adjustment (self->hadjustment, hvalue, content_width (self), width);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
fit_scale (XasoPdfView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;
  double scale;

  if (self->n_pages == 0 || width <= 0 || height <= 0)
    return self->scale;
  scale = width / self->max_width;
  if (self->sizing == XASO_PDF_SIZING_FIT_PAGE)
    scale = MIN (scale, height / page_size (self, self->page)->height);
  return CLAMP (scale, MIN_SCALE, MAX_SCALE);
}

static void
apply_scale (XasoPdfView *self,
             double       scale)
{
  scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  if (fabs (scale - self->scale) < 1e-4)
    return;
  self->scale = scale;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
  update_visible (self);
}

/* Page shown: the one at the top third of the view, unless the official
 * asked for a page that cannot reach the top (the last ones). */
static void
update_current_page (XasoPdfView *self)
{
  double value = gtk_adjustment_get_value (self->vadjustment);
  int page;

  if (self->n_pages == 0)
    return;
  if (self->pinned_page >= 0 && fabs (value - self->pinned_value) < 0.5)
    page = self->pinned_page;
  else
    {
      self->pinned_page = -1;
      page = page_at (self, value + gtk_widget_get_height (GTK_WIDGET (self)) / 3);
    }
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

/* Rendering */

typedef struct
{
  XasoPdfView *view;
  int          page;
  double       scale;
} RenderData;

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RenderData *data = user_data;
  g_autoptr(XasoPdfView) self = data->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = xaso_pdf_renderer_render_finish (self->renderer, result, &error);
  Tile *tile = g_hash_table_lookup (self->tiles, GINT_TO_POINTER (data->page));

  if (texture == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Page %d: %s", data->page + 1, error->message);
  if (texture != NULL && tile != NULL && tile->pending_scale == data->scale)
    {
      g_set_object (&tile->texture, texture);
      tile->texture_scale = data->scale;
      tile->pending_scale = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_free (data);
}

static void
request_page (XasoPdfView     *self,
              int              page,
              double           scale,
              XasoPdfPriority  priority)
{
  Tile *tile = g_hash_table_lookup (self->tiles, GINT_TO_POINTER (page));
  RenderData *data;

  if (tile == NULL)
    {
      tile = g_new0 (Tile, 1);
      g_hash_table_insert (self->tiles, GINT_TO_POINTER (page), tile);
    }
  if (tile->texture_scale == scale || tile->pending_scale == scale)
    return;
  g_cancellable_cancel (tile->cancellable);
  g_clear_object (&tile->cancellable);
  tile->cancellable = g_cancellable_new ();
  tile->pending_scale = scale;
  data = g_new0 (RenderData, 1);
  data->view = g_object_ref (self);
  data->page = page;
  data->scale = scale;
  xaso_pdf_renderer_render_async (self->renderer, page, scale, priority, tile->cancellable, rendered_cb, data);
}

static gboolean
far_from (gpointer key,
          gpointer value,
          gpointer user_data)
{
  int page = GPOINTER_TO_INT (key);
  int *range = user_data;

  return page < range[0] - KEEP_AROUND || page > range[1] + KEEP_AROUND;
}

/* Asks for the pages on screen, then the ones just around, and forgets
 * pages far away, so memory stays the same for 1 page or 2,400. */
static void
update_visible (XasoPdfView *self)
{
  double top, bottom, scale;
  int range[2];

  if (self->renderer == NULL || self->n_pages == 0 || self->vadjustment == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
  range[0] = page_at (self, top);
  range[1] = page_at (self, bottom);
  scale = self->scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  for (int i = range[0]; i <= range[1]; i++)
    request_page (self, i, scale, XASO_PDF_PRIORITY_VISIBLE);
  if (range[1] + 1 < self->n_pages)
    request_page (self, range[1] + 1, scale, XASO_PDF_PRIORITY_NEAR);
  if (range[0] > 0)
    request_page (self, range[0] - 1, scale, XASO_PDF_PRIORITY_NEAR);
  g_hash_table_foreach_remove (self->tiles, far_from, range);
}

/* Page sizes, in batches on the worker */

static void request_sizes (XasoPdfView *self);

static void
sizes_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XasoPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = xaso_pdf_renderer_sizes_finish (self->renderer, result, &error);

  if (sizes == NULL)
    return;
  memcpy (page_size (self, self->sizes_known), sizes->data, sizes->len * sizeof (XasoPdfPageSize));
  self->sizes_known += sizes->len;
  relayout (self);
  if (self->sizing != XASO_PDF_SIZING_FREE)
    apply_scale (self, fit_scale (self));
  update_visible (self);
  if (self->sizes_known < self->n_pages)
    request_sizes (self);
}

/* Batches go one after the other, so the worker stays free for pages. */
static void
request_sizes (XasoPdfView *self)
{
  int n = MIN (SIZES_PER_JOB, self->n_pages - self->sizes_known);

  xaso_pdf_renderer_sizes_async (self->renderer, self->sizes_known, n,
                                 self->cancellable, sizes_cb, g_object_ref (self));
}

/* Drawing */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
snapshot_matches (XasoPdfView *self,
                  GtkSnapshot *snapshot,
                  int          page,
                  double       x,
                  double       y)
{
  static const GdkRGBA hit = { 1.0, 0.85, 0.0, 0.35 };
  static const GdkRGBA current = { 1.0, 0.5, 0.0, 0.5 };
  const XasoPdfMatch *m;
  guint first, n;

  if (self->search == NULL)
    return;
  m = xaso_pdf_search_get_page (self->search, page, &first, &n);
  for (guint i = 0; i < n; i++)
    append_rect (snapshot, (int) (first + i) == xaso_pdf_search_get_current (self->search) ? &current : &hit,
                 x + m[i].x1 * self->scale, y + m[i].y1 * self->scale,
                 (m[i].x2 - m[i].x1) * self->scale, (m[i].y2 - m[i].y1) * self->scale);
}

static void
snapshot_selection (XasoPdfView *self,
                    GtkSnapshot *snapshot,
                    int          page,
                    double       x,
                    double       y)
{
  static const GdkRGBA color = { 0.21, 0.52, 0.89, 0.35 };
  XasoPdfSelection *selection;
  int index = page - self->selection_first;

  if (index < 0 || index >= (int) self->selection->len)
    return;
  selection = g_ptr_array_index (self->selection, index);
  if (selection == NULL || selection->region == NULL)
    return;
  for (int i = 0; i < cairo_region_num_rectangles (selection->region); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (selection->region, i, &r);
      append_rect (snapshot, &color, x + r.x * self->scale, y + r.y * self->scale,
                   r.width * self->scale, r.height * self->scale);
    }
}

/* The time to the first page drawn, for tests/bench/bench-pdf-render. */
static void
note_first_page (XasoPdfView *self)
{
  if (self->first_page_shown)
    return;
  self->first_page_shown = TRUE;
  g_debug ("first page shown %.1f ms after the view was made",
           (g_get_monotonic_time () - self->created_us) / 1000.0);
}

static void
snapshot_page (XasoPdfView *self,
               GtkSnapshot *snapshot,
               int          page)
{
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  static const GdkRGBA edge = { 0, 0, 0, 0.15 };
  double x = xaso_pdf_view_page_left (self, page);
  double y = page_top (self, page);
  double width = round (page_size (self, page)->width * self->scale);
  double height = round (page_size (self, page)->height * self->scale);
  Tile *tile = g_hash_table_lookup (self->tiles, GINT_TO_POINTER (page));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);

  append_rect (snapshot, &edge, x - 1, y - 1, width + 2, height + 2);
  if (tile != NULL && tile->texture != NULL)
    {
      gtk_snapshot_append_texture (snapshot, tile->texture, &bounds);
      note_first_page (self);
    }
  else
    gtk_snapshot_append_color (snapshot, &paper, &bounds);
  snapshot_matches (self, snapshot, page, x, y);
  snapshot_selection (self, snapshot, page, x, y);
  xaso_pdf_view_snapshot_signing (self, snapshot, page, x, y);
}

static void
xaso_pdf_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  XasoPdfView *self = XASO_PDF_VIEW (widget);
  double top, bottom;

  if (self->n_pages == 0 || self->vadjustment == NULL || self->hadjustment == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + gtk_widget_get_height (widget);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-gtk_adjustment_get_value (self->hadjustment), -top));
  for (int i = page_at (self, top); i < self->n_pages && page_top (self, i) < bottom; i++)
    snapshot_page (self, snapshot, i);
  gtk_snapshot_restore (snapshot);
}

static void
xaso_pdf_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  XasoPdfView *self = XASO_PDF_VIEW (widget);

  if (self->sizing != XASO_PDF_SIZING_FREE && self->n_pages > 0)
    {
      double scale = fit_scale (self);

      if (fabs (scale - self->scale) >= 1e-4)
        {
          apply_scale (self, scale);
          return;
        }
    }
  relayout (self);
  update_visible (self);
}

/* Scrolling, zooming and the current page */

static void
adjustment_changed_cb (XasoPdfView *self)
{
  update_current_page (self);
  update_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (XasoPdfView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Ctrl + wheel zooms around the page being read; a plain wheel scrolls.
 * A touchpad sends many small deltas: they add up to one step per notch
 * a mouse wheel would give. */
static gboolean
scroll_cb (XasoPdfView              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  self->zoom_scroll += dy;
  for (; self->zoom_scroll <= -1; self->zoom_scroll += 1)
    xaso_pdf_view_zoom_in (self);
  for (; self->zoom_scroll >= 1; self->zoom_scroll -= 1)
    xaso_pdf_view_zoom_out (self);
  return TRUE;
}

static void
search_current_cb (XasoPdfView   *self,
                   GParamSpec    *pspec,
                   XasoPdfSearch *search)
{
  int current = xaso_pdf_search_get_current (search);
  const XasoPdfMatch *match;
  double y, height;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (current < 0 || self->vadjustment == NULL)
    return;
  match = xaso_pdf_search_get_match (search, current);
  y = page_top (self, match->page) + match->y1 * self->scale;
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (y < gtk_adjustment_get_value (self->vadjustment) + MARGIN ||
      y > gtk_adjustment_get_value (self->vadjustment) + height - 3 * MARGIN)
    gtk_adjustment_set_value (self->vadjustment, y - height / 3);
}

/* Selecting text with the mouse */

typedef struct
{
  XasoPdfView  *view;
  int           page;
} SelectData;

/* A point of the view as a page and a point of that page, in points. */
int
xaso_pdf_view_to_page_point (XasoPdfView *self,
               double       x,
               double       y,
               double      *px,
               double      *py)
{
  double cx = x + gtk_adjustment_get_value (self->hadjustment);
  double cy = y + gtk_adjustment_get_value (self->vadjustment);
  int page = page_at (self, cy);

  *px = CLAMP ((cx - xaso_pdf_view_page_left (self, page)) / self->scale, 0, page_size (self, page)->width);
  *py = CLAMP ((cy - page_top (self, page)) / self->scale, 0, page_size (self, page)->height);
  return page;
}

static void
set_has_selection (XasoPdfView *self,
                   gboolean     has_selection)
{
  if (self->has_selection == !!has_selection)
    return;
  self->has_selection = !!has_selection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

static void
selected_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SelectData *data = user_data;
  g_autoptr(XasoPdfView) self = data->view;
  g_autoptr(XasoPdfSelection) selection = xaso_pdf_renderer_select_finish (self->renderer, result, NULL);
  int index = data->page - self->selection_first;

  g_free (data);
  if (selection == NULL || index < 0 || index >= (int) self->selection->len)
    return;
  if (selection->text != NULL && selection->text[0] != '\0')
    set_has_selection (self, TRUE);
  g_ptr_array_index (self->selection, index) = g_steal_pointer (&selection);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xaso_pdf_view_clear_selection (XasoPdfView *self)
{
  g_cancellable_cancel (self->select_cancellable);
  g_clear_object (&self->select_cancellable);
  g_ptr_array_set_size (self->selection, 0);
  set_has_selection (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selects from (@p0, @x0, @y0) to (@p1, @x1, @y1), @p0 <= @p1: the rest
 * of the first page, whole pages between, the start of the last. */
static void
select_range (XasoPdfView *self,
              int          p0,
              double       x0,
              double       y0,
              int          p1,
              double       x1,
              double       y1)
{
  xaso_pdf_view_clear_selection (self);
  self->select_cancellable = g_cancellable_new ();
  self->selection_first = p0;
  g_ptr_array_set_size (self->selection, p1 - p0 + 1);
  for (int page = p0; page <= p1; page++)
    {
      PopplerRectangle area = { 0, 0, page_size (self, page)->width, page_size (self, page)->height };
      SelectData *data = g_new0 (SelectData, 1);

      if (page == p0)
        area.x1 = x0, area.y1 = y0;
      if (page == p1)
        area.x2 = x1, area.y2 = y1;
      data->view = g_object_ref (self);
      data->page = page;
      xaso_pdf_renderer_select_async (self->renderer, page, &area, self->select_cancellable, selected_cb, data);
    }
}

static void
drag_begin_cb (XasoPdfView    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (self->n_pages == 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (xaso_pdf_view_signing_begin (self, x, y))
    return;
  xaso_pdf_view_clear_selection (self);
  self->select_page = xaso_pdf_view_to_page_point (self, x, y, &self->select_x, &self->select_y);
}

static void
drag_update_cb (XasoPdfView    *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  double sx, sy, x, y;
  int page;

  if (self->n_pages == 0)
    return;
  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
  if (xaso_pdf_view_signing_update (self, sx + dx, sy + dy))
    return;
  if (self->select_page < 0)
    return;
  page = xaso_pdf_view_to_page_point (self, sx + dx, sy + dy, &x, &y);
  /* A selection of more than a chapter is not what a drag means. */
  page = CLAMP (page, self->select_page - 50, self->select_page + 50);
  if (page > self->select_page || (page == self->select_page && (y > self->select_y ||
                                                                 (y == self->select_y && x >= self->select_x))))
    select_range (self, self->select_page, self->select_x, self->select_y, page, x, y);
  else
    select_range (self, page, x, y, self->select_page, self->select_x, self->select_y);
}

gboolean
xaso_pdf_view_get_has_selection (XasoPdfView *self)
{
  return self->has_selection;
}

char *
xaso_pdf_view_get_selected_text (XasoPdfView *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->selection->len; i++)
    {
      XasoPdfSelection *selection = g_ptr_array_index (self->selection, i);

      if (selection == NULL || selection->text == NULL)
        continue;
      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, selection->text);
    }
  return g_string_free (text, FALSE);
}

/* Public API */

void
xaso_pdf_view_set_renderer (XasoPdfView     *self,
                            XasoPdfRenderer *renderer)
{
  XasoPdfPageSize first = xaso_pdf_renderer_get_first_size (renderer);

  g_return_if_fail (XASO_IS_PDF_VIEW (self));
  g_return_if_fail (self->renderer == NULL);

  self->renderer = g_object_ref (renderer);
  self->n_pages = xaso_pdf_renderer_get_n_pages (renderer);
  g_array_set_size (self->sizes, self->n_pages);
  for (int i = 0; i < self->n_pages; i++)
    g_array_index (self->sizes, XasoPdfPageSize, i) = first;
  self->sizes_known = 1;
  compute_offsets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (self->n_pages > 1)
    request_sizes (self);
}

void
xaso_pdf_view_set_search (XasoPdfView   *self,
                          XasoPdfSearch *search)
{
  g_return_if_fail (XASO_IS_PDF_VIEW (self));

  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_set_object (&self->search, search);
  if (search == NULL)
    return;
  g_signal_connect_object (search, "notify::current", G_CALLBACK (search_current_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search, "notify::n-matches", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

int
xaso_pdf_view_get_page (XasoPdfView *self)
{
  return self->page;
}

int
xaso_pdf_view_get_n_pages (XasoPdfView *self)
{
  return self->n_pages;
}

void
xaso_pdf_view_set_page (XasoPdfView *self,
                        int          page)
{
  g_return_if_fail (XASO_IS_PDF_VIEW (self));

  if (self->n_pages == 0 || self->vadjustment == NULL)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  gtk_adjustment_set_value (self->vadjustment, page_top (self, page) - MARGIN);
  self->pinned_page = page;
  self->pinned_value = gtk_adjustment_get_value (self->vadjustment);
  update_current_page (self);
}

double
xaso_pdf_view_get_scale (XasoPdfView *self)
{
  return self->scale;
}

void
xaso_pdf_view_set_scale (XasoPdfView *self,
                         double       scale)
{
  g_return_if_fail (XASO_IS_PDF_VIEW (self));

  xaso_pdf_view_set_sizing (self, XASO_PDF_SIZING_FREE);
  apply_scale (self, scale);
}

XasoPdfSizing
xaso_pdf_view_get_sizing (XasoPdfView *self)
{
  return self->sizing;
}

void
xaso_pdf_view_set_sizing (XasoPdfView   *self,
                          XasoPdfSizing  sizing)
{
  g_return_if_fail (XASO_IS_PDF_VIEW (self));

  if (self->sizing == sizing)
    return;
  self->sizing = sizing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZING]);
  if (sizing != XASO_PDF_SIZING_FREE)
    apply_scale (self, fit_scale (self));
}

void
xaso_pdf_view_zoom_in (XasoPdfView *self)
{
  xaso_pdf_view_set_scale (self, self->scale * ZOOM_STEP);
}

void
xaso_pdf_view_zoom_out (XasoPdfView *self)
{
  xaso_pdf_view_set_scale (self, self->scale / ZOOM_STEP);
}

static void
go_action (GtkWidget  *widget,
           const char *name,
           GVariant   *param)
{
  XasoPdfView *self = XASO_PDF_VIEW (widget);
  int page = self->page;

  if (g_str_equal (name, "view.next-page"))
    page++;
  else if (g_str_equal (name, "view.previous-page"))
    page--;
  else if (g_str_equal (name, "view.first-page"))
    page = 0;
  else
    page = self->n_pages - 1;
  xaso_pdf_view_set_page (self, page);
}

/* Page Up and Down turn pages, as in every document viewer, rather than
 * scrolling by a screen as the GtkScrolledWindow around would. */
static void
add_page_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.next-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "view.previous-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "view.first-page", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "view.last-page", NULL, go_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "view.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "view.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "view.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "view.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "view.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "view.last-page", NULL);
}

/* GObject */

static void
xaso_pdf_view_dispose (GObject *object)
{
  XasoPdfView *self = (XasoPdfView *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->select_cancellable);
  g_hash_table_remove_all (self->tiles);
  xaso_pdf_view_set_search (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->renderer);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_PDF_VIEW);
  G_OBJECT_CLASS (xaso_pdf_view_parent_class)->dispose (object);
}

static void
xaso_pdf_view_finalize (GObject *object)
{
  XasoPdfView *self = (XasoPdfView *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->select_cancellable);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  G_OBJECT_CLASS (xaso_pdf_view_parent_class)->finalize (object);
}

static void
xaso_pdf_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XasoPdfView *self = XASO_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_int (value, self->page); break;
    case PROP_N_PAGES: g_value_set_int (value, self->n_pages); break;
    case PROP_SCALE: g_value_set_double (value, self->scale); break;
    case PROP_SIZING: g_value_set_enum (value, self->sizing); break;
    case PROP_HAS_SELECTION: g_value_set_boolean (value, self->has_selection); break;
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_pdf_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XasoPdfView *self = XASO_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: xaso_pdf_view_set_page (self, g_value_get_int (value)); break;
    case PROP_SCALE: xaso_pdf_view_set_scale (self, g_value_get_double (value)); break;
    case PROP_SIZING: xaso_pdf_view_set_sizing (self, g_value_get_enum (value)); break;
    case PROP_HADJUSTMENT: set_adjustment (self, &self->hadjustment, g_value_get_object (value)); break;
    case PROP_VADJUSTMENT: set_adjustment (self, &self->vadjustment, g_value_get_object (value)); break;
    case PROP_HSCROLL_POLICY: self->hscroll_policy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vscroll_policy = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
xaso_pdf_view_get_border (GtkScrollable *scrollable,
                          GtkBorder     *border)
{
  return FALSE;
}

static void
xaso_pdf_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = xaso_pdf_view_get_border;
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, MIN_SCALE, MAX_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZING] =
    g_param_spec_enum ("sizing", NULL, NULL, XASO_TYPE_PDF_SIZING, XASO_PDF_SIZING_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
}

static void
xaso_pdf_view_class_init (XasoPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_pdf_view_dispose;
  object_class->finalize = xaso_pdf_view_finalize;
  object_class->get_property = xaso_pdf_view_get_property;
  object_class->set_property = xaso_pdf_view_set_property;
  widget_class->snapshot = xaso_pdf_view_snapshot;
  widget_class->size_allocate = xaso_pdf_view_size_allocate;
  install_properties (object_class);
  add_page_actions (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-pdf-view.ui");
  gtk_widget_class_bind_template_callback (widget_class, scroll_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_update_cb);
  xaso_pdf_view_class_add_signing (widget_class);
  gtk_widget_class_set_css_name (widget_class, "xaso-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
xaso_pdf_view_init (XasoPdfView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->created_us = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  self->sizes = g_array_new (FALSE, TRUE, sizeof (XasoPdfPageSize));
  self->offsets = g_array_new (FALSE, TRUE, sizeof (double));
  self->tiles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tile_free);
  self->selection = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_pdf_selection_free);
  self->scale = 1.0;
  self->pinned_page = -1;
  self->select_page = -1;
  self->signing_page = -1;
}
