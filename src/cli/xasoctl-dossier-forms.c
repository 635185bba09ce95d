/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-dossier.h"
#include "xaso-dossier-book.h"
#include "xaso-dossier-forms.h"
#include "xasoctl-doc.h"
#include "xasoctl-dossier.h"

/* xasoctl dossier form | register-print: the one-stop forms of a dossier
 * and the follow-up register of a period, as PDF. */

int
xasoctl_dossier_form (XasoctlContext  *ctx,
                      int              argc,
                      char           **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  XasoDossierForm form;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID|CODE 01|02|03|04|05|06 — print a one-stop form of a dossier to PDF"), entries,
                          &argc, &argv, 2, &status))
    return status;
  if (!xaso_dossier_form_from_string (argv[2], &form) || output == NULL)
    {
      g_printerr ("%s\n", _("Give the form as 01 to 06, and --output."));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  /* A dossier is named by its id or, as people do, by its code. */
  if ((dossier = xaso_dossier_load (db, argv[1], NULL)) == NULL &&
      (dossier = xaso_dossier_find_by_code (db, argv[1], &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  if (!xaso_dossier_form_print (db, actor, xaso_record_get_id (XASO_RECORD (dossier)), form, output, NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

int
xasoctl_dossier_register_print (XasoctlContext  *ctx,
                                int              argc,
                                char           **argv)
{
  g_autofree char *from = NULL, *to = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of reception"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of reception"), "YYYY-MM-DD" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  int status = 0;

  if (!xasoctl_doc_parse (_("— print the follow-up register of dossiers (form 07) to PDF"), entries, &argc, &argv,
                          0, &status))
    return status;
  if (from == NULL || to == NULL || output == NULL)
    {
      g_printerr ("%s\n", _("Give --from, --to and --output."));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  if (!xaso_dossier_book_print (db, actor, from, to, output, NULL, NULL, NULL, &n, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%u\n", n);
  return 0;
}
