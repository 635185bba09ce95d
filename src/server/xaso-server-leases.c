/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xaso-server-auth.h"
#include "xaso-server-handlers.h"

/* POST /v1/leases (DESIGN.md §4.7): the single-writer lease of a document
 * register, or a block of a day's dossier codes. Both are decided in the
 * request's transaction, the lease row or the day's counter row locked, so
 * two desks asking at once never get the same. */

typedef struct
{
  XasoPg     *pg;
  const char *commune;
  const char *device;
} Asker;

static gboolean
bad_request (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST, message);
  return FALSE;
}

static char *
holder_body (PGresult   *held,
             const char *register_id)
{
  GString *out = g_string_new ("{\"error\":{\"code\":\"lease_held\",\"message\":");
  g_autofree char *message = NULL;
  const char *name = PQgetvalue (held, 0, 2);

  message = g_strdup_printf ("Sổ đăng ký này đang do máy “%s” (%s) giữ quyền cấp số đến %s; chỉ máy đó cấp số. "
                             "Quản trị viên có thể chuyển quyền bằng “xaso-server lease release”.",
                             *name ? name : "?", PQgetvalue (held, 0, 0), PQgetvalue (held, 0, 1));
  xaso_sync_json_append_string (out, message);
  g_string_append (out, ",\"register\":");
  xaso_sync_json_append_string (out, register_id);
  g_string_append (out, ",\"holder\":");
  xaso_sync_json_append_string (out, PQgetvalue (held, 0, 0));
  g_string_append (out, ",\"holder_name\":");
  xaso_sync_json_append_string (out, name);
  g_string_append (out, ",\"until\":");
  xaso_sync_json_append_string (out, PQgetvalue (held, 0, 1));
  g_string_append (out, "}}");
  return g_string_free (out, FALSE);
}

#define ISO_UTC "to_char(until AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* Granted when the register has no lease, an expired one, or the asker's
 * own (a renewal keeps granted_at). */
static XasoServerResponse *
lease_register (Asker       *a,
                JsonObject  *body,
                GError     **error)
{
  const char *register_id = xaso_sync_member_string (body, "register");
  JsonNode *year_node = json_object_get_member (body, "year");
  g_autofree char *year = NULL;
  g_autofree char *days = g_strdup_printf ("%d", XASO_SYNC_LEASE_DAYS);
  g_autoptr(PGresult) granted = NULL;
  g_autoptr(PGresult) held = NULL;
  gint64 y;

  if (register_id == NULL || !xaso_sync_uuid_valid (register_id))
    return bad_request (error, "Yêu cầu không hợp lệ: “register” phải là mã (UUID) của sổ đăng ký."), NULL;
  if (year_node == NULL || !JSON_NODE_HOLDS_VALUE (year_node) ||
      json_node_get_value_type (year_node) != G_TYPE_INT64 ||
      (y = json_node_get_int (year_node)) < 2000 || y > 2099)
    return bad_request (error, "Yêu cầu không hợp lệ: “year” phải là năm của sổ, từ 2000 đến 2099."), NULL;
  year = g_strdup_printf ("%" G_GINT64_FORMAT, y);
  {
    g_autofree char *lower = g_ascii_strdown (register_id, -1);
    const char *values[] = { a->commune, lower, year, a->device, days };

    granted = xaso_pg_query (a->pg, "lease_register",
                             "INSERT INTO register_lease (commune_code, register_id, year, device_id, until) "
                             "VALUES ($1, $2, $3::int, $4, now() + make_interval(days => $5::int)) "
                             "ON CONFLICT (commune_code, register_id) DO UPDATE SET device_id = EXCLUDED.device_id, "
                             "year = EXCLUDED.year, until = EXCLUDED.until, granted_at = CASE WHEN "
                             "register_lease.device_id = EXCLUDED.device_id THEN register_lease.granted_at ELSE now() END "
                             "WHERE register_lease.device_id = EXCLUDED.device_id OR register_lease.until < now() "
                             "RETURNING " ISO_UTC, 5, values, error);
    if (granted == NULL)
      return NULL;
    if (PQntuples (granted) == 1)
      {
        g_autofree char *text = g_strdup_printf ("{\"kind\":\"register\",\"register\":\"%s\",\"year\":%s,"
                                                 "\"device_id\":\"%s\",\"until\":\"%s\"}",
                                                 lower, year, a->device, PQgetvalue (granted, 0, 0));

        if (!xaso_pg_commit (a->pg, error))
          return NULL;
        return xaso_server_response_json (200, g_steal_pointer (&text));
      }
    held = xaso_pg_query (a->pg, "lease_holder",
                          "SELECT l.device_id, to_char(l.until AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                          "coalesce(d.name, '') FROM register_lease l LEFT JOIN device d "
                          "ON d.commune_code = l.commune_code AND d.device_id = l.device_id "
                          "WHERE l.commune_code = $1 AND l.register_id = $2", 2, values, error);
    if (held == NULL)
      return NULL;
    xaso_pg_rollback (a->pg);
    return xaso_server_response_json (409, holder_body (held, lower));
  }
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int y, m, d;
  char end;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
      text[4] != '-' || text[7] != '-' || y < 2000 || y > 2099 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/* This desk's offline sub-range, its slot taken on its first block; -1
 * when every slot of the commune is taken. */
static gboolean
desk_slot (Asker    *a,
           int      *slot,
           GError  **error)
{
  const char *values[] = { a->commune, a->device };
  g_autoptr(PGresult) mine = NULL;
  g_autoptr(PGresult) taken = NULL;

  mine = xaso_pg_query (a->pg, "lease_desk_slot",
                        "SELECT slot FROM desk_slot WHERE commune_code = $1 AND device_id = $2", 2, values, error);
  if (mine == NULL)
    return FALSE;
  if (PQntuples (mine) == 0)
    {
      taken = xaso_pg_query (a->pg, "lease_desk_slot_take",
                             "INSERT INTO desk_slot (commune_code, device_id, slot) "
                             "SELECT $1, $2, s FROM generate_series(0, 19) s WHERE NOT EXISTS "
                             "(SELECT 1 FROM desk_slot WHERE commune_code = $1 AND slot = s) ORDER BY s LIMIT 1 "
                             "ON CONFLICT DO NOTHING RETURNING slot", 2, values, error);
      if (taken == NULL)
        return FALSE;
    }
  *slot = PQntuples (taken ? taken : mine) == 1 ? atoi (PQgetvalue (taken ? taken : mine, 0, 0)) : -1;
  return TRUE;
}

/* The day's counter row, locked, and the highest code of the day already
 * held by a row below the offline sub-ranges (a code given before blocks
 * came from here: a commune's desk received dossiers before it enrolled). */
static gboolean
day_start (Asker       *a,
           const char  *iso_day,
           const char  *code_day,
           gint64      *last,
           GError     **error)
{
  const char *values[] = { a->commune, iso_day, code_day };
  g_autoptr(PGresult) made = NULL;
  g_autoptr(PGresult) row = NULL;

  made = xaso_pg_query (a->pg, "lease_day_add",
                        "INSERT INTO dossier_code_day (commune_code, day) VALUES ($1, $2::date) ON CONFLICT DO NOTHING",
                        2, values, error);
  if (made == NULL)
    return FALSE;
  row = xaso_pg_query (a->pg, "lease_day_lock",
                       "SELECT greatest(d.last_seq, coalesce((SELECT max(right(n.number, 4)::int) FROM number_claim n, "
                       "commune c WHERE c.commune_code = $1 AND n.commune_code = $1 AND n.series = 'dossier' "
                       "AND n.number >= c.agency_eid || '-' || $3::text || '-' AND n.number < c.agency_eid || '-' || $3::text || '-9' "
                       "AND right(n.number, 4) ~ '^[0-9]{4}$'), 0)) "
                       "FROM dossier_code_day d WHERE d.commune_code = $1 AND d.day = $2::date FOR UPDATE OF d",
                       3, values, error);
  if (row == NULL)
    return FALSE;
  *last = g_ascii_strtoll (PQgetvalue (row, 0, 0), NULL, 10);
  return TRUE;
}

static gboolean
give_block (Asker       *a,
            const char  *iso_day,
            gint64       first,
            gint64       last,
            GError     **error)
{
  g_autofree char *first_text = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  g_autofree char *last_text = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  const char *values[] = { a->commune, iso_day, first_text, last_text, a->device };
  g_autoptr(PGresult) counter = NULL;
  g_autoptr(PGresult) grant = NULL;

  counter = xaso_pg_query (a->pg, "lease_day_advance",
                           "UPDATE dossier_code_day SET last_seq = $3::int WHERE commune_code = $1 AND day = $2::date",
                           3, (const char *[]) { a->commune, iso_day, last_text }, error);
  if (counter == NULL)
    return FALSE;
  grant = xaso_pg_query (a->pg, "lease_grant",
                         "INSERT INTO dossier_code_grant (commune_code, day, first_seq, last_seq, device_id) "
                         "VALUES ($1, $2::date, $3::int, $4::int, $5)", 5, values, error);
  return grant != NULL;
}

static XasoServerResponse *
lease_codes (Asker       *a,
             JsonObject  *body,
             GError     **error)
{
  const char *day_text = xaso_sync_member_string (body, "day");
  JsonNode *count_node = json_object_get_member (body, "count");
  GDate day;
  char code_day[8];
  gint64 count, last = 0, first;
  int slot = -1;
  g_autofree char *fallback = NULL;
  g_autofree char *text = NULL;

  if (!parse_day (day_text, &day))
    return bad_request (error, "Yêu cầu không hợp lệ: “day” phải là một ngày YYYY-MM-DD (2000–2099)."), NULL;
  if (count_node == NULL || !JSON_NODE_HOLDS_VALUE (count_node) ||
      json_node_get_value_type (count_node) != G_TYPE_INT64 ||
      (count = json_node_get_int (count_node)) < 1 || count > XASO_SYNC_CODES_MAX_COUNT)
    return bad_request (error, "Yêu cầu không hợp lệ: “count” phải là số mã, từ 1 đến 500."), NULL;
  g_date_strftime (code_day, sizeof code_day, "%y%m%d", &day);
  if (!day_start (a, day_text, code_day, &last, error))
    return NULL;
  first = last + 1;
  if (first > XASO_SYNC_CODES_SERVER_LAST)
    {
      xaso_pg_rollback (a->pg);
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_CODES_EXHAUSTED,
                   "Đã cấp hết %d mã hồ sơ của ngày %s cho xã này.", XASO_SYNC_CODES_SERVER_LAST, day_text);
      return NULL;
    }
  last = MIN (first + count - 1, XASO_SYNC_CODES_SERVER_LAST);
  if (!give_block (a, day_text, first, last, error) || !desk_slot (a, &slot, error))
    return NULL;
  fallback = slot < 0 ? g_strdup ("null")
                      : g_strdup_printf ("{\"first\":%d,\"last\":%d}",
                                         XASO_SYNC_CODES_SERVER_LAST + 1 + slot * XASO_SYNC_CODES_SLOT,
                                         XASO_SYNC_CODES_SERVER_LAST + (slot + 1) * XASO_SYNC_CODES_SLOT);
  text = g_strdup_printf ("{\"kind\":\"dossier_codes\",\"day\":\"%s\",\"first\":%" G_GINT64_FORMAT ",\"last\":%"
                          G_GINT64_FORMAT ",\"device_id\":\"%s\",\"fallback\":%s}",
                          day_text, first, last, a->device, fallback);
  if (!xaso_pg_commit (a->pg, error))
    return NULL;
  return xaso_server_response_json (200, g_steal_pointer (&text));
}

XasoServerResponse *
xaso_server_leases_handle (XasoPg                   *pg,
                           const XasoServerRequest  *request,
                           GError                  **error)
{
  g_autoptr(GBytes) body = xaso_server_request_json_body (request, error);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *commune = NULL;
  g_autofree char *device = NULL;
  Asker a = { pg };
  const char *kind;
  XasoServerResponse *response = NULL;

  /* As push: the body's kind and size, then the token, then its JSON. */
  if (body == NULL || !xaso_server_auth_begin (pg, request, &commune, &device, error))
    return NULL;
  if ((root = xaso_server_parse_body (body, error)) == NULL)
    {
      xaso_pg_rollback (pg);
      return NULL;
    }
  a.commune = commune;
  a.device = device;
  kind = xaso_sync_member_string (json_node_get_object (root), "kind");
  if (g_strcmp0 (kind, "register") == 0)
    response = lease_register (&a, json_node_get_object (root), error);
  else if (g_strcmp0 (kind, "dossier_codes") == 0)
    response = lease_codes (&a, json_node_get_object (root), error);
  else
    bad_request (error, "Yêu cầu không hợp lệ: “kind” phải là “register” hoặc “dossier_codes”.");
  if (response == NULL)
    xaso_pg_rollback (pg);
  else
    response->commune_code = g_steal_pointer (&commune);
  return response;
}
