/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-record.h"

G_BEGIN_DECLS

/* A lazy list of records of one type (persons, documents, dossiers): it
 * holds only row ids, found by a search on a worker thread, and loads the
 * records a page at a time, by primary key, when a view asks for an item.
 * A page costs well under a millisecond, so views can ask from the GUI
 * thread. */
#define XASO_TYPE_RECORD_LIST (xaso_record_list_get_type ())
G_DECLARE_FINAL_TYPE (XasoRecordList, xaso_record_list, XASO, RECORD_LIST, GObject)

XasoRecordList *xaso_record_list_new        (GType           item_type,
                                             XasoDatabase   *db);
/* Takes @rowids (gint64) and replaces the content; rows that only extend
 * the current ones are appended, leaving what is shown in place. */
void            xaso_record_list_set_rowids (XasoRecordList *self,
                                             GArray         *rowids);
guint           xaso_record_list_get_pages_loaded (XasoRecordList *self);

G_END_DECLS
