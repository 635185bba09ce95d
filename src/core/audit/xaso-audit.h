/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* What was done to personal data ("nhật ký truy cập dữ liệu cá nhân"). */
typedef enum
{
  XASO_AUDIT_VIEW,
  XASO_AUDIT_CREATE,
  XASO_AUDIT_EDIT,
  XASO_AUDIT_PRINT,
  XASO_AUDIT_EXPORT,
  XASO_AUDIT_IMPORT,
  XASO_AUDIT_SIGN,
  XASO_AUDIT_SYNC,
  XASO_AUDIT_DELETE,
} XasoAuditAction;

typedef struct
{
  char   *device_id;
  gint64  seq;
  char   *event_id;
  char   *reason;
} XasoAuditBreak;

const char *xaso_audit_action_to_string (XasoAuditAction   action);

/* Appends one event chained to the previous one of this device. Joins the
 * caller's transaction if there is one. */
gboolean    xaso_audit_append           (XasoDatabase     *db,
                                         const char       *actor,
                                         XasoAuditAction   action,
                                         const char       *object_table,
                                         const char       *object_id,
                                         const char       *purpose,
                                         const char       *detail,
                                         GError          **error);

/* Reads what is shown of a record holding personal data, with @load
 * (@id and @data are passed on), and logs the look at it: a record that
 * cannot be read is not logged as viewed, and a look that cannot be logged
 * is not shown (DOMAIN.md: every view is logged). */
typedef gpointer (*XasoAuditLoad) (XasoDatabase  *db,
                                   const char    *id,
                                   GError       **error);

gpointer    xaso_audit_view             (XasoDatabase     *db,
                                         const char       *actor,
                                         const char       *object_table,
                                         const char       *object_id,
                                         const char       *purpose,
                                         XasoAuditLoad     load,
                                         GDestroyNotify    loaded_free,
                                         GError          **error);

/* Walks every device's chain. Returns TRUE when all links hold; otherwise
 * fills @first_break with the first broken link found. */
gboolean    xaso_audit_verify           (XasoDatabase     *db,
                                         guint64          *n_checked,
                                         XasoAuditBreak   *first_break,
                                         GError          **error);
void        xaso_audit_break_clear      (XasoAuditBreak   *brk);

char       *xaso_audit_hash             (const char       *prev_hash,
                                         const char       *device_id,
                                         gint64            seq,
                                         const char       *at,
                                         const char       *actor,
                                         const char       *action,
                                         const char       *object_table,
                                         const char       *object_id,
                                         const char       *purpose,
                                         const char       *detail);

G_END_DECLS
