/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xaso-commune-calendar.h"
#include "xaso-dossier-search.h"
#include "xaso-dossier.h"
#include "xaso-kpi.h"

/* Every figure is a sum over one scan of its table: the dossiers of a
 * large commune (100,000) are read once per period. The times compared are
 * ISO 8601 text in the commune's zone, as the fold writes them. */

#define OPEN "status IN (2, 4, 5, 6)"
#define IN_PERIOD(column) "(" column " >= :from AND " column " < :end)"
#define UNIT "(:unit IS NULL OR coalesce (d.department, (SELECT u.unit FROM user u WHERE u.id = d.assignee_user_id)) = :unit)"

static const char dossier_sql[] =
  "SELECT "
  "total (status <> 1 AND " IN_PERIOD ("received_at") "), "
  "total (status <> 1 AND " IN_PERIOD ("received_at") " AND channel = 'online'), "
  "total (status <> 1 AND " IN_PERIOD ("received_at") " AND channel = 'direct'), "
  "total (status <> 1 AND " IN_PERIOD ("received_at") " AND channel = 'postal'), "
  "total (status IN (9, 10) AND " IN_PERIOD ("resolved_at") "), "
  "total (status IN (9, 10) AND " IN_PERIOD ("resolved_at") " AND timeliness = 'early'), "
  "total (status IN (9, 10) AND " IN_PERIOD ("resolved_at") " AND timeliness = 'on_time'), "
  "total (status IN (9, 10) AND " IN_PERIOD ("resolved_at") " AND timeliness = 'late'), "
  "total (" OPEN " AND received_at < :end), "
  "total (" OPEN " AND received_at < :end AND legal_due_at < :now), "
  "total (status = 3 AND " IN_PERIOD ("resolved_at") "), "
  "total (status = 7 AND " IN_PERIOD ("resolved_at") "), "
  "total (status = 8 AND " IN_PERIOD ("resolved_at") "), "
  "total (" IN_PERIOD ("returned_at") "), "
  "total (" OPEN " AND due_at BETWEEN :now AND :today_end), "
  "total (" OPEN " AND due_at BETWEEN :tomorrow AND :tomorrow_end) "
  "FROM dossier d WHERE deleted = 0 AND " UNIT;

static const char document_sql[] =
  "SELECT "
  "total (direction = 'incoming' AND status <> 'received' AND received_date BETWEEN :from_day AND :to_day), "
  "total (direction = 'incoming' AND status IN ('registered', 'presented', 'directed', 'in_progress') "
  "       AND deadline < :today), "
  "total (direction = 'outgoing' AND status IN ('issued', 'done') AND issued_date BETWEEN :from_day AND :to_day) "
  "FROM document WHERE deleted = 0";

/* The bounds of the period and of now, as the SQL compares them. */
typedef struct
{
  char *from_day, *to_day, *today;
  char *from, *end, *now, *today_end, *tomorrow, *tomorrow_end;
} Bounds;

static void
bounds_clear (Bounds *b)
{
  g_free (b->from_day);
  g_free (b->to_day);
  g_free (b->today);
  g_free (b->from);
  g_free (b->end);
  g_free (b->now);
  g_free (b->today_end);
  g_free (b->tomorrow);
  g_free (b->tomorrow_end);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bounds, bounds_clear)

/* The dossier query fills the sixteen counts from received to due_tomorrow
 * in their order. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (XasoKpi, due_tomorrow) == 15 * sizeof (guint));

/* Midnight starting the commune's day @day (YYYY-MM-DD), @add days later. */
static char *
midnight (const char *day,
          int         add)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) start = NULL, later = NULL;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  start = g_date_time_new (xaso_calendar_get_time_zone (xaso_dossier_calendar ()), y, m, d, 0, 0, 0);
  later = g_date_time_add_days (start, add);
  return xaso_dossier_format_time (later);
}

static gboolean
bounds_init (Bounds      *b,
             const char  *from,
             const char  *to,
             GDateTime   *given,
             GError     **error)
{
  g_autoptr(GDateTime) now = given != NULL ? g_date_time_to_timezone (given, xaso_calendar_get_time_zone (
                                               xaso_dossier_calendar ())) : xaso_commune_now ();
  g_autoptr(GDateTime) next = xaso_dossier_next_working_day (now);

  b->from = midnight (from, 0);
  b->end = midnight (to, 1);
  if (b->from == NULL || b->end == NULL || strcmp (from, to) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period %s to %s is not two dates (YYYY-MM-DD), the first not after the second."),
                   from ? from : "", to ? to : "");
      return FALSE;
    }
  b->from_day = g_strdup (from);
  b->to_day = g_strdup (to);
  b->today = g_date_time_format (now, "%Y-%m-%d");
  b->now = xaso_dossier_format_time (now);
  b->today_end = g_date_time_format (now, "%Y-%m-%dT23:59:59%:z");
  b->tomorrow = xaso_dossier_format_time (next);
  b->tomorrow_end = g_date_time_format (next, "%Y-%m-%dT23:59:59%:z");
  return TRUE;
}

static void
bind_bounds (sqlite3_stmt *stmt,
             const Bounds *b,
             const char   *unit)
{
  xaso_bind_named (stmt, ":from", b->from);
  xaso_bind_named (stmt, ":end", b->end);
  xaso_bind_named (stmt, ":now", b->now);
  xaso_bind_named (stmt, ":today_end", b->today_end);
  xaso_bind_named (stmt, ":tomorrow", b->tomorrow);
  xaso_bind_named (stmt, ":tomorrow_end", b->tomorrow_end);
  xaso_bind_named (stmt, ":from_day", b->from_day);
  xaso_bind_named (stmt, ":to_day", b->to_day);
  xaso_bind_named (stmt, ":today", b->today);
  xaso_bind_named (stmt, ":unit", unit);
}

/* Runs @sql, one row of sums, into @out. */
static gboolean
sums (XasoDatabase  *db,
      const char    *sql,
      const Bounds  *b,
      const char    *unit,
      guint         *out,
      guint          n,
      GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_bounds (stmt, b, unit);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < n; i++)
      out[i] = (guint)sqlite3_column_int64 (stmt, (int)i);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW || xaso_database_set_error (db, rc, error);
}

gboolean
xaso_kpi_compute (XasoDatabase  *db,
                  const char    *from,
                  const char    *to,
                  const char    *unit,
                  GDateTime     *now,
                  XasoKpi       *kpi,
                  GError       **error)
{
  g_auto(Bounds) b = { 0 };
  guint documents[3] = { 0 };

  memset (kpi, 0, sizeof *kpi);
  if (!bounds_init (&b, from, to, now, error) ||
      !sums (db, dossier_sql, &b, unit, &kpi->received, 16, error) ||
      !sums (db, document_sql, &b, NULL, documents, 3, error))
    return FALSE;
  kpi->documents_incoming = documents[0];
  kpi->documents_overdue = documents[1];
  kpi->documents_outgoing = documents[2];
  return TRUE;
}

double
xaso_kpi_rate (guint part,
               guint whole)
{
  return whole > 0 ? 100.0 * part / whole : -1;
}

double
xaso_kpi_online_rate (const XasoKpi *kpi)
{
  return xaso_kpi_rate (kpi->received_online, kpi->received);
}

double
xaso_kpi_on_time_rate (const XasoKpi *kpi)
{
  return xaso_kpi_rate (kpi->resolved_early + kpi->resolved_on_time, kpi->resolved);
}

static void
add_count (GStrvBuilder *b,
           const char   *name,
           guint         value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  g_strv_builder_add_many (b, name, text, NULL);
}

static void
add_rate (GStrvBuilder *b,
          const char   *name,
          double        rate)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (rate >= 0)
    g_ascii_formatd (text, sizeof text, "%.1f", rate);
  g_strv_builder_add_many (b, name, text, NULL);
}

GStrv
xaso_kpi_to_pairs (const XasoKpi *kpi)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  add_count (b, "received", kpi->received);
  add_count (b, "received_online", kpi->received_online);
  add_count (b, "received_direct", kpi->received_direct);
  add_count (b, "received_postal", kpi->received_postal);
  add_rate (b, "online_rate", xaso_kpi_online_rate (kpi));
  add_count (b, "resolved", kpi->resolved);
  add_count (b, "resolved_early", kpi->resolved_early);
  add_count (b, "resolved_on_time", kpi->resolved_on_time);
  add_count (b, "resolved_late", kpi->resolved_late);
  add_rate (b, "on_time_rate", xaso_kpi_on_time_rate (kpi));
  add_count (b, "in_progress", kpi->in_progress);
  add_count (b, "in_progress_late", kpi->in_progress_late);
  add_count (b, "refused", kpi->refused);
  add_count (b, "withdrawn", kpi->withdrawn);
  add_count (b, "stopped", kpi->stopped);
  add_count (b, "returned", kpi->returned);
  add_count (b, "due_today", kpi->due_today);
  add_count (b, "due_tomorrow", kpi->due_tomorrow);
  add_count (b, "documents_incoming", kpi->documents_incoming);
  add_count (b, "documents_overdue", kpi->documents_overdue);
  add_count (b, "documents_outgoing", kpi->documents_outgoing);
  return g_strv_builder_end (b);
}
