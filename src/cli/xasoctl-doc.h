/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xasoctl.h"

G_BEGIN_DECLS

/* xasoctl doc …: the sub-verbs of the documents' flows
 * (xasoctl-doc-flow.c), beside add, list and show (xasoctl-doc.c). */
extern const XasoctlVerb xasoctl_doc_flow_verbs[];
extern const guint       xasoctl_doc_flow_n_verbs;
/* … and the edXML exchange (xasoctl-doc-edxml.c). */
extern const XasoctlVerb xasoctl_doc_edxml_verbs[];
extern const guint       xasoctl_doc_edxml_n_verbs;

/* Parses @argc/@argv with @entries; on a usage error prints it and
 * returns FALSE with *status set. */
gboolean xasoctl_doc_parse (const char    *summary,
                            GOptionEntry  *entries,
                            int           *argc,
                            char        ***argv,
                            int            n_args,
                            int           *status);
/* Finds a user named on the command line, printing the error. */
XasoUser *xasoctl_doc_user (XasoDatabase *db,
                            const char   *username);

G_END_DECLS
