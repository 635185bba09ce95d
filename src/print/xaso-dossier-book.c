/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-audit.h"
#include "xaso-commune.h"
#include "xaso-dossier.h"
#include "xaso-dossier-book.h"
#include "xaso-print-layout.h"
#include "xaso-print-table.h"

/* The columns of the follow-up register (Mẫu 07), in the form's order. */
static const XasoPrintColumn columns[] = {
  { "STT", 4, TRUE }, { "Mã hồ sơ", 13, TRUE }, { "Thủ tục hành chính", 12, FALSE }, { "Người nộp", 9, FALSE },
  { "Địa chỉ, số điện thoại", 11, FALSE }, { "Ngày nhận", 9, TRUE }, { "Hẹn trả", 9, TRUE },
  { "Chuyển xử lý, người xử lý", 9, FALSE }, { "Ngày có kết quả", 9, TRUE }, { "Ngày trả", 9, TRUE },
  { "Ký nhận", 5, FALSE }, { "Ghi chú", 7, FALSE },
};

/* Dossiers received in the period, online ones still waiting excluded:
 * they are not received yet. ?2 is the day after the last. */
#define BOOK_FROM \
  "FROM dossier d JOIN procedure p ON p.id = d.procedure_id LEFT JOIN user u ON u.id = d.assignee_user_id " \
  "WHERE d.deleted = 0 AND d.status <> 1 AND d.received_at >= ?1 AND d.received_at < ?2 "

#define BOOK_SQL \
  "SELECT d.code, p.name, d.applicant_name, d.applicant_address, d.applicant_phone, d.received_at, d.due_at, " \
  "d.department, u.full_name, d.resolved_at, d.returned_at, d.status, d.timeliness, d.collected_by " \
  BOOK_FROM "ORDER BY d.received_at, d.code"

enum {
  COL_CODE, COL_PROCEDURE, COL_NAME, COL_ADDRESS, COL_PHONE, COL_RECEIVED, COL_DUE, COL_DEPARTMENT, COL_HANDLER,
  COL_RESOLVED, COL_RETURNED, COL_STATUS, COL_TIMELINESS, COL_COLLECTED,
};

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return xaso_column_text (stmt, column);
}

/* What the register notes beside a dossier that did not end with a
 * result, or ended late. */
static const char *
note (sqlite3_stmt *stmt)
{
  switch (sqlite3_column_int (stmt, COL_STATUS))
    {
    case XASO_DOSSIER_REFUSED:
      return "Từ chối tiếp nhận, giải quyết";
    case XASO_DOSSIER_WITHDRAWN:
      return "Rút hồ sơ";
    case XASO_DOSSIER_STOPPED:
      return "Dừng giải quyết";
    case XASO_DOSSIER_SUPPLEMENT:
      return "Chờ bổ sung hồ sơ";
    default:
      return g_strcmp0 (text (stmt, COL_TIMELINESS), "late") == 0 ? "Quá hạn" : NULL;
    }
}

static char *
join (const char *a,
      const char *b,
      const char *separator)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b);
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strconcat (a, separator, b, NULL);
}

/* "000.00.31.H80-" over "261201-0002": the code breaks after the agency's
 * id, never inside a number. */
static char *
code_lines (const char *code)
{
  const char *dash = code != NULL ? strchr (code, '-') : NULL;

  if (dash == NULL)
    return g_strdup (code);
  return g_strdup_printf ("%.*s\n%s", (int)(dash - code + 1), code, dash + 1);
}

/* "01/12/2026" over "07:33", so the day never wraps inside its year. */
static char *
time_lines (const char *iso)
{
  char *text = xaso_dossier_display_time (iso);
  char *space = text != NULL ? strchr (text, ' ') : NULL;

  if (space != NULL)
    *space = '\n';
  return text;
}

static void
print_row (XasoPrintTable *t,
           sqlite3_stmt   *stmt,
           guint           n)
{
  XasoDossierStatus status = sqlite3_column_int (stmt, COL_STATUS);
  gboolean result = status == XASO_DOSSIER_PROCESSED || status == XASO_DOSSIER_RETURNED;
  g_autofree char *number = g_strdup_printf ("%u", n);
  g_autofree char *contact = join (text (stmt, COL_ADDRESS), text (stmt, COL_PHONE), "; ");
  g_autofree char *handler = join (text (stmt, COL_DEPARTMENT), text (stmt, COL_HANDLER), ", ");
  g_autofree char *code = code_lines (text (stmt, COL_CODE));
  g_autofree char *received = time_lines (text (stmt, COL_RECEIVED));
  g_autofree char *due = time_lines (text (stmt, COL_DUE));
  g_autofree char *resolved = result ? time_lines (text (stmt, COL_RESOLVED)) : NULL;
  g_autofree char *returned = time_lines (text (stmt, COL_RETURNED));
  const char *cells[] = {
    number, code, text (stmt, COL_PROCEDURE), text (stmt, COL_NAME), contact, received, due,
    handler, resolved, returned, text (stmt, COL_COLLECTED), note (stmt),
  };

  xaso_print_table_row (t, cells);
}

static sqlite3_stmt *
prepare (XasoDatabase  *db,
         const char    *sql,
         const char    *from,
         const char    *end,
         GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

static guint
count_rows (XasoDatabase *db,
            const char   *from,
            const char   *end)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT count(*) " BOOK_FROM, from, end, NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint)sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

typedef struct
{
  XasoDatabase          *db;
  XasoPrintTable        *table;
  const char            *from;
  const char            *end;
  guint                  total;
  GCancellable          *cancellable;
  GFileProgressCallback  progress;
  gpointer               progress_data;
} Book;

static gboolean
print_rows (Book    *book,
            GError **error)
{
  sqlite3_stmt *stmt = prepare (book->db, BOOK_SQL, book->from, book->end, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && !g_cancellable_is_cancelled (book->cancellable))
    {
      print_row (book->table, stmt, ++n);
      if (book->progress != NULL && (n % 256 == 0 || n == book->total))
        book->progress (n, book->total, book->progress_data);
    }
  sqlite3_reset (stmt);
  if (g_cancellable_set_error_if_cancelled (book->cancellable, error))
    return FALSE;
  return rc == SQLITE_ROW || rc == SQLITE_DONE || xaso_database_set_error (book->db, rc, error);
}

static void
print_cover (Book         *book,
             const char   *to)
{
  g_autoptr(XasoCommune) commune = xaso_commune_load (book->db, NULL);
  g_autofree char *agency = xaso_print_agency_words (commune != NULL ? commune->agency_name : NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *count = g_strdup_printf ("Gồm %u hồ sơ", book->total);
  g_auto(GStrv) lines = NULL;

  xaso_print_period_lines (builder, book->from, to);
  g_strv_builder_add (builder, count);
  lines = g_strv_builder_end (builder);
  xaso_print_table_cover (book->table, agency, "SỔ THEO DÕI HỒ SƠ", (const char * const *)lines);
}

/* The day after @to, the period's open end: received_at holds times. */
static char *
day_after (const char *to)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, to);
  if (strlen (to) != 10 || !g_date_valid (&date))
    return NULL;
  g_date_add_days (&date, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
check_period (const char  *from,
              const char  *to,
              char       **end,
              GError     **error)
{
  g_autofree char *start = from != NULL ? day_after (from) : NULL;

  *end = to != NULL ? day_after (to) : NULL;
  if (start != NULL && *end != NULL && strcmp (from, to) <= 0)
    return TRUE;
  g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_INVALID,
               _("Give the period as two days, YYYY-MM-DD, the first not after the last."));
  return FALSE;
}

gboolean
xaso_dossier_book_print (XasoDatabase          *db,
                         XasoUser              *actor,
                         const char            *from,
                         const char            *to,
                         const char            *output,
                         GCancellable          *cancellable,
                         GFileProgressCallback  progress,
                         gpointer               progress_data,
                         guint                 *n_rows,
                         GError               **error)
{
  g_autoptr(XasoPrintTable) t = NULL;
  g_autofree char *end = NULL;
  g_autofree char *detail = g_strdup_printf ("dossier book %s..%s", from, to);
  Book book = { db, NULL, from, NULL, 0, cancellable, progress, progress_data };

  if (!xaso_user_check_right (actor, XASO_RIGHT_PROCESS_DOSSIER, error) || !check_period (from, to, &end, error) ||
      (t = xaso_print_table_new (output, error)) == NULL)
    return FALSE;
  book.table = t;
  book.end = end;
  book.total = count_rows (db, from, end);
  print_cover (&book, to);
  xaso_print_table_begin (t, columns, G_N_ELEMENTS (columns));
  if (!print_rows (&book, error) || !xaso_print_table_finish (t, error) ||
      !xaso_audit_append (db, xaso_user_get (actor, XASO_USER_USERNAME), XASO_AUDIT_PRINT, "dossier", NULL, NULL,
                          detail, error))
    {
      g_unlink (output);
      return FALSE;
    }
  if (n_rows != NULL)
    *n_rows = book.total;
  return TRUE;
}
