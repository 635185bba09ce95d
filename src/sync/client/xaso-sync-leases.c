/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-change.h"
#include "xaso-commune.h"
#include "xaso-dossier-code.h"
#include "xaso-dossier.h"
#include "xaso-register.h"
#include "xaso-sync-leases.h"
#include "xaso-sync-protocol.h"
#include "xaso-uuid.h"

/* Who the ops of the blocks the server granted are said to be made by. */
#define LEASE_ACTOR "xaso-sync"

/* ---- Registers ---------------------------------------------------------- */

/* The answer is the server's, not a person's edit: written without an op,
 * as pulled changes are. */
static gboolean
write_lease (XasoDatabase  *db,
             const char    *register_id,
             const char    *device,
             const char    *until,
             GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "UPDATE register SET lease_device_id = ?, lease_until = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, register_id, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

static gint64
register_year (XasoDatabase *db,
               const char   *register_id)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT year FROM register WHERE id = ? AND deleted = 0", NULL);
  gint64 year = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, register_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    year = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return year;
}

gboolean
xaso_sync_lease_register (XasoDatabase  *db,
                          XasoSyncHttp  *http,
                          const char    *register_id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gint64 year = register_year (db, register_id);
  g_autoptr(GString) body = g_string_new ("{\"kind\":\"register\",\"register\":");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *object;

  if (year == 0)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST,
                   _("This computer has no document register %s."), register_id);
      return FALSE;
    }
  xaso_sync_json_append_string (body, register_id);
  g_string_append_printf (body, ",\"year\":%" G_GINT64_FORMAT "}", year);
  answer = xaso_sync_http_call (http, "POST", "/v1/leases", body->str, cancellable, NULL, &local);
  if (answer == NULL)
    {
      JsonObject *held = xaso_sync_http_last_error (http);

      if (g_error_matches (local, XASO_SYNC_ERROR, XASO_SYNC_ERROR_LEASE_HELD) && held != NULL &&
          xaso_sync_member_string (held, "holder") != NULL &&
          !write_lease (db, register_id, xaso_sync_member_string (held, "holder"),
                        xaso_sync_member_string (held, "until"), error))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  object = json_node_get_object (answer);
  if (xaso_sync_member_string (object, "device_id") == NULL || xaso_sync_member_string (object, "until") == NULL)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                           _("The server’s answer does not follow the sync protocol."));
      return FALSE;
    }
  return write_lease (db, register_id, xaso_sync_member_string (object, "device_id"),
                      xaso_sync_member_string (object, "until"), error);
}

/* The registers this desktop holds or claims (made here), whose lease is
 * not renewed today. */
static GPtrArray *
registers_to_renew (XasoDatabase  *db,
                    GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, XASO_SYNC_LEASE_DAYS - 1);
  g_autofree char *limit = g_date_time_format (soon, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT id FROM register WHERE deleted = 0 AND lease_device_id = ? AND (lease_until IS NULL OR lease_until < ?) "
    "ORDER BY year, kind", error);
  GPtrArray *ids;

  if (stmt == NULL)
    return NULL;
  ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_bind_text (stmt, 1, xaso_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, limit, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (xaso_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ids;
}

static gboolean
renew_registers (XasoDatabase  *db,
                 XasoSyncHttp  *http,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) ids = registers_to_renew (db, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local = NULL;

      if (xaso_sync_lease_register (db, http, g_ptr_array_index (ids, i), cancellable, &local))
        continue;
      /* Another desktop has it: written as theirs, numbering here stops. */
      if (!g_error_matches (local, XASO_SYNC_ERROR, XASO_SYNC_ERROR_LEASE_HELD))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Next year's registers ---------------------------------------------- */

/* From this day of December the holder of a register also takes next
 * year's: the first document of 1 January is numbered whether or not the
 * office is online that morning. The last two weeks of the year hold some
 * ten working days, so a desktop that syncs at all before the holiday has
 * it; earlier, next year's empty registers would sit in every list for a
 * month while this year's are still being written. */
#define NEXT_YEAR_FROM_DAY 15

typedef struct
{
  XasoRegisterKind  kind;
  int               year;
  char             *id;
} NextYear;

/* The kinds whose register of @year this desktop holds under a running
 * lease. */
static GArray *
held_kinds (XasoDatabase  *db,
            int            year,
            GError       **error)
{
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT kind FROM register WHERE deleted = 0 AND year = ? AND lease_device_id = ? AND lease_until > ? "
    "ORDER BY kind", error);
  GArray *kinds;

  if (stmt == NULL)
    return NULL;
  kinds = g_array_new (FALSE, FALSE, sizeof (XasoRegisterKind));
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, xaso_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      XasoRegisterKind kind;

      if (xaso_register_kind_from_string (xaso_column_text (stmt, 0), &kind))
        g_array_append_val (kinds, kind);
    }
  sqlite3_reset (stmt);
  return kinds;
}

/* Next year's register, made as its first number would make it (the same
 * id on every desktop). */
static gboolean
open_next_year (XasoDatabase  *db,
                gpointer       data,
                GError       **error)
{
  NextYear *n = data;

  n->id = xaso_register_open (db, n->kind, n->year, LEASE_ACTOR, error);
  return n->id != NULL;
}

/* Whether the server has still to be asked: not when this desktop's lease
 * of it runs (the renewal keeps it), nor when the server said another
 * desktop holds it (written with its end by xaso_sync_lease_register). */
static gboolean
next_year_to_ask (XasoDatabase *db,
                  const char   *register_id)
{
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT 1 FROM register WHERE id = ? AND lease_until > ?", NULL);
  gboolean leased;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, register_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  leased = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return !leased;
}

static gboolean
lease_next_year (XasoDatabase  *db,
                 XasoSyncHttp  *http,
                 GCancellable  *cancellable,
                 GError       **error)
{
  /* The commune's calendar says when its year ends. */
  g_autoptr(GDateTime) now = g_date_time_new_now (xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
  int year = g_date_time_get_year (now);
  g_autoptr(GArray) kinds = NULL;

  if (g_date_time_get_month (now) != 12 || g_date_time_get_day_of_month (now) < NEXT_YEAR_FROM_DAY)
    return TRUE;
  if ((kinds = held_kinds (db, year, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < kinds->len; i++)
    {
      NextYear n = { g_array_index (kinds, XasoRegisterKind, i), year + 1, NULL };
      g_autofree char *id = NULL;
      g_autoptr(GError) local = NULL;

      if (!xaso_database_run_atomically (db, open_next_year, &n, error))
        return FALSE;
      id = n.id;
      if (!next_year_to_ask (db, id) || xaso_sync_lease_register (db, http, id, cancellable, &local))
        continue;
      /* Another desktop took it first: written as theirs, as this year's. */
      if (!g_error_matches (local, XASO_SYNC_ERROR, XASO_SYNC_ERROR_LEASE_HELD))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Dossier codes ------------------------------------------------------ */

typedef struct
{
  const char *unit_eid;
  const char *day;          /* yyMMdd, as in the codes */
  gint64      first;
  gint64      last;
  const char *fallback;     /* "FIRST-LAST", or NULL */
} Grant;

static gint64
codes_left (XasoDatabase *db,
            const char   *day)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT coalesce (sum (last_seq - next_seq + 1), 0) FROM dossier_code_block WHERE device_id = ? AND day = ? "
    "AND source = 'server' AND next_seq <= last_seq AND deleted = 0", NULL);
  gint64 left = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, xaso_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    left = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return left;
}

/* The block is a record like the ones core takes: it travels, so every
 * desk sees which codes are whose. */
static gboolean
store_grant (XasoDatabase  *db,
             gpointer       data,
             GError       **error)
{
  Grant *g = data;
  g_autofree char *id = xaso_uuid_new ();
  g_autoptr(XasoChange) change = xaso_change_new (XASO_CHANGE_INSERT, "dossier_code_block", id);

  xaso_change_set_text (change, "unit_eid", g->unit_eid);
  xaso_change_set_text (change, "day", g->day);
  xaso_change_set_text (change, "device_id", xaso_database_get_device_id (db));
  xaso_change_set_int (change, "first_seq", g->first);
  xaso_change_set_int (change, "last_seq", g->last);
  xaso_change_set_int (change, "next_seq", g->first);
  xaso_change_set_text (change, "source", "server");
  return xaso_change_apply (change, db, LEASE_ACTOR, error) &&
         (g->fallback == NULL || xaso_database_set_state (db, XASO_DOSSIER_FALLBACK_KEY, g->fallback, error));
}

static gboolean
ask_codes (XasoDatabase  *db,
           XasoSyncHttp  *http,
           const char    *unit_eid,
           GDateTime     *day,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *code_day = g_date_time_format (day, "%y%m%d");
  g_autofree char *body = NULL;
  g_autofree char *fallback = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *object, *range;
  Grant g = { unit_eid, code_day };

  if (codes_left (db, code_day) >= XASO_DOSSIER_CODE_BLOCK / 2)
    return TRUE;
  body = g_strdup_printf ("{\"kind\":\"dossier_codes\",\"day\":\"%s\",\"count\":%d}", iso, XASO_DOSSIER_CODE_BLOCK);
  answer = xaso_sync_http_call (http, "POST", "/v1/leases", body, cancellable, NULL, &local);
  /* All the day's codes are given: the desk's offline sub-range remains. */
  if (answer == NULL && g_error_matches (local, XASO_SYNC_ERROR, XASO_SYNC_ERROR_CODES_EXHAUSTED))
    return TRUE;
  if (answer == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  object = json_node_get_object (answer);
  g.first = json_object_get_int_member_with_default (object, "first", 0);
  g.last = json_object_get_int_member_with_default (object, "last", 0);
  if (g.first < 1 || g.last < g.first || g.last > 9999)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                           _("The server’s answer does not follow the sync protocol."));
      return FALSE;
    }
  range = json_object_get_member (object, "fallback") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fallback"))
    ? json_object_get_object_member (object, "fallback") : NULL;
  if (range != NULL)
    g.fallback = fallback = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                             json_object_get_int_member_with_default (range, "first", 0),
                                             json_object_get_int_member_with_default (range, "last", 0));
  return xaso_database_run_atomically (db, store_grant, &g, error);
}

static gboolean
fill_codes (XasoDatabase  *db,
            XasoSyncHttp  *http,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(XasoCommune) commune = xaso_commune_load (db, error);
  /* The commune's days, as core's codes count them. */
  g_autoptr(GDateTime) now = g_date_time_new_now (xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  if (commune == NULL)
    return FALSE;
  return ask_codes (db, http, commune->agency_eid, now, cancellable, error) &&
         ask_codes (db, http, commune->agency_eid, tomorrow, cancellable, error);
}

gboolean
xaso_sync_leases_refresh (XasoDatabase  *db,
                          XasoSyncHttp  *http,
                          GCancellable  *cancellable,
                          GError       **error)
{
  /* Only a reception desk takes codes: blocks on the other computers would
   * be gaps in the day's codes and would use up the commune's 20 offline
   * slots. */
  return renew_registers (db, http, cancellable, error) && lease_next_year (db, http, cancellable, error) &&
         (!xaso_dossier_desk_is_on (db) || fill_codes (db, http, cancellable, error));
}

/* ---- The list ----------------------------------------------------------- */

static void
add_rows (GPtrArray    *lines,
          sqlite3_stmt *stmt,
          const char   *first)
{
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *line = g_string_new (first);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (line, "\t%s", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                                ? "" : (const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  sqlite3_reset (stmt);
}

GPtrArray *
xaso_sync_leases_list (XasoDatabase  *db,
                       GError       **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now (xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
  g_autofree char *today = g_date_time_format (now, "%y%m%d");
  g_autofree char *now_utc = NULL;
  g_autofree char *fallback = xaso_database_get_state (db, XASO_DOSSIER_FALLBACK_KEY);
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt;

  now_utc = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  stmt = xaso_database_prepare (db,
    "SELECT id, kind, year, coalesce (lease_device_id, ''), coalesce (lease_until, ''), "
    "CASE WHEN lease_device_id IS NOT ?1 THEN 'other' WHEN lease_until > ?2 THEN 'held' ELSE 'claimed' END, "
    "last_number FROM register WHERE deleted = 0 ORDER BY year, kind", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now_utc, -1, SQLITE_STATIC);
  add_rows (lines, stmt, "register");
  stmt = xaso_database_prepare (db,
    "SELECT day, first_seq, last_seq, next_seq, source FROM dossier_code_block WHERE device_id = ? AND day >= ? "
    "AND deleted = 0 ORDER BY day, first_seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
  add_rows (lines, stmt, "codes");
  if (fallback != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (fallback, "-", 2);

      g_ptr_array_add (lines, g_strdup_printf ("fallback\t%s\t%s", parts[0], parts[1] ? parts[1] : ""));
    }
  return g_steal_pointer (&lines);
}
