/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "xaso-database.h"

/* A private copy of the reference commune, made with VACUUM INTO, for a
 * benchmark that writes: the reference database is kept as generated. */
static inline char *
xaso_bench_copy_database (const char *reference,
                          const char *dir,
                          const char *name)
{
  g_autoptr(XasoDatabase) source = xaso_database_open (reference, NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *sql;

  g_assert_nonnull (source);
  xaso_database_remove_files (target);
  sql = sqlite3_mprintf ("VACUUM INTO %Q", target);
  if (!xaso_database_exec (source, sql, &error))
    g_error ("%s", error->message);
  sqlite3_free (sql);
  return g_steal_pointer (&target);
}
