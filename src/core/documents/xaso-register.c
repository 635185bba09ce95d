/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-change.h"
#include "xaso-document.h"
#include "xaso-register.h"
#include "xaso-uuid.h"

static const char * const kind_names[] = {
  "incoming", "outgoing", "legal", "confidential_incoming", "confidential_outgoing",
};

const char *
xaso_register_kind_to_string (XasoRegisterKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

static const char *
register_title (XasoRegisterKind kind)
{
  static const char * const titles[] = {
    "Sổ đăng ký văn bản đến", "Sổ đăng ký văn bản đi", "Sổ đăng ký văn bản quy phạm pháp luật",
    "Sổ đăng ký văn bản mật đến", "Sổ đăng ký văn bản mật đi",
  };

  return titles[kind];
}

static char *
find_register (XasoDatabase     *db,
               XasoRegisterKind  kind,
               int               year)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT id FROM register WHERE commune_code = ? AND kind = ? AND year = ? AND deleted = 0", NULL);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  xaso_bind_text (stmt, 1, xaso_database_get_commune_code (db));
  sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id;
}

char *
xaso_register_open (XasoDatabase      *db,
                    XasoRegisterKind   kind,
                    int                year,
                    const char        *actor,
                    GError           **error)
{
  g_autoptr(XasoChange) change = NULL;
  g_autofree char *id = find_register (db, kind, year);
  g_autofree char *name = NULL;

  if (id != NULL)
    return g_steal_pointer (&id);
  id = xaso_uuid_new ();
  name = g_strdup_printf ("%s năm %d", register_title (kind), year);
  change = xaso_change_new (XASO_CHANGE_INSERT, "register", id);
  xaso_change_set_text (change, "kind", kind_names[kind]);
  xaso_change_set_text (change, "name", name);
  xaso_change_set_int (change, "year", year);
  xaso_change_set_int (change, "last_number", 0);
  xaso_change_set_text (change, "lease_device_id", xaso_database_get_device_id (db));
  if (!xaso_change_apply (change, db, actor, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* A desktop enrolled with a server gets leases from it (the sync issue);
 * until then every desktop is standalone. */
static gboolean
is_standalone (XasoDatabase *db)
{
  g_autofree char *server = xaso_database_get_state (db, "sync-server");

  return server == NULL;
}

static gboolean
read_register (XasoDatabase  *db,
               const char    *register_id,
               char         **lease,
               gint64        *last,
               GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT lease_device_id, last_number FROM register WHERE id = ? AND deleted = 0", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, register_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *lease = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *last = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID,
                         _("The document register was not found."));
  return found;
}

gboolean
xaso_register_holds_lease (XasoDatabase *db,
                           const char   *register_id)
{
  g_autofree char *lease = NULL;
  gint64 last = 0;

  if (!read_register (db, register_id, &lease, &last, NULL))
    return FALSE;
  if (lease == NULL)
    return is_standalone (db);
  return g_strcmp0 (lease, xaso_database_get_device_id (db)) == 0;
}

gboolean
xaso_register_allocate (XasoDatabase  *db,
                        const char    *register_id,
                        const char    *actor,
                        guint         *number,
                        GError       **error)
{
  g_autoptr(XasoChange) change = NULL;
  g_autofree char *lease = NULL;
  gint64 last = 0;

  g_return_val_if_fail (xaso_database_in_transaction (db), FALSE);
  if (!read_register (db, register_id, &lease, &last, error))
    return FALSE;
  if (!xaso_register_holds_lease (db, register_id))
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_NO_LEASE,
                           _("Another desktop gives the numbers of this register. Save the document as a "
                             "draft and ask the clerk who holds the register for its number."));
      return FALSE;
    }
  change = xaso_change_new (XASO_CHANGE_UPDATE, "register", register_id);
  xaso_change_set_int (change, "last_number", last + 1);
  if (lease == NULL)
    xaso_change_set_text (change, "lease_device_id", xaso_database_get_device_id (db));
  if (!xaso_change_apply (change, db, actor, error))
    return FALSE;
  *number = (guint)(last + 1);
  return TRUE;
}
