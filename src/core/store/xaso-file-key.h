/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The key of a commune database's sensitive attachments: 256 random bits,
 * made on first use, kept in the desktop keyring (libsecret, schema
 * "io.github.xaso.XaSo.AttachmentKey", attributes "commune" and "device")
 * and never in the database. Where no keyring answers (no D-Bus session,
 * no Secret Service: CI, bare machines) or XASO_KEYRING=file is set, it is
 * kept in a 0600 file instead; see xaso_file_key_get_fallback_path(). The
 * file is in the user's config folder rather than beside the database, so
 * a copy of the data folder (a backup, a USB stick) carries the scans
 * without the key that opens them, as it would with the keyring.
 *
 * The lookups block on D-Bus and may show the keyring's unlock prompt: call
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

typedef struct
{
  guint8 bytes[XASO_FILE_KEY_SIZE];
} XasoFileKey;

/* Every key this computer holds for @db's sensitive files: its own, the
 * keyring's first (there are two when one was made while the keyring did
 * not answer: it was locked, or its prompt dismissed), then the keys other
 * desktops of the commune gave through the server
 * (xaso_file_key_keep_commune()); the file's header says which one opens
 * it. Never makes a key: with none, the error is
 * XASO_FILE_KEY_ERROR_MISSING rather than a new key that could only fail.
 * Freeing the array wipes the keys. */
GArray   *xaso_file_key_lookup_all         (XasoDatabase  *db,
                                            GError       **error);
/* This desktop's own keys only (those it encrypts with and gives to the
 * server), perhaps none; NULL only on an error. */
GArray   *xaso_file_key_lookup_own         (XasoDatabase  *db,
                                            GError       **error);
/* Appends to @keys (XasoFileKey) the keys of the commune's other desktops
 * kept here, skipping any @keys holds already (xaso-commune-keys.c). */
gboolean  xaso_file_key_lookup_commune     (XasoDatabase  *db,
                                            GArray        *keys,
                                            GError       **error);
/* Keeps @key, fetched from the server, as a key of the commune this
 * desktop may open files with: in the keyring under its own schema, or the
 * commune's key file, never in place of this desktop's own key. Keeping a
 * key held already changes nothing. */
gboolean  xaso_file_key_keep_commune       (XasoDatabase  *db,
                                            const guint8   key[XASO_FILE_KEY_SIZE],
                                            GError       **error);
/* Finds the key, making and keeping one the first time. */
gboolean  xaso_file_key_ensure             (XasoDatabase  *db,
                                            guint8         key[XASO_FILE_KEY_SIZE],
                                            GError       **error);
/* Where the key is kept when there is no keyring:
 * "$XDG_CONFIG_HOME/xaso/keys/<commune>-<device id>.key". */
char     *xaso_file_key_get_fallback_path  (XasoDatabase  *db);

/* FALSE when XASO_KEYRING=file is set: tests and machines known to have no
 * keyring keep their secrets elsewhere, so nothing waits on D-Bus or
 * prompts. */
gboolean  xaso_keyring_wanted              (void);

G_END_DECLS
