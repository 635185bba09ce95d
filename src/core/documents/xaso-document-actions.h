/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The steps of the flows, and whether a user may take one on a document
 * as it stands: what the GUI offers. The actions themselves check again
 * (xaso-document-flow.h). */
typedef enum
{
  XASO_ACTION_PRESENT,
  XASO_ACTION_REGISTER,       /* give a received document its số đến: "Vào sổ" */
  XASO_ACTION_DIRECT,
  XASO_ACTION_PROGRESS,
  XASO_ACTION_REPLY,          /* draft the outgoing reply */
  XASO_ACTION_FINISH,
  XASO_ACTION_PASS_ON,        /* the lead hands it on to one of theirs */
  XASO_ACTION_SUBMIT_REVIEW,
  XASO_ACTION_SUBMIT_SIGNING,
  XASO_ACTION_SIGN,
  XASO_ACTION_ISSUE,
  XASO_ACTION_SEAL,           /* the organization's signature, once issued */
  XASO_ACTION_SEND_EDXML,     /* the issued document as an edXML package */
  XASO_ACTION_REVOKE,
  XASO_N_ACTIONS              /* also "no action" for the GUI's steps */
} XasoDocumentAction;

gboolean xaso_document_can (XasoDocument       *doc,
                            XasoUser           *user,
                            XasoDocumentAction  action);

G_END_DECLS
