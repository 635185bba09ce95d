/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

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
  gboolean      enrolled;
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
            gint64   *last,
            GError  **error)
{
  sqlite3_stmt *stmt = query (desk,
    "SELECT id, next_seq, last_seq FROM dossier_code_block WHERE commune_code = ?1 AND unit_eid = ?2 AND day = ?3 "
    "AND device_id = ?4 AND next_seq <= last_seq AND deleted = 0 AND (?5 = 0 OR source != 'local') "
    "ORDER BY first_seq LIMIT 1", error);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 4, xaso_database_get_device_id (desk->db), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, desk->enrolled);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = g_strdup (xaso_column_text (stmt, 0));
      *next = sqlite3_column_int64 (stmt, 1);
      *last = sqlite3_column_int64 (stmt, 2);
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

/* Whether a dossier holds the code of @seq already. */
static gboolean
code_used (Desk     *desk,
           gint64    seq,
           gboolean *used,
           GError  **error)
{
  g_autofree char *code = g_strdup_printf ("%s-%s-%04" G_GINT64_FORMAT, desk->unit_eid, desk->day, seq);
  sqlite3_stmt *stmt = xaso_database_prepare (desk->db, "SELECT 1 FROM dossier WHERE commune_code = ? AND code = ?",
                                              error);

  if (stmt == NULL)
    return FALSE;
  xaso_bind_text (stmt, 1, xaso_database_get_commune_code (desk->db));
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  *used = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
insert_block (Desk        *desk,
              const char  *source,
              gint64       first,
              gint64       last,
              GError     **error)
{
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "dossier_code_block", id);

  xaso_change_set_text (change, "unit_eid", desk->unit_eid);
  xaso_change_set_text (change, "day", desk->day);
  xaso_change_set_text (change, "device_id", xaso_database_get_device_id (desk->db));
  xaso_change_set_int (change, "first_seq", first);
  xaso_change_set_int (change, "last_seq", last);
  xaso_change_set_int (change, "next_seq", first);
  xaso_change_set_text (change, "source", source);
  if (!xaso_change_apply (change, desk->db, desk->actor, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* Whether this desk opened its offline sub-range for the day already. */
static gboolean
fallback_opened (Desk     *desk,
                 gboolean *opened,
                 GError  **error)
{
  sqlite3_stmt *stmt = query (desk,
    "SELECT 1 FROM dossier_code_block WHERE commune_code = ?1 AND unit_eid = ?2 AND day = ?3 AND device_id = ?4 "
    "AND source = 'fallback' AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 4, xaso_database_get_device_id (desk->db), -1, SQLITE_STATIC);
  *opened = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

/* An enrolled desk without a block of the day (offline, or the day is
 * beyond the blocks its sync keeps): its own sub-range, which no other desk
 * and no block of the server ever gives, opened whole. */
static char *
take_fallback (Desk     *desk,
               gint64   *next,
               GError  **error)
{
  g_autofree char *range = xaso_database_get_state (desk->db, XASO_DOSSIER_FALLBACK_KEY);
  gint64 first = 0, last = 0;
  gboolean opened = FALSE;
  char *id;

  if (range == NULL || sscanf (range, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, &first, &last) != 2 ||
      first < 1 || last > MAX_SEQ || first > last)
    {
      g_set_error_literal (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_CODE,
                           _("This desk has no dossier codes of this day from the server yet. Connect to the "
                             "network and sync once, then receive the dossier; what you entered is kept."));
      return NULL;
    }
  if (!fallback_opened (desk, &opened, error))
    return NULL;
  if (opened)
    {
      g_set_error_literal (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_CODE,
                           _("This desk has used all its offline dossier codes of this day. Connect to the "
                             "network and sync to get more."));
      return NULL;
    }
  id = insert_block (desk, "fallback", first, last, error);
  *next = first;
  return id;
}

static char *
take_block (Desk     *desk,
            gint64   *next,
            GError  **error)
{
  gint64 first;
  g_autofree char *id = NULL;
  g_autoptr(XasoChange) change = NULL;

  if (desk->enrolled)
    return take_fallback (desk, next, error);
  first = last_taken (desk, error) + 1;
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
  Desk desk = { db, unit_eid, day, actor, xaso_database_is_enrolled (db) };

  g_return_val_if_fail (xaso_database_in_transaction (db), NULL);
  /* The commune's codes come from its desks' blocks; a computer elsewhere
   * in the office holds none, and a code asked of the server now would fail
   * the moment the network does, with the applicant at the counter. */
  if (!xaso_dossier_desk_is_on (db))
    {
      g_set_error_literal (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_CODE,
                           _("This computer is not a reception desk (one-stop counter), so it gives no dossier "
                             "codes. Receive the dossier on the reception desk’s computer, or, if this computer "
                             "is at the counter, turn on “This computer is a reception desk” on the Sync page; "
                             "what you entered is kept."));
      return NULL;
    }
  for (;;)
    {
      g_autoptr(XasoChange) change = NULL;
      g_autofree char *block = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 seq = 0, last = G_MAXINT64;
      gboolean used = FALSE;

      block = held_block (&desk, &seq, &last, &local_error);
      if (block == NULL && local_error == NULL)
        block = take_block (&desk, &seq, &local_error);
      if (block == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      while (seq <= last && seq <= MAX_SEQ)
        {
          if (!code_used (&desk, seq, &used, error))
            return NULL;
          if (!used)
            break;
          seq++;
        }
      change = xaso_change_new (XASO_CHANGE_UPDATE, "dossier_code_block", block);
      xaso_change_set_int (change, "next_seq", MIN (seq, last) + 1);
      if (!xaso_change_apply (change, db, actor, error))
        return NULL;
      if (seq <= last && seq <= MAX_SEQ)
        return g_strdup_printf ("%s-%s-%04" G_GINT64_FORMAT, unit_eid, day, seq);
      /* Every code left in the block was given already: the next block. */
    }
}
