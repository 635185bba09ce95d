/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include "xaso-sync-catalogue.h"
#include "xaso-sync-protocol.h"

/* Each synced table's columns at schema XASO_SYNC_SCHEMA_VERSION, in the
 * desktop's order (pragma table_info). A migration that adds, renames or
 * drops a synced column changes this list in the same commit, with an
 * upcaster for the ops made before it (xaso-sync-upcast.c):
 * test-sync-catalogue fails until both are done. */
#define COLUMNS(...) (const char * const []) { __VA_ARGS__, NULL }

static const struct
{
  const char         *table;
  const char * const *columns;
} catalogue[] = {
  { "person", COLUMNS ("full_name", "name_folded", "sort_key", "birth_date", "sex", "id_number", "old_id_number",
                       "id_issued_date", "ethnicity", "religion", "nationality", "hometown", "occupation", "phone",
                       "household_id", "relation_to_head", "hamlet", "permanent_address", "current_address",
                       "address_folded", "status", "death_date", "notes", "source", "source_at", "created_at",
                       "updated_at", "deleted") },
  { "household", COLUMNS ("code", "head_person_id", "hamlet", "address", "residence_kind", "notes", "source",
                          "source_at", "created_at", "updated_at", "deleted") },
  { "civil_status_event", COLUMNS ("person_id", "kind", "event_date", "registration_number", "book_number", "place",
                                   "other_person_id", "other_party_name", "registrar_user_id", "notes", "created_at",
                                   "updated_at", "deleted") },
  { "procedure", COLUMNS ("code", "version", "name", "field", "time_unit", "time_limit_direct", "time_limit_online",
                          "fee_amount", "fee_note", "papers", "steps", "valid_from", "valid_to", "created_at",
                          "updated_at", "deleted", "note", "fee_by_province") },
  { "dossier", COLUMNS ("code", "procedure_id", "channel", "applicant_name", "applicant_folded",
                        "applicant_person_id", "applicant_id_number", "applicant_phone", "applicant_address",
                        "summary", "status", "needs_review", "received_at", "due_at", "legal_due_at", "resolved_at",
                        "returned_at", "assignee_user_id", "department", "fee_amount", "created_at", "updated_at",
                        "deleted", "papers", "fee_exemption", "timeliness", "step", "step_due_at", "paused_at",
                        "collected_by", "desk_device_id") },
  { "dossier_event", COLUMNS ("dossier_id", "kind", "at", "hlc", "actor_user_id", "to_user_id", "note", "data") },
  { "register", COLUMNS ("kind", "name", "year", "last_number", "lease_device_id", "lease_until", "created_at",
                         "updated_at", "deleted") },
  { "document", COLUMNS ("direction", "register_id", "number", "notation", "type_code", "issuer", "issued_date",
                         "received_date", "subject", "subject_folded", "urgency", "confidentiality", "signer",
                         "recipients", "status", "deadline", "lead_user_id", "reply_to_id", "copies", "notes",
                         "created_at", "updated_at", "deleted", "page_count", "recipient_unit", "lead_unit",
                         "co_handlers", "directive", "progress", "signed_date", "transferred_date",
                         "sealed_date") },
  { "document_event", COLUMNS ("document_id", "kind", "at", "hlc", "actor_user_id", "to_user_id", "note", "data") },
  { "attachment", COLUMNS ("sha256", "size", "mime_type", "file_name", "owner_table", "owner_id", "encrypted",
                           "created_at", "updated_at", "deleted") },
  { "audit_event", COLUMNS ("device_id", "seq", "at", "actor", "action", "object_table", "object_id", "purpose",
                            "detail", "prev_hash", "hash") },
  { "calendar_day", COLUMNS ("date", "kind", "reason", "confirmed", "created_at", "updated_at", "deleted") },
  { "user", COLUMNS ("username", "full_name", "title", "unit", "person_id", "active", "created_at", "updated_at",
                     "deleted", "roles", "password_verifier") },
  { "dossier_code_block", COLUMNS ("unit_eid", "day", "device_id", "first_seq", "last_seq", "next_seq",
                                   "created_at", "updated_at", "deleted", "source") },
};

const char * const *
xaso_sync_catalogue_columns (const char *table)
{
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (catalogue); i++)
    if (g_str_equal (catalogue[i].table, table))
      return catalogue[i].columns;
  return NULL;
}

gboolean
xaso_sync_catalogue_has_field (const char *table,
                               const char *field)
{
  const char * const *columns = xaso_sync_catalogue_columns (table);

  return columns != NULL && field != NULL && g_strv_contains (columns, field);
}

gboolean
xaso_sync_catalogue_check_op (JsonNode    *op,
                              const char **reason_code,
                              char       **reason)
{
  JsonObject *object;
  JsonNode *fields;
  const char *table;
  JsonObjectIter iter;
  const char *name;

  if (op == NULL || !JSON_NODE_HOLDS_OBJECT (op))
    return TRUE;
  object = json_node_get_object (op);
  table = xaso_sync_member_string (object, "table");
  if (table == NULL)
    return TRUE;
  if (xaso_sync_catalogue_columns (table) == NULL)
    {
      *reason_code = "unknown_table";
      *reason = g_strdup_printf ("Bảng “%s” không có trong danh mục dữ liệu đồng bộ của máy chủ; thay đổi này "
                                 "không được ghi.", table);
      return FALSE;
    }
  fields = json_object_get_member (object, "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return TRUE;
  json_object_iter_init (&iter, json_node_get_object (fields));
  while (json_object_iter_next (&iter, &name, NULL))
    /* id and commune_code are the codec's to refuse, as names no op sets. */
    if (!xaso_sync_catalogue_has_field (table, name) && !g_str_equal (name, "id") &&
        !g_str_equal (name, "commune_code"))
      {
        *reason_code = "unknown_field";
        *reason = g_strdup_printf ("Trường “%s” không có trong bảng “%s” theo danh mục dữ liệu đồng bộ của máy "
                                   "chủ; thay đổi này không được ghi.", name, table);
        return FALSE;
      }
  return TRUE;
}
