/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-person.h"

G_BEGIN_DECLS

/* A lazy list of persons: it holds only row ids and loads persons a page at
 * a time, by primary key, when a view asks for an item. A page costs well
 * under a millisecond, so views can ask from the GUI thread. */
#define XASO_TYPE_PERSON_LIST (xaso_person_list_get_type ())
G_DECLARE_FINAL_TYPE (XasoPersonList, xaso_person_list, XASO, PERSON_LIST, GObject)

XasoPersonList *xaso_person_list_new        (XasoDatabase   *db);
/* Takes @rowids (gint64) and replaces the content; rows that only extend
 * the current ones are appended, leaving what is shown in place. */
void            xaso_person_list_set_rowids (XasoPersonList *self,
                                             GArray         *rowids);
guint           xaso_person_list_get_pages_loaded (XasoPersonList *self);

G_END_DECLS
