/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-dossier.h"
#include "xaso-kpi.h"
#include "xaso-report-export.h"
#include "xasoctl-doc.h"
#include "xasoctl-verbs.h"

/* xasoctl report kpi: the leader's figures of a period as name/value lines,
 * for people and for other tools (the province's among them); xasoctl
 * report dossiers|documents|population|overdue: the reports as tables. Any
 * of them as a spreadsheet or a printed PDF (xaso-report-export.h). */

/* What every report verb takes. */
typedef struct
{
  char *from, *to, *unit, *format, *output, *now;
} ReportOptions;

static void
report_options_clear (ReportOptions *o)
{
  g_free (o->from);
  g_free (o->to);
  g_free (o->unit);
  g_free (o->format);
  g_free (o->output);
  g_free (o->now);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

static gboolean
parse_options (ReportOptions  *o,
               const char     *summary,
               int            *argc,
               char         ***argv,
               int            *status)
{
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from, N_("The first day of the period"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o->to, N_("The last day of the period"), "YYYY-MM-DD" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &o->unit, N_("Only the dossiers of this unit"), "UNIT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o->format, N_("tsv (the default), csv, xlsx or pdf"), "FORMAT" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o->output, N_("Write to this file instead of the screen"), "F" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &o->now, N_("Count what is late as of this time (now if not given)"),
      "\"YYYY-MM-DD HH:MM\"" },
    { NULL }
  };

  return xasoctl_doc_parse (summary, entries, argc, argv, 0, status);
}

/* Checks what the options say; prints what is wrong and returns 2, or 0. */
static int
check_options (const ReportOptions  *o,
               XasoReportFormat     *format,
               GDateTime           **now)
{
  if (o->from == NULL || o->to == NULL)
    {
      g_printerr ("%s\n", _("Give the period with --from and --to as YYYY-MM-DD."));
      return 2;
    }
  if (!xaso_report_format_from_string (o->format != NULL ? o->format : "tsv", format))
    {
      g_printerr (_("“%s” is not a format: write tsv, csv, xlsx or pdf.\n"), o->format);
      return 2;
    }
  if ((*format == XASO_REPORT_FORMAT_XLSX || *format == XASO_REPORT_FORMAT_PDF) && o->output == NULL)
    {
      g_printerr (_("A %s file cannot go to the screen: give --output FILE.\n"), o->format);
      return 2;
    }
  if (o->now != NULL && (*now = xaso_dossier_parse_time (o->now)) == NULL)
    {
      g_printerr (_("“%s” is not a time; write it as \"2026-12-04 09:30\".\n"), o->now);
      return 2;
    }
  return 0;
}

/* Writes the report where the options say, through core's export. */
static int
export_report (XasoctlContext      *ctx,
               XasoReportKind       kind,
               const ReportOptions *o,
               XasoReportFormat     format,
               GDateTime           *now)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if (o->output != NULL)
    return xaso_report_export (db, actor, kind, format, o->from, o->to, o->unit, now, o->output, NULL, &error)
           ? 0 : xasoctl_fail (g_steal_pointer (&error));
  text = xaso_report_export_text (db, actor, kind, format, o->from, o->to, o->unit, now, &error);
  if (text == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  fputs (text, stdout);
  return 0;
}

/* name<TAB>value lines, or a CSV with its header and a BOM, so that
 * spreadsheet programs read it as UTF-8. */
static char *
format_pairs (GStrv        pairs,
              const char  *format)
{
  gboolean csv = g_strcmp0 (format, "csv") == 0;
  GString *out = g_string_new (csv ? "\xEF\xBB\xBFname,value\r\n" : NULL);

  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    g_string_append_printf (out, csv ? "%s,%s\r\n" : "%s\t%s\n", pairs[i], pairs[i + 1]);
  return g_string_free (out, FALSE);
}

static gboolean
write_out (const char  *output,
           const char  *text,
           GError     **error)
{
  if (output == NULL)
    {
      fputs (text, stdout);
      return TRUE;
    }
  return g_file_set_contents (output, text, -1, error);
}

static int
report_kpi (XasoctlContext *ctx, int argc, char **argv)
{
  g_auto(ReportOptions) o = { NULL };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pairs = NULL;
  g_autofree char *text = NULL;
  XasoReportFormat format;
  XasoKpi kpi;
  int status = 0;

  if (!parse_options (&o, _("— the leader’s figures of a period: one name<TAB>value line each"), &argc, &argv,
                      &status))
    return status;
  if ((status = check_options (&o, &format, &now)) != 0)
    return status;
  if (format == XASO_REPORT_FORMAT_XLSX || format == XASO_REPORT_FORMAT_PDF)
    return export_report (ctx, XASO_REPORT_KPI, &o, format, now);
  /* TSV and CSV stay the name/value lines other tools already read. */
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if (!xaso_kpi_compute (db, o.from, o.to, o.unit, now, &kpi, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  pairs = xaso_kpi_to_pairs (&kpi);
  text = format_pairs (pairs, o.format);
  if (!write_out (o.output, text, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

/* dossiers, documents, population, overdue: the verb names the report. */
static int
report_table (XasoctlContext *ctx, int argc, char **argv)
{
  g_auto(ReportOptions) o = { NULL };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *summary = NULL;
  XasoReportFormat format;
  XasoReportKind kind;
  int status = 0;

  if (!xaso_report_kind_from_string (argv[0], &kind))
    return 2;
  summary = g_strdup_printf ("— %s", xaso_report_kind_title (kind));
  if (!parse_options (&o, summary, &argc, &argv, &status))
    return status;
  if ((status = check_options (&o, &format, &now)) != 0)
    return status;
  return export_report (ctx, kind, &o, format, now);
}

int
xasoctl_report (XasoctlContext *ctx, int argc, char **argv)
{
  static const XasoctlVerb verbs[] = {
    { "kpi", report_kpi, NULL },
    { "dossiers", report_table, NULL },
    { "documents", report_table, NULL },
    { "population", report_table, NULL },
    { "overdue", report_table, NULL },
    { "person", xasoctl_report_person, NULL },
  };

  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl [--as USERNAME] report REPORT --from YYYY-MM-DD --to YYYY-MM-DD "
                                "[--unit U] [--format tsv|csv|xlsx|pdf] [--output F] [--now \"YYYY-MM-DD HH:MM\"]"
                                " | report person ID --output F.pdf\n"
                                "Reports: kpi (the figures of the period), dossiers (by unit), documents (by "
                                "lead person), population (by hamlet), overdue (dossiers past their "
                                "appointment). xlsx and pdf need --output."));
}
