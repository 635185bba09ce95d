/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-person-data-print.h"
#include "xasoctl-doc.h"
#include "xasoctl-verbs.h"

/* xasoctl report person ID --output F.pdf [--format pdf|csv]: everything
 * the commune holds about one resident and every access to it, as the
 * resident may ask (Law 91/2025). Making it is logged like any print or
 * export of their data. */

int
xasoctl_report_person (XasoctlContext  *ctx,
                       int              argc,
                       char           **argv)
{
  g_autofree char *output = NULL, *format_name = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), "FILE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("pdf (the default) or csv"), "FORMAT" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  XasoPersonDataFormat format = XASO_PERSON_DATA_PDF;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — a resident’s personal-data report: what is held about them and who accessed it"),
                          entries, &argc, &argv, 1, &status))
    return status;
  if (output == NULL || (format_name != NULL && !xaso_person_data_format_from_string (format_name, &format)))
    {
      g_printerr ("%s\n", _("Give --output; --format is pdf or csv."));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  if (!xaso_person_data_print (db, actor, argv[1], format, output, NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}
