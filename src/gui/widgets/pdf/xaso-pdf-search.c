/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf-search"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-pdf-search.h"

/* Text search over a whole document ("Tìm trong văn bản"): pages are
 * searched in order, a few at a time on the render worker, so a page the
 * official scrolls to still draws first. Hits arrive sorted by page; the
 * view asks for the hits of each page it draws. Diacritics are ignored, so
 * "nguyen" finds "Nguyễn". */

#define PAGES_PER_JOB 16

struct _XasoPdfSearch
{
  GObject          parent_instance;

  XasoPdfRenderer *renderer;
  GCancellable    *cancellable;
  GArray          *matches;
  char            *text;
  int              from_page;
  int              next_page;
  int              current;
  guint            busy : 1;
};

G_DEFINE_FINAL_TYPE (XasoPdfSearch, xaso_pdf_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_MATCHES,
  PROP_CURRENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void search_more (XasoPdfSearch *self);

static void
set_current (XasoPdfSearch *self,
             int            current)
{
  self->current = current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* The first hit shown is the first one at or after the page the official
 * was reading, as in every document viewer. */
static void
pick_first (XasoPdfSearch *self,
            gboolean       finished)
{
  if (self->current >= 0 || self->matches->len == 0)
    return;
  for (guint i = 0; i < self->matches->len; i++)
    if (g_array_index (self->matches, XasoPdfMatch, i).page >= self->from_page)
      {
        set_current (self, i);
        return;
      }
  if (finished)
    set_current (self, 0);
}

static void
set_busy (XasoPdfSearch *self,
          gboolean       busy)
{
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XasoPdfSearch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = xaso_pdf_renderer_find_finish (self->renderer, result, &error);
  gboolean finished;

  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Search stopped: %s", error->message);
          set_busy (self, FALSE);
        }
      return;
    }
  g_array_append_vals (self->matches, found->data, found->len);
  finished = self->next_page >= xaso_pdf_renderer_get_n_pages (self->renderer);
  if (found->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  pick_first (self, finished);
  if (finished)
    set_busy (self, FALSE);
  else
    search_more (self);
}

static void
search_more (XasoPdfSearch *self)
{
  int n_pages = xaso_pdf_renderer_get_n_pages (self->renderer);
  int n = MIN (PAGES_PER_JOB, n_pages - self->next_page);

  xaso_pdf_renderer_find_async (self->renderer, self->next_page, n, self->text, self->cancellable,
                                found_cb, g_object_ref (self));
  self->next_page += n;
}

void
xaso_pdf_search_stop (XasoPdfSearch *self)
{
  g_return_if_fail (XASO_IS_PDF_SEARCH (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->text, g_free);
  g_array_set_size (self->matches, 0);
  self->current = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  set_current (self, -1);
  if (self->busy)
    set_busy (self, FALSE);
}

void
xaso_pdf_search_start (XasoPdfSearch *self,
                       const char    *text,
                       int            from_page)
{
  g_return_if_fail (XASO_IS_PDF_SEARCH (self));

  xaso_pdf_search_stop (self);
  if (text == NULL || text[0] == '\0' || xaso_pdf_renderer_get_n_pages (self->renderer) == 0)
    return;
  self->text = g_strdup (text);
  self->cancellable = g_cancellable_new ();
  self->from_page = from_page;
  self->next_page = 0;
  set_busy (self, TRUE);
  search_more (self);
}

guint
xaso_pdf_search_get_n_matches (XasoPdfSearch *self)
{
  return self->matches->len;
}

int
xaso_pdf_search_get_current (XasoPdfSearch *self)
{
  return self->current;
}

gboolean
xaso_pdf_search_get_busy (XasoPdfSearch *self)
{
  return self->busy;
}

const XasoPdfMatch *
xaso_pdf_search_get_match (XasoPdfSearch *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->matches->len, NULL);
  return &g_array_index (self->matches, XasoPdfMatch, index);
}

/* The hits on @page, found by bisection since they are sorted by page. */
const XasoPdfMatch *
xaso_pdf_search_get_page (XasoPdfSearch *self,
                          int            page,
                          guint         *first,
                          guint         *n_matches)
{
  const XasoPdfMatch *m = (const XasoPdfMatch *) self->matches->data;
  guint lo = 0, hi = self->matches->len, end;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (m[mid].page < page)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (end = lo; end < self->matches->len && m[end].page == page; end++)
    ;
  *first = lo;
  *n_matches = end - lo;
  return end > lo ? &m[lo] : NULL;
}

void
xaso_pdf_search_next (XasoPdfSearch *self)
{
  if (self->matches->len > 0)
    set_current (self, (self->current + 1) % self->matches->len);
}

void
xaso_pdf_search_previous (XasoPdfSearch *self)
{
  if (self->matches->len > 0)
    set_current (self, self->current <= 0 ? (int) self->matches->len - 1 : self->current - 1);
}

/* "3 of 45" for the search bar; an ellipsis while pages remain. */
char *
xaso_pdf_search_describe (XasoPdfSearch *self)
{
  if (self->text == NULL)
    return g_strdup ("");
  if (self->matches->len == 0)
    return g_strdup (self->busy ? _("Searching…") : _("No matches"));
  if (self->busy)
    /* Translators: the search hit shown and how many were found so far. */
    return g_strdup_printf (_("%d of %u…"), self->current + 1, self->matches->len);
  /* Translators: the search hit shown and how many there are. */
  return g_strdup_printf (_("%d of %u"), self->current + 1, self->matches->len);
}

static void
xaso_pdf_search_dispose (GObject *object)
{
  XasoPdfSearch *self = (XasoPdfSearch *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  G_OBJECT_CLASS (xaso_pdf_search_parent_class)->dispose (object);
}

static void
xaso_pdf_search_finalize (GObject *object)
{
  XasoPdfSearch *self = (XasoPdfSearch *) object;

  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (xaso_pdf_search_parent_class)->finalize (object);
}

static void
xaso_pdf_search_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XasoPdfSearch *self = XASO_PDF_SEARCH (object);

  switch (prop_id)
    {
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;
    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_pdf_search_class_init (XasoPdfSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xaso_pdf_search_dispose;
  object_class->finalize = xaso_pdf_search_finalize;
  object_class->get_property = xaso_pdf_search_get_property;

  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xaso_pdf_search_init (XasoPdfSearch *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (XasoPdfMatch));
  self->current = -1;
}

XasoPdfSearch *
xaso_pdf_search_new (XasoPdfRenderer *renderer)
{
  XasoPdfSearch *self = g_object_new (XASO_TYPE_PDF_SEARCH, NULL);

  self->renderer = g_object_ref (renderer);
  return self;
}
