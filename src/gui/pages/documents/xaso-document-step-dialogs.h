/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document-steps.h"

G_BEGIN_DECLS

/* Asks what a short step needs (present, progress, finish, submit, issue,
 * revoke) and runs it. */
void xaso_document_step_dialog (XasoDocumentStep     step,
                                GtkWidget           *from,
                                XasoContext         *context,
                                XasoDocumentDetails *details);

G_END_DECLS
