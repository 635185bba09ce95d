/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* Files attached to records (scans, PDFs): the bytes live once under the
 * data directory, named by their SHA-256 ("files/ab/abcd…" beside the
 * database); the attachment table holds who owns them. */
typedef struct
{
  char   *id;
  char   *sha256;
  gint64  size;
  char   *mime_type;
  char   *file_name;
  char   *created_at;
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
/* Where the bytes of @sha256 are. */
char           *xaso_attachment_get_path (XasoDatabase   *db,
                                          const char     *sha256);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoAttachment, xaso_attachment_free)

G_END_DECLS
