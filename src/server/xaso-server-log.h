/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One line on stderr, time-stamped, for the journal. Not g_warning: tests
 * run the server with G_DEBUG=fatal-warnings, and a database hiccup is an
 * event to record, not a bug. */
void xaso_server_log (const char *format,
                      ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
