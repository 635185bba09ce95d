/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pg/xaso-pg.h"
#include "xaso-server-request.h"

G_BEGIN_DECLS

/* The commune of the token, in a REPEATABLE READ transaction scoped to it,
 * and the log position that snapshot holds. */
gboolean xaso_server_digest_begin (XasoPg                   *pg,
                                   const XasoServerRequest  *request,
                                   char                    **commune_code,
                                   gint64                   *server_seq,
                                   GError                  **error);
/* The query's synced table, or a 400 error. */
const char *xaso_server_digest_table (const XasoServerRequest  *request,
                                      gboolean                  required,
                                      GError                  **error);
/* A field's canonical text (PROTOCOL.md, "Digest") from its jsonb_typeof
 * and its text (#>> '{}'), or NULL for null; g_free() it. */
char    *xaso_server_digest_value (const char *type,
                                   const char *text);

G_END_DECLS
