/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-document-details.h"
#include "xaso-pdf-window.h"

G_BEGIN_DECLS

/* The buttons of a document's page: opening its file, and each step of
 * its flow the signed-in user may take now (xaso_document_can()), with the
 * dialog that asks what the step needs. Each step runs on the worker and
 * says in Vietnamese why it could not. */
typedef enum
{
  XASO_STEP_OPEN_FILE,
  XASO_STEP_REGISTER,
  XASO_STEP_PRESENT,
  XASO_STEP_DIRECT,
  XASO_STEP_PROGRESS,
  XASO_STEP_REPLY,
  XASO_STEP_FINISH,
  XASO_STEP_PASS_ON,
  XASO_STEP_SUBMIT_REVIEW,
  XASO_STEP_SUBMIT_SIGNING,
  XASO_STEP_SIGN,
  XASO_STEP_ISSUE,
  XASO_STEP_SEAL,
  XASO_STEP_SEND_EDXML,
  XASO_STEP_REVOKE,
  XASO_N_DOCUMENT_STEPS
} XasoDocumentStep;

const char *xaso_document_step_label   (XasoDocumentStep      step);
gboolean    xaso_document_step_applies (XasoDocumentStep      step,
                                        XasoDocumentDetails  *details,
                                        XasoUser             *user);
void        xaso_document_step_run     (XasoDocumentStep      step,
                                        GtkWidget            *from,
                                        XasoContext          *context,
                                        XasoDocumentDetails  *details);

/* Runs @func on the worker; on failure shows its error over @from's
 * window, on success tells the lists that documents changed. */
void        xaso_document_step_submit  (GtkWidget            *from,
                                        XasoContext          *context,
                                        XasoContextFunc       func,
                                        gpointer              job,
                                        GDestroyNotify        job_free);
/* The commune's accounts (XasoContextFunc), for the dialogs that name
 * people. */
gpointer    xaso_document_step_list_users (XasoDatabase   *db,
                                           gpointer        data,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* A copy of the document's file, named for people, to open or sign. */
char       *xaso_document_step_copy_file (XasoDocumentDetails *details,
                                          GError             **error);
/* That copy opened in a document window (an error shown over @from's
 * window if it cannot be made). */
XasoPdfWindow *xaso_document_step_open_copy (GtkWidget          *from,
                                          XasoDocumentDetails *details);

/* xaso-document-signing.c: the signer signs, the văn thư seals, both in
 * the document window; the file they make becomes the document's. */
void        xaso_document_step_sign    (GtkWidget            *from,
                                        XasoContext          *context,
                                        XasoDocumentDetails  *details);
void        xaso_document_step_seal    (GtkWidget            *from,
                                        XasoContext          *context,
                                        XasoDocumentDetails  *details);
/* xaso-edxml-send.c: the issued document written as an edXML package
 * where the văn thư chooses, for the document axis. */
void        xaso_document_step_send_edxml (GtkWidget         *from,
                                        XasoContext          *context,
                                        XasoDocumentDetails  *details);

G_END_DECLS
