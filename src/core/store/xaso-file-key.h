/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The key of a commune database's sensitive attachments: 256 random bits,
 * made on first use, kept in the desktop keyring (libsecret, schema
 * "io.github.xaso.XaSo.AttachmentKey", attributes "commune" and "device")
 * and never in the database. Where no keyring answers (no D-Bus session,
 * no Secret Service: CI, bare machines) or XASO_KEYRING=file is set, it is
 * kept in a 0600 file instead; see xaso_file_key_get_fallback_path().
 *
 * Both calls block on D-Bus and may show the keyring's unlock prompt: call
 * them from a worker thread, never the GUI thread. */
#define XASO_FILE_KEY_SIZE 32

#define XASO_FILE_KEY_ERROR (xaso_file_key_error_quark ())

typedef enum
{
  XASO_FILE_KEY_ERROR_MISSING,
  XASO_FILE_KEY_ERROR_NO_COMMUNE,
  XASO_FILE_KEY_ERROR_DAMAGED,
} XasoFileKeyError;

GQuark    xaso_file_key_error_quark        (void);

/* Finds the key without ever making one: a file that must be opened with a
 * key this computer lacks gets XASO_FILE_KEY_ERROR_MISSING, never a new key
 * that could only fail on it. The caller wipes @key (gnutls_memset). */
gboolean  xaso_file_key_lookup             (XasoDatabase  *db,
                                            guint8         key[XASO_FILE_KEY_SIZE],
                                            GError       **error);
/* Finds the key, making and keeping one the first time. */
gboolean  xaso_file_key_ensure             (XasoDatabase  *db,
                                            guint8         key[XASO_FILE_KEY_SIZE],
                                            GError       **error);
/* Where the key is kept when there is no keyring:
 * "$XDG_CONFIG_HOME/xaso/keys/<commune>-<device id>.key". */
char     *xaso_file_key_get_fallback_path  (XasoDatabase  *db);

G_END_DECLS
