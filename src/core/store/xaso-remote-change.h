/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "xaso-database.h"

G_BEGIN_DECLS

/* A change that came from the server's log (a sync pull), written into the
 * replica without being captured again. */
typedef struct
{
  const char *table;
  const char *row_id;
  const char *kind;         /* "insert", "update" or "delete" */
  JsonObject *fields;       /* field → value */
  gint64      server_seq;   /* becomes the version of each field written */
  gint64      hlc;          /* when it was made, for a row created here */
} XasoRemoteChange;

/* Writes @change's fields and their versions. A field that a local op still
 * waiting to be pushed has changed keeps its local value: pending work stays
 * on top of pulled state. Fields this program's schema lacks are skipped
 * (and counted in @n_skipped, may be NULL). */
gboolean xaso_remote_change_apply (XasoDatabase           *db,
                                   const XasoRemoteChange *change,
                                   guint                  *n_skipped,
                                   GError                **error);

/* Records that the server holds @fields (names) of a row at @server_seq, the
 * base of the next local edit. A row's insert is recorded once for all its
 * fields (field "*"): a field's own version, once it has one, comes first. */
gboolean xaso_remote_change_set_versions (XasoDatabase  *db,
                                          const char    *table,
                                          const char    *row_id,
                                          const char   **fields,
                                          gint64         server_seq,
                                          gint64         hlc,
                                          GError       **error);

gboolean xaso_remote_change_set_row_version (XasoDatabase  *db,
                                             const char    *table,
                                             const char    *row_id,
                                             gint64         server_seq,
                                             gint64         hlc,
                                             GError       **error);

G_END_DECLS
