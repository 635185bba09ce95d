/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include "xaso-dossier-code.h"

/* Whether this computer is a reception desk (Bộ phận một cửa): a setting of
 * the computer, kept in sync_state beside its other sync settings, never
 * synced. A desktop not enrolled is its commune's only one and receives
 * everything. An enrolled one whose enrollment predates the setting keeps
 * receiving as it did; enrollment writes the setting (xaso-sync-enroll.c). */
gboolean
xaso_dossier_desk_is_on (XasoDatabase *db)
{
  g_autofree char *value = NULL;

  if (!xaso_database_is_enrolled (db))
    return TRUE;
  value = xaso_database_get_state (db, XASO_DOSSIER_DESK_KEY);
  return value == NULL || g_str_equal (value, "yes");
}

gboolean
xaso_dossier_desk_set (XasoDatabase  *db,
                       gboolean       on,
                       GError       **error)
{
  return xaso_database_set_state (db, XASO_DOSSIER_DESK_KEY, on ? "yes" : "no", error);
}
