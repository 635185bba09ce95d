/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-context.h"
#include "xaso-record-list.h"

G_BEGIN_DECLS

/* Fills a XasoRecordList from a search run on the context's worker, the
 * way a list that searches as the official types needs it: the first
 * screen of matches first, so it shows at once, then the whole list, which
 * extends it in place; a new search cancels the one before, and only the
 * latest answer reaches the list. Any page's filter works: the search
 * function turns it into row ids. */
#define XASO_TYPE_LIST_SEARCH (xaso_list_search_get_type ())
G_DECLARE_FINAL_TYPE (XasoListSearch, xaso_list_search, XASO, LIST_SEARCH, GObject)

/* Runs on the worker: the row ids of the first @limit matches of @filter
 * (all of them when @limit is 0), in the list's order. */
typedef GArray *(*XasoRowidSearch) (XasoDatabase  *db,
                                    gconstpointer  filter,
                                    guint          limit,
                                    GCancellable  *cancellable,
                                    GError       **error);

XasoListSearch *xaso_list_search_new    (XasoContext     *context,
                                         XasoRecordList  *list,
                                         XasoRowidSearch  search,
                                         guint            first_screen);
/* Starts a search for @filter, which it takes and frees with @filter_free. */
void            xaso_list_search_run    (XasoListSearch  *self,
                                         gpointer         filter,
                                         GDestroyNotify   filter_free);
void            xaso_list_search_cancel (XasoListSearch  *self);

G_END_DECLS
