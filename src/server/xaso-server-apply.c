/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-apply.h"
#include "xaso-server-numbers.h"
#include "xaso-sync-rights.h"

/* A conflict named by an op's "resolves", as loaded from the database. */
typedef struct
{
  char     *table;
  char     *row;
  char     *field;
  gint64    kept_version;
  gboolean  resolved;
} KnownConflict;

/* An account of the commune, by the username or row id ops name as their
 * actor. */
typedef struct
{
  char  *row_id;
  guint  roles;
} Account;

static void
account_free (Account *account)
{
  g_free (account->row_id);
  g_free (account);
}

struct _XasoApply
{
  char       *device_id;
  gint64      next_server_seq;
  char       *checksum;
  GHashTable *rows;          /* "table/row" → XasoApplyRow */
  GHashTable *known;         /* conflict id → KnownConflict */
  GHashTable *accounts;      /* username → Account */
  gboolean    has_accounts;  /* the commune has one, here or in the batch */
  gboolean    trusted;       /* the server's own entries */
  GPtrArray  *entries;
  GPtrArray  *receipts;
  GPtrArray  *conflicts;
  GPtrArray  *resolutions;
  GPtrArray  *rejections;
  GHashTable *claims;        /* "series\nnumber" → the row holding it */
  GHashTable *holders;       /* register id → the device holding its lease */
  GPtrArray  *new_claims;
  guint       counts[XASO_SYNC_REJECTED + 1];
};

static void
field_free (XasoApplyField *field)
{
  g_clear_pointer (&field->value, json_node_unref);
  g_free (field->device);
  g_free (field);
}

static void
row_free (XasoApplyRow *row)
{
  g_free (row->table);
  g_free (row->row);
  g_hash_table_unref (row->fields);
  g_free (row);
}

static void
known_free (KnownConflict *known)
{
  g_free (known->table);
  g_free (known->row);
  g_free (known->field);
  g_free (known);
}

static void
entry_free (XasoApplyEntry *entry)
{
  g_free (entry->entry);
  g_free (entry->checksum);
  g_free (entry);
}

static void
receipt_free (XasoApplyReceipt *receipt)
{
  g_free (receipt->text);
  g_free (receipt);
}

static void
conflict_free (XasoApplyConflict *conflict)
{
  g_free (conflict->id);
  g_free (conflict->table);
  g_free (conflict->row);
  g_free (conflict->field);
  json_node_unref (conflict->kept);
  json_node_unref (conflict->other);
  g_free (conflict->other_actor);
  g_free (conflict);
}

static void
resolution_free (XasoApplyResolution *resolution)
{
  g_free (resolution->id);
  g_free (resolution);
}

static void
claim_free (XasoApplyClaim *claim)
{
  g_free (claim->series);
  g_free (claim->number);
  g_free (claim->table);
  g_free (claim->row);
  g_free (claim);
}

static void
rejection_free (XasoApplyRejection *rejection)
{
  g_free (rejection->op);
  g_free (rejection->reason_code);
  g_free (rejection->reason);
  g_free (rejection);
}

XasoApply *
xaso_apply_new (const char *device_id,
                gint64      next_server_seq,
                const char *checksum)
{
  XasoApply *apply = g_new0 (XasoApply, 1);

  apply->device_id = g_strdup (device_id);
  apply->next_server_seq = next_server_seq;
  apply->checksum = g_strdup (checksum);
  apply->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_free);
  apply->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_free);
  apply->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) account_free);
  apply->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  apply->receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) receipt_free);
  apply->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  apply->resolutions = g_ptr_array_new_with_free_func ((GDestroyNotify) resolution_free);
  apply->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) rejection_free);
  apply->claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  apply->holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  apply->new_claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  return apply;
}

void
xaso_apply_free (XasoApply *apply)
{
  if (apply == NULL)
    return;
  g_free (apply->device_id);
  g_free (apply->checksum);
  g_hash_table_unref (apply->rows);
  g_hash_table_unref (apply->known);
  g_hash_table_unref (apply->accounts);
  g_ptr_array_unref (apply->entries);
  g_ptr_array_unref (apply->receipts);
  g_ptr_array_unref (apply->conflicts);
  g_ptr_array_unref (apply->resolutions);
  g_ptr_array_unref (apply->rejections);
  g_hash_table_unref (apply->claims);
  g_hash_table_unref (apply->holders);
  g_ptr_array_unref (apply->new_claims);
  g_free (apply);
}

XasoApplyRow *
xaso_apply_row (XasoApply  *apply,
                const char *table,
                const char *row_id)
{
  g_autofree char *key = g_strconcat (table, "/", row_id, NULL);
  XasoApplyRow *row = g_hash_table_lookup (apply->rows, key);

  if (row != NULL)
    return row;
  row = g_new0 (XasoApplyRow, 1);
  row->table = g_strdup (table);
  row->row = g_strdup (row_id);
  row->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) field_free);
  g_hash_table_insert (apply->rows, g_steal_pointer (&key), row);
  return row;
}

void
xaso_apply_set_field (XasoApplyRow *row,
                      const char   *name,
                      JsonNode     *value,
                      gint64        version,
                      const char   *device)
{
  XasoApplyField *field = g_new0 (XasoApplyField, 1);

  field->value = json_node_copy (value);
  field->version = version;
  field->device = g_strdup (device);
  g_hash_table_replace (row->fields, g_strdup (name), field);
}

void
xaso_apply_add_conflict (XasoApply  *apply,
                         const char *id,
                         const char *table,
                         const char *row,
                         const char *field,
                         gint64      kept_version,
                         gboolean    resolved)
{
  KnownConflict *known = g_new0 (KnownConflict, 1);

  known->table = g_strdup (table);
  known->row = g_strdup (row);
  known->field = g_strdup (field);
  known->kept_version = kept_version;
  known->resolved = resolved;
  g_hash_table_replace (apply->known, g_ascii_strdown (id, -1), known);
}

void
xaso_apply_add_account (XasoApply  *apply,
                        const char *username,
                        const char *row_id,
                        guint       roles)
{
  Account *account = g_new0 (Account, 1);

  account->row_id = g_strdup (row_id);
  account->roles = roles;
  g_hash_table_replace (apply->accounts, g_strdup (username), account);
}

void
xaso_apply_add_claim (XasoApply  *apply,
                      const char *series,
                      const char *number,
                      const char *row)
{
  g_hash_table_replace (apply->claims, g_strconcat (series, "\n", number, NULL), g_strdup (row));
}

void
xaso_apply_add_holder (XasoApply  *apply,
                       const char *register_id,
                       const char *device_id)
{
  g_hash_table_replace (apply->holders, g_strdup (register_id), g_strdup (device_id));
}

void
xaso_apply_set_has_accounts (XasoApply *apply)
{
  apply->has_accounts = TRUE;
}

void
xaso_apply_trust_actors (XasoApply *apply)
{
  apply->trusted = TRUE;
}

GHashTable *
xaso_apply_get_accounts (XasoApply *apply)
{
  return apply->accounts;
}

static char *
receipt_text (const XasoSyncReceipt *receipt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  xaso_sync_receipt_to_json (receipt, builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
add_receipt (XasoApply             *apply,
             const XasoSyncReceipt *receipt)
{
  XasoApplyReceipt *stored = g_new0 (XasoApplyReceipt, 1);

  stored->seq = receipt->seq;
  stored->outcome = receipt->outcome;
  stored->server_seq = receipt->server_seq;
  stored->text = receipt_text (receipt);
  g_ptr_array_add (apply->receipts, stored);
  apply->counts[receipt->outcome]++;
}

void
xaso_apply_replayed (XasoApply  *apply,
                     gint64      seq,
                     const char *text)
{
  XasoApplyReceipt *stored = g_new0 (XasoApplyReceipt, 1);

  stored->seq = seq;
  stored->text = g_strdup (text);
  stored->replayed = TRUE;
  g_ptr_array_add (apply->receipts, stored);
}

void
xaso_apply_reject (XasoApply  *apply,
                   gint64      seq,
                   JsonNode   *op,
                   const char *reason_code,
                   const char *reason)
{
  XasoSyncReceipt receipt = { .seq = seq, .outcome = XASO_SYNC_REJECTED,
                              .reason_code = (char *) reason_code, .reason = (char *) reason };
  XasoApplyRejection *rejection = g_new0 (XasoApplyRejection, 1);

  rejection->seq = seq;
  rejection->op = json_to_string (op, FALSE);
  rejection->reason_code = g_strdup (reason_code);
  rejection->reason = g_strdup (reason);
  g_ptr_array_add (apply->rejections, rejection);
  add_receipt (apply, &receipt);
}

/* Values are JSON null, numbers or strings (the codec checked). Numbers
 * compare by value, so 2 and 2.0 are the same value. */
static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  GType ta, tb;

  if (JSON_NODE_HOLDS_NULL (a) || JSON_NODE_HOLDS_NULL (b))
    return JSON_NODE_HOLDS_NULL (a) && JSON_NODE_HOLDS_NULL (b);
  if (!JSON_NODE_HOLDS_VALUE (a) || !JSON_NODE_HOLDS_VALUE (b))
    return FALSE;
  ta = json_node_get_value_type (a);
  tb = json_node_get_value_type (b);
  if (ta == G_TYPE_STRING || tb == G_TYPE_STRING)
    return ta == tb && g_str_equal (json_node_get_string (a), json_node_get_string (b));
  if (ta == G_TYPE_INT64 && tb == G_TYPE_INT64)
    return json_node_get_int (a) == json_node_get_int (b);
  return json_node_get_double (a) == json_node_get_double (b);
}

static gboolean
value_is_true (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node) != 0;
    case G_TYPE_DOUBLE:
      return json_node_get_double (node) != 0;
    case G_TYPE_STRING:
      return g_str_equal (json_node_get_string (node), "1");
    default:
      return FALSE;
    }
}

static gint64
field_base (JsonNode *change)
{
  JsonObject *object = json_node_get_object (change);
  JsonNode *base = json_object_get_member (object, "base");

  return base != NULL && JSON_NODE_HOLDS_VALUE (base) ? json_node_get_int (base) : 0;
}

static JsonNode *
field_new (JsonNode *change)
{
  return json_object_get_member (json_node_get_object (change), "new");
}

/* The op and its context while it is decided. */
typedef struct
{
  XasoApply        *apply;
  const XasoSyncOp *op;
  XasoApplyRow     *row;
  gint64            server_seq;
  gint64            max_base;
  GPtrArray        *resolves;  /* KnownConflict of the op's "resolves" */
  JsonObject       *fields;    /* what took effect, for the entry */
  JsonArray        *conflicts; /* the entry's conflicts */
  GStrvBuilder     *conflict_ids;
  guint             n_conflicts;
} Decision;

static const char *
check_references (Decision *d)
{
  const char *kind = d->op->kind;

  if (g_str_equal (kind, "insert") && !d->row->exists && !d->row->claimable)
    return "foreign_row";
  if (!g_str_equal (kind, "insert") && !d->row->exists)
    return "bad_reference";
  for (char **id = d->op->resolves; id != NULL && *id != NULL; id++)
    {
      g_autofree char *lower = g_ascii_strdown (*id, -1);
      KnownConflict *known = g_hash_table_lookup (d->apply->known, lower);

      if (known == NULL || !g_str_equal (known->table, d->op->table) || !g_str_equal (known->row, d->op->row))
        return "bad_resolves";
      g_ptr_array_add (d->resolves, known);
    }
  return NULL;
}

static const char *
reason_for (const char *code)
{
  if (g_str_equal (code, "foreign_row"))
    return "Mã bản ghi này đã thuộc về một xã khác.";
  if (g_str_equal (code, "bad_resolves"))
    return "Xung đột được giải quyết không có trên máy chủ hoặc thuộc bản ghi khác.";
  return "Bản ghi được sửa chưa có trên máy chủ.";
}

/* The conflict this op settles for a field, if any. */
static KnownConflict *
resolved_conflict (Decision   *d,
                   const char *name)
{
  for (guint i = 0; i < d->resolves->len; i++)
    {
      KnownConflict *known = g_ptr_array_index (d->resolves, i);

      if (g_str_equal (known->field, name))
        return known;
    }
  return NULL;
}

/* Whether the device wrote the field's current value itself: its later ops
 * build on that, though they could not know its version when made offline. */
static gboolean
own_write (Decision             *d,
           const XasoApplyField *field)
{
  return g_strcmp0 (field->device, d->apply->device_id) == 0;
}

/* PROTOCOL.md: the op's value takes effect when its base is the field's
 * current version, when the field already holds that value, or when the op
 * settles a conflict on the field and nobody changed it since. A value the
 * same device wrote is no concurrent change. */
static gboolean
field_wins (Decision       *d,
            const char     *name,
            XasoApplyField *current,
            gint64          base,
            JsonNode       *value)
{
  KnownConflict *known;

  if (current == NULL || current->version <= base || own_write (d, current) ||
      values_equal (current->value, value))
    return TRUE;
  known = resolved_conflict (d, name);
  return known != NULL && current->version <= MAX (base, known->kept_version);
}

static void
record_conflict (Decision   *d,
                 const char *name,
                 JsonNode   *kept,
                 gint64      kept_version,
                 JsonNode   *other)
{
  XasoApplyConflict *conflict = g_new0 (XasoApplyConflict, 1);
  JsonObject *object = json_object_new ();

  conflict->id = g_uuid_string_random ();
  conflict->table = g_strdup (d->op->table);
  conflict->row = g_strdup (d->op->row);
  conflict->field = g_strdup (name);
  conflict->kept = json_node_copy (kept);
  conflict->kept_version = kept_version;
  conflict->other = json_node_copy (other);
  conflict->other_actor = g_strdup (d->op->actor);
  conflict->other_seq = d->op->seq;
  conflict->server_seq = d->server_seq;
  g_ptr_array_add (d->apply->conflicts, conflict);

  json_object_set_string_member (object, "id", conflict->id);
  json_object_set_string_member (object, "field", name);
  json_object_set_member (object, "kept", json_node_copy (kept));
  json_object_set_int_member (object, "kept_version", kept_version);
  json_object_set_member (object, "other", json_node_copy (other));
  json_object_set_string_member (object, "other_actor", d->op->actor);
  json_object_set_string_member (object, "other_device", d->apply->device_id);
  json_array_add_object_element (d->conflicts, object);
  g_strv_builder_add (d->conflict_ids, conflict->id);
  d->n_conflicts++;
}

/* An edit of a row the server holds as deleted keeps the deletion and
 * records it as a conflict on "deleted", unless the op itself sets
 * "deleted" or settles such a conflict: a person then chose. */
static void
check_tombstone (Decision *d)
{
  XasoApplyField *deleted;
  g_autoptr(JsonNode) alive = NULL;

  if (!d->row->exists || !d->row->deleted ||
      json_object_has_member (d->op->fields, "deleted") || resolved_conflict (d, "deleted") != NULL)
    return;
  deleted = g_hash_table_lookup (d->row->fields, "deleted");
  alive = json_node_init_int (json_node_alloc (), 0);
  if (deleted != NULL && !own_write (d, deleted))
    record_conflict (d, "deleted", deleted->value, deleted->version, alive);
}

static void
apply_fields (Decision *d)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *change;

  json_object_iter_init (&iter, d->op->fields);
  while (json_object_iter_next (&iter, &name, &change))
    {
      XasoApplyField *current = g_hash_table_lookup (d->row->fields, name);
      gint64 base = field_base (change);
      JsonNode *value = field_new (change);

      if (!field_wins (d, name, current, base, value))
        {
          record_conflict (d, name, current->value, current->version, value);
          continue;
        }
      /* The value is already there: nothing to set, and its version and
       * writer stay those of the op that set it. */
      if (current != NULL && values_equal (current->value, value))
        continue;
      xaso_apply_set_field (d->row, name, value, d->server_seq, d->apply->device_id);
      ((XasoApplyField *) g_hash_table_lookup (d->row->fields, name))->dirty = TRUE;
      json_object_set_member (d->fields, name, json_node_copy (value));
    }
}

/* Merged: the op won on every field, but other devices changed other fields
 * of the row after the newest version the op was based on. */
static gboolean
row_moved_on (Decision *d)
{
  GHashTableIter iter;
  const char *name;
  XasoApplyField *field;

  g_hash_table_iter_init (&iter, d->row->fields);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &field))
    if (!json_object_has_member (d->op->fields, name) && field->version > d->max_base && !own_write (d, field))
      return TRUE;
  return FALSE;
}

static gint64
max_base (const XasoSyncOp *op)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *change;
  gint64 result = 0;

  json_object_iter_init (&iter, op->fields);
  while (json_object_iter_next (&iter, &name, &change))
    result = MAX (result, field_base (change));
  return result;
}

static void
settle_conflicts (Decision *d)
{
  for (char **id = d->op->resolves; id != NULL && *id != NULL; id++)
    {
      g_autofree char *lower = g_ascii_strdown (*id, -1);
      KnownConflict *known = g_hash_table_lookup (d->apply->known, lower);
      XasoApplyResolution *resolution;

      if (known->resolved)
        continue;
      known->resolved = TRUE;
      resolution = g_new0 (XasoApplyResolution, 1);
      resolution->id = g_steal_pointer (&lower);
      resolution->server_seq = d->server_seq;
      g_ptr_array_add (d->apply->resolutions, resolution);
    }
}

static void
add_entry (Decision *d)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *entry = json_object_new ();
  JsonArray *resolves = json_array_new ();
  XasoApplyEntry *stored = g_new0 (XasoApplyEntry, 1);
  g_autofree char *canonical = NULL;

  for (char **id = d->op->resolves; id != NULL && *id != NULL; id++)
    json_array_add_string_element (resolves, *id);
  json_object_set_int_member (entry, "server_seq", d->server_seq);
  json_object_set_string_member (entry, "device_id", d->apply->device_id);
  json_object_set_int_member (entry, "seq", d->op->seq);
  json_object_set_int_member (entry, "hlc", d->op->hlc);
  json_object_set_string_member (entry, "actor", d->op->actor);
  json_object_set_string_member (entry, "table", d->op->table);
  json_object_set_string_member (entry, "row", d->op->row);
  json_object_set_string_member (entry, "kind", d->op->kind);
  json_object_set_object_member (entry, "fields", json_object_ref (d->fields));
  json_object_set_array_member (entry, "conflicts", json_array_ref (d->conflicts));
  json_object_set_array_member (entry, "resolves", resolves);
  json_node_take_object (root, entry);

  canonical = xaso_sync_entry_canonical (entry);
  stored->server_seq = d->server_seq;
  stored->seq = d->op->seq;
  stored->entry = json_to_string (root, FALSE);
  stored->checksum = xaso_sync_checksum_next (d->apply->checksum, canonical);
  g_free (d->apply->checksum);
  d->apply->checksum = g_strdup (stored->checksum);
  g_ptr_array_add (d->apply->entries, stored);
}

static void
update_row (Decision *d)
{
  XasoApplyField *deleted = g_hash_table_lookup (d->row->fields, "deleted");

  d->row->exists = TRUE;
  d->row->claimable = FALSE;
  d->row->deleted = deleted != NULL && value_is_true (deleted->value);
  d->row->version = d->server_seq;
  d->row->dirty = TRUE;
}

static void
decide (Decision *d)
{
  XasoSyncReceipt receipt = { .seq = d->op->seq, .server_seq = d->server_seq };
  g_auto(GStrv) ids = NULL;

  d->max_base = max_base (d->op);
  check_tombstone (d);
  apply_fields (d);
  if (d->n_conflicts > 0)
    receipt.outcome = XASO_SYNC_CONFLICT;
  else if (row_moved_on (d))
    receipt.outcome = XASO_SYNC_MERGED;
  else
    receipt.outcome = XASO_SYNC_APPLIED;
  update_row (d);
  settle_conflicts (d);
  add_entry (d);
  if (d->n_conflicts > 0)
    receipt.conflicts = ids = g_strv_builder_end (d->conflict_ids);
  add_receipt (d->apply, &receipt);
  d->apply->next_server_seq++;
}

/* The program's own actors (core's xaso-procedure-json.c, xaso-text-upgrade.c,
 * the client's xaso-sync-seed.c), which name no account. */
#define SEED_ACTOR "xaso-seed"
#define UPGRADE_ACTOR "xaso-upgrade"

/* The text an op gives @name, or NULL. */
static const char *
new_text (const XasoSyncOp *op,
          const char       *name)
{
  JsonNode *change = json_object_get_member (op->fields, name);
  JsonNode *value = change && JSON_NODE_HOLDS_OBJECT (change) ?
                    json_object_get_member (json_node_get_object (change), "new") : NULL;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value);
}

static const char *
current_text (XasoApplyRow *row,
              const char   *name)
{
  XasoApplyField *field = g_hash_table_lookup (row->fields, name);

  if (field == NULL || field->value == NULL || !JSON_NODE_HOLDS_VALUE (field->value) ||
      json_node_get_value_type (field->value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (field->value);
}

/* An upgrade only rewrites text the server holds into its NFC form, which
 * the server can check: every field is the NFC of the field's current text. */
static gboolean
is_text_upgrade (XasoApplyRow     *row,
                 const XasoSyncOp *op)
{
  g_autoptr(GList) names = NULL;

  if (!g_str_equal (op->kind, "update") || !row->exists || row->deleted)
    return FALSE;
  names = json_object_get_members (op->fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *text = new_text (op, l->data);
      const char *now = current_text (row, l->data);
      g_autofree char *nfc = now ? g_utf8_normalize (now, -1, G_NORMALIZE_NFC) : NULL;

      if (nfc == NULL || text == NULL || !g_str_equal (nfc, text))
        return FALSE;
    }
  return TRUE;
}

/* A commune's first account is its administrator, which makes itself
 * (core's xaso_user_add): an insert naming the actor as its username. */
static gboolean
is_first_admin (const XasoSyncOp *op)
{
  const char *username = new_text (op, "username");
  const char *roles = new_text (op, "roles");

  return username != NULL && roles != NULL && g_str_equal (username, op->actor) &&
         (xaso_sync_roles_parse (roles) & XASO_SYNC_ROLE_QUAN_TRI) != 0;
}

/* An actor that names no account of the commune. The open tables are
 * anyone's. The guarded ones (xaso-sync-rights.h) take only what the program
 * itself writes without a person, and only what cannot change or remove a
 * record someone made: the seed's inserts of rows the server does not hold
 * (a commune's records made before its first sync, the shipped catalogue)
 * and the upgrade's NFC rewrites of the text the server holds. Any other
 * name is refused, so a device cannot step around the rights by naming an
 * account that does not exist. */
static gboolean
unknown_actor_allowed (XasoApply        *apply,
                       const XasoSyncOp *op)
{
  XasoApplyRow *row = xaso_apply_row (apply, op->table, op->row);

  if (apply->trusted || xaso_sync_table_writers (op->table) == XASO_SYNC_ALL_ROLES)
    return TRUE;
  if (g_str_equal (op->table, "user") && g_str_equal (op->kind, "insert") && !row->exists &&
      !apply->has_accounts && g_hash_table_size (apply->accounts) == 0 && is_first_admin (op))
    return TRUE;
  if (g_str_equal (op->actor, SEED_ACTOR))
    return g_str_equal (op->kind, "insert") && !row->exists;
  if (g_str_equal (op->actor, UPGRADE_ACTOR))
    return is_text_upgrade (row, op);
  return FALSE;
}

/* The actor's roles allow the op; an actor no account names is held to
 * unknown_actor_allowed(). */
static gboolean
check_rights (XasoApply        *apply,
              const XasoSyncOp *op,
              char            **reason)
{
  Account *account = g_hash_table_lookup (apply->accounts, op->actor);
  g_autofree char *writers = NULL;

  if (account == NULL ? unknown_actor_allowed (apply, op) :
      xaso_sync_rights_allow (account->roles, op->table, op->kind, op->fields,
                              g_str_equal (op->table, "user") && g_str_equal (op->row, account->row_id)))
    return TRUE;
  writers = xaso_sync_roles_describe (xaso_sync_table_writers (op->table));
  if (account == NULL)
    *reason = g_strdup_printf ("“%s” không phải tài khoản của xã trên máy chủ, nên không được thay đổi %s: "
                               "việc này dành cho tài khoản có vai trò %s.", op->actor,
                               xaso_sync_table_describe (op->table), writers);
  else
    *reason = g_strdup_printf ("Tài khoản “%s” không có quyền thay đổi %s: việc này dành cho vai trò %s.", op->actor,
                               xaso_sync_table_describe (op->table), writers);
  return FALSE;
}

/* DESIGN.md §4.7: only the register's lease holder moves its counter, and
 * a number already held by another row is refused, never written over. A
 * number the op takes is claimed now: the ops after it see it taken. */
static const char *
check_numbers (Decision  *d,
               char     **reason)
{
  const char *holder;
  g_autofree char *register_id = g_ascii_strdown (d->op->row, -1);
  g_autofree char *series = NULL;
  g_autofree char *number = NULL;
  g_autofree char *key = NULL;
  const char *owner;
  XasoApplyClaim *claim;

  if (g_str_equal (d->op->table, "register") && json_object_has_member (d->op->fields, "last_number") &&
      (holder = g_hash_table_lookup (d->apply->holders, register_id)) != NULL &&
      !g_str_equal (holder, d->apply->device_id))
    {
      *reason = g_strdup_printf ("Máy %s đang giữ quyền cấp số của sổ đăng ký này; số do máy này cấp không được "
                                 "ghi lên máy chủ.", holder);
      return "lease_held";
    }
  if (!xaso_server_number_of (d->op->table, d->row, d->op->fields, &series, &number))
    return NULL;
  key = g_strconcat (series, "\n", number, NULL);
  owner = g_hash_table_lookup (d->apply->claims, key);
  if (owner != NULL && !g_str_equal (owner, d->op->row))
    {
      *reason = g_str_equal (series, "dossier")
        ? g_strdup_printf ("Mã hồ sơ %s đã được dùng cho một hồ sơ khác; máy chủ không ghi đè. Hồ sơ này cần "
                           "một mã mới.", number)
        : g_strdup_printf ("Số %s đã được cấp cho một văn bản khác trong cùng sổ đăng ký và năm; máy chủ không "
                           "ghi đè. Văn bản này cần được cấp số lại.", number);
      return "duplicate_number";
    }
  if (owner != NULL)
    return NULL;
  g_hash_table_insert (d->apply->claims, g_steal_pointer (&key), g_strdup (d->op->row));
  claim = g_new0 (XasoApplyClaim, 1);
  claim->series = g_steal_pointer (&series);
  claim->number = g_steal_pointer (&number);
  claim->table = g_strdup (d->op->table);
  claim->row = g_strdup (d->op->row);
  g_ptr_array_add (d->apply->new_claims, claim);
  return NULL;
}

/* An account written by the batch counts for the ops after it: one made,
 * given roles or removed, as pull will show it. */
static void
note_account (XasoApply    *apply,
              XasoApplyRow *row)
{
  const char *username = current_text (row, "username");
  const char *roles = current_text (row, "roles");
  GHashTableIter iter;
  Account *account;

  g_hash_table_iter_init (&iter, apply->accounts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &account))
    if (g_str_equal (account->row_id, row->row))
      g_hash_table_iter_remove (&iter);
  if (username != NULL && !row->deleted)
    {
      xaso_apply_add_account (apply, username, row->row, xaso_sync_roles_parse (roles));
      xaso_apply_add_account (apply, row->row, row->row, xaso_sync_roles_parse (roles));
    }
}

void
xaso_apply_op (XasoApply        *apply,
               const XasoSyncOp *op,
               JsonNode         *op_node)
{
  g_autoptr(GPtrArray) resolves = g_ptr_array_new ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) conflicts = json_array_new ();
  g_autoptr(GStrvBuilder) conflict_ids = g_strv_builder_new ();
  Decision d = { .apply = apply, .op = op, .row = xaso_apply_row (apply, op->table, op->row),
                 .server_seq = apply->next_server_seq, .resolves = resolves, .fields = fields,
                 .conflicts = conflicts, .conflict_ids = conflict_ids };
  const char *refused = NULL;
  g_autofree char *forbidden = NULL;
  g_autofree char *reason = NULL;

  if (!check_rights (apply, op, &forbidden))
    {
      xaso_apply_reject (apply, op->seq, op_node, "forbidden", forbidden);
      return;
    }
  refused = check_references (&d);
  if (refused != NULL)
    {
      xaso_apply_reject (apply, op->seq, op_node,
                         g_str_equal (refused, "bad_resolves") ? "bad_reference" : refused,
                         reason_for (refused));
      return;
    }
  if ((refused = check_numbers (&d, &reason)) != NULL)
    {
      xaso_apply_reject (apply, op->seq, op_node, refused, reason);
      return;
    }
  decide (&d);
  if (g_str_equal (op->table, "user"))
    note_account (apply, d.row);
}

GHashTable *
xaso_apply_get_rows (XasoApply *apply)
{
  return apply->rows;
}

GPtrArray *
xaso_apply_get_entries (XasoApply *apply)
{
  return apply->entries;
}

GPtrArray *
xaso_apply_get_receipts (XasoApply *apply)
{
  return apply->receipts;
}

GPtrArray *
xaso_apply_get_conflicts (XasoApply *apply)
{
  return apply->conflicts;
}

GPtrArray *
xaso_apply_get_resolutions (XasoApply *apply)
{
  return apply->resolutions;
}

GPtrArray *
xaso_apply_get_rejections (XasoApply *apply)
{
  return apply->rejections;
}

GPtrArray *
xaso_apply_get_new_claims (XasoApply *apply)
{
  return apply->new_claims;
}

gint64
xaso_apply_get_next_server_seq (XasoApply *apply)
{
  return apply->next_server_seq;
}

const char *
xaso_apply_get_checksum (XasoApply *apply)
{
  return apply->checksum;
}

const guint *
xaso_apply_get_counts (XasoApply *apply)
{
  return apply->counts;
}
