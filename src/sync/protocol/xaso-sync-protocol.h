/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The protocol codec shared by the desktop's sync engine and xaso-server
 * (PROTOCOL.md): limits, ops, receipts, log entries and their checksum,
 * errors. GLib and json-glib only: the server links it without core. */

#define XASO_SYNC_MAX_OPS        500
#define XASO_SYNC_MAX_ENTRIES    500
#define XASO_SYNC_MAX_BODY       (8 * 1024 * 1024)
#define XASO_SYNC_MAX_WAIT       60
/* Blobs: every chunk of an upload but the last is exactly one chunk long. */
#define XASO_SYNC_BLOB_CHUNK     (1024 * 1024)
#define XASO_SYNC_BLOB_MAX       ((gint64) 256 * 1024 * 1024)
#define XASO_SYNC_BLOB_MAX_RANGE (8 * 1024 * 1024)
/* Leases (PROTOCOL.md, "POST /v1/leases"): a register lease lasts this
 * long from its last renewal; dossier code blocks come from 1 to
 * XASO_SYNC_CODES_SERVER_LAST, and each desk's offline sub-range of
 * XASO_SYNC_CODES_SLOT codes from the numbers above. */
#define XASO_SYNC_LEASE_DAYS        60
#define XASO_SYNC_CODES_SERVER_LAST 8999
#define XASO_SYNC_CODES_SLOT        50
#define XASO_SYNC_CODES_MAX_COUNT   500
#define XASO_SYNC_CHECKSUM_ZERO  "0000000000000000000000000000000000000000000000000000000000000000"

#define XASO_SYNC_ERROR (xaso_sync_error_quark ())

/* One per error code of PROTOCOL.md, in its order. */
typedef enum
{
  XASO_SYNC_ERROR_BAD_JSON,
  XASO_SYNC_ERROR_BAD_REQUEST,
  XASO_SYNC_ERROR_TOKEN_MISSING,
  XASO_SYNC_ERROR_TOKEN_INVALID,
  XASO_SYNC_ERROR_ENROLLMENT_CODE_INVALID,
  XASO_SYNC_ERROR_WRONG_COMMUNE,
  /* The inbox's own (POST /v1/inbox/dossiers). */
  XASO_SYNC_ERROR_DUPLICATE_CODE,
  XASO_SYNC_ERROR_UNKNOWN_COMMUNE,
  XASO_SYNC_ERROR_UNKNOWN_PROCEDURE,
  XASO_SYNC_ERROR_NOT_FOUND,
  XASO_SYNC_ERROR_METHOD_NOT_ALLOWED,
  XASO_SYNC_ERROR_DEVICE_ENROLLED,
  XASO_SYNC_ERROR_OFFSET_MISMATCH,
  XASO_SYNC_ERROR_LEASE_HELD,
  XASO_SYNC_ERROR_CODES_EXHAUSTED,
  XASO_SYNC_ERROR_SCHEMA_TOO_NEW,
  XASO_SYNC_ERROR_TOO_LARGE,
  XASO_SYNC_ERROR_WRONG_CONTENT_TYPE,
  XASO_SYNC_ERROR_RANGE_NOT_SATISFIABLE,
  XASO_SYNC_ERROR_CHECKSUM_MISMATCH,
  XASO_SYNC_ERROR_KEY_ID_MISMATCH,
  XASO_SYNC_ERROR_DATABASE_UNAVAILABLE,
  XASO_SYNC_ERROR_INTERNAL,
  /* Client side only: the answer could not be had or read. */
  XASO_SYNC_ERROR_NETWORK,
  XASO_SYNC_ERROR_BAD_ANSWER,
  XASO_SYNC_ERROR_DIVERGED,
} XasoSyncError;

GQuark      xaso_sync_error_quark        (void);
/* "bad_json"…, and back (-1 when unknown). */
const char *xaso_sync_error_code_name    (XasoSyncError  code);
int         xaso_sync_error_from_name    (const char    *name);
guint       xaso_sync_error_http_status  (XasoSyncError  code);
/* The JSON body of an error: {"error":{"code","message"}}. */
char       *xaso_sync_error_body         (XasoSyncError  code,
                                          const char    *message);

/* The tables that travel (NULL-terminated), a table's place in that list
 * (-1 if it does not travel), and the names a field may have. */
const char * const *xaso_sync_get_tables (void);
int         xaso_sync_table_index        (const char    *table);
gboolean    xaso_sync_table_is_synced    (const char    *table);
gboolean    xaso_sync_field_name_valid   (const char    *name);

typedef enum
{
  XASO_SYNC_APPLIED,
  XASO_SYNC_MERGED,
  XASO_SYNC_CONFLICT,
  XASO_SYNC_REJECTED,
} XasoSyncOutcome;

const char *xaso_sync_outcome_name       (XasoSyncOutcome  outcome);
gboolean    xaso_sync_outcome_parse      (const char      *name,
                                          XasoSyncOutcome *outcome);

/* An op as pushed. fields: {name: {"new": v[, "old": v, "base": n]}}. */
typedef struct
{
  gint64      seq;
  char       *id;
  gint64      hlc;
  char       *actor;
  char       *table;
  char       *row;
  char       *kind;          /* "insert", "update" or "delete" */
  JsonObject *fields;
  char      **resolves;      /* conflict ids, or NULL */
} XasoSyncOp;

void        xaso_sync_op_free            (XasoSyncOp    *op);
/* Checks every rule of PROTOCOL.md's push on one op (XASO_SYNC_ERROR_BAD_REQUEST
 * naming what is wrong). */
XasoSyncOp *xaso_sync_op_from_json       (JsonNode      *node,
                                          GError       **error);
void        xaso_sync_op_to_json         (const XasoSyncOp *op,
                                          JsonBuilder   *builder);

/* A push request: the device and its ops in ascending seq. */
typedef struct
{
  char      *device_id;
  GPtrArray *ops;            /* XasoSyncOp */
} XasoSyncPush;

void          xaso_sync_push_free        (XasoSyncPush  *push);
/* A whole push, every op checked: one bad op refuses the request. */
XasoSyncPush *xaso_sync_push_parse       (const char    *body,
                                          gsize          length,
                                          GError       **error);
/* What a push must have for the request to be taken at all: the device
 * (@device_id points into @root), at most 500 ops, each with its seq, in
 * ascending order. What is wrong inside one op is left for that op's
 * receipt (the server rejects it alone). */
JsonArray    *xaso_sync_push_read_envelope (JsonObject  *root,
                                            const char **device_id,
                                            GError     **error);
/* An op's seq, or 0 when it has none. */
gint64        xaso_sync_op_seq           (JsonNode      *op);

/* A request's body: UTF-8 JSON holding an object, at most 8 MiB
 * (XASO_SYNC_ERROR_TOO_LARGE, XASO_SYNC_ERROR_BAD_JSON). */
JsonNode     *xaso_sync_parse_object     (const char    *body,
                                          gsize          length,
                                          GError       **error);
/* A string member, or NULL when absent or not a string. */
const char   *xaso_sync_member_string    (JsonObject    *object,
                                          const char    *name);

/* A receipt, as the server answers it for one op. */
typedef struct
{
  gint64           seq;
  XasoSyncOutcome  outcome;
  gint64           server_seq;   /* 0 when rejected */
  char           **conflicts;    /* ids, or NULL */
  char            *reason_code;  /* rejected only */
  char            *reason;
} XasoSyncReceipt;

void             xaso_sync_receipt_free      (XasoSyncReceipt *receipt);
void             xaso_sync_receipt_to_json   (const XasoSyncReceipt *receipt,
                                              JsonBuilder     *builder);
XasoSyncReceipt *xaso_sync_receipt_from_json (JsonNode        *node,
                                              GError         **error);

/* JSON written straight into a GString, as the canonical text below wants
 * it: strings escaped as JSON requires and nothing more, integers in
 * decimal, other numbers as %.17g, anything but a plain value as null. */
void        xaso_sync_json_append_string (GString     *out,
                                          const char  *text);
void        xaso_sync_json_append_value  (GString     *out,
                                          JsonNode    *node);

/* The canonical text of a log entry (PROTOCOL.md) and the running checksum
 * that chains them: c(n) = SHA-256(c(n-1) ‖ canonical(entry n)), in hex. */
char       *xaso_sync_entry_canonical    (JsonObject    *entry);
void        xaso_sync_entry_canonical_append (GString   *out,
                                              JsonObject *entry);
char       *xaso_sync_checksum_next      (const char    *previous,
                                          const char    *canonical);

/* Device tokens: "<commune>.<device>.<secret>". */
char       *xaso_sync_token_make         (const char    *commune_code,
                                          const char    *device_id,
                                          const char    *secret);
gboolean    xaso_sync_token_parse        (const char    *token,
                                          char         **commune_code,
                                          char         **device_id,
                                          char         **secret);
/* SHA-256 of text, in hex. */
char       *xaso_sync_sha256_hex         (const char    *text);
gboolean    xaso_sync_commune_code_valid (const char    *code);
gboolean    xaso_sync_uuid_valid         (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncOp, xaso_sync_op_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncPush, xaso_sync_push_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoSyncReceipt, xaso_sync_receipt_free)

G_END_DECLS
