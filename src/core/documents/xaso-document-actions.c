/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include "xaso-document-actions.h"

static gboolean
status_in (XasoDocument       *doc,
           const char * const *statuses)
{
  return g_strv_contains (statuses, xaso_document_get (doc, XASO_DOCUMENT_STATUS) ?: "");
}

static gboolean
leads (XasoDocument *doc,
       XasoUser     *user)
{
  return g_strcmp0 (xaso_document_get (doc, XASO_DOCUMENT_LEAD_USER_ID), xaso_record_get_id (XASO_RECORD (user))) == 0;
}

static gboolean
co_handles (XasoDocument *doc,
            XasoUser     *user)
{
  g_auto(GStrv) names = g_strsplit (xaso_document_get (doc, XASO_DOCUMENT_CO_HANDLERS) ?: "", ",", -1);

  return g_strv_contains ((const char * const *)names, xaso_user_get (user, XASO_USER_USERNAME));
}

static gboolean
incoming_can (XasoDocument       *doc,
              XasoUser           *user,
              XasoRoles           roles,
              XasoDocumentAction  action)
{
  static const char * const received[] = { XASO_DOCUMENT_RECEIVED, NULL };
  static const char * const registered[] = { "registered", NULL };
  static const char * const directable[] = { "registered", "presented", "directed", NULL };
  static const char * const handled[] = { "directed", "in_progress", NULL };

  switch (action)
    {
    case XASO_ACTION_REGISTER:
      return status_in (doc, received) && xaso_roles_allow (roles, XASO_RIGHT_REGISTER_INCOMING);
    case XASO_ACTION_PRESENT:
      return status_in (doc, registered) && xaso_roles_allow (roles, XASO_RIGHT_REGISTER_INCOMING);
    case XASO_ACTION_DIRECT:
      return status_in (doc, directable) && xaso_roles_allow (roles, XASO_RIGHT_DIRECT);
    case XASO_ACTION_PROGRESS:
      return status_in (doc, handled) && xaso_roles_allow (roles, XASO_RIGHT_HANDLE) &&
             (leads (doc, user) || co_handles (doc, user));
    case XASO_ACTION_REPLY:
    case XASO_ACTION_FINISH:
    case XASO_ACTION_PASS_ON:
      return status_in (doc, handled) && xaso_roles_allow (roles, XASO_RIGHT_HANDLE) && leads (doc, user);
    default:
      return FALSE;
    }
}

static gboolean
outgoing_can (XasoDocument       *doc,
              XasoUser           *user,
              XasoRoles           roles,
              XasoDocumentAction  action)
{
  static const char * const drafts[] = { "draft", "reviewing", NULL };
  static const char * const signable[] = { "draft", "reviewing", "signing", NULL };
  static const char * const signed_[] = { "signed", NULL };
  static const char * const issued[] = { "issued", NULL };

  switch (action)
    {
    case XASO_ACTION_SUBMIT_REVIEW:
      return status_in (doc, (const char * const[]){ "draft", NULL }) &&
             xaso_roles_allow (roles, XASO_RIGHT_HANDLE);
    case XASO_ACTION_SUBMIT_SIGNING:
      return status_in (doc, drafts) && xaso_roles_allow (roles, XASO_RIGHT_HANDLE);
    case XASO_ACTION_SIGN:
      return status_in (doc, signable) && xaso_roles_allow (roles, XASO_RIGHT_SIGN) &&
             g_strcmp0 (xaso_document_get (doc, XASO_DOCUMENT_SIGNER), xaso_user_get (user, XASO_USER_USERNAME)) == 0;
    case XASO_ACTION_ISSUE:
      return status_in (doc, signed_) && xaso_roles_allow (roles, XASO_RIGHT_ISSUE_NUMBER);
    case XASO_ACTION_SEAL:
      return status_in (doc, issued) && !xaso_document_is_sealed (doc) &&
             xaso_roles_allow (roles, XASO_RIGHT_ISSUE_NUMBER);
    case XASO_ACTION_SEND_EDXML:
      return status_in (doc, issued) && !xaso_document_is_secret (doc) &&
             xaso_roles_allow (roles, XASO_RIGHT_ISSUE_NUMBER);
    case XASO_ACTION_REVOKE:
      return status_in (doc, issued) && xaso_roles_allow (roles, XASO_RIGHT_ISSUE_NUMBER);
    default:
      return FALSE;
    }
}

gboolean
xaso_document_can (XasoDocument       *doc,
                   XasoUser           *user,
                   XasoDocumentAction  action)
{
  XasoRoles roles;

  if (doc == NULL || user == NULL || !xaso_user_is_active (user))
    return FALSE;
  roles = xaso_user_get_roles (user);
  if (xaso_document_is_incoming (doc))
    return incoming_can (doc, user, roles, action);
  return outgoing_can (doc, user, roles, action);
}
