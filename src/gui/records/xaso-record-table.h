/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-list-search.h"

G_BEGIN_DECLS

/* A lazy table of records that searches as the official types: columns
 * of the records' string properties, the list or a status page saying why
 * it is empty, and a count. Any page's filter works: the page gives the
 * search function and runs it with its filter. Emits "activated" (Enter
 * or double click) and "selected" with the record's id. */
#define XASO_TYPE_RECORD_TABLE (xaso_record_table_get_type ())
G_DECLARE_FINAL_TYPE (XasoRecordTable, xaso_record_table, XASO, RECORD_TABLE, AdwBin)

typedef enum
{
  XASO_COLUMN_EXPAND   = 1 << 0,   /* takes the width left */
  XASO_COLUMN_NUMERIC  = 1 << 1,   /* tabular figures */
  XASO_COLUMN_ELLIPSIZE = 1 << 2,
} XasoColumnFlags;

void  xaso_record_table_add_column  (XasoRecordTable *self,
                                     const char      *title,
                                     const char      *property,
                                     XasoColumnFlags  flags);
/* Where the rows come from; @first_screen rows are shown first. */
void  xaso_record_table_set_source  (XasoRecordTable *self,
                                     XasoContext     *context,
                                     GType            item_type,
                                     XasoRowidSearch  search,
                                     guint            first_screen);
/* Runs a search for @filter, which it takes. */
void  xaso_record_table_search      (XasoRecordTable *self,
                                     gpointer         filter,
                                     GDestroyNotify   filter_free);
/* What the empty list says. */
void  xaso_record_table_set_empty   (XasoRecordTable *self,
                                     const char      *icon_name,
                                     const char      *title,
                                     const char      *description);
/* The table's name for screen readers. */
void  xaso_record_table_set_label   (XasoRecordTable *self,
                                     const char      *label);
guint xaso_record_table_get_count   (XasoRecordTable *self);
void  xaso_record_table_select_first (XasoRecordTable *self);

G_END_DECLS
