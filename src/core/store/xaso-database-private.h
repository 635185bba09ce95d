/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "xaso-database.h"

G_BEGIN_DECLS

gboolean _xaso_database_migrate   (XasoDatabase  *self,
                                   GError       **error);
int      _xaso_database_query_int (XasoDatabase  *self,
                                   const char    *sql);
gboolean _xaso_database_has_column (XasoDatabase *self,
                                    const char   *table,
                                    const char   *column);

/* Steps in C (xaso-text-upgrade.c). */
gboolean _xaso_database_normalize_text    (XasoDatabase  *db,
                                           GError       **error);
gboolean _xaso_database_refresh_sort_keys (XasoDatabase  *db,
                                           GError       **error);

/* xaso-check-lists.c */
char    *_xaso_check_lists_expand          (const char    *sql);
gboolean _xaso_database_inline_check_lists (XasoDatabase  *db,
                                            GError       **error);

gboolean _xaso_database_add_columns (XasoDatabase        *db,
                                     const char          *table,
                                     const char * const  *columns,
                                     guint                n_columns,
                                     GError             **error);

/* xaso-change.c: the columns of a captured table (a set of names, the
 * store's), or NULL: not captured, or @error set. */
GHashTable *_xaso_change_columns (XasoDatabase  *db,
                                  const char    *table,
                                  GError       **error);
/* "INSERT INTO table (id, commune_code, columns…[, created_at, updated_at])
 * VALUES (?, …)", a record's insert with its values bound from 3. */
char    *_xaso_change_insert_sql (const char         *table,
                                  const char * const *columns,
                                  guint               n_columns);

/* xaso-user-upgrade.c */
gboolean _xaso_database_upgrade_accounts (XasoDatabase  *db,
                                          GError       **error);
gboolean _xaso_database_upgrade_documents (XasoDatabase  *db,
                                           GError       **error);
gboolean _xaso_database_upgrade_document_seal (XasoDatabase  *db,
                                               GError       **error);
/* xaso-dossier-upgrade.c */
gboolean _xaso_database_upgrade_dossiers (XasoDatabase  *db,
                                          GError       **error);
/* xaso-sync-upgrade.c */
gboolean _xaso_database_upgrade_sync (XasoDatabase  *db,
                                      GError       **error);
gboolean _xaso_database_upgrade_sync_log (XasoDatabase  *db,
                                          GError       **error);
/* xaso-lease-upgrade.c */
gboolean _xaso_database_upgrade_number_leases (XasoDatabase  *db,
                                               GError       **error);
/* xaso-kept-fields.c: pulled fields this schema lacks, kept until an
 * upgrade adds their columns (migration 0023). */
gboolean _xaso_database_keep_field       (XasoDatabase  *db,
                                          const char    *table,
                                          const char    *row_id,
                                          const char    *field,
                                          JsonNode      *value,
                                          gint64         version,
                                          gint64         hlc,
                                          GError       **error);
gboolean _xaso_database_fold_kept_fields (XasoDatabase  *db,
                                          GError       **error);

/* xaso-report-tallies.c */
gboolean _xaso_database_add_report_tallies (XasoDatabase  *db,
                                            GError       **error);

/* xaso-checkpoint.c */
typedef struct _XasoCheckpoint XasoCheckpoint;

XasoCheckpoint *_xaso_checkpoint_attach (sqlite3         *db,
                                         const char      *path);
void            _xaso_checkpoint_detach (XasoCheckpoint  *self,
                                         sqlite3         *db);
void            _xaso_checkpoint_wait   (XasoCheckpoint  *self);
void            _xaso_database_wait_for_checkpoint (XasoDatabase *self);

G_END_DECLS
