/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-sync-http.h"

G_BEGIN_DECLS

/* The commune's keys of sensitive attachments (PROTOCOL.md, "Keys"). Gives
 * the server this desktop's own keys not given yet (their ids are kept in
 * sync_state "sync.keys_given"), then, when the database names any
 * encrypted attachment, fetches the commune's keys and keeps those this
 * desktop lacks (xaso_file_key_keep_commune()), so a scan attached at
 * another desk opens here and a downloaded one can be checked. */
gboolean xaso_sync_keys_exchange (XasoDatabase   *db,
                                  XasoSyncHttp   *http,
                                  GCancellable   *cancellable,
                                  GError        **error);

G_END_DECLS
