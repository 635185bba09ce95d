/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* POST /v1/inbox/dossiers (PROTOCOL.md): an online dossier submitted by
 * another system, as read and checked before anything is looked up. */

#define XASO_INBOX_MAX_EXTERNAL_ID 64
#define XASO_INBOX_MAX_NAME        200
#define XASO_INBOX_MAX_ADDRESS     500
#define XASO_INBOX_MAX_NOTES       2000
/* A submission from the future is refused beyond this (clocks differ). */
#define XASO_INBOX_FUTURE_SLACK_S  600

typedef struct
{
  char      *commune;
  char      *external_id;
  char      *procedure_code;
  char      *applicant_name;
  char      *applicant_folded;
  char      *applicant_id_number;  /* NULL when not given */
  char      *applicant_phone;      /* NULL when not given */
  char      *applicant_address;    /* NULL when not given */
  char      *notes;                /* NULL when not given */
  GDateTime *submitted_at;         /* in the commune's time (UTC+7) */
} XasoInboxSubmission;

void                 xaso_inbox_submission_free (XasoInboxSubmission *submission);
/* Checks every member of the body; XASO_SYNC_ERROR_BAD_REQUEST naming the
 * first one that is wrong. */
XasoInboxSubmission *xaso_inbox_submission_read (JsonObject          *body,
                                                 GError             **error);
/* A name folded as the desktop folds it for sorting and search: no marks,
 * đ as d, lower case, spaces collapsed. */
char                *xaso_inbox_fold_name       (const char          *name);
/* "2026-12-07T08:15:00+07:00", as desktops write dossier times. */
char                *xaso_inbox_format_time     (GDateTime           *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoInboxSubmission, xaso_inbox_submission_free)

G_END_DECLS
