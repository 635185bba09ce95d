/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* A change the server refused, kept to be shown and dealt with. */
typedef struct
{
  char *id;
  char *table;
  char *row_id;
  char *record;        /* what the record is called (a name, a code), or NULL */
  char *reason_code;
  char *reason;        /* the server's words, in Vietnamese */
  char *received_at;
} XasoSyncRejected;

typedef enum
{
  XASO_SYNC_LOG_SYNC,    /* a push and pull (xaso-sync-run.c) */
  XASO_SYNC_LOG_DIGEST,  /* tables compared with the server's (xaso-sync-digest.c) */
} XasoSyncLogKind;

/* One sync or digest, as the log keeps it. */
typedef struct
{
  XasoSyncLogKind kind;
  char           *started_at;
  char           *finished_at;
  guint           sent;
  guint           conflicts;
  guint           rejected;
  guint           pulled;
  guint64         bytes_in;
  guint           tables;       /* a digest: tables compared, */
  guint           differing;    /* those whose digest differed, */
  guint           repaired;     /* rows written again from the server's values, */
  guint           recaptured;   /* rows the server lacked, captured again to push */
  char           *error;        /* NULL when it finished */
} XasoSyncLogLine;

void       xaso_sync_rejected_free (XasoSyncRejected *rejected);
void       xaso_sync_log_line_free (XasoSyncLogLine  *line);
/* The refused changes not yet dealt with, newest first. */
GPtrArray *xaso_sync_rejected_list (XasoDatabase  *db,
                                    GError       **error);
/* The last @limit syncs and digests, newest first. */
GPtrArray *xaso_sync_log_list      (XasoDatabase  *db,
                                    guint          limit,
                                    GError       **error);
/* Drops the oldest lines beyond the few hundred the log keeps; after each
 * line written. */
gboolean   xaso_sync_log_trim      (XasoDatabase  *db,
                                    GError       **error);
/* What a line of the log says, for people: what went and came, or what the
 * digest compared and repaired, then the error if it failed. */
char      *xaso_sync_log_line_describe (const XasoSyncLogLine *line);
/* What a record of a synced table is called where people see it: a
 * person's or an account's name, a household's or a dossier's code, a
 * document's number or subject. NULL when there is nothing better than
 * its id. */
char      *xaso_sync_record_label  (XasoDatabase  *db,
                                    const char    *table,
                                    const char    *row_id);

G_END_DECLS
