/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <string.h>

#include "xaso-person-data-report-private.h"

/* Who touched the person's data, when, how and why: the audit chain's
 * events on the person's record and on every record of the report that
 * holds their data, and the exports of the whole register of residents
 * made while they were on it. */

static const char * const action_words[][2] = {
  { "view", "Xem" }, { "create", "Tạo" }, { "edit", "Sửa" }, { "print", "In" }, { "export", "Xuất" },
  { "import", "Nhập" }, { "sign", "Ký" }, { "sync", "Đồng bộ" }, { "delete", "Xóa" },
};

const char *
xaso_person_data_action_word (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_words); i++)
    if (g_strcmp0 (action, action_words[i][0]) == 0)
      return action_words[i][1];
  return action;
}

/* The records named here are those the other sections list, found the
 * same way, each through an index: the log holds a million events. The
 * log names its actor by username, as the app and the CLI write it, or by
 * the account's id, as the demo commune's log does. */
#define ACCESS_SQL \
  "WITH objects (tbl, oid) AS (" \
  "  SELECT 'person', ?1 " \
  "  UNION ALL SELECT 'civil_status_event', id FROM civil_status_event WHERE person_id = ?1 " \
  "  UNION ALL SELECT 'civil_status_event', id FROM civil_status_event WHERE other_person_id = ?1 " \
  "  UNION ALL SELECT 'dossier', id FROM dossier WHERE applicant_person_id = ?1 " \
  "  UNION ALL SELECT 'dossier', id FROM dossier WHERE :id_number IS NOT NULL " \
  "    AND applicant_id_number = :id_number AND applicant_person_id IS NOT ?1 " \
  "  UNION ALL SELECT 'household', :household WHERE :household IS NOT NULL " \
  "  UNION ALL SELECT 'user', id FROM user WHERE person_id = ?1), " \
  "hits (r) AS (" \
  "  SELECT a.rowid FROM objects o JOIN audit_event a ON a.object_table = o.tbl AND a.object_id = o.oid " \
  "  UNION SELECT rowid FROM audit_event WHERE object_table = 'person' AND object_id IS NULL " \
  "    AND action = 'export' AND at >= :since) " \
  "SELECT a.at, coalesce (u.username, a.actor), u.full_name, a.action, a.object_table, a.object_id, a.purpose, " \
  "a.detail, d.code, c.kind, c.event_date, h.code FROM hits JOIN audit_event a ON a.rowid = hits.r " \
  "LEFT JOIN user u ON u.commune_code = a.commune_code AND (u.username = a.actor OR u.id = a.actor) " \
  "LEFT JOIN dossier d ON a.object_table = 'dossier' AND d.id = a.object_id " \
  "LEFT JOIN civil_status_event c ON a.object_table = 'civil_status_event' AND c.id = a.object_id " \
  "LEFT JOIN household h ON a.object_table = 'household' AND h.id = a.object_id " \
  "ORDER BY a.at, a.device_id, a.seq"

enum { AT, ACTOR, ACTOR_NAME, ACTION, TABLE, OBJECT, PURPOSE, DETAIL, DOSSIER_CODE, EVENT_KIND, EVENT_DATE,
       HOUSEHOLD_CODE };

static const char *
event_kind_word (const char *kind)
{
  static const char * const kinds[][2] = {
    { "birth", "khai sinh" }, { "marriage", "kết hôn" }, { "death", "khai tử" }, { "guardianship", "giám hộ" },
    { "parent_recognition", "nhận cha, mẹ, con" }, { "change_correction", "thay đổi, cải chính hộ tịch" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i][0]) == 0)
      return kinds[i][1];
  return "hộ tịch khác";
}

/* Which of the person's data the event touched. */
static char *
describe_object (sqlite3_stmt *stmt)
{
  const char *table = xaso_column_text (stmt, TABLE);

  if (g_strcmp0 (table, "person") == 0 && xaso_column_text (stmt, OBJECT) == NULL)
    return g_strdup_printf ("Danh sách nhân khẩu của xã (%s người)", xaso_column_text (stmt, DETAIL) ?: "—");
  if (g_strcmp0 (table, "person") == 0)
    return g_strdup ("Thông tin nhân khẩu");
  if (g_strcmp0 (table, "dossier") == 0)
    return g_strdup_printf ("Hồ sơ %s", xaso_column_text (stmt, DOSSIER_CODE) ?: "—");
  if (g_strcmp0 (table, "civil_status_event") == 0)
    {
      g_autofree char *day = _xaso_person_data_day (xaso_column_text (stmt, EVENT_DATE));

      return g_strdup_printf ("Sự kiện %s ngày %s", event_kind_word (xaso_column_text (stmt, EVENT_KIND)),
                              day ? day : "—");
    }
  if (g_strcmp0 (table, "household") == 0)
    return g_strdup_printf ("Hộ gia đình số %s", xaso_column_text (stmt, HOUSEHOLD_CODE) ?: "—");
  if (g_strcmp0 (table, "user") == 0)
    return g_strdup ("Tài khoản cán bộ, công chức");
  return g_strdup (table);
}

/* A create or an edit names the columns it wrote: say them as the report
 * labels them. */
static char *
describe_fields (const char *detail)
{
  g_auto(GStrv) columns = g_strsplit (detail, ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *label = _xaso_person_data_field_label (columns[i]);

      g_string_append_printf (out, "%s%s", i ? ", " : "", label ? label : columns[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_why (sqlite3_stmt *stmt)
{
  const char *action = xaso_column_text (stmt, ACTION);
  const char *purpose = xaso_column_text (stmt, PURPOSE);
  const char *detail = xaso_column_text (stmt, DETAIL);
  g_autofree char *fields = NULL;

  if (detail != NULL && xaso_column_text (stmt, OBJECT) == NULL)
    detail = NULL;   /* the count, already in the object's words */
  if (detail != NULL && (g_strcmp0 (action, "create") == 0 || g_strcmp0 (action, "edit") == 0))
    detail = fields = describe_fields (detail);
  if (purpose != NULL && detail != NULL)
    return g_strdup_printf ("%s; %s", purpose, detail);
  return g_strdup (purpose ? purpose : detail);
}

static char *
describe_who (sqlite3_stmt *stmt)
{
  const char *name = xaso_column_text (stmt, ACTOR_NAME);

  if (name == NULL || *name == '\0')
    return g_strdup (xaso_column_text (stmt, ACTOR));
  return g_strdup_printf ("%s (%s)", name, xaso_column_text (stmt, ACTOR));
}

gboolean
_xaso_person_data_accesses (XasoDatabase              *db,
                            const XasoPersonDataKeys  *keys,
                            XasoPersonDataSection     *section,
                            GError                   **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, ACCESS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, keys->person_id, -1, SQLITE_STATIC);
  xaso_bind_named (stmt, ":id_number", keys->id_number);
  xaso_bind_named (stmt, ":household", keys->household_id);
  xaso_bind_named (stmt, ":since", keys->created_at);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *when = _xaso_person_data_time (xaso_column_text (stmt, AT));
      g_autofree char *who = describe_who (stmt);
      g_autofree char *what = describe_object (stmt);
      g_autofree char *why = describe_why (stmt);
      const char *cells[] = { when, who, xaso_person_data_action_word (xaso_column_text (stmt, ACTION)), what, why };

      _xaso_person_data_add_row (section, cells);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}
