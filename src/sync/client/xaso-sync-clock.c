/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-sync-clock.h"

char *
xaso_sync_describe_clock (gint64 skew)
{
  gint64 off = ABS (skew);
  gboolean ahead = skew > 0;
  guint n;

  if (off < XASO_SYNC_CLOCK_SKEW_WARNING)
    return NULL;
  if (off < 2 * 3600)
    return n = (guint) (off / 60),
           g_strdup_printf (ahead ? ngettext ("This computer’s clock is %u minute ahead of the server’s",
                                              "This computer’s clock is %u minutes ahead of the server’s", n)
                                  : ngettext ("This computer’s clock is %u minute behind the server’s",
                                              "This computer’s clock is %u minutes behind the server’s", n), n);
  if (off < 2 * 86400)
    return n = (guint) (off / 3600),
           g_strdup_printf (ahead ? ngettext ("This computer’s clock is %u hour ahead of the server’s",
                                              "This computer’s clock is %u hours ahead of the server’s", n)
                                  : ngettext ("This computer’s clock is %u hour behind the server’s",
                                              "This computer’s clock is %u hours behind the server’s", n), n);
  return n = (guint) (off / 86400),
         g_strdup_printf (ahead ? ngettext ("This computer’s clock is %u day ahead of the server’s",
                                            "This computer’s clock is %u days ahead of the server’s", n)
                                : ngettext ("This computer’s clock is %u day behind the server’s",
                                            "This computer’s clock is %u days behind the server’s", n), n);
}
