/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-pg.h"

G_DEFINE_QUARK (xaso-pg-error-quark, xaso_pg_error)

struct _XasoPg
{
  char       *conninfo;
  char       *role;
  PGconn     *conn;
  GHashTable *prepared;        /* statement names prepared on conn */
  GPtrArray  *pending;         /* sent in the pipeline, unread: a prepared name, or "" for a statement */
  GError     *send_error;      /* the first statement of the pipeline that could not be sent */
  gboolean    was_connected;
  guint       reconnections;
};

XasoPg *
xaso_pg_new (const char *conninfo,
             const char *role)
{
  XasoPg *pg = g_new0 (XasoPg, 1);

  pg->conninfo = g_strdup (conninfo);
  pg->role = g_strdup (role);
  pg->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pg->pending = g_ptr_array_new_with_free_func (g_free);
  return pg;
}

void
xaso_pg_free (XasoPg *pg)
{
  if (pg == NULL)
    return;
  g_clear_pointer (&pg->conn, PQfinish);
  g_hash_table_unref (pg->prepared);
  g_ptr_array_unref (pg->pending);
  g_clear_error (&pg->send_error);
  g_free (pg->conninfo);
  g_free (pg->role);
  g_free (pg);
}

/* Which failures mean "this connection cannot serve": the link is down, the
 * server is shutting down or starting, or a failover left us on a standby.
 * Those are worth a fresh connection; anything else is a bug or bad data. */
static gboolean
sqlstate_means_unavailable (const char *state)
{
  return state != NULL &&
         (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01") ||
          g_str_equal (state, "57P02") || g_str_equal (state, "57P03") ||
          g_str_equal (state, "25006"));
}

static void
set_error_from (XasoPg          *pg,
                const PGresult  *result,
                GError         **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *text = result ? PQresultErrorMessage (result) : NULL;
  g_autofree char *message = NULL;
  XasoPgError code = XASO_PG_ERROR_SQL;

  if (text == NULL || *text == '\0')
    text = PQerrorMessage (pg->conn);
  message = g_strstrip (g_strdup (text));
  if (PQstatus (pg->conn) == CONNECTION_BAD || sqlstate_means_unavailable (state))
    code = XASO_PG_ERROR_UNAVAILABLE;
  else if (g_strcmp0 (state, "23505") == 0)
    code = XASO_PG_ERROR_UNIQUE_VIOLATION;
  g_set_error_literal (error, XASO_PG_ERROR, code, message);
}

static gboolean
connect_now (XasoPg  *pg,
             GError **error)
{
  /* Defaults first: with expand_dbname the conninfo comes later and wins.
   * Every request writes, so of several hosts only the primary will do: a
   * conninfo listing a failover pair without target_session_attrs would
   * otherwise land on the standby once the old primary came back as one.
   * A peer that vanishes without closing (a machine lost, a cut network)
   * is noticed by TCP within about a minute, not the kernel's two hours, so
   * that a worker or the long-poll listener blocked on it moves on to the
   * new primary. */
  const char *keywords[] = { "connect_timeout", "fallback_application_name", "target_session_attrs",
                             "keepalives_idle", "keepalives_interval", "keepalives_count",
                             "tcp_user_timeout", "dbname", NULL };
  const char *values[] = { "5", "xaso-server", "read-write", "30", "10", "3", "30000", pg->conninfo, NULL };
  g_autofree char *set_role = NULL;

  pg->conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (pg->conn)));

      g_set_error (error, XASO_PG_ERROR, XASO_PG_ERROR_UNAVAILABLE,
                   "Cannot connect to PostgreSQL: %s", message);
      g_clear_pointer (&pg->conn, PQfinish);
      return FALSE;
    }
  g_hash_table_remove_all (pg->prepared);
  if (pg->was_connected)
    pg->reconnections++;
  pg->was_connected = TRUE;
  if (pg->role == NULL)
    return TRUE;
  /* The role name is one of two constants, never user text. */
  set_role = g_strdup_printf ("SET ROLE %s", pg->role);
  if (!xaso_pg_exec (pg, set_role, error))
    {
      g_prefix_error (error, "Cannot switch to the role %s (did “xaso-server init-db” run, and is the "
                      "login role a member of it?): ", pg->role);
      g_clear_pointer (&pg->conn, PQfinish);
      return FALSE;
    }
  return TRUE;
}

gboolean
xaso_pg_ensure (XasoPg  *pg,
                GError **error)
{
  if (pg->conn != NULL && PQstatus (pg->conn) == CONNECTION_OK)
    return TRUE;
  /* Statements deferred on the lost link (a BEGIN, the commune's scope) are
   * gone, or could not even be sent: a new connection must not run the rest
   * of their transaction without them. The request fails; the worker runs
   * it again from its start on a fresh connection. */
  if (pg->pending->len > 0 || pg->send_error != NULL)
    {
      GError *lost = g_steal_pointer (&pg->send_error);

      if (lost == NULL)
        lost = g_error_new_literal (XASO_PG_ERROR, XASO_PG_ERROR_UNAVAILABLE,
                                    "The connection to PostgreSQL was lost in the middle of a pipeline");
      xaso_pg_reset (pg);
      g_propagate_error (error, lost);
      return FALSE;
    }
  g_clear_pointer (&pg->conn, PQfinish);
  return connect_now (pg, error);
}

void
xaso_pg_reset (XasoPg *pg)
{
  g_clear_pointer (&pg->conn, PQfinish);
  g_ptr_array_set_size (pg->pending, 0);
  g_clear_error (&pg->send_error);
}

guint
xaso_pg_get_reconnections (XasoPg *pg)
{
  return pg->reconnections;
}

PGconn *
xaso_pg_get_conn (XasoPg *pg)
{
  return pg->conn;
}

static gboolean
result_ok (XasoPg    *pg,
           PGresult  *result,
           GError   **error)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  set_error_from (pg, result, error);
  return FALSE;
}

/* The pipeline (libpq's pipeline mode). Statements whose answers are not
 * read are sent one after another without waiting (xaso_pg_defer); the next
 * statement whose answer is wanted, a query or COMMIT, goes in the same round
 * trip, and the first error of any of them is its error. */

static gboolean
pipeline_on (XasoPg *pg)
{
  return pg->conn != NULL && PQpipelineStatus (pg->conn) != PQ_PIPELINE_OFF;
}

static gboolean
send_failed (XasoPg *pg)
{
  if (pg->send_error == NULL)
    set_error_from (pg, NULL, &pg->send_error);
  return FALSE;
}

/* A statement's preparation goes ahead of its first use; its name counts as
 * prepared from now on, until its answer says otherwise. */
static gboolean
send_prepare (XasoPg     *pg,
              const char *name,
              const char *sql,
              int         n_params)
{
  if (g_hash_table_contains (pg->prepared, name))
    return TRUE;
  if (!PQsendPrepare (pg->conn, name, sql, n_params, NULL))
    return send_failed (pg);
  g_hash_table_add (pg->prepared, g_strdup (name));
  g_ptr_array_add (pg->pending, g_strdup (name));
  return TRUE;
}

/* Sends a statement into the pipeline, opened if need be: the prepared
 * statement @name, or @sql alone when @name is NULL. */
static gboolean
send_statement (XasoPg             *pg,
                const char         *name,
                const char         *sql,
                int                 n_params,
                const char * const *values,
                const int          *lengths,
                const int          *formats,
                int                 result_format)
{
  int sent;

  if (pg->send_error != NULL)
    return FALSE;
  if (!pipeline_on (pg) && !PQenterPipelineMode (pg->conn))
    return send_failed (pg);
  if (name != NULL && !send_prepare (pg, name, sql, n_params))
    return FALSE;
  sent = name != NULL
    ? PQsendQueryPrepared (pg->conn, name, n_params, values, lengths, formats, result_format)
    : PQsendQueryParams (pg->conn, sql, n_params, NULL, values, lengths, formats, result_format);
  if (!sent)
    return send_failed (pg);
  g_ptr_array_add (pg->pending, g_strdup (""));
  return TRUE;
}

/* One sent statement's answer. A preparation that did not take is forgotten,
 * to be sent again; an error, not one that only echoes an earlier error
 * (PIPELINE_ABORTED), becomes *first if that is still unset. */
static PGresult *
read_answer (XasoPg      *pg,
             const char  *prepared,
             GError     **first)
{
  PGresult *result = PQgetResult (pg->conn);
  PGresult *end;
  ExecStatusType status;

  if (result == NULL)
    return NULL;
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      if (*prepared != '\0')
        g_hash_table_remove (pg->prepared, prepared);
      if (*first == NULL && status != PGRES_PIPELINE_ABORTED)
        set_error_from (pg, result, first);
    }
  /* Each statement's answers end with a NULL. */
  while ((end = PQgetResult (pg->conn)) != NULL)
    PQclear (end);
  return result;
}

/* Reads the pipeline's answers up to its sync and leaves pipeline mode;
 * @last, if not NULL, takes the last statement's. A connection that did not
 * answer as it should is dropped: its state is unknown. */
static gboolean
pipeline_finish (XasoPg    *pg,
                 PGresult **last,
                 GError   **error)
{
  GError *first = g_steal_pointer (&pg->send_error);
  gboolean broken = !pipeline_on (pg) || !PQpipelineSync (pg->conn);
  PGresult *sync;

  for (guint i = 0; i < pg->pending->len && !broken; i++)
    {
      PGresult *result = read_answer (pg, g_ptr_array_index (pg->pending, i), &first);

      broken = result == NULL;
      if (last != NULL && i == pg->pending->len - 1)
        *last = result;
      else
        PQclear (result);
    }
  g_ptr_array_set_size (pg->pending, 0);
  if (!broken)
    {
      sync = PQgetResult (pg->conn);
      broken = sync == NULL || PQresultStatus (sync) != PGRES_PIPELINE_SYNC;
      PQclear (sync);
    }
  if (broken || !PQexitPipelineMode (pg->conn))
    {
      if (first == NULL)
        set_error_from (pg, NULL, &first);
      xaso_pg_reset (pg);
    }
  if (first == NULL)
    return TRUE;
  if (last != NULL)
    g_clear_pointer (last, PQclear);
  g_propagate_error (error, first);
  return FALSE;
}

void
xaso_pg_defer (XasoPg             *pg,
               const char         *name,
               const char         *sql,
               int                 n_params,
               const char * const *values)
{
  if (pg->send_error != NULL || !xaso_pg_ensure (pg, &pg->send_error))
    return;
  send_statement (pg, name, sql, n_params, values, NULL, NULL, 0);
}

gboolean
xaso_pg_exec (XasoPg      *pg,
              const char  *sql,
              GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!xaso_pg_ensure (pg, error))
    return FALSE;
  if (pipeline_on (pg) || pg->send_error != NULL)
    {
      send_statement (pg, NULL, sql, 0, NULL, NULL, NULL, 0);
      return pipeline_finish (pg, NULL, error);
    }
  result = PQexec (pg->conn, sql);
  return result_ok (pg, result, error);
}

static gboolean
prepare (XasoPg      *pg,
         const char  *name,
         const char  *sql,
         int          n_params,
         GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (g_hash_table_contains (pg->prepared, name))
    return TRUE;
  result = PQprepare (pg->conn, name, sql, n_params, NULL);
  if (!result_ok (pg, result, error))
    return FALSE;
  g_hash_table_add (pg->prepared, g_strdup (name));
  return TRUE;
}

PGresult *
xaso_pg_query_binary (XasoPg             *pg,
                      const char         *name,
                      const char         *sql,
                      int                 n_params,
                      const char * const *values,
                      const int          *lengths,
                      gboolean            binary_result,
                      GError            **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree int *formats = NULL;

  if (!xaso_pg_ensure (pg, error))
    return NULL;
  if (lengths != NULL)
    {
      formats = g_new0 (int, MAX (n_params, 1));
      for (int i = 0; i < n_params; i++)
        formats[i] = lengths[i] != 0;
    }
  if (pipeline_on (pg) || pg->send_error != NULL)
    {
      send_statement (pg, name, sql, n_params, values, lengths, formats, binary_result ? 1 : 0);
      if (!pipeline_finish (pg, &result, error))
        return NULL;
      return g_steal_pointer (&result);
    }
  if (!prepare (pg, name, sql, n_params, error))
    return NULL;
  result = PQexecPrepared (pg->conn, name, n_params, values, lengths, formats, binary_result ? 1 : 0);
  if (!result_ok (pg, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

PGresult *
xaso_pg_query (XasoPg             *pg,
               const char         *name,
               const char         *sql,
               int                 n_params,
               const char * const *values,
               GError            **error)
{
  return xaso_pg_query_binary (pg, name, sql, n_params, values, NULL, FALSE, error);
}

gboolean
xaso_pg_stream (XasoPg             *pg,
                const char         *sql,
                int                 n_params,
                const char * const *values,
                XasoPgRowFunc       func,
                gpointer            user_data,
                GError            **error)
{
  PGresult *result;
  gboolean ok = TRUE;

  if (!xaso_pg_ensure (pg, error))
    return FALSE;
  if ((pipeline_on (pg) || pg->send_error != NULL) && !pipeline_finish (pg, NULL, error))
    return FALSE;
  if (!PQsendQueryParams (pg->conn, sql, n_params, NULL, values, NULL, NULL, 0) ||
      !PQsetSingleRowMode (pg->conn))
    {
      g_autoptr(PGresult) none = NULL;

      /* Drain whatever was sent before failing. */
      while ((result = PQgetResult (pg->conn)) != NULL)
        PQclear (result);
      return result_ok (pg, none, error);
    }
  /* Every result is read, even after a failure, to leave the connection idle. */
  while ((result = PQgetResult (pg->conn)) != NULL)
    {
      if (PQresultStatus (result) == PGRES_SINGLE_TUPLE)
        func (result, user_data);
      else if (ok && PQresultStatus (result) != PGRES_TUPLES_OK)
        ok = result_ok (pg, result, error);
      PQclear (result);
    }
  return ok;
}

/* Deferred: BEGIN goes with the request's first query. */
gboolean
xaso_pg_begin (XasoPg  *pg,
               GError **error)
{
  xaso_pg_defer (pg, NULL, "BEGIN", 0, NULL);
  return TRUE;
}

gboolean
xaso_pg_commit (XasoPg  *pg,
                GError **error)
{
  return xaso_pg_exec (pg, "COMMIT", error);
}

void
xaso_pg_rollback (XasoPg *pg)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) ignored = NULL;

  /* What the pipeline still holds ran, or failed, inside the transaction. */
  if (pipeline_on (pg) || pg->send_error != NULL)
    pipeline_finish (pg, NULL, &ignored);
  if (pg->conn == NULL || PQstatus (pg->conn) != CONNECTION_OK ||
      PQtransactionStatus (pg->conn) == PQTRANS_IDLE)
    return;
  result = PQexec (pg->conn, "ROLLBACK");
}

gboolean
xaso_pg_set_commune (XasoPg      *pg,
                     const char  *commune_code,
                     GError     **error)
{
  const char *values[] = { commune_code };

  /* Deferred like BEGIN: its error, if any, is the next query's. */
  xaso_pg_defer (pg, "set_commune", "SELECT set_config('xaso.commune', $1, true)", 1, values);
  return TRUE;
}
