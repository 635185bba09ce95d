/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-dossier-code.h"
#include "xaso-dossier.h"
#include "xaso-uuid.h"

#define MAX_SEQ 9999

typedef struct
{
  XasoDatabase *db;
  const char   *unit_eid;
  const char   *day;
  const char   *actor;
} Desk;

static sqlite3_stmt *
query (Desk       *desk,
       const char *sql,
       GError    **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (desk->db, sql, error);

  if (stmt == NULL)
    return NULL;
  xaso_bind_text (stmt, 1, xaso_database_get_commune_code (desk->db));
  sqlite3_bind_text (stmt, 2, desk->unit_eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, desk->day, -1, SQLITE_STATIC);
  return stmt;
}

/* The block this desk is drawing from, if it has numbers left. */
static char *
held_block (Desk     *desk,
            gint64   *next,
            GError  **error)
{
  sqlite3_stmt *stmt = query (desk,
    "SELECT id, next_seq FROM dossier_code_block WHERE commune_code = ?1 AND unit_eid = ?2 AND day = ?3 "
    "AND device_id = ?4 AND next_seq <= last_seq AND deleted = 0 ORDER BY first_seq LIMIT 1", error);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 4, xaso_database_get_device_id (desk->db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = g_strdup (xaso_column_text (stmt, 0));
      *next = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

/* The last number of the day any desk took: in the blocks, and in the
 * codes themselves, which a replica may hold without their blocks (data
 * imported or made before blocks existed). */
static gint64
last_taken (Desk    *desk,
            GError **error)
{
  sqlite3_stmt *stmt = query (desk,
    "SELECT max (coalesce ((SELECT max (last_seq) FROM dossier_code_block WHERE commune_code = ?1 "
    "AND unit_eid = ?2 AND day = ?3 AND deleted = 0), 0), coalesce ((SELECT max (CAST (substr (code, -4) "
    "AS INTEGER)) FROM dossier WHERE commune_code = ?1 AND code >= ?2 || '-' || ?3 || '-' "
    "AND code < ?2 || '-' || ?3 || '.'), 0))", error);
  gint64 last = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return last;
}

static char *
take_block (Desk     *desk,
            gint64   *next,
            GError  **error)
{
  gint64 first = last_taken (desk, error) + 1;
  g_autofree char *id = NULL;
  g_autoptr(XasoChange) change = NULL;

  if (first <= 0)
    return NULL;
  if (first > MAX_SEQ)
    {
      g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_CODE,
                   _("All %d dossier codes of this day are used."), MAX_SEQ);
      return NULL;
    }
  id = xaso_uuid_new ();
  change = xaso_change_new (XASO_CHANGE_INSERT, "dossier_code_block", id);
  xaso_change_set_text (change, "unit_eid", desk->unit_eid);
  xaso_change_set_text (change, "day", desk->day);
  xaso_change_set_text (change, "device_id", xaso_database_get_device_id (desk->db));
  xaso_change_set_int (change, "first_seq", first);
  xaso_change_set_int (change, "last_seq", MIN (first + XASO_DOSSIER_CODE_BLOCK - 1, MAX_SEQ));
  xaso_change_set_int (change, "next_seq", first);
  if (!xaso_change_apply (change, desk->db, desk->actor, error))
    return NULL;
  *next = first;
  return g_steal_pointer (&id);
}

char *
xaso_dossier_code_next (XasoDatabase  *db,
                        const char    *unit_eid,
                        GDateTime     *received,
                        const char    *actor,
                        GError       **error)
{
  /* The day is the commune's, whatever zone @received was given in. */
  g_autoptr(GDateTime) local = g_date_time_to_timezone (received,
                                                        xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
  g_autofree char *day = g_date_time_format (local, "%y%m%d");
  Desk desk = { db, unit_eid, day, actor };
  g_autoptr(XasoChange) change = NULL;
  g_autofree char *block = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 seq = 0;

  g_return_val_if_fail (xaso_database_in_transaction (db), NULL);
  block = held_block (&desk, &seq, &local_error);
  if (block == NULL && local_error == NULL)
    block = take_block (&desk, &seq, &local_error);
  if (block == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  change = xaso_change_new (XASO_CHANGE_UPDATE, "dossier_code_block", block);
  xaso_change_set_int (change, "next_seq", seq + 1);
  if (!xaso_change_apply (change, db, actor, error))
    return NULL;
  return g_strdup_printf ("%s-%s-%04" G_GINT64_FORMAT, unit_eid, day, seq);
}
