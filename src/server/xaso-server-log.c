/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include "xaso-server-log.h"

void
xaso_server_log (const char *format,
                 ...)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One write per line, so lines of several threads do not interleave. */
  g_printerr ("%s %s\n", stamp, message);
}
