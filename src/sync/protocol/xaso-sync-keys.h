/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The commune's attachment keys on the wire (PROTOCOL.md, "Keys"): 32 bytes
 * written as 64 lowercase hex digits, named by their key id, the first 8
 * bytes of HMAC-SHA256 (key, "xaso attachment key id v1") in 16 hex digits:
 * the same derivation as the key id in an encrypted file's header
 * (xaso-attachment-crypt.c), redone here because the server links no core
 * code and must check that a key given is the one its id names. */
#define XASO_SYNC_KEY_SIZE   32
#define XASO_SYNC_KEY_ID_LEN 16

/* The key id of @key, in hex (16 digits). */
char     *xaso_sync_key_id_hex     (const guint8  key[XASO_SYNC_KEY_SIZE]);
/* Whether @text is 16 lowercase hex digits. */
gboolean  xaso_sync_key_id_valid   (const char   *text);
/* Parses 64 hex digits into @key; FALSE for anything else. */
gboolean  xaso_sync_key_parse_hex  (const char   *text,
                                    guint8        key[XASO_SYNC_KEY_SIZE]);
/* @key as 64 lowercase hex digits. */
char     *xaso_sync_key_to_hex     (const guint8  key[XASO_SYNC_KEY_SIZE]);

G_END_DECLS
