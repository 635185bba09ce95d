/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xaso-dossier.h"
#include "xaso-kpi.h"
#include "xasoctl-doc.h"
#include "xasoctl-verbs.h"

/* xasoctl report kpi: the leader's figures of a period as name/value lines,
 * for people and for other tools (the province's among them). */

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
  g_autofree char *from = NULL, *to = NULL, *unit = NULL, *format = NULL, *output = NULL, *now_text = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day of the period"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day of the period"), "YYYY-MM-DD" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only the dossiers of this unit"), "UNIT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("tsv (the default) or csv"), "FORMAT" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file instead of the screen"), "F" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, N_("Count what is late as of this time (now if not given)"),
      "\"YYYY-MM-DD HH:MM\"" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pairs = NULL;
  g_autofree char *text = NULL;
  XasoKpi kpi;
  int status = 0;

  if (!xasoctl_doc_parse (_("— the leader’s figures of a period: one name<TAB>value line each"), entries, &argc,
                          &argv, 0, &status))
    return status;
  if (from == NULL || to == NULL || (format != NULL && g_strcmp0 (format, "tsv") != 0 &&
                                     g_strcmp0 (format, "csv") != 0))
    {
      g_printerr ("%s\n", _("Give --from and --to as YYYY-MM-DD; --format is tsv or csv."));
      return 2;
    }
  if (now_text != NULL && (now = xaso_dossier_parse_time (now_text)) == NULL)
    {
      g_printerr (_("“%s” is not a time; write it as \"2026-12-04 09:30\".\n"), now_text);
      return 2;
    }
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if (!xaso_kpi_compute (db, from, to, unit, now, &kpi, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  pairs = xaso_kpi_to_pairs (&kpi);
  text = format_pairs (pairs, format);
  if (!write_out (output, text, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

int
xasoctl_report (XasoctlContext *ctx, int argc, char **argv)
{
  static const XasoctlVerb verbs[] = {
    { "kpi", report_kpi, NULL },
  };

  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl report kpi --from YYYY-MM-DD --to YYYY-MM-DD [--unit U] "
                                "[--format tsv|csv] [--output F]"));
}
