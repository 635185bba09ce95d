/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "xaso-demo.h"
#include "xasoctl-verbs.h"

static void
print_progress (double      fraction,
                const char *stage,
                gpointer    user_data)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r%3d%%  %-40s", (int)(fraction * 100), stage);
}

/* xasoctl demo: a made-up commune with realistic residents, dossiers and
 * documents, the same for the same seed. */
int
xasoctl_demo (XasoctlContext *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("— create a demo commune"));
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scale_name = NULL;    /* GOption replaces it without freeing */
  gint64 seed = 1, started;
  XasoDemoScale scale;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_name, N_("small, reference or million"), "SCALE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the random data"), "N" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (!xaso_demo_scale_from_string (scale_name ? scale_name : "small", &scale))
    return xasoctl_usage (options, _("The scale must be small, reference or million."));

  db = xasoctl_open_database (ctx, FALSE);
  if (db == NULL)
    return 1;
  if (xaso_database_get_commune_code (db) != NULL)
    {
      g_printerr (_("The database “%s” already holds a commune; give a new file with --db.\n"), ctx->db_path);
      return 1;
    }

  started = g_get_monotonic_time ();
  if (!xaso_demo_generate (db, scale, (guint64)seed, print_progress, NULL, NULL, &error))
    {
      g_clear_object (&db);
      xaso_database_remove_files (ctx->db_path);
      if (isatty (STDERR_FILENO))
        g_printerr ("\n");
      return xasoctl_fail (g_steal_pointer (&error));
    }
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");
  g_print (_("Demo commune created in %.1f s: %s\n"),
           (g_get_monotonic_time () - started) / 1e6, ctx->db_path);
  return 0;
}
