/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

#define XASO_TYPE_PAGE (xaso_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (XasoPage, xaso_page, XASO, PAGE, AdwBin)

/* A page of the main window (Công dân, Văn bản đến, …). The window knows
 * pages by what this class holds: a title and an icon for the sidebar, a
 * count of what needs attention shown beside them, and the context it
 * hands every page once the database is open. */
struct _XasoPageClass
{
  AdwBinClass parent_class;

  /* The database is open: start showing it. Called once. */
  void (*context_set) (XasoPage *self);
  /* Shows the record @id of the page's kind (a person, a dossier…), as
   * when another page links to it. */
  void (*show_record) (XasoPage *self, const char *id);
  /* Shows the list filtered by @query (the page's filter as a link:
   * "queue=overdue&assignee=…"), pinned with @description, as when a
   * report's figure is clicked. Returns FALSE, with @error, if the page
   * cannot read @query. */
  gboolean (*show_list) (XasoPage *self, const char *query, const char *description, GError **error);
};

const char  *xaso_page_get_title       (XasoPage    *self);
const char  *xaso_page_get_icon_name   (XasoPage    *self);
guint        xaso_page_get_badge_count (XasoPage    *self);
XasoContext *xaso_page_get_context     (XasoPage    *self);
void         xaso_page_set_context     (XasoPage    *self,
                                        XasoContext *context);
void         xaso_page_show_record     (XasoPage    *self,
                                        const char  *id);
gboolean     xaso_page_show_list       (XasoPage    *self,
                                        const char  *query,
                                        const char  *description,
                                        GError     **error);

/* For subclasses. */
void         xaso_page_set_badge_count (XasoPage    *self,
                                        guint        count);

G_END_DECLS
