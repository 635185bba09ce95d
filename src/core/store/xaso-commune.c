/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-commune.h"

void
xaso_commune_free (XasoCommune *commune)
{
  if (commune == NULL)
    return;
  g_free (commune->code);
  g_free (commune->name);
  g_free (commune->province_code);
  g_free (commune->province_name);
  g_free (commune->agency_eid);
  g_free (commune->agency_name);
  g_free (commune);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gboolean
xaso_commune_validate (const XasoCommune  *commune,
                       GError            **error)
{
  const char *message = NULL;

  if (is_blank (commune->name))
    message = _("Enter the name of the commune.");
  else if (!all_digits (commune->code, 5))
    message = _("The commune code has 5 digits (the statistical code of the administrative unit).");
  else if (!all_digits (commune->province_code, 2))
    message = _("The province code has 2 digits.");
  else if (is_blank (commune->province_name))
    message = _("Enter the name of the province.");
  else if (is_blank (commune->agency_eid))
    message = _("Enter the agency’s electronic id (used in dossier codes and document exchange).");

  if (message != NULL)
    {
      g_set_error_literal (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_CONSTRAINT, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_commune (XasoDatabase       *db,
                const XasoCommune  *commune,
                GError            **error)
{
  g_autofree char *now = xaso_now_iso ();
  g_autofree char *agency = NULL;
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO commune (code, name, province_code, province_name, agency_eid, agency_name, "
    "is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  agency = commune->agency_name ? g_strdup (commune->agency_name)
                                : g_strdup_printf ("UBND %s", commune->name);
  sqlite3_bind_text (stmt, 1, commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, commune->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, commune->province_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, commune->province_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, commune->agency_eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, agency, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, commune->is_demo ? 1 : 0);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  return xaso_database_step_done (db, stmt, error);
}

/* Records the commune this replica serves. A replica serves exactly one
 * commune: offline desktops hold only their own commune's data. */
gboolean
xaso_commune_setup (XasoDatabase       *db,
                    const XasoCommune  *commune,
                    GError            **error)
{
  if (!xaso_commune_validate (commune, error))
    return FALSE;
  if (xaso_database_get_commune_code (db) != NULL)
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_CONSTRAINT,
                   _("This database already serves a commune (%s)."), xaso_database_get_commune_code (db));
      return FALSE;
    }
  if (!xaso_database_begin (db, error))
    return FALSE;
  if (!insert_commune (db, commune, error) ||
      !xaso_database_set_state (db, "commune_code", commune->code, error))
    {
      xaso_database_rollback (db);
      return FALSE;
    }
  if (!xaso_database_commit (db, error))
    return FALSE;
  xaso_database_set_commune_code (db, commune->code);
  return TRUE;
}

XasoCommune *
xaso_commune_load (XasoDatabase  *db,
                   GError       **error)
{
  g_autoptr(XasoCommune) commune = NULL;
  sqlite3_stmt *stmt;

  if (xaso_database_get_commune_code (db) == NULL)
    {
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NO_COMMUNE,
                   _("This database has no commune set up yet."));
      return NULL;
    }
  stmt = xaso_database_prepare (db,
    "SELECT code, name, province_code, province_name, agency_eid, agency_name, is_demo "
    "FROM commune WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, XASO_DATABASE_ERROR, XASO_DATABASE_ERROR_NO_COMMUNE,
                   _("This database has no commune set up yet."));
      return NULL;
    }
  commune = g_new0 (XasoCommune, 1);
  commune->code = g_strdup (xaso_column_text (stmt, 0));
  commune->name = g_strdup (xaso_column_text (stmt, 1));
  commune->province_code = g_strdup (xaso_column_text (stmt, 2));
  commune->province_name = g_strdup (xaso_column_text (stmt, 3));
  commune->agency_eid = g_strdup (xaso_column_text (stmt, 4));
  commune->agency_name = g_strdup (xaso_column_text (stmt, 5));
  commune->is_demo = sqlite3_column_int (stmt, 6) != 0;
  sqlite3_reset (stmt);
  return g_steal_pointer (&commune);
}

gboolean
xaso_commune_get_current_official (XasoDatabase  *db,
                                   char         **full_name,
                                   char         **person_id)
{
  g_autofree char *user_id = xaso_database_get_state (db, "current_user_id");
  sqlite3_stmt *stmt;
  gboolean found;

  if (user_id == NULL ||
      (stmt = xaso_database_prepare (db, "SELECT full_name, person_id FROM user WHERE id = ?", NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *full_name = g_strdup (xaso_column_text (stmt, 0));
      *person_id = g_strdup (xaso_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return found;
}
