/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document-event.h"
#include "xaso-document-flow.h"

G_BEGIN_DECLS

/* One action in progress: the document as it is in the database, loaded
 * inside the action's transaction so its step is checked on what is
 * there, not on what a window showed a minute ago. */
typedef struct
{
  XasoDatabase  *db;
  XasoUser      *actor;
  const char    *username;
  XasoDocument  *doc;
  gconstpointer  args;
} XasoFlow;

typedef gboolean (*XasoFlowStep) (XasoFlow  *flow,
                                  GError   **error);

/* Checks @right, then runs @step on @document_id (NULL: no document to
 * load) in one transaction. */
gboolean  _xaso_flow_run       (XasoDatabase   *db,
                                XasoUser       *actor,
                                XasoRight       right,
                                const char     *document_id,
                                XasoFlowStep    step,
                                gconstpointer   args,
                                GError        **error);
/* Refuses unless the document goes @direction and is at one of @statuses. */
gboolean  _xaso_flow_expect    (XasoFlow       *flow,
                                const char     *direction,
                                const char     *const *statuses,
                                GError        **error);
gboolean  _xaso_flow_save      (XasoFlow       *flow,
                                GError        **error);
gboolean  _xaso_flow_event     (XasoFlow       *flow,
                                const char     *kind,
                                XasoUser       *to,
                                const char     *note,
                                const char     *data,
                                GError        **error);
/* Copies @path into the file store before the transaction. */
typedef struct
{
  char   *sha256;
  gint64  size;
  char   *name;
} XasoFlowFile;

gboolean  _xaso_flow_store_file (XasoDatabase  *db,
                                 const char    *path,
                                 XasoFlowFile  *file,
                                 GError       **error);
void      _xaso_flow_file_clear (XasoFlowFile  *file);
gboolean  _xaso_flow_attach     (XasoFlow      *flow,
                                 const XasoFlowFile *file,
                                 GError       **error);
gboolean  _xaso_flow_replace_file (XasoFlow    *flow,
                                 const XasoFlowFile *file,
                                 GError       **error);
/* Today, YYYY-MM-DD, in the commune's time. */
char     *_xaso_flow_today      (void);
/* The date @days working days after today, YYYY-MM-DD. */
char     *_xaso_flow_working_days_from_today (guint days);
/* A fresh, unsaved copy of @doc's fields. */
XasoDocument *_xaso_flow_copy   (XasoDocument  *doc);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoFlowFile, _xaso_flow_file_clear)

G_END_DECLS
