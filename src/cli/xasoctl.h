/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* Shared by the verbs: where the database is and how to open it. */
typedef struct
{
  const char *db_path;
  const char *as_user;   /* --as USERNAME: who acts, for verbs that check rights */
} XasoctlContext;

/* Every verb and sub-verb: argv[0] is its own name; it returns the exit
 * status, 0 on success, 1 on an error, 2 on a usage error. */
typedef int (*XasoctlVerbFunc) (XasoctlContext  *ctx,
                                int              argc,
                                char           **argv);

typedef struct
{
  const char      *name;
  XasoctlVerbFunc  run;
  const char      *summary;   /* N_() text for the list of verbs, or NULL */
} XasoctlVerb;

/* Runs the sub-verb named by argv[1] ("xasoctl pdf sign …"), or prints
 * @usage and returns 2. */
int           xasoctl_run_subverb   (XasoctlContext    *ctx,
                                     const XasoctlVerb *verbs,
                                     guint              n_verbs,
                                     int                argc,
                                     char             **argv,
                                     const char        *usage);

XasoDatabase *xasoctl_open_database (XasoctlContext *ctx,
                                     gboolean        need_commune);
/* Opens the commune's database and finds the --as user; with @need_actor,
 * refuses to go on without one. Prints what went wrong. */
gboolean      xasoctl_open_with_actor (XasoctlContext  *ctx,
                                       XasoDatabase   **db,
                                       XasoUser       **actor,
                                       gboolean         need_actor);
int           xasoctl_fail          (GError         *error);
int           xasoctl_usage         (GOptionContext *options,
                                     const char     *message);
char         *xasoctl_default_db_path (void);
/* The first line of standard input, without its line end. */
char         *xasoctl_read_password (GError        **error);

G_END_DECLS
