/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-audit.h"
#include "xaso-commune.h"
#include "xaso-document-types.h"
#include "xaso-print-layout.h"
#include "xaso-print-table.h"
#include "xaso-register-print.h"

/* The columns of Decree 30's registers (Appendix IV), as DOMAIN.md lists
 * them; the widths are what the printed forms give each. */
static const XasoPrintColumn incoming_columns[] = {
  { "Ngày đến", 9, TRUE }, { "Số đến", 5, TRUE }, { "Tác giả", 13, FALSE }, { "Số ký hiệu", 11, TRUE },
  { "Ngày tháng văn bản", 9, TRUE }, { "Tên loại và trích yếu nội dung", 25, FALSE },
  { "Đơn vị hoặc người nhận", 11, FALSE }, { "Ngày chuyển", 9, TRUE }, { "Ký nhận", 6, FALSE },
  { "Ghi chú", 6, FALSE },
};

static const XasoPrintColumn outgoing_columns[] = {
  { "Số ký hiệu", 11, TRUE }, { "Ngày tháng văn bản", 9, TRUE }, { "Tên loại và trích yếu nội dung", 25, FALSE },
  { "Người ký", 10, FALSE }, { "Nơi nhận văn bản", 14, FALSE }, { "Đơn vị người nhận bản lưu", 9, FALSE },
  { "Số lượng bản", 5, TRUE }, { "Ngày chuyển", 9, TRUE }, { "Ký nhận", 6, FALSE }, { "Ghi chú", 5, FALSE },
};

static const XasoPrintColumn tracking_columns[] = {
  { "Số đến", 6, TRUE }, { "Tên loại, số, ký hiệu, ngày tháng văn bản, cơ quan ban hành", 30, FALSE },
  { "Đơn vị hoặc người nhận", 15, FALSE }, { "Thời hạn giải quyết", 9, TRUE }, { "Tiến độ giải quyết", 18, FALSE },
  { "Số, ký hiệu văn bản trả lời", 12, TRUE }, { "Ghi chú", 10, FALSE },
};

static const char * const book_names[] = { "incoming", "outgoing", "tracking" };

gboolean
xaso_register_book_from_string (const char       *text,
                                XasoRegisterBook *book)
{
  for (guint i = 0; i < G_N_ELEMENTS (book_names); i++)
    if (g_strcmp0 (text, book_names[i]) == 0)
      {
        *book = i;
        return TRUE;
      }
  return FALSE;
}

const char *
xaso_register_book_title (XasoRegisterBook book)
{
  static const char * const titles[] = {
    "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
  };

  return titles[book];
}

/* Columns read for every register, then what each prints. A document
 * received but not registered yet (no number) is in no register. */
#define SELECT_COMMON \
  "SELECT d.received_date, d.number, d.issuer, d.notation, d.issued_date, d.type_code, d.subject, " \
  "coalesce (d.recipient_unit, u.full_name, d.lead_unit), d.transferred_date, d.notes, d.deadline, " \
  "d.progress, d.status, coalesce (s.full_name, d.signer), d.recipients, d.lead_unit, d.copies, " \
  "(SELECT group_concat (r.notation, ', ') FROM document r WHERE r.reply_to_id = d.id AND r.notation IS NOT NULL), " \
  "d.confidentiality " \
  "FROM document d LEFT JOIN user u ON u.id = d.lead_user_id LEFT JOIN user s ON s.username = d.signer " \
  "WHERE d.deleted = 0 "

enum {
  COL_RECEIVED, COL_NUMBER, COL_ISSUER, COL_NOTATION, COL_ISSUED, COL_TYPE, COL_SUBJECT, COL_RECIPIENT,
  COL_TRANSFERRED, COL_NOTES, COL_DEADLINE, COL_PROGRESS, COL_STATUS, COL_SIGNER, COL_RECIPIENTS, COL_UNIT,
  COL_COPIES, COL_REPLIES, COL_SECRECY,
};

static const char *
book_sql (XasoRegisterBook book)
{
  switch (book)
    {
    case XASO_REGISTER_BOOK_INCOMING:
      return SELECT_COMMON "AND d.direction = 'incoming' AND d.number IS NOT NULL "
                           "AND d.received_date BETWEEN ?1 AND ?2 "
                           "ORDER BY d.received_date, d.number";
    case XASO_REGISTER_BOOK_OUTGOING:
      return SELECT_COMMON "AND d.direction = 'outgoing' AND d.number IS NOT NULL "
                           "AND d.issued_date BETWEEN ?1 AND ?2 ORDER BY d.issued_date, d.number";
    case XASO_REGISTER_BOOK_TRACKING:
    default:
      return SELECT_COMMON "AND d.direction = 'incoming' AND d.number IS NOT NULL "
                           "AND d.received_date BETWEEN ?1 AND ?2 "
                           "AND (d.deadline IS NOT NULL OR d.lead_user_id IS NOT NULL) "
                           "ORDER BY d.received_date, d.number";
    }
}

static const XasoPrintColumn *
book_columns (XasoRegisterBook  book,
              guint            *n)
{
  switch (book)
    {
    case XASO_REGISTER_BOOK_INCOMING:
      *n = G_N_ELEMENTS (incoming_columns);
      return incoming_columns;
    case XASO_REGISTER_BOOK_OUTGOING:
      *n = G_N_ELEMENTS (outgoing_columns);
      return outgoing_columns;
    case XASO_REGISTER_BOOK_TRACKING:
    default:
      *n = G_N_ELEMENTS (tracking_columns);
      return tracking_columns;
    }
}

static char *
number (sqlite3_stmt *stmt)
{
  if (sqlite3_column_type (stmt, COL_NUMBER) == SQLITE_NULL)
    return NULL;
  return g_strdup_printf ("%02d", sqlite3_column_int (stmt, COL_NUMBER));
}

/* "Quyết định: Về việc …", as registers write the type and the subject. */
static char *
type_and_subject (sqlite3_stmt *stmt)
{
  return g_strdup_printf ("%s: %s", xaso_document_type_name (xaso_column_text (stmt, COL_TYPE)),
                          xaso_column_text (stmt, COL_SUBJECT));
}

static const char *
secret_note (sqlite3_stmt *stmt)
{
  return g_strcmp0 (xaso_column_text (stmt, COL_SECRECY), "none") != 0 ? "MẬT" : xaso_column_text (stmt, COL_NOTES);
}

static void
print_incoming (XasoPrintTable *t,
                sqlite3_stmt   *stmt)
{
  g_autofree char *received = xaso_print_day (xaso_column_text (stmt, COL_RECEIVED));
  g_autofree char *no = number (stmt);
  g_autofree char *issued = xaso_print_day (xaso_column_text (stmt, COL_ISSUED));
  g_autofree char *subject = type_and_subject (stmt);
  g_autofree char *transferred = xaso_print_day (xaso_column_text (stmt, COL_TRANSFERRED));
  const char *cells[] = {
    received, no, xaso_column_text (stmt, COL_ISSUER), xaso_column_text (stmt, COL_NOTATION), issued, subject,
    xaso_column_text (stmt, COL_RECIPIENT), transferred, NULL, secret_note (stmt),
  };

  xaso_print_table_row (t, cells);
}

static void
print_outgoing (XasoPrintTable *t,
                sqlite3_stmt   *stmt)
{
  g_autofree char *issued = xaso_print_day (xaso_column_text (stmt, COL_ISSUED));
  g_autofree char *subject = type_and_subject (stmt);
  const char *notes = g_strcmp0 (xaso_column_text (stmt, COL_STATUS), "revoked") == 0 ? "Đã thu hồi"
                      : secret_note (stmt);
  const char *cells[] = {
    xaso_column_text (stmt, COL_NOTATION), issued, subject, xaso_column_text (stmt, COL_SIGNER),
    xaso_column_text (stmt, COL_RECIPIENTS), xaso_column_text (stmt, COL_UNIT), xaso_column_text (stmt, COL_COPIES),
    issued, NULL, notes,
  };

  xaso_print_table_row (t, cells);
}

static void
print_tracking (XasoPrintTable *t,
                sqlite3_stmt   *stmt)
{
  g_autofree char *no = number (stmt);
  g_autofree char *issued = xaso_print_day (xaso_column_text (stmt, COL_ISSUED));
  g_autofree char *deadline = xaso_print_day (xaso_column_text (stmt, COL_DEADLINE));
  g_autofree char *what = g_strdup_printf ("%s số %s ngày %s của %s",
                                           xaso_document_type_name (xaso_column_text (stmt, COL_TYPE)),
                                           xaso_column_text (stmt, COL_NOTATION) ?: "", issued ? issued : "",
                                           xaso_column_text (stmt, COL_ISSUER) ?: "");
  const char *progress = xaso_column_text (stmt, COL_PROGRESS);
  const char *cells[] = {
    no, what, xaso_column_text (stmt, COL_RECIPIENT), deadline,
    progress ? progress : g_strcmp0 (xaso_column_text (stmt, COL_STATUS), "done") == 0 ? "Đã giải quyết"
                                                                                        : "Đang giải quyết",
    xaso_column_text (stmt, COL_REPLIES), secret_note (stmt),
  };

  xaso_print_table_row (t, cells);
}

/* The cover: the year or the period, and the numbers it holds. */
static void
print_cover (XasoPrintTable   *t,
             XasoDatabase     *db,
             XasoRegisterBook  book,
             const char       *from,
             const char       *to,
             guint             n_rows)
{
  g_autoptr(XasoCommune) commune = xaso_commune_load (db, NULL);
  g_autofree char *expanded = xaso_print_agency_words (commune != NULL ? commune->agency_name : NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *count = g_strdup_printf ("Gồm %u văn bản", n_rows);
  g_auto(GStrv) lines = NULL;

  xaso_print_period_lines (builder, from, to);
  g_strv_builder_add (builder, count);
  lines = g_strv_builder_end (builder);
  xaso_print_table_cover (t, expanded, xaso_register_book_title (book), (const char * const *)lines);
}

static guint
count_rows (XasoDatabase     *db,
            XasoRegisterBook  book,
            const char       *from,
            const char       *to)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (%s)", book_sql (book));
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
print_rows (XasoDatabase      *db,
            XasoPrintTable    *t,
            XasoRegisterBook   book,
            const char        *from,
            const char        *to,
            GCancellable      *cancellable,
            GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, book_sql (book), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && !g_cancellable_is_cancelled (cancellable))
    {
      if (book == XASO_REGISTER_BOOK_INCOMING)
        print_incoming (t, stmt);
      else if (book == XASO_REGISTER_BOOK_OUTGOING)
        print_outgoing (t, stmt);
      else
        print_tracking (t, stmt);
    }
  sqlite3_reset (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return rc == SQLITE_ROW || rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

gboolean
xaso_register_print (XasoDatabase      *db,
                     XasoUser          *actor,
                     XasoRegisterBook   book,
                     const char        *from,
                     const char        *to,
                     const char        *output,
                     GCancellable      *cancellable,
                     guint             *n_rows,
                     GError           **error)
{
  g_autoptr(XasoPrintTable) t = NULL;
  g_autofree char *detail = g_strdup_printf ("%s %s..%s", book_names[book], from, to);
  const XasoPrintColumn *columns;
  guint n_columns = 0, n;

  if (!xaso_user_check_right (actor, XASO_RIGHT_PRINT_REGISTER, error))
    return FALSE;
  if ((t = xaso_print_table_new (output, error)) == NULL)
    return FALSE;
  n = count_rows (db, book, from, to);
  columns = book_columns (book, &n_columns);
  print_cover (t, db, book, from, to, n);
  xaso_print_table_begin (t, columns, n_columns);
  if (!print_rows (db, t, book, from, to, cancellable, error) || !xaso_print_table_finish (t, error) ||
      !xaso_audit_append (db, xaso_user_get (actor, XASO_USER_USERNAME), XASO_AUDIT_PRINT, "register", NULL,
                          NULL, detail, error))
    {
      g_unlink (output);
      return FALSE;
    }
  if (n_rows != NULL)
    *n_rows = n;
  return TRUE;
}
