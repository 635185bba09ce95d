/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-rights.h"

static const char * const role_names[] = { "van_thu", "tiep_nhan", "chuyen_vien", "lanh_dao", "quan_tri" };
static const char * const role_labels[] = { "Văn thư", "Tiếp nhận", "Chuyên viên", "Lãnh đạo", "Quản trị" };

/* The tables core writes only under a right (xaso-rights.c): accounts
 * (MANAGE_USERS), the procedure catalogue (EDIT_CATALOGUE), and dossiers
 * with their history (RECEIVE, PROCESS, APPROVE and RETURN_DOSSIER). Every
 * other table is written by every role somewhere in core (a view recorded
 * in audit_event, a resident's record, a document's step). */
static const struct
{
  const char *table;
  guint       writers;
  const char *what;
} tables[] = {
  { "user", XASO_SYNC_ROLE_QUAN_TRI, "tài khoản" },
  { "procedure", XASO_SYNC_ROLE_QUAN_TRI, "danh mục thủ tục" },
  { "dossier", XASO_SYNC_ROLE_TIEP_NHAN | XASO_SYNC_ROLE_CHUYEN_VIEN | XASO_SYNC_ROLE_LANH_DAO, "hồ sơ một cửa" },
  { "dossier_event", XASO_SYNC_ROLE_TIEP_NHAN | XASO_SYNC_ROLE_CHUYEN_VIEN | XASO_SYNC_ROLE_LANH_DAO,
    "quá trình xử lý hồ sơ" },
};

guint
xaso_sync_roles_parse (const char *text)
{
  g_auto(GStrv) names = g_strsplit (text ? text : "", ",", -1);
  guint roles = 0;

  for (guint i = 0; names[i] != NULL; i++)
    for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
      if (g_str_equal (g_strstrip (names[i]), role_names[r]))
        roles |= 1u << r;
  return roles;
}

char *
xaso_sync_roles_to_codes (guint roles)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
    if (roles & (1u << r))
      g_string_append_printf (text, "%s%s", text->len ? "," : "", role_names[r]);
  return g_string_free (text, FALSE);
}

char *
xaso_sync_roles_describe (guint roles)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (role_labels); r++)
    if (roles & (1u << r))
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", role_labels[r]);
  return g_string_free (text, FALSE);
}

guint
xaso_sync_table_writers (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i].table) == 0)
      return tables[i].writers;
  return XASO_SYNC_ALL_ROLES;
}

const char *
xaso_sync_table_describe (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i].table) == 0)
      return tables[i].what;
  return table;
}

/* Anyone changes their own password (xaso_user_change_password). */
static gboolean
own_password (const char *table,
              const char *kind,
              JsonObject *fields,
              gboolean    own_row)
{
  return own_row && g_str_equal (table, "user") && g_str_equal (kind, "update") &&
         json_object_get_size (fields) == 1 && json_object_has_member (fields, "password_verifier");
}

gboolean
xaso_sync_rights_allow (guint       roles,
                        const char *table,
                        const char *kind,
                        JsonObject *fields,
                        gboolean    own_row)
{
  return (roles & xaso_sync_table_writers (table)) != 0 || own_password (table, kind, fields, own_row);
}
