/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Entries the server writes into a commune's log itself: an online dossier
 * from the inbox, an account the administrator adds. They are decided by
 * the same XasoApply as a device's ops and stored by the same code
 * (xaso-server-store.h), so a desktop pulls them like any other entry. Their
 * device_id is XASO_AUTHOR_DEVICE, never a desktop's (those are UUIDs), and
 * their seq is their own server_seq. */

#define XASO_AUTHOR_DEVICE "server"

typedef struct _XasoAuthor XasoAuthor;

/* Locks the commune's counter row, in the caller's transaction (already
 * scoped to the commune), until it commits. */
XasoAuthor *xaso_author_begin  (XasoPg      *pg,
                                const char  *commune,
                                GError     **error);
/* Appends the insert of a new row @row_id of @table, @values being its
 * fields (name → JSON null, number or string), made by @actor at @hlc.
 * Returns the entry's server_seq, or 0 with @error set. */
gint64      xaso_author_insert (XasoAuthor  *author,
                                const char  *table,
                                const char  *row_id,
                                const char  *actor,
                                gint64       hlc,
                                JsonObject  *values,
                                GError     **error);
/* Writes the rows, the entries and the counter; the caller commits. */
gboolean    xaso_author_store  (XasoAuthor  *author,
                                GError     **error);
void        xaso_author_free   (XasoAuthor  *author);

/* A hybrid logical clock value (physical milliseconds in the high 48 bits,
 * a counter in the low 16), as desktops make them, for @time. */
gint64      xaso_author_hlc    (GDateTime   *time,
                                guint        counter);

/* A fresh row id, a UUID of version 7 (its time first) as desktops make. */
char       *xaso_author_row_id (GDateTime   *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoAuthor, xaso_author_free)

G_END_DECLS
