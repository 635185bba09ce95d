/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xaso-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(XasoApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("XASO_LOCALEDIR") ? g_getenv ("XASO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xaso_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
