/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xaso-application.h"

/* With the cairo renderer (GSK_RENDERER=cairo, what old office PCs without
 * a usable GPU and our tests run) GTK draws nothing with OpenGL, yet on X11
 * GDK still opens the GL driver when it connects, to choose a window visual:
 * with Mesa that maps its software rasteriser and LLVM, ~50 MB resident for
 * nothing. Tell GDK not to, keeping any debug flags the user set. */
static void
skip_gl_for_cairo_renderer (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_strcmp0 (renderer, "cairo") != 0)
    return;
  flags = debug && *debug ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(XasoApplication) app = NULL;

  skip_gl_for_cairo_renderer ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("XASO_LOCALEDIR") ? g_getenv ("XASO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xaso_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
