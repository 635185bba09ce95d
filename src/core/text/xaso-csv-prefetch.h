/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-csv.h"

G_BEGIN_DECLS

/* Reads and prepares the rows of a CSV file on a thread of its own, a few
 * hundred rows ahead of the one that writes them: a bulk import spends
 * about half its time turning text into records and half writing them, and
 * an office PC has two cores. */

/* Turns one row into an item, on the reading thread: it may not touch the
 * database. NULL with @error set stops the reading; the error reaches the
 * writer at that row. */
typedef gpointer (*XasoCsvPrepareFunc) (GPtrArray  *row,
                                        gpointer    data,
                                        GError    **error);

typedef struct _XasoCsvPrefetch XasoCsvPrefetch;

XasoCsvPrefetch *xaso_csv_prefetch_new  (XasoCsvReader       *reader,
                                         XasoCsvPrepareFunc   prepare,
                                         gpointer             data,
                                         GDestroyNotify       item_free);
/* The next item and the line its row started on. FALSE at the end of the
 * file, or with @error set when the row could not be read or prepared. */
gboolean         xaso_csv_prefetch_next (XasoCsvPrefetch     *self,
                                         gpointer            *item,
                                         guint               *line,
                                         GError             **error);
/* Stops the reading thread, waits for it and frees what it read ahead. */
void             xaso_csv_prefetch_free (XasoCsvPrefetch     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoCsvPrefetch, xaso_csv_prefetch_free)

G_END_DECLS
