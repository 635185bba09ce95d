/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-sync-protocol.h"

G_BEGIN_DECLS

/* The decisions of a push (PROTOCOL.md, "POST /v1/push"), made in memory on
 * the state of the rows the batch touches, which the caller loads first and
 * stores afterwards. Ops are applied one by one in seq order, so an op sees
 * the effects of the ops before it in the same batch. */

typedef struct _XasoApply XasoApply;

typedef struct
{
  JsonNode *value;
  gint64    version;
  char     *device;          /* the device whose op set it */
  gboolean  dirty;
} XasoApplyField;

typedef struct
{
  char       *table;
  char       *row;
  gboolean    exists;        /* the commune's server has seen the row */
  gboolean    claimable;     /* absent here, and its id is free in every commune */
  gboolean    held;          /* its head is in row_head: loaded, or claimed already */
  gboolean    deleted;
  gint64      version;
  gboolean    dirty;
  GHashTable *fields;        /* name → XasoApplyField */
} XasoApplyRow;

typedef struct
{
  gint64  server_seq;
  gint64  seq;
  char   *entry;             /* the JSON text pull serves */
  char   *checksum;          /* c(server_seq) */
} XasoApplyEntry;

typedef struct
{
  gint64           seq;
  XasoSyncOutcome  outcome;
  gint64           server_seq;
  char            *text;     /* the receipt's JSON, stored and answered */
  gboolean         replayed; /* answered from the store, nothing to write */
} XasoApplyReceipt;

typedef struct
{
  char     *id;
  char     *table;
  char     *row;
  char     *field;
  JsonNode *kept;
  gint64    kept_version;
  JsonNode *other;
  char     *other_actor;
  gint64    other_seq;
  gint64    server_seq;
} XasoApplyConflict;

typedef struct
{
  char   *id;
  gint64  server_seq;
} XasoApplyResolution;

typedef struct
{
  gint64  seq;
  char   *op;                /* the op's JSON as received */
  char   *reason_code;
  char   *reason;
} XasoApplyRejection;

/* A human number a row took in this batch (PROTOCOL.md: duplicate_number). */
typedef struct
{
  char *series;              /* "register:<id>" or "dossier" */
  char *number;
  char *table;
  char *row;
} XasoApplyClaim;

XasoApply  *xaso_apply_new            (const char *device_id,
                                       gint64      next_server_seq,
                                       const char *checksum);
void        xaso_apply_free           (XasoApply  *apply);

/* Loading the state. */
XasoApplyRow *xaso_apply_row          (XasoApply  *apply,
                                       const char *table,
                                       const char *row);
void        xaso_apply_set_field      (XasoApplyRow *row,
                                       const char   *field,
                                       JsonNode     *value,
                                       gint64        version,
                                       const char   *device);
void        xaso_apply_add_conflict   (XasoApply  *apply,
                                       const char *id,
                                       const char *table,
                                       const char *row,
                                       const char *field,
                                       gint64      kept_version,
                                       gboolean    resolved);
/* A number some row already holds, and the device holding a register's
 * lease (xaso-server-numbers.c loads them). */
void        xaso_apply_add_claim      (XasoApply  *apply,
                                       const char *series,
                                       const char *number,
                                       const char *row);
void        xaso_apply_add_holder     (XasoApply  *apply,
                                       const char *register_id,
                                       const char *device_id);

/* The commune's account named @username (an op's actor): its row and
 * roles, against which its ops are checked (xaso-sync-rights.h). An
 * account the batch itself writes counts from the op after. An actor no
 * account names writes only the tables open to every role, save the
 * program's own "xaso-seed" inserts of new rows and "xaso-upgrade" NFC
 * rewrites (PROTOCOL.md, "POST /v1/push"). */
void        xaso_apply_add_account    (XasoApply  *apply,
                                       const char *username,
                                       const char *row_id,
                                       guint       roles);

/* The commune holds an account already (else an op may make its first
 * administrator, named by the op's own actor, as core's first account is). */
void        xaso_apply_set_has_accounts (XasoApply *apply);
GHashTable *xaso_apply_get_accounts   (XasoApply  *apply);
/* The entries are the server's own (xaso-server-author.h), whose rights
 * their commands check (the operator's user add, an inbox token's scope):
 * their actors are not held to a commune's accounts. */
void        xaso_apply_trust_actors   (XasoApply  *apply);

/* Deciding, op by op. */
void        xaso_apply_replayed       (XasoApply  *apply,
                                       gint64      seq,
                                       const char *receipt);
void        xaso_apply_reject         (XasoApply  *apply,
                                       gint64      seq,
                                       JsonNode   *op,
                                       const char *reason_code,
                                       const char *reason);
void        xaso_apply_op             (XasoApply        *apply,
                                       const XasoSyncOp *op,
                                       JsonNode         *op_node);

/* The results, for the caller to store. */
GHashTable *xaso_apply_get_rows       (XasoApply  *apply);
GPtrArray  *xaso_apply_get_entries    (XasoApply  *apply);
GPtrArray  *xaso_apply_get_receipts   (XasoApply  *apply);
GPtrArray  *xaso_apply_get_conflicts  (XasoApply  *apply);
GPtrArray  *xaso_apply_get_resolutions (XasoApply *apply);
GPtrArray  *xaso_apply_get_rejections (XasoApply  *apply);
GPtrArray  *xaso_apply_get_new_claims (XasoApply  *apply);
gint64      xaso_apply_get_next_server_seq (XasoApply *apply);
const char *xaso_apply_get_checksum   (XasoApply  *apply);
/* New ops by outcome (replays excluded), indexed by XasoSyncOutcome. */
const guint *xaso_apply_get_counts    (XasoApply  *apply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoApply, xaso_apply_free)

G_END_DECLS
