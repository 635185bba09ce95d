/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The digest of issue 11 (src/sync/PROTOCOL.md, "Digest"): the server and a
 * desktop hash each synced row the same way, so that a table, then a bucket
 * of it, that differs is found without sending the rows themselves. */

#define XASO_SYNC_DIGEST_HASH_SIZE 32
#define XASO_SYNC_DIGEST_BUCKETS   256

/* A row's fields, added in any order; its hash sorts them by name. */
typedef struct _XasoSyncRowHasher XasoSyncRowHasher;

/* A table's or a bucket's digest: its row count and the XOR of its rows'
 * hashes, so that the order rows are read in does not matter. */
typedef struct
{
  gint64 rows;
  guint8 hash[XASO_SYNC_DIGEST_HASH_SIZE];
} XasoSyncDigestSum;

/* Whether field of table takes part in a row's hash: not the row's id or
 * commune, not the deleted flag (the row's own), not a column the desktop
 * derives without ops, not the times an insert writes where it is applied. */
gboolean           xaso_sync_digest_field_counts (const char *table,
                                                  const char *field);
/* The declared default of a column, as canonical text, or NULL: a value equal
 * to it is left out of the hash on both sides, like a null. */
const char        *xaso_sync_digest_field_default (const char *table,
                                                   const char *field);
/* A number's canonical text ("%.17g", C locale); g_free() it. */
char              *xaso_sync_digest_number       (double      value);

XasoSyncRowHasher *xaso_sync_row_hasher_new      (const char *table,
                                                  const char *row_id,
                                                  gboolean    deleted);
/* value is canonical text, or NULL for null; fields that do not count, nulls
 * and defaults are left out here. */
void               xaso_sync_row_hasher_add      (XasoSyncRowHasher *self,
                                                  const char        *field,
                                                  const char        *value);
/* Writes the row's hash and frees the hasher. */
void               xaso_sync_row_hasher_finish   (XasoSyncRowHasher *self,
                                                  guint8             hash[XASO_SYNC_DIGEST_HASH_SIZE]);

/* The bucket of a row: the first byte of the SHA-256 of its id. */
guint              xaso_sync_digest_bucket       (const char *row_id);

void               xaso_sync_digest_sum_add      (XasoSyncDigestSum *sum,
                                                  const guint8       hash[XASO_SYNC_DIGEST_HASH_SIZE]);
/* The sum's hash in lower-case hex; g_free() it. */
char              *xaso_sync_digest_sum_hex      (const XasoSyncDigestSum *sum);

G_END_DECLS
