/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include "xaso-person-data-report-private.h"

/* The records beside the person's own that name them: civil-status
 * events, dossiers they applied for, an official's account, files. */

static gboolean
done (XasoDatabase  *db,
      sqlite3_stmt  *stmt,
      int            rc,
      GError       **error)
{
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

static sqlite3_stmt *
prepare_bound (XasoDatabase              *db,
               const char                *sql,
               const XasoPersonDataKeys  *keys,
               GError                   **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, keys->person_id, -1, SQLITE_STATIC);
  xaso_bind_named (stmt, ":id_number", keys->id_number);
  xaso_bind_named (stmt, ":household", keys->household_id);
  return stmt;
}

static const char *
kind_word (const char *kind)
{
  static const char * const kinds[][2] = {
    { "birth", "Khai sinh" }, { "marriage", "Kết hôn" }, { "death", "Khai tử" }, { "guardianship", "Giám hộ" },
    { "parent_recognition", "Nhận cha, mẹ, con" }, { "change_correction", "Thay đổi, cải chính hộ tịch" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i][0]) == 0)
      return kinds[i][1];
  return "Việc hộ tịch khác";
}

static char *
number_and_book (const char *number,
                 const char *book)
{
  if (book != NULL)
    return g_strdup_printf ("Số %s, quyển số %s", number ? number : "—", book);
  return number != NULL ? g_strdup_printf ("Số %s", number) : NULL;
}

/* Events registered for the person, and those where they are the other
 * party (the spouse of a marriage, the parent recognised…). */
gboolean
_xaso_person_data_civil_events (XasoDatabase              *db,
                                const XasoPersonDataKeys  *keys,
                                XasoPersonDataSection     *section,
                                GError                   **error)
{
  sqlite3_stmt *stmt = prepare_bound (db,
    "SELECT c.kind, c.event_date, c.registration_number, c.book_number, c.place, c.person_id = ?1, "
    "coalesce (o.full_name, c.other_party_name), s.full_name FROM civil_status_event c "
    "LEFT JOIN person o ON o.id = c.other_person_id LEFT JOIN person s ON s.id = c.person_id "
    "WHERE (c.person_id = ?1 OR c.other_person_id = ?1) AND c.deleted = 0 ORDER BY c.event_date, c.rowid",
    keys, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean own = sqlite3_column_int (stmt, 5) != 0;
      g_autofree char *day = _xaso_person_data_day (xaso_column_text (stmt, 1));
      g_autofree char *number = number_and_book (xaso_column_text (stmt, 2), xaso_column_text (stmt, 3));
      const char *cells[] = {
        kind_word (xaso_column_text (stmt, 0)), day, number, xaso_column_text (stmt, 4),
        own ? "Người được đăng ký" : "Bên liên quan", xaso_column_text (stmt, own ? 6 : 7),
      };

      _xaso_person_data_add_row (section, cells);
    }
  return done (db, stmt, rc, error);
}

static const char *
dossier_status_word (int status)
{
  /* The national names (Circular 03/2025), as the provincial systems
   * print them. */
  static const char * const words[] = {
    "Mới đăng ký", "Đã tiếp nhận", "Không được tiếp nhận", "Đang xử lý", "Yêu cầu bổ sung",
    "Yêu cầu thực hiện nghĩa vụ tài chính", "Đã rút hồ sơ", "Dừng xử lý", "Đã xử lý xong", "Đã trả kết quả",
  };

  return status >= 1 && status <= (int)G_N_ELEMENTS (words) ? words[status - 1] : "";
}

/* Dossiers name their applicant by the resident record or, when the
 * counter did not link one, by the personal id number. */
#define APPLICANT_IS_PERSON \
  "(d.applicant_person_id = ?1 OR (:id_number IS NOT NULL AND d.applicant_id_number = :id_number))"

gboolean
_xaso_person_data_dossiers (XasoDatabase              *db,
                            const XasoPersonDataKeys  *keys,
                            XasoPersonDataSection     *section,
                            GError                   **error)
{
  sqlite3_stmt *stmt = prepare_bound (db,
    "SELECT d.code, p.name, d.status, d.received_at, d.due_at, d.returned_at FROM dossier d "
    "LEFT JOIN procedure p ON p.id = d.procedure_id WHERE d.deleted = 0 AND " APPLICANT_IS_PERSON
    " ORDER BY d.received_at, d.code", keys, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *received = _xaso_person_data_time (xaso_column_text (stmt, 3));
      g_autofree char *due = _xaso_person_data_time (xaso_column_text (stmt, 4));
      g_autofree char *returned = _xaso_person_data_time (xaso_column_text (stmt, 5));
      const char *cells[] = {
        xaso_column_text (stmt, 0), xaso_column_text (stmt, 1), dossier_status_word (sqlite3_column_int (stmt, 2)),
        received, due, returned,
      };

      _xaso_person_data_add_row (section, cells);
    }
  return done (db, stmt, rc, error);
}

/* Each query gives the three cells of a row of "other data": what it is,
 * what it holds, when it was recorded. */
static const char * const other_queries[] = {
  /* What the applicant wrote on each dossier is held with the dossier. */
  "SELECT 'Thông tin người nộp hồ sơ', 'Hồ sơ ' || d.code || ': ' || d.applicant_name "
  "|| coalesce ('; số định danh ' || d.applicant_id_number, '') || coalesce ('; điện thoại ' || d.applicant_phone, '') "
  "|| coalesce ('; địa chỉ ' || d.applicant_address, ''), d.received_at FROM dossier d "
  "WHERE d.deleted = 0 AND " APPLICANT_IS_PERSON " ORDER BY d.received_at",
  /* The person is also an official of the commune. */
  "SELECT 'Tài khoản cán bộ, công chức', 'Tên đăng nhập ' || username || ' — ' || full_name "
  "|| coalesce (', ' || title, '') || coalesce (', ' || unit, ''), created_at FROM user "
  "WHERE person_id = ?1 AND deleted = 0",
  "SELECT 'Chủ hộ', 'Chủ hộ của hộ số ' || coalesce (code, '—') || coalesce (', ' || nullif (address, ''), ''), "
  "created_at FROM household WHERE head_person_id = ?1 AND id IS NOT :household AND deleted = 0",
  "SELECT 'Tệp đính kèm', file_name || ' (' || ((size + 1023) / 1024) || ' KB' "
  "|| CASE WHEN encrypted THEN ', lưu mã hóa' ELSE '' END || ')', created_at FROM attachment "
  "WHERE owner_table = 'person' AND owner_id = ?1 AND deleted = 0 ORDER BY created_at",
};

gboolean
_xaso_person_data_other (XasoDatabase              *db,
                         const XasoPersonDataKeys  *keys,
                         XasoPersonDataSection     *section,
                         GError                   **error)
{
  for (guint q = 0; q < G_N_ELEMENTS (other_queries); q++)
    {
      sqlite3_stmt *stmt = prepare_bound (db, other_queries[q], keys, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *when = _xaso_person_data_time (xaso_column_text (stmt, 2));
          const char *cells[] = { xaso_column_text (stmt, 0), xaso_column_text (stmt, 1), when };

          _xaso_person_data_add_row (section, cells);
        }
      if (!done (db, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}
