/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "xaso-holidays.h"
#include "xaso-seed.h"
#include "xaso-uuid.h"

#define PROCEDURES_RESOURCE "/io/github/xaso/XaSo/seed/procedures.json"

static gboolean
insert_day (XasoDatabase     *db,
            sqlite3_stmt     *stmt,
            XasoCalendarDay  *day,
            gboolean          confirmed,
            const char       *now,
            GError          **error)
{
  g_autofree char *id = xaso_uuid_new ();
  char date[11];

  g_date_strftime (date, sizeof date, "%Y-%m-%d", &day->date);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, xaso_day_kind_to_string (day->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, day->reason, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, confirmed);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* Each year comes from the official schedule when the program ships one,
 * otherwise from the Labor Code rules, marked unconfirmed so the app can warn. */
static gboolean
seed_year (XasoDatabase  *db,
           int            year,
           const char    *now,
           GError       **error)
{
  g_autoptr(GPtrArray) days = xaso_holidays_official_for_year (year, error);
  gboolean confirmed = days != NULL;
  sqlite3_stmt *stmt;

  if (days == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (days == NULL)
    days = xaso_holidays_default_for_year (year);
  stmt = xaso_database_prepare (db,
    "INSERT OR IGNORE INTO calendar_day (id, commune_code, date, kind, reason, confirmed, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    if (!insert_day (db, stmt, g_ptr_array_index (days, i), confirmed, now, error))
      return FALSE;
  return TRUE;
}

gboolean
xaso_seed_calendar (XasoDatabase  *db,
                    int            first_year,
                    int            last_year,
                    GError       **error)
{
  g_autofree char *now = xaso_now_iso ();

  for (int year = first_year; year <= last_year; year++)
    if (!seed_year (db, year, now, error))
      return FALSE;
  return TRUE;
}

static char *
member_json (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("[]");
}

static gboolean
insert_procedure (XasoDatabase  *db,
                  sqlite3_stmt  *stmt,
                  JsonObject    *p,
                  const char    *valid_from,
                  const char    *now,
                  GError       **error)
{
  JsonObject *limit = json_object_get_object_member (p, "time_limit");
  JsonObject *fee = json_object_has_member (p, "fee") ? json_object_get_object_member (p, "fee") : NULL;
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *papers = member_json (p, "papers");
  g_autofree char *steps = member_json (p, "steps");
  JsonNode *code = json_object_get_member (p, "code");

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 3, code && !JSON_NODE_HOLDS_NULL (code) ? json_node_get_string (code) : NULL);
  sqlite3_bind_text (stmt, 4, json_object_get_string_member (p, "name"), -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 5, json_object_get_string_member_with_default (p, "field", NULL));
  sqlite3_bind_text (stmt, 6, json_object_get_string_member (limit, "unit"), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 7, json_object_get_double_member_with_default (limit, "direct", 0));
  sqlite3_bind_double (stmt, 8, json_object_get_double_member_with_default (limit, "online", 0));
  sqlite3_bind_int64 (stmt, 9, fee ? json_object_get_int_member_with_default (fee, "amount", 0) : 0);
  xaso_bind_text (stmt, 10, fee ? json_object_get_string_member_with_default (fee, "note", NULL) : NULL);
  sqlite3_bind_text (stmt, 11, papers, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, steps, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, valid_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  xaso_bind_text (stmt, 15, json_object_get_string_member_with_default (p, "note", NULL));
  sqlite3_bind_int (stmt, 16, fee == NULL || !json_object_has_member (fee, "amount") ||
                              json_object_get_null_member (fee, "amount"));
  return xaso_database_step_done (db, stmt, error);
}

gboolean
xaso_seed_procedures (XasoDatabase  *db,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PROCEDURES_RESOURCE, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *now = xaso_now_iso ();
  JsonObject *root;
  JsonArray *list;
  const char *valid_from;
  sqlite3_stmt *stmt;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  list = json_object_get_array_member (root, "procedures");
  valid_from = json_object_get_string_member (root, "valid_from");
  stmt = xaso_database_prepare (db,
    "INSERT INTO procedure (id, commune_code, code, name, field, time_unit, time_limit_direct, "
    "time_limit_online, fee_amount, fee_note, papers, steps, valid_from, created_at, updated_at, note, "
    "fee_by_province) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (!insert_procedure (db, stmt, json_array_get_object_element (list, i), valid_from, now, error))
      return FALSE;
  return TRUE;
}

gboolean
xaso_seed_catalogue (XasoDatabase  *db,
                     GError       **error)
{
  g_autoptr(GDateTime) now = xaso_now ();
  int year = g_date_time_get_year (now);

  if (!xaso_database_begin (db, error))
    return FALSE;
  if (!xaso_seed_calendar (db, year - 1, year + 1, error) || !xaso_seed_procedures (db, error))
    {
      xaso_database_rollback (db);
      return FALSE;
    }
  return xaso_database_commit (db, error);
}
