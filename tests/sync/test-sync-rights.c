/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-change.h"
#include "xaso-rights.h"
#include "xaso-sync-rights.h"

/* The server's rights (src/sync/protocol, which cannot link core) against
 * core's: the same role bits, and for each table the server guards, exactly
 * the roles core lets write it — so the server never refuses what a desktop
 * allowed, nor lets through what core refuses. */

static const char * const role_codes[] = { "van_thu", "tiep_nhan", "chuyen_vien", "lanh_dao", "quan_tri" };

/* The rights under which core writes each guarded table. */
static const struct
{
  const char *table;
  XasoRight   rights[4];
  guint       n;
} guarded[] = {
  { "user", { XASO_RIGHT_MANAGE_USERS }, 1 },
  { "procedure", { XASO_RIGHT_EDIT_CATALOGUE }, 1 },
  { "dossier", { XASO_RIGHT_RECEIVE_DOSSIER, XASO_RIGHT_PROCESS_DOSSIER, XASO_RIGHT_APPROVE_DOSSIER,
                 XASO_RIGHT_RETURN_DOSSIER }, 4 },
  { "dossier_event", { XASO_RIGHT_RECEIVE_DOSSIER, XASO_RIGHT_PROCESS_DOSSIER, XASO_RIGHT_APPROVE_DOSSIER,
                       XASO_RIGHT_RETURN_DOSSIER }, 4 },
};

static void
test_same_roles (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (role_codes); r++)
    {
      XasoRoles core = 0;

      g_assert_true (xaso_roles_parse (role_codes[r], &core, NULL));
      g_assert_cmpuint (xaso_sync_roles_parse (role_codes[r]), ==, (guint) core);
    }
  g_assert_cmpuint (xaso_sync_roles_parse ("lanh_dao, van_thu,nobody"), ==,
                    XASO_SYNC_ROLE_LANH_DAO | XASO_SYNC_ROLE_VAN_THU);
}

static guint
core_writers (const XasoRight *rights,
              guint            n)
{
  guint writers = 0;

  for (guint r = 0; r < G_N_ELEMENTS (role_codes); r++)
    for (guint i = 0; i < n; i++)
      if (xaso_roles_allow (1u << r, rights[i]))
        writers |= 1u << r;
  return writers;
}

static void
test_same_writers (void)
{
  const char * const *tables = xaso_change_get_tables ();

  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    g_assert_cmpuint (xaso_sync_table_writers (guarded[i].table), ==,
                      core_writers (guarded[i].rights, guarded[i].n));
  /* Every other table core writes is open to every role. */
  for (guint t = 0; tables[t] != NULL; t++)
    {
      gboolean is_guarded = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
        is_guarded |= g_str_equal (tables[t], guarded[i].table);
      if (!is_guarded)
        g_assert_cmpuint (xaso_sync_table_writers (tables[t]), ==, XASO_SYNC_ALL_ROLES);
    }
}

static void
test_own_password (void)
{
  g_autoptr(JsonObject) password = json_object_new ();
  g_autoptr(JsonObject) roles = json_object_new ();

  json_object_set_null_member (password, "password_verifier");
  json_object_set_null_member (roles, "roles");
  g_assert_true (xaso_sync_rights_allow (XASO_SYNC_ROLE_VAN_THU, "user", "update", password, TRUE));
  g_assert_false (xaso_sync_rights_allow (XASO_SYNC_ROLE_VAN_THU, "user", "update", password, FALSE));
  g_assert_false (xaso_sync_rights_allow (XASO_SYNC_ROLE_VAN_THU, "user", "update", roles, TRUE));
  g_assert_true (xaso_sync_rights_allow (XASO_SYNC_ROLE_QUAN_TRI, "user", "update", roles, FALSE));
  g_assert_false (xaso_sync_rights_allow (XASO_SYNC_ROLE_QUAN_TRI, "dossier", "insert", roles, FALSE));
  g_assert_true (xaso_sync_rights_allow (XASO_SYNC_ROLE_QUAN_TRI, "person", "insert", roles, FALSE));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/rights/same-roles-as-core", test_same_roles);
  g_test_add_func ("/sync/rights/same-writers-as-core", test_same_writers);
  g_test_add_func ("/sync/rights/own-password", test_own_password);
  return g_test_run ();
}
