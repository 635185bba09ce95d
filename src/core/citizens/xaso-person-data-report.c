/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-commune-calendar.h"
#include "xaso-dossier.h"
#include "xaso-person-data-report-private.h"

/* The report's sections, their titles and headings, as the paper prints
 * them. */
static const char * const field_columns[] = { "Thông tin", "Nội dung", NULL };
static const char * const event_columns[] = {
  "Việc hộ tịch", "Ngày đăng ký", "Số, quyển số", "Nơi đăng ký", "Vai trò", "Người liên quan", NULL
};
static const char * const dossier_columns[] = {
  "Mã hồ sơ", "Thủ tục hành chính", "Trạng thái", "Ngày tiếp nhận", "Hẹn trả kết quả", "Ngày trả kết quả", NULL
};
static const char * const other_columns[] = { "Loại dữ liệu", "Nội dung", "Ngày ghi nhận", NULL };
static const char * const access_columns[] = {
  "Thời gian", "Người thực hiện", "Hoạt động", "Dữ liệu", "Mục đích, chi tiết", NULL
};

static const struct
{
  const char         *title;
  const char * const *columns;
} section_shapes[XASO_PERSON_DATA_N_SECTIONS] = {
  [XASO_PERSON_DATA_IDENTITY] = { "I. THÔNG TIN NHÂN KHẨU", field_columns },
  [XASO_PERSON_DATA_HOUSEHOLD] = { "II. HỘ GIA ĐÌNH, NƠI CƯ TRÚ", field_columns },
  [XASO_PERSON_DATA_CIVIL_EVENTS] = { "III. SỰ KIỆN HỘ TỊCH", event_columns },
  [XASO_PERSON_DATA_DOSSIERS] = { "IV. HỒ SƠ THỦ TỤC HÀNH CHÍNH", dossier_columns },
  [XASO_PERSON_DATA_OTHER] = { "V. DỮ LIỆU KHÁC CÓ LIÊN QUAN", other_columns },
  [XASO_PERSON_DATA_ACCESSES] = { "VI. NHẬT KÝ TRUY CẬP, XỬ LÝ DỮ LIỆU", access_columns },
};

/* How a field of the record is written out. */
typedef enum { PLAIN, DAY, TIME, SEX, STATUS } Shape;

/* The person's record, in the order of the residence papers. The
 * household's fields are in their own section. */
static const struct
{
  const char *column;
  const char *label;
  Shape       shape;
} person_fields[] = {
  { "full_name", "Họ, chữ đệm và tên", PLAIN },
  { "birth_date", "Ngày, tháng, năm sinh", DAY },
  { "sex", "Giới tính", SEX },
  { "id_number", "Số định danh cá nhân", PLAIN },
  { "old_id_number", "Số CMND cũ", PLAIN },
  { "id_issued_date", "Ngày cấp thẻ căn cước", DAY },
  { "ethnicity", "Dân tộc", PLAIN },
  { "religion", "Tôn giáo", PLAIN },
  { "nationality", "Quốc tịch", PLAIN },
  { "hometown", "Quê quán", PLAIN },
  { "occupation", "Nghề nghiệp", PLAIN },
  { "phone", "Số điện thoại", PLAIN },
  { "hamlet", "Thôn, tổ dân phố", PLAIN },
  { "permanent_address", "Nơi thường trú", PLAIN },
  { "current_address", "Nơi ở hiện tại", PLAIN },
  { "status", "Tình trạng", STATUS },
  { "death_date", "Ngày mất", DAY },
  { "notes", "Ghi chú", PLAIN },
  { "source", "Nguồn thông tin", PLAIN },
  { "source_at", "Thời điểm lấy thông tin", TIME },
  { "created_at", "Ngày lập bản ghi", TIME },
  { "updated_at", "Ngày cập nhật gần nhất", TIME },
  /* Read for the other sections, and named when an edit changes them. */
  { "household_id", "Hộ gia đình", PLAIN },
  { "relation_to_head", "Quan hệ với chủ hộ", PLAIN },
  { "deleted", NULL, PLAIN },
};
#define N_SHOWN (G_N_ELEMENTS (person_fields) - 3)
#define COL_HOUSEHOLD (N_SHOWN)
#define COL_RELATION (N_SHOWN + 1)
#define COL_DELETED (N_SHOWN + 2)
#define COL_CREATED (N_SHOWN - 2)

const char *
_xaso_person_data_field_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    if (g_strcmp0 (column, person_fields[i].column) == 0)
      return person_fields[i].label;
  return NULL;
}

void
_xaso_person_data_add_row (XasoPersonDataSection *section,
                           const char * const    *cells)
{
  char **row = g_new0 (char *, section->n_columns + 1);

  for (guint i = 0; i < section->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (section->rows, row);
}

char *
_xaso_person_data_day (const char *iso)
{
  if (iso == NULL)
    return NULL;
  if (strlen (iso) >= 10 && iso[4] == '-')
    return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
  return g_strdup (iso);
}

/* Times are written in the commune's time (UTC+7): audit events come
 * from every desktop, each in its own zone. */
char *
_xaso_person_data_time (const char *iso)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (iso == NULL || strlen (iso) < 16 || iso[10] != 'T')
    return _xaso_person_data_day (iso);
  if ((parsed = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return xaso_dossier_display_time (iso);
  zone = g_time_zone_new_offset (7 * 3600);
  local = g_date_time_to_timezone (parsed, zone);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static const char *
sex_word (const char *sex)
{
  return g_strcmp0 (sex, "male") == 0 ? "Nam" : g_strcmp0 (sex, "female") == 0 ? "Nữ" : "Chưa rõ";
}

static const char *
status_word (const char *status)
{
  return g_strcmp0 (status, "deceased") == 0 ? "Đã mất"
         : g_strcmp0 (status, "moved_away") == 0 ? "Đã chuyển đi" : "Đang cư trú";
}

static char *
shaped (Shape       shape,
        const char *value)
{
  switch (shape)
    {
    case DAY:
      return _xaso_person_data_day (value);
    case TIME:
      return _xaso_person_data_time (value);
    case SEX:
      return g_strdup (sex_word (value));
    case STATUS:
      return g_strdup (status_word (value));
    case PLAIN:
    default:
      return g_strdup (value);
    }
}

static void
fill_identity (XasoPersonDataReport *report,
               sqlite3_stmt         *stmt)
{
  XasoPersonDataSection *section = &report->sections[XASO_PERSON_DATA_IDENTITY];

  /* Only what is held: an empty field is data the commune does not have. */
  for (guint i = 0; i < N_SHOWN; i++)
    {
      g_autofree char *value = shaped (person_fields[i].shape, xaso_column_text (stmt, i));
      const char *cells[] = { person_fields[i].label, value };

      if (value != NULL && *value != '\0')
        _xaso_person_data_add_row (section, cells);
    }
  if (sqlite3_column_int (stmt, COL_DELETED) != 0)
    {
      const char *cells[] = { "Ghi chú lưu trữ", "Bản ghi đã được xóa, còn lưu theo quy định về lưu trữ" };

      _xaso_person_data_add_row (section, cells);
    }
  report->full_name = g_strdup (xaso_column_text (stmt, 0));
  report->birth = _xaso_person_data_day (xaso_column_text (stmt, 1));
  report->id_number = g_strdup (xaso_column_text (stmt, 3));
}

/* The household the person belongs to, and their relation to its head. */
static gboolean
fill_household (XasoDatabase               *db,
                const XasoPersonDataKeys   *keys,
                const char                 *relation,
                XasoPersonDataSection      *section,
                GError                    **error)
{
  sqlite3_stmt *stmt;

  if (keys->household_id == NULL)
    return TRUE;
  stmt = xaso_database_prepare (db, "SELECT h.code, hp.full_name, h.hamlet, h.address, h.residence_kind "
                                    "FROM household h LEFT JOIN person hp ON hp.id = h.head_person_id "
                                    "WHERE h.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, keys->household_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = g_strcmp0 (xaso_column_text (stmt, 4), "temporary") == 0 ? "Tạm trú" : "Thường trú";
      const char *rows[][2] = {
        { "Số hộ", xaso_column_text (stmt, 0) }, { "Chủ hộ", xaso_column_text (stmt, 1) },
        { "Quan hệ với chủ hộ", relation }, { "Thôn, tổ dân phố", xaso_column_text (stmt, 2) },
        { "Địa chỉ của hộ", xaso_column_text (stmt, 3) }, { "Hình thức cư trú", kind },
      };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        if (rows[i][1] != NULL && *rows[i][1] != '\0')
          _xaso_person_data_add_row (section, rows[i]);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The record's id, or a personal id number of the commune's residents. */
static char *
find_person (XasoDatabase  *db,
             const char    *person,
             GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, "SELECT id FROM person WHERE commune_code = ?1 "
                                                  "AND (id = ?2 OR id_number = ?2) ORDER BY deleted LIMIT 1",
                                              error);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, person, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup (xaso_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (id == NULL)
    g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                 _("No resident of this commune has the id or personal id number “%s”."), person);
  return id;
}

static sqlite3_stmt *
prepare_person (XasoDatabase  *db,
                GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", person_fields[i].column);
  g_string_append (sql, " FROM person WHERE id = ?");
  return xaso_database_prepare (db, sql->str, error);
}

static gboolean
collect_sections (XasoDatabase          *db,
                  XasoPersonDataReport  *report,
                  GError               **error)
{
  sqlite3_stmt *stmt = prepare_person (db, error);
  g_autofree char *household_id = NULL, *relation = NULL, *created_at = NULL;
  XasoPersonDataKeys keys = { report->person_id };

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report->person_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NOT_FOUND,
                           _("The record was not found; it may have been removed."));
      return FALSE;
    }
  fill_identity (report, stmt);
  household_id = g_strdup (xaso_column_text (stmt, COL_HOUSEHOLD));
  relation = g_strdup (xaso_column_text (stmt, COL_RELATION));
  created_at = g_strdup (xaso_column_text (stmt, COL_CREATED));
  sqlite3_reset (stmt);
  keys.id_number = report->id_number;
  keys.household_id = household_id;
  keys.created_at = created_at;
  return fill_household (db, &keys, relation, &report->sections[XASO_PERSON_DATA_HOUSEHOLD], error) &&
         _xaso_person_data_civil_events (db, &keys, &report->sections[XASO_PERSON_DATA_CIVIL_EVENTS], error) &&
         _xaso_person_data_dossiers (db, &keys, &report->sections[XASO_PERSON_DATA_DOSSIERS], error) &&
         _xaso_person_data_other (db, &keys, &report->sections[XASO_PERSON_DATA_OTHER], error) &&
         _xaso_person_data_accesses (db, &keys, &report->sections[XASO_PERSON_DATA_ACCESSES], error);
}

static XasoPersonDataReport *
report_new (char *person_id)
{
  XasoPersonDataReport *report = g_new0 (XasoPersonDataReport, 1);
  g_autoptr(GDateTime) now = xaso_commune_now ();

  report->person_id = person_id;
  report->made_at = g_date_time_format_iso8601 (now);
  for (guint i = 0; i < XASO_PERSON_DATA_N_SECTIONS; i++)
    {
      XasoPersonDataSection *section = &report->sections[i];

      section->kind = i;
      section->title = section_shapes[i].title;
      section->columns = section_shapes[i].columns;
      section->n_columns = g_strv_length ((char **)section->columns);
      section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
    }
  return report;
}

XasoPersonDataReport *
xaso_person_data_report_collect (XasoDatabase  *db,
                                 XasoUser      *actor,
                                 const char    *person,
                                 GError       **error)
{
  g_autoptr(XasoPersonDataReport) report = NULL;
  gboolean own, ok;
  char *id;

  g_return_val_if_fail (person != NULL, NULL);

  if (!xaso_user_check_right (actor, XASO_RIGHT_REPORT_PERSONAL_DATA, error))
    return NULL;
  /* A read transaction: the sync may write meanwhile, the report stays
   * of one moment. */
  own = !xaso_database_in_transaction (db);
  if (own && !xaso_database_exec (db, "BEGIN", error))
    return NULL;
  ok = (id = find_person (db, person, error)) != NULL &&
       collect_sections (db, (report = report_new (id)), error);
  if (own)
    xaso_database_exec (db, "COMMIT", NULL);
  return ok ? g_steal_pointer (&report) : NULL;
}

void
xaso_person_data_report_free (XasoPersonDataReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < XASO_PERSON_DATA_N_SECTIONS; i++)
    g_clear_pointer (&report->sections[i].rows, g_ptr_array_unref);
  g_free (report->person_id);
  g_free (report->full_name);
  g_free (report->id_number);
  g_free (report->birth);
  g_free (report->made_at);
  g_free (report);
}
