/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-sync-row-digest.h"

/* The dossier's state is folded from its history on each desktop
 * (src/core/dossiers/xaso-dossier-refold.c), written without ops. */
static const char * const derived_dossier[] = {
  "status", "needs_review", "received_at", "due_at", "legal_due_at", "resolved_at", "returned_at",
  "assignee_user_id", "step", "step_due_at", "paused_at", "timeliness", NULL
};

/* So is a document's state, from its events (src/core/documents/
 * xaso-document-fold.c). */
static const char * const derived_document[] = {
  "status", "lead_user_id", "deadline", "lead_unit", "co_handlers", "directive", "progress", "transferred_date",
  "signed_date", "sealed_date", NULL
};

/* A register's lease is the server's to grant (POST /v1/leases): each
 * desktop writes what it was told without ops (src/sync/client/
 * xaso-sync-leases.c). */
static const char * const derived_register[] = {
  "lease_device_id", "lease_until", NULL
};

/* Append-only history keeps its own time columns; the other tables' are
 * written by each side when an insert or an update is applied. */
static const char * const history_tables[] = {
  "dossier_event", "document_event", "audit_event", NULL
};

/* The SQL DEFAULTs of the desktop's synced columns (src/core/store/
 * migrations): an insert op may leave them out, and the desktop's row then
 * holds them while the server has no field. test-sync-digest-codec holds
 * this list equal to the desktop's schema. */
static const struct
{
  const char *table;
  const char *field;
  const char *value;
} defaults[] = {
  { "person", "sex", "unknown" },
  { "person", "nationality", "Việt Nam" },
  { "person", "address_folded", "" },
  { "person", "status", "living" },
  { "household", "address", "" },
  { "household", "residence_kind", "permanent" },
  { "procedure", "version", "1" },
  { "procedure", "time_limit_direct", "0" },
  { "procedure", "time_limit_online", "0" },
  { "procedure", "fee_amount", "0" },
  { "procedure", "fee_by_province", "0" },
  { "procedure", "papers", "[]" },
  { "procedure", "steps", "[]" },
  { "dossier", "channel", "direct" },
  { "dossier", "applicant_folded", "" },
  { "dossier", "fee_amount", "0" },
  { "dossier", "papers", "[]" },
  { "dossier_event", "data", "{}" },
  { "register", "last_number", "0" },
  { "document", "subject_folded", "" },
  { "document", "urgency", "normal" },
  { "document", "confidentiality", "none" },
  { "document", "status", "draft" },
  { "document_event", "data", "{}" },
  { "attachment", "encrypted", "0" },
  { "calendar_day", "confirmed", "0" },
  { "user", "active", "1" },
  { "user", "roles", "" },
  { "dossier_code_block", "source", "local" },
};

gboolean
xaso_sync_digest_field_counts (const char *table,
                               const char *field)
{
  if (g_str_equal (field, "id") || g_str_equal (field, "commune_code") || g_str_equal (field, "deleted"))
    return FALSE;
  if (g_str_equal (table, "dossier") && g_strv_contains (derived_dossier, field))
    return FALSE;
  if (g_str_equal (table, "register") && g_strv_contains (derived_register, field))
    return FALSE;
  if (g_str_equal (table, "document") && g_strv_contains (derived_document, field))
    return FALSE;
  return g_strv_contains (history_tables, table) ||
         !(g_str_equal (field, "created_at") || g_str_equal (field, "updated_at"));
}

const char *
xaso_sync_digest_field_default (const char *table,
                                const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].table, table) && g_str_equal (defaults[i].field, field))
      return defaults[i].value;
  return NULL;
}

char *
xaso_sync_digest_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

struct _XasoSyncRowHasher
{
  char      *table;
  char      *row_id;
  gboolean   deleted;
  GPtrArray *fields;   /* name, value, name, value... */
};

XasoSyncRowHasher *
xaso_sync_row_hasher_new (const char *table,
                          const char *row_id,
                          gboolean    deleted)
{
  XasoSyncRowHasher *self = g_new0 (XasoSyncRowHasher, 1);

  self->table = g_strdup (table);
  self->row_id = g_strdup (row_id);
  self->deleted = deleted;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
xaso_sync_row_hasher_add (XasoSyncRowHasher *self,
                          const char        *field,
                          const char        *value)
{
  const char *fallback;

  if (value == NULL || !xaso_sync_digest_field_counts (self->table, field))
    return;
  fallback = xaso_sync_digest_field_default (self->table, field);
  if (fallback != NULL && g_str_equal (fallback, value))
    return;
  g_ptr_array_add (self->fields, g_strdup (field));
  g_ptr_array_add (self->fields, g_strdup (value));
}

/* Each part is its length in decimal, a colon and its bytes: no byte a
 * value holds can be mistaken for a separator. */
static void
update_part (GChecksum  *checksum,
             const char *part)
{
  char length[24];
  gsize n = strlen (part);

  g_snprintf (length, sizeof length, "%" G_GSIZE_FORMAT ":", n);
  g_checksum_update (checksum, (const guchar *) length, -1);
  g_checksum_update (checksum, (const guchar *) part, n);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
xaso_sync_row_hasher_finish (XasoSyncRowHasher *self,
                             guint8             hash[XASO_SYNC_DIGEST_HASH_SIZE])
{
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (const char *));
  gsize length = XASO_SYNC_DIGEST_HASH_SIZE;

  update_part (checksum, self->row_id);
  update_part (checksum, self->deleted ? "1" : "0");
  /* Pointers to the names, sorted by their bytes; each value follows its name. */
  for (guint i = 0; i < self->fields->len; i += 2)
    g_array_append_val (order, g_ptr_array_index (self->fields, i));
  g_array_sort (order, compare_names);
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_array_index (order, const char *, i);

      for (guint j = 0; j < self->fields->len; j += 2)
        if (g_ptr_array_index (self->fields, j) == name)
          {
            update_part (checksum, name);
            update_part (checksum, g_ptr_array_index (self->fields, j + 1));
            break;
          }
    }
  g_checksum_get_digest (checksum, hash, &length);
  g_checksum_free (checksum);
  g_ptr_array_unref (self->fields);
  g_free (self->table);
  g_free (self->row_id);
  g_free (self);
}

guint
xaso_sync_digest_bucket (const char *row_id)
{
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 hash[XASO_SYNC_DIGEST_HASH_SIZE];
  gsize length = sizeof hash;

  g_checksum_update (checksum, (const guchar *) row_id, -1);
  g_checksum_get_digest (checksum, hash, &length);
  g_checksum_free (checksum);
  return hash[0];
}

void
xaso_sync_digest_sum_add (XasoSyncDigestSum *sum,
                          const guint8       hash[XASO_SYNC_DIGEST_HASH_SIZE])
{
  sum->rows++;
  for (guint i = 0; i < XASO_SYNC_DIGEST_HASH_SIZE; i++)
    sum->hash[i] ^= hash[i];
}

char *
xaso_sync_digest_sum_hex (const XasoSyncDigestSum *sum)
{
  GString *hex = g_string_sized_new (2 * XASO_SYNC_DIGEST_HASH_SIZE);

  for (guint i = 0; i < XASO_SYNC_DIGEST_HASH_SIZE; i++)
    g_string_append_printf (hex, "%02x", sum->hash[i]);
  return g_string_free (hex, FALSE);
}
