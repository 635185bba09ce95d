/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xasoctl.h"

G_BEGIN_DECLS

/* "2026-01-05 09:30" for an ISO time, "" for none: how dossier times
 * print on the command line. */
char *xasoctl_dossier_time (const char *iso);

/* xasoctl dossier form | register-print (xasoctl-dossier-forms.c). */
int   xasoctl_dossier_form           (XasoctlContext *ctx,
                                      int             argc,
                                      char          **argv);
int   xasoctl_dossier_register_print (XasoctlContext *ctx,
                                      int             argc,
                                      char          **argv);

G_END_DECLS
