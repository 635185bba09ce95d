/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-rights.h"
#include "xaso-user.h"

static const struct
{
  XasoRoles   role;
  const char *code;
  const char *name;
} roles[XASO_N_ROLES] = {
  { XASO_ROLE_VAN_THU, "van_thu", N_("Clerk") },
  { XASO_ROLE_TIEP_NHAN, "tiep_nhan", N_("Reception") },
  { XASO_ROLE_CHUYEN_VIEN, "chuyen_vien", N_("Officer") },
  { XASO_ROLE_LANH_DAO, "lanh_dao", N_("Leader") },
  { XASO_ROLE_QUAN_TRI, "quan_tri", N_("Administrator") },
};

/* Who may do what (DOMAIN.md, Documents and One-stop). */
static const struct
{
  XasoRoles   roles;
  const char *what;
} rights[XASO_N_RIGHTS] = {
  [XASO_RIGHT_MANAGE_USERS] = { XASO_ROLE_QUAN_TRI, N_("manage accounts") },
  [XASO_RIGHT_REGISTER_INCOMING] = { XASO_ROLE_VAN_THU, N_("register incoming documents") },
  [XASO_RIGHT_ISSUE_NUMBER] = { XASO_ROLE_VAN_THU, N_("number and issue documents") },
  [XASO_RIGHT_PRINT_REGISTER] = { XASO_ROLE_VAN_THU | XASO_ROLE_LANH_DAO, N_("print the document registers") },
  [XASO_RIGHT_DIRECT] = { XASO_ROLE_LANH_DAO, N_("write directives on incoming documents") },
  [XASO_RIGHT_SIGN] = { XASO_ROLE_LANH_DAO, N_("sign documents") },
  [XASO_RIGHT_HANDLE] = { XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_LANH_DAO, N_("handle documents and draft replies") },
  [XASO_RIGHT_RECEIVE_DOSSIER] = { XASO_ROLE_TIEP_NHAN, N_("receive one-stop dossiers") },
  [XASO_RIGHT_EDIT_CITIZENS] = { XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_TIEP_NHAN | XASO_ROLE_LANH_DAO,
                                 N_("change resident records") },
  /* Whoever is at the front desk may take a document in; only the văn
   * thư gives it its số đến. */
  [XASO_RIGHT_RECEIVE_INCOMING] = { XASO_ROLE_VAN_THU | XASO_ROLE_TIEP_NHAN,
                                    N_("receive incoming documents for registration") },
  [XASO_RIGHT_EDIT_CATALOGUE] = { XASO_ROLE_QUAN_TRI, N_("edit the procedure catalogue") },
  /* Reception assigns a dossier it received; officers and leaders move it on. */
  [XASO_RIGHT_PROCESS_DOSSIER] = { XASO_ROLE_TIEP_NHAN | XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_LANH_DAO,
                                   N_("process one-stop dossiers") },
  [XASO_RIGHT_APPROVE_DOSSIER] = { XASO_ROLE_LANH_DAO, N_("approve the results of dossiers") },
  [XASO_RIGHT_RETURN_DOSSIER] = { XASO_ROLE_TIEP_NHAN, N_("return results and take supplements at the counter") },
  /* Those who work with resident records answer a resident's request for
   * their data (Law 91/2025); the report names who looked at the record,
   * so the clerk and the administrator, who do not, do not make it. */
  [XASO_RIGHT_REPORT_PERSONAL_DATA] = { XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_TIEP_NHAN | XASO_ROLE_LANH_DAO,
                                        N_("report a resident’s personal data") },
};

gboolean
xaso_roles_parse (const char  *text,
                  XasoRoles   *out,
                  GError     **error)
{
  g_auto(GStrv) names = g_strsplit (text ? text : "", ",", -1);
  XasoRoles found = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean known = FALSE;

      if (name[0] == '\0')
        continue;
      for (guint r = 0; r < XASO_N_ROLES && !known; r++)
        if (g_str_equal (name, roles[r].code))
          {
            found |= roles[r].role;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID,
                       _("“%s” is not a role. The roles are van_thu, tiep_nhan, chuyen_vien, lanh_dao and quan_tri."),
                       name);
          return FALSE;
        }
    }
  if (found == 0)
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_INVALID, _("Give the account at least one role."));
      return FALSE;
    }
  *out = found;
  return TRUE;
}

static char *
join_roles (XasoRoles  roles_held,
            gboolean   for_people)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < XASO_N_ROLES; r++)
    if (roles_held & roles[r].role)
      {
        if (text->len > 0)
          g_string_append (text, for_people ? ", " : ",");
        g_string_append (text, for_people ? _(roles[r].name) : roles[r].code);
      }
  return g_string_free (text, FALSE);
}

char *
xaso_roles_to_string (XasoRoles roles_held)
{
  return join_roles (roles_held, FALSE);
}

char *
xaso_roles_describe (XasoRoles roles_held)
{
  return join_roles (roles_held, TRUE);
}

const char *
xaso_right_describe (XasoRight right)
{
  g_return_val_if_fail (right < XASO_N_RIGHTS, NULL);
  return _(rights[right].what);
}

gboolean
xaso_roles_allow (XasoRoles roles_held,
                  XasoRight right)
{
  g_return_val_if_fail (right < XASO_N_RIGHTS, FALSE);
  return (roles_held & rights[right].roles) != 0;
}
