/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* Shared by the verbs: where the database is and how to open it. */
typedef struct
{
  const char *db_path;
} XasoctlContext;

XasoDatabase *xasoctl_open_database (XasoctlContext *ctx,
                                     gboolean        need_commune);
int           xasoctl_fail          (GError         *error);
int           xasoctl_usage         (GOptionContext *options,
                                     const char     *message);
char         *xasoctl_default_db_path (void);

G_END_DECLS
