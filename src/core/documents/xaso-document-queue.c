/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-document-queue.h"

static const struct
{
  const char *direction;   /* NULL: both */
  XasoRoles   roles;       /* 0: everyone */
  const char *label;
} queues[XASO_N_QUEUES] = {
  [XASO_QUEUE_ALL] = { NULL, 0, N_("All documents") },
  [XASO_QUEUE_OVERDUE] = { "incoming", 0, N_("Overdue") },
  [XASO_QUEUE_DUE_SOON] = { "incoming", 0, N_("Due soon") },
  [XASO_QUEUE_TO_REGISTER] = { "incoming", XASO_ROLE_VAN_THU, N_("To register") },
  [XASO_QUEUE_TO_PRESENT] = { "incoming", XASO_ROLE_VAN_THU, N_("To present") },
  [XASO_QUEUE_AWAITING_DIRECTIVE] = { "incoming", XASO_ROLE_LANH_DAO, N_("Awaiting my directive") },
  [XASO_QUEUE_MINE] = { "incoming", XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_LANH_DAO, N_("My documents") },
  [XASO_QUEUE_DRAFTS] = { "outgoing", XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_LANH_DAO | XASO_ROLE_VAN_THU,
                          N_("Drafts") },
  [XASO_QUEUE_TO_SIGN] = { "outgoing", XASO_ROLE_LANH_DAO, N_("Waiting for my signature") },
  [XASO_QUEUE_TO_ISSUE] = { "outgoing", XASO_ROLE_VAN_THU, N_("To issue") },
  /* Those who see the whole register and can set a document right, as for
   * dossiers (xaso-dossier-search.c). */
  [XASO_QUEUE_REVIEW] = { NULL, XASO_ROLE_VAN_THU | XASO_ROLE_LANH_DAO | XASO_ROLE_QUAN_TRI, N_("Needs review") },
};

guint
xaso_queue_list (const char *direction,
                 XasoRoles   roles,
                 XasoQueue  *out)
{
  guint n = 0;

  for (XasoQueue q = 0; q < XASO_N_QUEUES; q++)
    if ((queues[q].direction == NULL || g_strcmp0 (queues[q].direction, direction) == 0) &&
        (queues[q].roles == 0 || (queues[q].roles & roles) != 0))
      out[n++] = q;
  return n;
}

const char *
xaso_queue_label (XasoQueue queue)
{
  g_return_val_if_fail (queue < XASO_N_QUEUES, NULL);
  return _(queues[queue].label);
}

XasoDocumentFilter *
xaso_queue_filter (XasoQueue   queue,
                   const char *direction,
                   XasoUser   *user)
{
  XasoDocumentFilter *f = xaso_document_filter_new ();
  const char *username = user ? xaso_user_get (user, XASO_USER_USERNAME) : NULL;

  f->direction = g_strdup (direction);
  switch (queue)
    {
    case XASO_QUEUE_OVERDUE:
      f->due = XASO_DOCUMENT_DUE_OVERDUE;
      f->order = XASO_DOCUMENT_ORDER_DEADLINE;
      break;
    case XASO_QUEUE_DUE_SOON:
      f->due = XASO_DOCUMENT_DUE_SOON;
      f->order = XASO_DOCUMENT_ORDER_DEADLINE;
      break;
    case XASO_QUEUE_TO_REGISTER:
      f->status = g_strdup (XASO_DOCUMENT_RECEIVED);
      break;
    case XASO_QUEUE_TO_PRESENT:
      f->status = g_strdup ("registered");
      break;
    case XASO_QUEUE_AWAITING_DIRECTIVE:
      f->status = g_strdup ("presented");
      break;
    case XASO_QUEUE_MINE:
      f->lead_user_id = g_strdup (user ? xaso_record_get_id (XASO_RECORD (user)) : "");
      f->due = XASO_DOCUMENT_DUE_OPEN;
      f->order = XASO_DOCUMENT_ORDER_DEADLINE;
      break;
    case XASO_QUEUE_DRAFTS:
      f->status = g_strdup ("draft,reviewing");
      break;
    case XASO_QUEUE_TO_SIGN:
      f->status = g_strdup ("signing");
      f->signer = g_strdup (username ? username : "");
      break;
    case XASO_QUEUE_TO_ISSUE:
      f->status = g_strdup ("signed");
      break;
    case XASO_QUEUE_REVIEW:
      f->needs_review = TRUE;
      break;
    case XASO_QUEUE_ALL:
    case XASO_N_QUEUES:
      break;
    }
  return f;
}

gint64
xaso_queue_count (XasoDatabase  *db,
                  XasoQueue      queue,
                  const char    *direction,
                  XasoUser      *user,
                  GError       **error)
{
  g_autoptr(XasoDocumentFilter) filter = xaso_queue_filter (queue, direction, user);
  g_autoptr(GArray) ids = xaso_document_search_rowids (db, filter, 0, NULL, error);

  return ids != NULL ? (gint64)ids->len : -1;
}

/* The queues where documents wait for their person to act: not the
 * register, nor the deadline views, nor the drafts one keeps writing. */
static gboolean
waits_on_someone (XasoQueue queue)
{
  return queues[queue].roles != 0 && queue != XASO_QUEUE_DRAFTS;
}

gboolean
xaso_queue_count_waiting (XasoDatabase  *db,
                          const char    *direction,
                          XasoUser      *user,
                          guint         *count,
                          GError       **error)
{
  XasoQueue mine[XASO_N_QUEUES];
  guint n;

  *count = 0;
  if (user == NULL)
    return TRUE;
  n = xaso_queue_list (direction, xaso_user_get_roles (user), mine);
  for (guint i = 0; i < n; i++)
    {
      gint64 in_queue;

      if (!waits_on_someone (mine[i]))
        continue;
      if ((in_queue = xaso_queue_count (db, mine[i], direction, user, error)) < 0)
        return FALSE;
      *count += (guint)in_queue;
    }
  return TRUE;
}
