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

gboolean
xaso_register_kind_from_string (const char       *name,
                                XasoRegisterKind *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    if (g_strcmp0 (name, kind_names[k]) == 0)
      {
        *kind = (XasoRegisterKind) k;
        return TRUE;
      }
  return FALSE;
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
  g_autofree char *key = NULL;

  if (id != NULL)
    return g_steal_pointer (&id);
  /* Two desktops opening the same year's register before they sync (a new
   * year's first document, offline) make one row, not two that the
   * register's (kind, year) uniqueness would refuse when pulled. */
  key = g_strdup_printf ("xaso-register\n%s\n%s\n%d", xaso_database_get_commune_code (db), kind_names[kind],
                         year);
  id = xaso_uuid_new_named (key);
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

typedef struct
{
  char   *lease;          /* the device that allocates, or NULL */
  char   *until;          /* when the server's lease ends (ISO 8601), or NULL */
  gint64  last;
} Lease;

static void
lease_clear (Lease *l)
{
  g_free (l->lease);
  g_free (l->until);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lease, lease_clear)

static gboolean
read_register (XasoDatabase  *db,
               const char    *register_id,
               Lease         *l,
               GError       **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT lease_device_id, last_number, lease_until FROM register WHERE id = ? AND deleted = 0", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, register_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      l->lease = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      l->last = sqlite3_column_int64 (stmt, 1);
      l->until = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID,
                         _("The document register was not found."));
  return found;
}

static gboolean
lease_running (const char *until)
{
  g_autoptr(GDateTime) end = until ? g_date_time_new_from_iso8601 (until, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return end != NULL && g_date_time_compare (now, end) < 0;
}

/* A standalone desktop allocates what nobody else holds. An enrolled one
 * allocates only under the lease the server granted it (its sync writes it
 * into the register), until it ends: offline too, since it is long. */
static gboolean
holds (XasoDatabase *db,
       const Lease  *l)
{
  gboolean mine = g_strcmp0 (l->lease, xaso_database_get_device_id (db)) == 0;

  if (!xaso_database_is_enrolled (db))
    return l->lease == NULL || mine;
  return mine && lease_running (l->until);
}

gboolean
xaso_register_holds_lease (XasoDatabase *db,
                           const char   *register_id)
{
  g_auto(Lease) l = { 0 };

  return read_register (db, register_id, &l, NULL) && holds (db, &l);
}

gboolean
xaso_register_allocate (XasoDatabase  *db,
                        const char    *register_id,
                        const char    *actor,
                        guint         *number,
                        GError       **error)
{
  g_autoptr(XasoChange) change = NULL;
  g_auto(Lease) l = { 0 };

  g_return_val_if_fail (xaso_database_in_transaction (db), FALSE);
  if (!read_register (db, register_id, &l, error))
    return FALSE;
  if (!holds (db, &l))
    {
      if (l.lease != NULL && g_strcmp0 (l.lease, xaso_database_get_device_id (db)) != 0)
        g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_NO_LEASE,
                             _("Another desktop gives the numbers of this register. Save the document as a "
                               "draft and ask the clerk who holds the register for its number."));
      else
        g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_NO_LEASE,
                             _("The server has not given this desktop the numbers of this register, or its lease "
                               "has ended. Connect to the network and sync, then give the number; the document stays "
                               "a draft meanwhile."));
      return FALSE;
    }
  change = xaso_change_new (XASO_CHANGE_UPDATE, "register", register_id);
  xaso_change_set_int (change, "last_number", l.last + 1);
  if (l.lease == NULL)
    xaso_change_set_text (change, "lease_device_id", xaso_database_get_device_id (db));
  if (!xaso_change_apply (change, db, actor, error))
    return FALSE;
  *number = (guint)(l.last + 1);
  return TRUE;
}
