/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xasoctl.h"

G_BEGIN_DECLS

/* "2026-01-05 09:30" for an ISO time, "" for none: how dossier times
 * print on the command line. */
char *xasoctl_dossier_time (const char *iso);

G_END_DECLS
