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
#include "xaso-reports-private.h"

/* The figures of a period add up the day tallies the store keeps
 * (dossier_tally, migration 0018): a year is a few thousand rows, not
 * every dossier. What depends on now (open, late, due) is counted over the
 * open dossiers, which their partial indexes keep few. The times compared
 * are ISO 8601 text in the commune's zone, as the fold writes them. */

static const char tally_sql[] =
  "SELECT measure, sum (n) FROM dossier_tally WHERE day BETWEEN :from_day AND :to_day "
  "AND (:unit IS NULL OR unit = :unit) GROUP BY measure";

static const char open_sql[] =
  "SELECT " XASO_KPI_OPEN_SUMS " FROM dossier d WHERE " XASO_KPI_OPEN
  " AND (:unit IS NULL OR " XASO_KPI_UNIT " = :unit)";

/* Without statistics, SQLite would take the index on the direction, which
 * finds half of all documents: each count names the partial index that
 * holds just its rows (migrations 0013 and 0018). */
static const char document_sql[] =
  "SELECT "
  "(SELECT count (*) FROM document INDEXED BY document_received WHERE direction = 'incoming' AND deleted = 0 "
  "  AND received_date BETWEEN :from_day AND :to_day AND status <> 'received'), "
  "(SELECT count (*) FROM document INDEXED BY document_open_deadline "
  "  WHERE status IN ('registered', 'presented', 'directed', 'in_progress') "
  "  AND coalesce (deadline, '9999-12-31') < :today AND direction = 'incoming' AND deleted = 0), "
  "(SELECT count (*) FROM document INDEXED BY document_issued WHERE direction = 'outgoing' AND deleted = 0 "
  "  AND issued_date BETWEEN :from_day AND :to_day AND status IN ('issued', 'done'))";

void
_xaso_bounds_clear (XasoBounds *b)
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

gboolean
_xaso_bounds_init (XasoBounds  *b,
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

void
_xaso_bounds_bind (sqlite3_stmt     *stmt,
                   const XasoBounds *b,
                   const char       *unit)
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

void
_xaso_kpi_add_measure (XasoKpi    *kpi,
                       const char *measure,
                       guint       n)
{
  static const struct { const char *measure; gsize offset; } counts[] = {
    { "received:online", G_STRUCT_OFFSET (XasoKpi, received_online) },
    { "received:direct", G_STRUCT_OFFSET (XasoKpi, received_direct) },
    { "received:postal", G_STRUCT_OFFSET (XasoKpi, received_postal) },
    { "resolved:early", G_STRUCT_OFFSET (XasoKpi, resolved_early) },
    { "resolved:on_time", G_STRUCT_OFFSET (XasoKpi, resolved_on_time) },
    { "resolved:late", G_STRUCT_OFFSET (XasoKpi, resolved_late) },
    { "refused", G_STRUCT_OFFSET (XasoKpi, refused) },
    { "withdrawn", G_STRUCT_OFFSET (XasoKpi, withdrawn) },
    { "stopped", G_STRUCT_OFFSET (XasoKpi, stopped) },
    { "returned", G_STRUCT_OFFSET (XasoKpi, returned) },
  };

  if (g_str_has_prefix (measure, "received:"))
    kpi->received += n;
  else if (g_str_has_prefix (measure, "resolved:"))
    kpi->resolved += n;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (strcmp (measure, counts[i].measure) == 0)
      G_STRUCT_MEMBER (guint, kpi, counts[i].offset) += n;
}

void
_xaso_kpi_set_open (XasoKpi      *kpi,
                    sqlite3_stmt *stmt,
                    int           first)
{
  kpi->in_progress = (guint)sqlite3_column_int64 (stmt, first);
  kpi->in_progress_late = (guint)sqlite3_column_int64 (stmt, first + 1);
  kpi->due_today = (guint)sqlite3_column_int64 (stmt, first + 2);
  kpi->due_tomorrow = (guint)sqlite3_column_int64 (stmt, first + 3);
}

static gboolean
add_tallies (XasoDatabase      *db,
             const XasoBounds  *b,
             const char        *unit,
             XasoKpi           *kpi,
             GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, tally_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _xaso_bounds_bind (stmt, b, unit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _xaso_kpi_add_measure (kpi, xaso_column_text (stmt, 0), (guint)sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || xaso_database_set_error (db, rc, error);
}

/* Runs @sql, one row, and hands it to @read. */
static gboolean
one_row (XasoDatabase      *db,
         const char        *sql,
         const XasoBounds  *b,
         const char        *unit,
         XasoKpi           *kpi,
         void             (*read) (XasoKpi *kpi, sqlite3_stmt *stmt),
         GError           **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _xaso_bounds_bind (stmt, b, unit);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read (kpi, stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW || xaso_database_set_error (db, rc, error);
}

static void
read_open (XasoKpi      *kpi,
           sqlite3_stmt *stmt)
{
  _xaso_kpi_set_open (kpi, stmt, 0);
}

static void
read_documents (XasoKpi      *kpi,
                sqlite3_stmt *stmt)
{
  kpi->documents_incoming = (guint)sqlite3_column_int64 (stmt, 0);
  kpi->documents_overdue = (guint)sqlite3_column_int64 (stmt, 1);
  kpi->documents_outgoing = (guint)sqlite3_column_int64 (stmt, 2);
}

gboolean
_xaso_kpi_count_documents (XasoDatabase      *db,
                           const XasoBounds  *b,
                           XasoKpi           *kpi,
                           GError           **error)
{
  return one_row (db, document_sql, b, NULL, kpi, read_documents, error);
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
  g_auto(XasoBounds) b = { 0 };

  memset (kpi, 0, sizeof *kpi);
  return _xaso_bounds_init (&b, from, to, now, error) &&
         add_tallies (db, &b, unit, kpi, error) &&
         one_row (db, open_sql, &b, unit, kpi, read_open, error) &&
         _xaso_kpi_count_documents (db, &b, kpi, error);
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
