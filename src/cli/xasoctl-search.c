/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-person-search.h"
#include "xasoctl-verbs.h"

/* xasoctl search persons TEXT: id, full name, birth date, ID number, tab
 * separated, one person per line. */
int
xasoctl_search (XasoctlContext *ctx,
                int             argc,
                char          **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("persons TEXT — search the citizens"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many results (0 for all)"), "N" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc < 3 || !g_str_equal (argv[1], "persons"))
    return xasoctl_usage (options, _("Say what to search: xasoctl search persons TEXT"));

  db = xasoctl_open_database (ctx, TRUE);
  if (db == NULL)
    return 1;
  text = g_strjoinv (" ", argv + 2);
  persons = xaso_person_search (db, text, MAX (limit, 0), &error);
  if (persons == NULL)
    return xasoctl_fail (g_steal_pointer (&error));

  for (guint i = 0; i < persons->len; i++)
    {
      XasoPerson *p = g_ptr_array_index (persons, i);

      g_print ("%s\t%s\t%s\t%s\n", xaso_record_get_id (XASO_RECORD (p)),
               xaso_person_get (p, XASO_PERSON_FULL_NAME),
               xaso_person_get (p, XASO_PERSON_BIRTH_DATE) ?: "",
               xaso_person_get (p, XASO_PERSON_ID_NUMBER) ?: "");
    }
  return 0;
}
