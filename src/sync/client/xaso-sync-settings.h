/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-sync-http.h"

G_BEGIN_DECLS

/* What this replica knows of its server, kept in sync_state so it travels
 * with the database: the address, the pinned CA, the device's token, how
 * far the log has been pulled and its checksum there. */
#define XASO_SYNC_KEY_SERVER     "sync.server"
#define XASO_SYNC_KEY_CA_FILE    "sync.ca_file"
#define XASO_SYNC_KEY_TOKEN      "sync.token"
#define XASO_SYNC_KEY_PULL_SEQ   "sync.pull_seq"
#define XASO_SYNC_KEY_CHECKSUM   "sync.checksum"
#define XASO_SYNC_KEY_VERIFIED   "sync.verified"     /* "yes" when the last pull reached the end, checksums equal */
#define XASO_SYNC_KEY_LAST_PUSH  "sync.last_push"
#define XASO_SYNC_KEY_LAST_PULL  "sync.last_pull"
#define XASO_SYNC_KEY_LAST_ERROR "sync.last_error"
#define XASO_SYNC_KEY_OFFLINE    "sync.offline"      /* "yes" when the last attempt reached no server */
#define XASO_SYNC_KEY_CLOCK_SKEW "sync.clock_skew"   /* seconds this clock is ahead of the server's */
#define XASO_SYNC_KEY_DIGEST_AT  "sync.digest_at"    /* Unix seconds of the last comparable digest */
#define XASO_SYNC_KEY_DIGEST_TRIED "sync.digest_tried" /* Unix seconds of the last digest asked for */
#define XASO_SYNC_KEY_DIGEST     "sync.digest"       /* what the last comparable digest found, name=value … */
#define XASO_SYNC_KEY_ENROLL_RETRY "sync.enroll_retry" /* SHA-256 of a code being enrolled with, ':', its retry key */
#define XASO_SYNC_KEY_KEYS_GIVEN "sync.keys_given"   /* ids of this desk's own keys the server holds, space-separated */

gboolean      xaso_sync_is_enrolled     (XasoDatabase  *db);
/* A connection to the enrolled server, or NULL with an error saying the
 * replica is not enrolled. */
XasoSyncHttp *xaso_sync_connect         (XasoDatabase  *db,
                                         GError       **error);
gint64        xaso_sync_get_int         (XasoDatabase  *db,
                                         const char    *key);

G_END_DECLS
