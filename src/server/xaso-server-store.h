/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"
#include "xaso-server-apply.h"

G_BEGIN_DECLS

/* Writing what an XasoApply decided into one commune's tables, inside the
 * caller's transaction (already scoped to the commune). Shared by a device's
 * push and by the entries the server writes itself (xaso-server-author.c), so
 * that both number, chain and store the log the same way. Reads and writes
 * go by whole sets: a JSON array unnested by json_to_recordset. */

/* Locks the commune's counter row until commit, so that entries are numbered
 * after every batch committed before, and starts the decisions of @device
 * there. NULL when the commune has no counter row (an error). */
XasoApply *xaso_server_store_begin   (XasoPg      *pg,
                                      const char  *commune,
                                      const char  *device,
                                      GError     **error);

/* Opens the next record of a key set begun with "[": {"t": table, "r": row}. */
void       xaso_server_store_add_key (GString     *keys,
                                      const char  *table,
                                      const char  *row);

/* Takes the ids of @keys (rows the commune has not seen, to be inserted) for
 * the commune. An id another commune holds is not taken: its row stays not
 * claimable, and its insert is rejected as foreign_row. */
gboolean   xaso_server_store_claim   (XasoPg      *pg,
                                      const char  *commune,
                                      XasoApply   *apply,
                                      GString     *keys,
                                      GError     **error);

/* The writes below are deferred (xaso_pg_defer): they go to PostgreSQL with
 * the transaction's COMMIT, in one round trip, which reports their errors. */

/* The rows' heads and changed fields; the ids claimed by inserts rejected
 * after all are given back. A new row not claimed before (claimable but not
 * held) takes its id now, with its head's one write: @claimed_all tells
 * whether every such id was free. When it is FALSE, another commune holds one
 * of them, nothing else was written, and the caller rolls back and claims
 * first (xaso_server_store_claim). */
gboolean   xaso_server_store_rows    (XasoPg      *pg,
                                      const char  *commune,
                                      XasoApply   *apply,
                                      gboolean    *claimed_all,
                                      GError     **error);
/* The new log entries, written by @device. */
gboolean   xaso_server_store_log     (XasoPg      *pg,
                                      const char  *commune,
                                      const char  *device,
                                      XasoApply   *apply,
                                      GError     **error);
/* Moves the counter past the new entries and tells the long-polls of every
 * server process (LISTEN xaso_log) once the transaction commits. */
gboolean   xaso_server_store_counter (XasoPg      *pg,
                                      const char  *commune,
                                      XasoApply   *apply,
                                      GError     **error);

/* Sends a write whose $1 is the commune and $2 a JSON array of records,
 * deferred (xaso_pg_defer): its answer is not read. */
void       xaso_server_store_defer_set (XasoPg     *pg,
                                        const char *name,
                                        const char *sql,
                                        const char *commune,
                                        GString    *records);

/* Runs a statement whose $1 is the commune and $2 a JSON array of records. */
PGresult  *xaso_server_store_run_set (XasoPg      *pg,
                                      const char  *name,
                                      const char  *sql,
                                      const char  *commune,
                                      GString     *records,
                                      GError     **error);

G_END_DECLS
