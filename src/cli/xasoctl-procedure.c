/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-procedure-catalogue.h"
#include "xaso-procedure-json.h"
#include "xasoctl-doc.h"
#include "xasoctl-verbs.h"

/* xasoctl procedure list | show | import | export: the procedure
 * catalogue from the command line, tab-separated. Importing needs an
 * administrator, given with --as; core checks the right. */

/* "same_day_15h" or "3 working_days": the unit as the file names it. */
static char *
limit_text (XasoProcedure *p)
{
  if (p->time_unit == XASO_TIME_SAME_DAY_15H)
    return g_strdup (xaso_time_unit_to_string (p->time_unit));
  return g_strdup_printf ("%g %s", p->limit_direct, xaso_time_unit_to_string (p->time_unit));
}

static char *
fee_text (XasoProcedure *p)
{
  return p->fee_by_province ? g_strdup ("province") : g_strdup_printf ("%" G_GINT64_FORMAT, p->fee_amount);
}

static void
print_row (XasoProcedure *p)
{
  g_autofree char *limit = limit_text (p);
  g_autofree char *fee = fee_text (p);

  g_print ("%s\t%d\t%s\t%s\t%s\t%s\n", p->code ? p->code : "", p->version, p->name, p->field ? p->field : "",
           limit, fee);
}

static int
procedure_list (XasoctlContext  *ctx,
                int              argc,
                char           **argv)
{
  g_autofree char *search = NULL, *date = NULL;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Words or the beginning of the code"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the versions are valid on (today if not given)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GPtrArray) procedures = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("— list the procedures of the catalogue"), entries, &argc, &argv, 0, &status))
    return status;
  db = xasoctl_open_database (ctx, TRUE);
  if (db == NULL)
    return 1;
  procedures = xaso_procedure_catalogue_list (db, search, date, &error);
  if (procedures == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < procedures->len; i++)
    print_row (g_ptr_array_index (procedures, i));
  return 0;
}

static void
print_details (XasoProcedure *p)
{
  g_autofree char *limit = limit_text (p);
  g_autofree char *fee = fee_text (p);

  g_print ("code\t%s\nversion\t%d\nname\t%s\nfield\t%s\n", p->code ? p->code : "", p->version, p->name,
           p->field ? p->field : "");
  g_print ("limit\t%s\nlimit_online\t%g\nfee\t%s\nfee_note\t%s\n", limit, p->limit_online, fee,
           p->fee_note ? p->fee_note : "");
  for (guint i = 0; p->papers != NULL && p->papers[i] != NULL; i++)
    g_print ("paper\t%u\t%s\n", i + 1, p->papers[i]);
  for (guint i = 0; i < p->n_steps; i++)
    g_print ("step\t%u\t%s\t%g\n", i + 1, p->steps[i].name, p->steps[i].hours);
  g_print ("note\t%s\nvalid_from\t%s\nvalid_to\t%s\n", p->note ? p->note : "", p->valid_from,
           p->valid_to ? p->valid_to : "");
}

static int
procedure_show (XasoctlContext  *ctx,
                int              argc,
                char           **argv)
{
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the version is valid on (today if not given)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoProcedure) procedure = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("CODE — show a procedure and its versions"), entries, &argc, &argv, 1, &status))
    return status;
  db = xasoctl_open_database (ctx, TRUE);
  if (db == NULL)
    return 1;
  procedure = xaso_procedure_find (db, argv[1], date, &error);
  if (procedure == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  versions = xaso_procedure_catalogue_versions (db, argv[1], &error);
  if (versions == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  print_details (procedure);
  for (guint i = 0; i < versions->len; i++)
    {
      XasoProcedure *v = g_ptr_array_index (versions, i);

      g_print ("history\t%d\t%s\t%s\t%s\n", v->version, v->valid_from, v->valid_to ? v->valid_to : "", v->id);
    }
  return 0;
}

static int
procedure_import (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  XasoProcedureImportCounts counts;
  int status = 0;

  if (!xasoctl_doc_parse (_("FILE.json — import a procedure catalogue"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  if (!xaso_procedure_json_import_file (db, actor, argv[1], &counts, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("added %u, new versions %u, unchanged %u\n", counts.added, counts.new_versions, counts.unchanged);
  return 0;
}

static int
procedure_export (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the versions are valid on (today if not given)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("FILE.json — export the procedure catalogue"), entries, &argc, &argv, 1, &status))
    return status;
  db = xasoctl_open_database (ctx, TRUE);
  if (db == NULL)
    return 1;
  if (!xaso_procedure_json_export_file (db, date, argv[1], &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

int
xasoctl_procedure (XasoctlContext  *ctx,
                   int              argc,
                   char           **argv)
{
  static const XasoctlVerb verbs[] = {
    { "list", procedure_list, NULL },
    { "show", procedure_show, NULL },
    { "import", procedure_import, NULL },
    { "export", procedure_export, NULL },
  };

  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl procedure list [--search TEXT] [--date D] | show CODE | "
                                "import FILE.json | export FILE.json"));
}
