/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync"

#include "config.h"

#include <string.h>

#include "xaso-sync-protocol.h"

G_DEFINE_QUARK (xaso-sync-error-quark, xaso_sync_error)

static const struct
{
  const char *name;
  guint       status;
} error_codes[] = {
  [XASO_SYNC_ERROR_BAD_JSON] = { "bad_json", 400 },
  [XASO_SYNC_ERROR_BAD_REQUEST] = { "bad_request", 400 },
  [XASO_SYNC_ERROR_TOKEN_MISSING] = { "token_missing", 401 },
  [XASO_SYNC_ERROR_TOKEN_INVALID] = { "token_invalid", 401 },
  [XASO_SYNC_ERROR_ENROLLMENT_CODE_INVALID] = { "enrollment_code_invalid", 403 },
  [XASO_SYNC_ERROR_WRONG_COMMUNE] = { "wrong_commune", 403 },
  [XASO_SYNC_ERROR_DUPLICATE_CODE] = { "duplicate_code", 409 },
  [XASO_SYNC_ERROR_UNKNOWN_COMMUNE] = { "unknown_commune", 422 },
  [XASO_SYNC_ERROR_UNKNOWN_PROCEDURE] = { "unknown_procedure", 422 },
  [XASO_SYNC_ERROR_NOT_FOUND] = { "not_found", 404 },
  [XASO_SYNC_ERROR_METHOD_NOT_ALLOWED] = { "method_not_allowed", 405 },
  [XASO_SYNC_ERROR_DEVICE_ENROLLED] = { "device_enrolled", 409 },
  [XASO_SYNC_ERROR_OFFSET_MISMATCH] = { "offset_mismatch", 409 },
  [XASO_SYNC_ERROR_LEASE_HELD] = { "lease_held", 409 },
  [XASO_SYNC_ERROR_CODES_EXHAUSTED] = { "codes_exhausted", 409 },
  [XASO_SYNC_ERROR_SCHEMA_TOO_NEW] = { "schema_too_new", 409 },
  [XASO_SYNC_ERROR_TOO_LARGE] = { "too_large", 413 },
  [XASO_SYNC_ERROR_WRONG_CONTENT_TYPE] = { "wrong_content_type", 415 },
  [XASO_SYNC_ERROR_RANGE_NOT_SATISFIABLE] = { "range_not_satisfiable", 416 },
  [XASO_SYNC_ERROR_CHECKSUM_MISMATCH] = { "checksum_mismatch", 422 },
  [XASO_SYNC_ERROR_KEY_ID_MISMATCH] = { "key_id_mismatch", 422 },
  [XASO_SYNC_ERROR_DATABASE_UNAVAILABLE] = { "database_unavailable", 503 },
  [XASO_SYNC_ERROR_INTERNAL] = { "internal", 500 },
  [XASO_SYNC_ERROR_NETWORK] = { "network", 0 },
  [XASO_SYNC_ERROR_BAD_ANSWER] = { "bad_answer", 0 },
  [XASO_SYNC_ERROR_DIVERGED] = { "diverged", 0 },
};

const char *
xaso_sync_error_code_name (XasoSyncError code)
{
  g_return_val_if_fail (code < G_N_ELEMENTS (error_codes), "internal");
  return error_codes[code].name;
}

int
xaso_sync_error_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (error_codes); i++)
    if (g_str_equal (error_codes[i].name, name))
      return (int) i;
  return -1;
}

guint
xaso_sync_error_http_status (XasoSyncError code)
{
  g_return_val_if_fail (code < G_N_ELEMENTS (error_codes), 500);
  return error_codes[code].status ? error_codes[code].status : 500;
}

char *
xaso_sync_error_body (XasoSyncError  code,
                      const char    *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, xaso_sync_error_code_name (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static const char * const synced_tables[] = {
  "person", "household", "civil_status_event", "procedure", "dossier", "dossier_event",
  "register", "document", "document_event", "attachment", "audit_event", "calendar_day",
  "user", "dossier_code_block", NULL
};

const char * const *
xaso_sync_get_tables (void)
{
  return synced_tables;
}

int
xaso_sync_table_index (const char *table)
{
  for (int i = 0; table != NULL && synced_tables[i] != NULL; i++)
    if (g_str_equal (synced_tables[i], table))
      return i;
  return -1;
}

gboolean
xaso_sync_table_is_synced (const char *table)
{
  return xaso_sync_table_index (table) >= 0;
}

gboolean
xaso_sync_field_name_valid (const char *name)
{
  gsize n;

  if (name == NULL || !(g_ascii_islower (name[0]) || name[0] == '_'))
    return FALSE;
  for (n = 1; name[n] != '\0'; n++)
    if (!(g_ascii_islower (name[n]) || g_ascii_isdigit (name[n]) || name[n] == '_') || n >= 63)
      return FALSE;
  return !g_str_equal (name, "id") && !g_str_equal (name, "commune_code");
}

static const char * const outcome_names[] = { "applied", "merged", "conflict", "rejected" };

const char *
xaso_sync_outcome_name (XasoSyncOutcome outcome)
{
  g_return_val_if_fail (outcome <= XASO_SYNC_REJECTED, "rejected");
  return outcome_names[outcome];
}

gboolean
xaso_sync_outcome_parse (const char      *name,
                         XasoSyncOutcome *outcome)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (outcome_names); i++)
    if (g_str_equal (outcome_names[i], name))
      {
        *outcome = (XasoSyncOutcome) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
xaso_sync_commune_code_valid (const char *code)
{
  if (code == NULL || strlen (code) != 5)
    return FALSE;
  for (int i = 0; i < 5; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

gboolean
xaso_sync_uuid_valid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (int i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

/* Reading ops ------------------------------------------------------------ */

static gboolean
bad_request (GError     **error,
             const char  *what)
{
  g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST, "Yêu cầu không hợp lệ: %s.", what);
  return FALSE;
}

const char *
xaso_sync_member_string (JsonObject *object,
                         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
is_plain_value (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_STRING || type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* {name: {"new": v[, "old": v, "base": n]}} with plain values only. */
static gboolean
fields_valid (JsonObject  *fields,
              gboolean     insert,
              GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (json_object_get_size (fields) == 0)
    return bad_request (error, "“fields” trống");
  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonObject *field;
      JsonNode *value;
      gint64 base;

      if (!xaso_sync_field_name_valid (name) || !JSON_NODE_HOLDS_OBJECT (node))
        return bad_request (error, "tên trường không hợp lệ");
      field = json_node_get_object (node);
      value = json_object_get_member (field, "new");
      if (value == NULL || !is_plain_value (value))
        return bad_request (error, "giá trị mới của trường không hợp lệ");
      if (insert)
        continue;
      value = json_object_get_member (field, "old");
      if (value == NULL || !is_plain_value (value) || !member_int (field, "base", &base) || base < 0)
        return bad_request (error, "giá trị cũ hoặc phiên bản gốc của trường không hợp lệ");
    }
  return TRUE;
}

/* A JSON array of UUIDs as a string vector (NULL when absent, null or
 * empty); *ok is FALSE when it is something else. */
static char **
read_uuid_list (JsonNode *node,
                gboolean *ok)
{
  g_autoptr(GStrvBuilder) ids = NULL;
  JsonArray *array;

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = FALSE;
      return NULL;
    }
  array = json_node_get_array (node);
  ids = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *id = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING ||
          !xaso_sync_uuid_valid (json_node_get_string (id)))
        {
          *ok = FALSE;
          return NULL;
        }
      g_strv_builder_add (ids, json_node_get_string (id));
    }
  return json_array_get_length (array) ? g_strv_builder_end (ids) : NULL;
}

void
xaso_sync_op_free (XasoSyncOp *op)
{
  if (op == NULL)
    return;
  g_free (op->id);
  g_free (op->actor);
  g_free (op->table);
  g_free (op->row);
  g_free (op->kind);
  g_clear_pointer (&op->fields, json_object_unref);
  g_strfreev (op->resolves);
  g_free (op);
}

XasoSyncOp *
xaso_sync_op_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(XasoSyncOp) op = g_new0 (XasoSyncOp, 1);
  JsonObject *object, *fields;
  const char *kind;
  gboolean ok;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_request (error, "thao tác không phải một đối tượng"), NULL;
  object = json_node_get_object (node);
  if (!member_int (object, "seq", &op->seq) || op->seq < 1)
    return bad_request (error, "“seq” thiếu hoặc không hợp lệ"), NULL;
  if (!member_int (object, "hlc", &op->hlc) || op->hlc < 0)
    return bad_request (error, "“hlc” thiếu hoặc không hợp lệ"), NULL;
  if (!xaso_sync_uuid_valid (xaso_sync_member_string (object, "id")) || !xaso_sync_uuid_valid (xaso_sync_member_string (object, "row")))
    return bad_request (error, "“id” hoặc “row” không phải UUID"), NULL;
  if (xaso_sync_member_string (object, "actor") == NULL || strlen (xaso_sync_member_string (object, "actor")) > 64)
    return bad_request (error, "“actor” thiếu hoặc quá dài"), NULL;
  if (!xaso_sync_table_is_synced (xaso_sync_member_string (object, "table")))
    return bad_request (error, "bảng không được đồng bộ"), NULL;
  kind = xaso_sync_member_string (object, "kind");
  if (g_strcmp0 (kind, "insert") != 0 && g_strcmp0 (kind, "update") != 0 && g_strcmp0 (kind, "delete") != 0)
    return bad_request (error, "“kind” phải là insert, update hoặc delete"), NULL;
  if (json_object_get_member (object, "fields") == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fields")))
    return bad_request (error, "thiếu “fields”"), NULL;
  fields = json_object_get_object_member (object, "fields");
  if (!fields_valid (fields, g_str_equal (kind, "insert"), error))
    return NULL;
  op->resolves = read_uuid_list (json_object_get_member (object, "resolves"), &ok);
  if (!ok)
    return bad_request (error, "“resolves” phải là danh sách UUID"), NULL;

  op->id = g_strdup (xaso_sync_member_string (object, "id"));
  op->actor = g_strdup (xaso_sync_member_string (object, "actor"));
  op->table = g_strdup (xaso_sync_member_string (object, "table"));
  op->row = g_strdup (xaso_sync_member_string (object, "row"));
  op->kind = g_strdup (kind);
  op->fields = json_object_ref (fields);
  return g_steal_pointer (&op);
}

void
xaso_sync_op_to_json (const XasoSyncOp *op,
                      JsonBuilder      *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, op->seq);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, op->id);
  json_builder_set_member_name (builder, "hlc");
  json_builder_add_int_value (builder, op->hlc);
  json_builder_set_member_name (builder, "actor");
  json_builder_add_string_value (builder, op->actor);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, op->table);
  json_builder_set_member_name (builder, "row");
  json_builder_add_string_value (builder, op->row);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, op->kind);
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), op->fields));
  if (op->resolves != NULL)
    {
      json_builder_set_member_name (builder, "resolves");
      json_builder_begin_array (builder);
      for (char **id = op->resolves; *id != NULL; id++)
        json_builder_add_string_value (builder, *id);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

void
xaso_sync_push_free (XasoSyncPush *push)
{
  if (push == NULL)
    return;
  g_free (push->device_id);
  g_clear_pointer (&push->ops, g_ptr_array_unref);
  g_free (push);
}

JsonNode *
xaso_sync_parse_object (const char  *body,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (length > XASO_SYNC_MAX_BODY)
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE, "Yêu cầu quá lớn (tối đa 8 MiB).");
      return NULL;
    }
  if (!g_utf8_validate (body, (gssize) length, NULL) ||
      !json_parser_load_from_data (parser, body, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_JSON,
                           "Nội dung yêu cầu không phải JSON hợp lệ.");
      return NULL;
    }
  return json_node_ref (root);
}

gint64
xaso_sync_op_seq (JsonNode *op)
{
  gint64 seq = 0;

  if (op != NULL && JSON_NODE_HOLDS_OBJECT (op) && member_int (json_node_get_object (op), "seq", &seq))
    return seq;
  return 0;
}

JsonArray *
xaso_sync_push_read_envelope (JsonObject  *root,
                              const char **device_id,
                              GError     **error)
{
  JsonNode *ops = json_object_get_member (root, "ops");
  JsonArray *array;
  gint64 last = 0;

  *device_id = xaso_sync_member_string (root, "device_id");
  if (!xaso_sync_uuid_valid (*device_id))
    return bad_request (error, "“device_id” không phải UUID"), NULL;
  if (ops == NULL || !JSON_NODE_HOLDS_ARRAY (ops))
    return bad_request (error, "thiếu danh sách “ops”"), NULL;
  array = json_node_get_array (ops);
  if (json_array_get_length (array) > XASO_SYNC_MAX_OPS)
    {
      g_set_error (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_TOO_LARGE,
                   "Mỗi lần gửi tối đa %d thao tác.", XASO_SYNC_MAX_OPS);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 seq = xaso_sync_op_seq (json_array_get_element (array, i));

      if (seq < 1)
        return bad_request (error, "“seq” của một thao tác thiếu hoặc không hợp lệ"), NULL;
      if (seq <= last)
        return bad_request (error, "các thao tác phải theo thứ tự “seq” tăng dần"), NULL;
      last = seq;
    }
  return array;
}

XasoSyncPush *
xaso_sync_push_parse (const char  *body,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(JsonNode) root = xaso_sync_parse_object (body, length, error);
  g_autoptr(XasoSyncPush) push = NULL;
  const char *device_id;
  JsonArray *ops;

  if (root == NULL || (ops = xaso_sync_push_read_envelope (json_node_get_object (root), &device_id, error)) == NULL)
    return NULL;
  push = g_new0 (XasoSyncPush, 1);
  push->device_id = g_strdup (device_id);
  push->ops = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_sync_op_free);
  for (guint i = 0; i < json_array_get_length (ops); i++)
    {
      XasoSyncOp *op = xaso_sync_op_from_json (json_array_get_element (ops, i), error);

      if (op == NULL)
        return NULL;
      g_ptr_array_add (push->ops, op);
    }
  return g_steal_pointer (&push);
}

/* Receipts ------------------------------------------------------------------ */

void
xaso_sync_receipt_free (XasoSyncReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_strfreev (receipt->conflicts);
  g_free (receipt->reason_code);
  g_free (receipt->reason);
  g_free (receipt);
}

void
xaso_sync_receipt_to_json (const XasoSyncReceipt *receipt,
                           JsonBuilder           *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, receipt->seq);
  json_builder_set_member_name (builder, "outcome");
  json_builder_add_string_value (builder, xaso_sync_outcome_name (receipt->outcome));
  if (receipt->outcome != XASO_SYNC_REJECTED)
    {
      json_builder_set_member_name (builder, "server_seq");
      json_builder_add_int_value (builder, receipt->server_seq);
    }
  if (receipt->conflicts != NULL)
    {
      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      for (char **id = receipt->conflicts; *id != NULL; id++)
        json_builder_add_string_value (builder, *id);
      json_builder_end_array (builder);
    }
  if (receipt->outcome == XASO_SYNC_REJECTED)
    {
      json_builder_set_member_name (builder, "reason_code");
      json_builder_add_string_value (builder, receipt->reason_code ? receipt->reason_code : "invalid");
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, receipt->reason ? receipt->reason : "");
    }
  json_builder_end_object (builder);
}

XasoSyncReceipt *
xaso_sync_receipt_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(XasoSyncReceipt) receipt = g_new0 (XasoSyncReceipt, 1);
  JsonObject *object;
  gboolean ok;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  if (!member_int (object, "seq", &receipt->seq) ||
      !xaso_sync_outcome_parse (xaso_sync_member_string (object, "outcome"), &receipt->outcome))
    goto bad;
  if (receipt->outcome != XASO_SYNC_REJECTED &&
      (!member_int (object, "server_seq", &receipt->server_seq) || receipt->server_seq < 1))
    goto bad;
  receipt->conflicts = read_uuid_list (json_object_get_member (object, "conflicts"), &ok);
  if (!ok)
    goto bad;
  receipt->reason_code = g_strdup (xaso_sync_member_string (object, "reason_code"));
  receipt->reason = g_strdup (xaso_sync_member_string (object, "reason"));
  if (receipt->outcome == XASO_SYNC_REJECTED && (receipt->reason_code == NULL || receipt->reason == NULL))
    goto bad;
  return g_steal_pointer (&receipt);

bad:
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_ANSWER,
                       "Máy chủ trả lời một biên nhận không hợp lệ.");
  return NULL;
}

/* The log's checksum -------------------------------------------------------- */

/* The letter after the backslash that escapes @c in a JSON string, or 0
 * when it is written \u00XX. */
static char
short_escape (guchar c)
{
  switch (c)
    {
    case '\n':
      return 'n';
    case '\t':
      return 't';
    case '\r':
      return 'r';
    case '\b':
      return 'b';
    case '\f':
      return 'f';
    case '"':
    case '\\':
      return (char) c;
    default:
      return 0;
    }
}

void
xaso_sync_json_append_string (GString    *out,
                              const char *text)
{
  const char *run = text;
  const char *p;

  /* Runs of characters that need no escape are copied at once: log entries
   * and their records are mostly such text, and a push writes thousands. */
  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      char escape;

      if (c != '"' && c != '\\' && c >= 0x20)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      escape = short_escape (c);
      g_string_append_c (out, '\\');
      if (escape != 0)
        g_string_append_c (out, escape);
      else
        g_string_append_printf (out, "u%04x", c);
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* printf's machinery is most of the cost of a number otherwise. */
static void
append_int (GString *out,
            gint64   value)
{
  char digits[24];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  int at = sizeof digits;

  do
    digits[--at] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    digits[--at] = '-';
  g_string_append_len (out, digits + at, (gssize) sizeof digits - at);
}

void
xaso_sync_json_append_value (GString  *out,
                             JsonNode *node)
{
  GType type;

  /* The type is asked once: each JSON_NODE_HOLDS_… is a call. */
  if (node == NULL || json_node_get_node_type (node) != JSON_NODE_VALUE)
    {
      g_string_append (out, "null");
      return;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    xaso_sync_json_append_string (out, json_node_get_string (node));
  else if (type == G_TYPE_INT64)
    append_int (out, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (number, sizeof number, "%.17g", json_node_get_double (node)));
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    g_string_append (out, "null");
}

typedef struct
{
  const char *name;
  JsonNode   *node;
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Member *) a)->name, ((const Member *) b)->name);
}

/* The canonical text of an entry, after @out: the head in a fixed order,
 * then the fields by name. Every pulled and pushed entry goes through here
 * (the log's checksum), so the fields are read once, with their nodes. */
void
xaso_sync_entry_canonical_append (GString    *out,
                                  JsonObject *entry)
{
  static const char * const head[] = { "server_seq", "device_id", "seq", "table", "row", "kind" };
  JsonObject *fields = NULL;
  Member stack[48];
  g_autofree Member *heap = NULL;
  Member *members = stack;
  guint n = 0;

  g_string_append_c (out, '{');
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    {
      xaso_sync_json_append_string (out, head[i]);
      g_string_append_c (out, ':');
      xaso_sync_json_append_value (out, json_object_get_member (entry, head[i]));
      g_string_append_c (out, ',');
    }
  if (json_object_has_member (entry, "fields") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "fields")))
    fields = json_object_get_object_member (entry, "fields");
  if (fields != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (json_object_get_size (fields) > G_N_ELEMENTS (stack))
        members = heap = g_new (Member, json_object_get_size (fields));
      json_object_iter_init (&iter, fields);
      while (json_object_iter_next (&iter, &name, &node))
        members[n++] = (Member) { name, node };
      qsort (members, n, sizeof (Member), compare_members);
    }
  g_string_append (out, "\"fields\":{");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      xaso_sync_json_append_string (out, members[i].name);
      g_string_append_c (out, ':');
      xaso_sync_json_append_value (out, members[i].node);
    }
  g_string_append (out, "}}");
}

char *
xaso_sync_entry_canonical (JsonObject *entry)
{
  GString *out = g_string_sized_new (256);

  xaso_sync_entry_canonical_append (out, entry);
  return g_string_free (out, FALSE);
}

char *
xaso_sync_checksum_next (const char *previous,
                         const char *canonical)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) previous, -1);
  g_checksum_update (checksum, (const guchar *) canonical, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

char *
xaso_sync_sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Tokens ------------------------------------------------------------------------ */

char *
xaso_sync_token_make (const char *commune_code,
                      const char *device_id,
                      const char *secret)
{
  return g_strdup_printf ("%s.%s.%s", commune_code, device_id, secret);
}

gboolean
xaso_sync_token_parse (const char  *token,
                       char       **commune_code,
                       char       **device_id,
                       char       **secret)
{
  g_auto(GStrv) parts = NULL;

  if (token == NULL || strlen (token) > 256)
    return FALSE;
  parts = g_strsplit (token, ".", 3);
  if (g_strv_length (parts) != 3 || !xaso_sync_commune_code_valid (parts[0]) ||
      !xaso_sync_uuid_valid (parts[1]) || strlen (parts[2]) < 16)
    return FALSE;
  *commune_code = g_strdup (parts[0]);
  *device_id = g_strdup (parts[1]);
  *secret = g_strdup (parts[2]);
  return TRUE;
}
