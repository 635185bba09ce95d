/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* One libpq connection of xaso-server: opened with the configured conninfo
 * (libpq chooses among several hosts), switched to a role that row-level
 * security applies to, with its prepared statements made on first use. */

#define XASO_PG_ERROR (xaso_pg_error_quark ())

typedef enum
{
  /* The connection is gone or the server refuses work (retry elsewhere). */
  XASO_PG_ERROR_UNAVAILABLE,
  XASO_PG_ERROR_UNIQUE_VIOLATION,
  XASO_PG_ERROR_SQL,
} XasoPgError;

/* The roles of schema.sql; NULL keeps the login role (init-db). */
#define XASO_PG_ROLE_APP   "xaso_app"
#define XASO_PG_ROLE_ADMIN "xaso_admin"

typedef struct _XasoPg XasoPg;

GQuark      xaso_pg_error_quark   (void);

XasoPg     *xaso_pg_new           (const char  *conninfo,
                                   const char  *role);
void        xaso_pg_free          (XasoPg      *pg);
/* Connects if not connected; reconnects (counted) if the link broke. */
gboolean    xaso_pg_ensure        (XasoPg      *pg,
                                   GError     **error);
/* Drops the connection so that the next use opens a fresh one. */
void        xaso_pg_reset         (XasoPg      *pg);
guint       xaso_pg_get_reconnections (XasoPg *pg);
PGconn     *xaso_pg_get_conn      (XasoPg      *pg);

/* A statement without parameters (BEGIN, COMMIT, a script). */
gboolean    xaso_pg_exec          (XasoPg      *pg,
                                   const char  *sql,
                                   GError     **error);
/* A prepared statement, named by the caller, prepared on this connection the
 * first time it runs; parameters are text (NULL for SQL NULL). */
PGresult   *xaso_pg_query         (XasoPg             *pg,
                                   const char         *name,
                                   const char         *sql,
                                   int                 n_params,
                                   const char * const *values,
                                   GError            **error);
/* The same with bytes: a parameter whose length is not 0 in lengths is sent
 * as binary (a bytea's bytes, unescaped), and binary_result asks for every
 * column in binary (for a bytea, its bytes as they are). */
PGresult   *xaso_pg_query_binary  (XasoPg             *pg,
                                   const char         *name,
                                   const char         *sql,
                                   int                 n_params,
                                   const char * const *values,
                                   const int          *lengths,
                                   gboolean            binary_result,
                                   GError            **error);
/* Runs sql and hands each row of its answer to func as it arrives (libpq's
 * single-row mode), so that an answer larger than memory can be read. */
typedef void (*XasoPgRowFunc) (PGresult *row,
                               gpointer  user_data);
gboolean    xaso_pg_stream        (XasoPg             *pg,
                                   const char         *sql,
                                   int                 n_params,
                                   const char * const *values,
                                   XasoPgRowFunc       func,
                                   gpointer            user_data,
                                   GError            **error);
/* Sends a statement whose answer is not read (BEGIN, INSERT, UPDATE) without
 * waiting for it: it goes with the next statement whose answer is wanted (a
 * query, COMMIT), in one round trip, and its error is that one's. @name
 * names a prepared statement as in xaso_pg_query; NULL sends @sql alone. */
void        xaso_pg_defer         (XasoPg             *pg,
                                   const char         *name,
                                   const char         *sql,
                                   int                 n_params,
                                   const char * const *values);
/* BEGIN and the commune's scope are deferred (xaso_pg_defer): they go with
 * the transaction's first query, and their errors are its. */
gboolean    xaso_pg_begin         (XasoPg      *pg,
                                   GError     **error);
gboolean    xaso_pg_commit        (XasoPg      *pg,
                                   GError     **error);
/* Rolls back whatever transaction is open; harmless when none is. */
void        xaso_pg_rollback      (XasoPg      *pg);
/* Scopes the open transaction to one commune (row-level security). */
gboolean    xaso_pg_set_commune   (XasoPg      *pg,
                                   const char  *commune_code,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPg, xaso_pg_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
