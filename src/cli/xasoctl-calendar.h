/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The calendar verbs of xasoctl.  argv[0] is the verb; each returns the
 * exit status: 0 on success, 1 on an error, 2 on a usage error.
 */
int xasoctl_calendar (int    argc,
                      char **argv);
int xasoctl_lunar    (int    argc,
                      char **argv);
int xasoctl_solar    (int    argc,
                      char **argv);
int xasoctl_deadline (int    argc,
                      char **argv);

G_END_DECLS
