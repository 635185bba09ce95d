/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-person-csv.h"
#include "xasoctl-verbs.h"

static gboolean
check_kind (int          argc,
            char       **argv,
            const char  *verb)
{
  if (argc == 3 && g_str_equal (argv[1], "persons"))
    return TRUE;
  g_printerr (_("Usage: xasoctl %s persons FILE.csv\n"), verb);
  return FALSE;
}

/* xasoctl import persons FILE.csv: all rows or none. */
int
xasoctl_import (XasoctlContext *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  XasoTextDecoding decoding;
  guint n = 0;

  if (!check_kind (argc, argv, "import"))
    return 2;
  db = xasoctl_open_database (ctx, TRUE);
  if (db == NULL)
    return 1;
  file = g_file_new_for_commandline_arg (argv[2]);
  input = g_file_read (file, NULL, &error);
  if (input == NULL ||
      !xaso_person_csv_import (db, G_INPUT_STREAM (input), g_get_user_name (), &n, &decoding, NULL, &error))
    {
      g_printerr (_("Nothing was imported from %s.\n"), argv[2]);
      return xasoctl_fail (g_steal_pointer (&error));
    }
  converted = xaso_text_decoding_describe (&decoding);
  if (converted != NULL)
    g_print ("%s\n", converted);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u person imported\n", "%u persons imported\n", n), n);
  return 0;
}

/* xasoctl export persons FILE.csv: written next to the target and renamed
 * over it, so a failure never leaves half a file. */
int
xasoctl_export (XasoctlContext *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!check_kind (argc, argv, "export"))
    return 2;
  db = xasoctl_open_database (ctx, TRUE);
  if (db == NULL)
    return 1;
  file = g_file_new_for_commandline_arg (argv[2]);
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  if (output == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  if (!xaso_person_csv_export (db, G_OUTPUT_STREAM (output), g_get_user_name (), "xasoctl export", &n, NULL, &error))
    {
      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves any earlier export untouched. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (output), abandon, NULL);
      return xasoctl_fail (g_steal_pointer (&error));
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (output), NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u person exported\n", "%u persons exported\n", n), n);
  return 0;
}
