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
  return pg;
}

void
xaso_pg_free (XasoPg *pg)
{
  if (pg == NULL)
    return;
  g_clear_pointer (&pg->conn, PQfinish);
  g_hash_table_unref (pg->prepared);
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
  g_clear_pointer (&pg->conn, PQfinish);
  return connect_now (pg, error);
}

void
xaso_pg_reset (XasoPg *pg)
{
  g_clear_pointer (&pg->conn, PQfinish);
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

gboolean
xaso_pg_exec (XasoPg      *pg,
              const char  *sql,
              GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!xaso_pg_ensure (pg, error))
    return FALSE;
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

  if (!xaso_pg_ensure (pg, error) || !prepare (pg, name, sql, n_params, error))
    return NULL;
  if (lengths != NULL)
    {
      formats = g_new0 (int, MAX (n_params, 1));
      for (int i = 0; i < n_params; i++)
        formats[i] = lengths[i] != 0;
    }
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

gboolean
xaso_pg_begin (XasoPg  *pg,
               GError **error)
{
  return xaso_pg_exec (pg, "BEGIN", error);
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
  g_autoptr(PGresult) result = xaso_pg_query (pg, "set_commune",
                                              "SELECT set_config('xaso.commune', $1, true)",
                                              1, values, error);

  return result != NULL;
}
