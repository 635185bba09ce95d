/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* Enrolls this replica with the province's server using an administrator's
 * one-time code: the server's CA (@ca_file, PEM; when NULL, the last
 * certificate the server presents, trusted on first use) is pinned, copied
 * beside the database, and its SHA-256 fingerprint returned in @fingerprint
 * for the administrator to compare. A replica with no commune yet takes the code's
 * commune; one that serves another commune is refused. Records written
 * outside change capture (a demo commune) are captured then, so the first
 * sync sends them. */
gboolean xaso_sync_enroll (XasoDatabase  *db,
                           const char    *server_url,
                           const char    *code,
                           const char    *ca_file,
                           const char    *device_name,
                           char         **fingerprint,
                           GError       **error);

G_END_DECLS
