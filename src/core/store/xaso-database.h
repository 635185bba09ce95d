/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define XASO_DATABASE_ERROR (xaso_database_error_quark ())

typedef enum
{
  XASO_DATABASE_ERROR_OPEN,
  XASO_DATABASE_ERROR_TOO_NEW,
  XASO_DATABASE_ERROR_MIGRATION,
  XASO_DATABASE_ERROR_SQL,
  XASO_DATABASE_ERROR_CONSTRAINT,
  XASO_DATABASE_ERROR_BUSY,
  XASO_DATABASE_ERROR_DISK_FULL,
  XASO_DATABASE_ERROR_NOT_FOUND,
  XASO_DATABASE_ERROR_NO_COMMUNE,
} XasoDatabaseError;

#define XASO_TYPE_DATABASE (xaso_database_get_type ())
G_DECLARE_FINAL_TYPE (XasoDatabase, xaso_database, XASO, DATABASE, GObject)

GQuark        xaso_database_error_quark     (void);

XasoDatabase *xaso_database_open            (const char    *path,
                                             GError       **error);
const char   *xaso_database_get_path        (XasoDatabase  *self);
sqlite3      *xaso_database_get_handle      (XasoDatabase  *self);
int           xaso_database_get_schema_version (XasoDatabase *self);

/* The commune this replica serves; NULL until one is set up. */
const char   *xaso_database_get_commune_code (XasoDatabase *self);
void          xaso_database_set_commune_code (XasoDatabase *self,
                                              const char   *code);

sqlite3_stmt *xaso_database_prepare         (XasoDatabase  *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      xaso_database_exec            (XasoDatabase  *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      xaso_database_step_done       (XasoDatabase  *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);

gboolean      xaso_database_begin           (XasoDatabase  *self,
                                             GError       **error);
gboolean      xaso_database_commit          (XasoDatabase  *self,
                                             GError       **error);
void          xaso_database_rollback        (XasoDatabase  *self);
gboolean      xaso_database_in_transaction  (XasoDatabase  *self);

typedef gboolean (*XasoDatabaseWork) (XasoDatabase  *db,
                                      gpointer       data,
                                      GError       **error);

/* Runs @work inside the caller's transaction if there is one (the caller
 * then decides), otherwise in a transaction of its own that commits only
 * if @work succeeds. */
gboolean      xaso_database_run_atomically  (XasoDatabase     *self,
                                             XasoDatabaseWork  work,
                                             gpointer          data,
                                             GError          **error);

gboolean      xaso_database_set_error       (XasoDatabase  *self,
                                             int            rc,
                                             GError       **error);

/* Whether the replica is enrolled with a province server (DESIGN.md §4):
 * its numbers then come from leases the server grants. */
gboolean      xaso_database_is_enrolled     (XasoDatabase  *self);
char         *xaso_database_get_state       (XasoDatabase  *self,
                                             const char    *key);
gboolean      xaso_database_set_state       (XasoDatabase  *self,
                                             const char    *key,
                                             const char    *value,
                                             GError       **error);
const char   *xaso_database_get_device_id   (XasoDatabase  *self);

/* The current time in the local zone. The zone is resolved once: asking
 * for it each time reads the time-zone files again, many times a save. */
GDateTime    *xaso_now                      (void);
char         *xaso_now_iso                  (void);
void          xaso_database_remove_files    (const char    *path);

/* Steps @stmt (bound by the caller) to its end, collecting the row ids
 * of its first column, and resets it. Cancelling @cancellable stops the
 * query within a thousand steps with G_IO_ERROR_CANCELLED. */
GArray       *xaso_database_collect_rowids  (XasoDatabase  *self,
                                             sqlite3_stmt  *stmt,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* Binding helpers: they bind NULL for a NULL string. */
void          xaso_bind_text                (sqlite3_stmt  *stmt,
                                             int            index,
                                             const char    *value);
/* Binds :name when the statement has it (queries built from filters use
 * some of their parameters only). */
void          xaso_bind_named               (sqlite3_stmt  *stmt,
                                             const char    *name,
                                             const char    *value);
const char   *xaso_column_text              (sqlite3_stmt  *stmt,
                                             int            column);

/* Values that hold while this connection's write transaction lasts (no
 * other connection can write meanwhile), forgotten when it ends: what a
 * bulk write would otherwise read back at every row. */
void          xaso_database_remember   (XasoDatabase  *self,
                                        const char    *key,
                                        const char    *value);
const char   *xaso_database_recall     (XasoDatabase  *self,
                                        const char    *key);

/* Bulk imports of persons: the full-text index takes the new rows at once. */
gboolean      xaso_database_defer_search_index (XasoDatabase  *self,
                                                GError       **error);
gboolean      xaso_database_index_deferred     (XasoDatabase  *self,
                                                GError       **error);

G_END_DECLS
