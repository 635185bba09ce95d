/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* Files attached to records (scans, PDFs): the bytes live once under the
 * data directory, named by their SHA-256 ("files/ab/abcd…" beside the
 * database); the attachment table holds who owns them.
 *
 * Sensitive files (scans of identity papers) are encrypted at rest
 * (xaso-attachment-crypt.h) with the commune's key (xaso-file-key.h). They
 * are named by a keyed hash of their plaintext instead, so one commune
 * still stores a file once while no one without the key can tell which
 * file it is; @sha256 holds that name and @encrypted is TRUE. @size is
 * always the plaintext's. */
#define XASO_ATTACHMENT_ERROR (xaso_attachment_error_quark ())

typedef enum
{
  /* The row is here but its bytes are not: it came by sync and the file
   * has not been downloaded from the server yet. */
  XASO_ATTACHMENT_ERROR_NOT_DOWNLOADED,
} XasoAttachmentError;

GQuark          xaso_attachment_error_quark (void);

typedef struct
{
  char     *id;
  char     *sha256;
  gint64    size;
  char     *mime_type;
  char     *file_name;
  char     *created_at;
  gboolean  encrypted;
} XasoAttachment;

void            xaso_attachment_free     (XasoAttachment *self);

/* Larger files are refused: nothing an office scans comes near it. */
#define XASO_ATTACHMENT_MAX_SIZE (256 * 1024 * 1024)

/* Copies @path into the store (durably, once however often it is attached)
 * and returns its SHA-256; outside any transaction, as it writes files. */
char           *xaso_attachment_store_file (XasoDatabase  *db,
                                            const char    *path,
                                            gint64        *size,
                                            GError       **error);
/* Records the stored file @sha256 as attached to @owner_table/@owner_id,
 * in the caller's transaction; returns the attachment's id. */
char           *xaso_attachment_add      (XasoDatabase   *db,
                                          const char     *owner_table,
                                          const char     *owner_id,
                                          const char     *sha256,
                                          gint64          size,
                                          const char     *file_name,
                                          const char     *actor,
                                          GError        **error);

/* Encrypts @path and stores it (durably, once however often it is
 * attached), making the commune's key on first use; returns the name to
 * give xaso_attachment_add_sensitive() and sets *@size to the plaintext's.
 * Outside any transaction, as it writes files; it blocks on the keyring,
 * so call it from a worker thread. Files above
 * XASO_ATTACHMENT_CRYPT_MAX_SIZE are refused. */
char           *xaso_attachment_store_file_sensitive (XasoDatabase  *db,
                                                      const char    *path,
                                                      gint64        *size,
                                                      GError       **error);
/* As xaso_attachment_add(), for a file stored by
 * xaso_attachment_store_file_sensitive(): the row says it is encrypted. */
char           *xaso_attachment_add_sensitive (XasoDatabase   *db,
                                               const char     *owner_table,
                                               const char     *owner_id,
                                               const char     *name,
                                               gint64          size,
                                               const char     *file_name,
                                               const char     *actor,
                                               GError        **error);
/* The plaintext of @a, decrypted in memory if it is encrypted. A failure
 * (no key here, another key, a damaged or cut file) never touches the
 * stored file. Blocks on the keyring for encrypted files. Showing personal
 * data is the caller's to audit. */
GBytes         *xaso_attachment_read     (XasoDatabase   *db,
                                          const XasoAttachment *a,
                                          GError        **error);
/* A path a viewer (the PDF window, an image viewer) can open: the store
 * path itself for a plain file, and for an encrypted one a fresh 0600
 * plaintext copy in a 0700 folder of its own under $XDG_RUNTIME_DIR/xaso-plain
 * (the user cache when there is none). The caller hands the path back to
 * xaso_attachment_release_plain_path() as soon as the viewer closes. */
char           *xaso_attachment_open_plain_path    (XasoDatabase         *db,
                                                    const XasoAttachment *a,
                                                    GError              **error);
/* Removes a copy made by xaso_attachment_open_plain_path() and its folder;
 * does nothing for a plain file's store path, which is never removed. */
void            xaso_attachment_release_plain_path (const XasoAttachment *a,
                                                    const char           *path);
/* Removes copies older than @max_age_seconds left by a crash: call it when
 * the application starts. Younger ones may be another program's, open. */
void            xaso_attachment_sweep_plain_files  (gint64                max_age_seconds);

/* Takes an attachment off its record; the file and the row stay. */
gboolean        xaso_attachment_remove   (XasoDatabase   *db,
                                          const char     *id,
                                          const char     *actor,
                                          GError        **error);
/* The record's attachments, oldest first (XasoAttachment). */
GPtrArray      *xaso_attachment_list     (XasoDatabase   *db,
                                          const char     *owner_table,
                                          const char     *owner_id,
                                          GError        **error);
/* Whether the stored file at @path (from xaso_attachment_get_path()) is on
 * this computer; if not, XASO_ATTACHMENT_ERROR_NOT_DOWNLOADED with a
 * message saying it comes with the next sync. xaso_attachment_read() and
 * xaso_attachment_open_plain_path() check it themselves. */
gboolean        xaso_attachment_check_here (const char   *path,
                                            GError      **error);
/* Where the bytes of @sha256 are (ciphertext for an encrypted file). */
char           *xaso_attachment_get_path (XasoDatabase   *db,
                                          const char     *sha256);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoAttachment, xaso_attachment_free)

G_END_DECLS
