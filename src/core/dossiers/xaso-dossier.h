/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-calendar.h"
#include "xaso-record.h"

G_BEGIN_DECLS

#define XASO_DOSSIER_ERROR (xaso_dossier_error_quark ())

typedef enum
{
  XASO_DOSSIER_ERROR_INVALID,
  XASO_DOSSIER_ERROR_STATE,        /* the transition does not apply at this status */
  XASO_DOSSIER_ERROR_PAPERS,       /* a required paper is missing at reception */
  XASO_DOSSIER_ERROR_CODE,         /* no dossier code could be given */
} XasoDossierError;

/* A one-stop dossier (hồ sơ một cửa). Its history is in dossier_event;
 * status, deadlines, assignee, step and timeliness are the fold of those
 * events (xaso-dossier-fold.h), kept here so lists can sort and filter. */
typedef enum
{
  XASO_DOSSIER_CODE,               /* <agency eid>-<yyMMdd>-<NNNN> */
  XASO_DOSSIER_PROCEDURE_ID,       /* the procedure version it was received under */
  XASO_DOSSIER_CHANNEL,            /* direct, online, postal */
  XASO_DOSSIER_APPLICANT_NAME,
  XASO_DOSSIER_APPLICANT_PERSON_ID,
  XASO_DOSSIER_APPLICANT_ID_NUMBER,
  XASO_DOSSIER_APPLICANT_PHONE,
  XASO_DOSSIER_APPLICANT_ADDRESS,
  XASO_DOSSIER_SUMMARY,
  XASO_DOSSIER_STATUS,             /* national code 1–10 */
  XASO_DOSSIER_NEEDS_REVIEW,       /* 1: its events hold a transition that was not allowed */
  XASO_DOSSIER_RECEIVED_AT,
  XASO_DOSSIER_DUE_AT,             /* the current appointment (after an apology, the new one) */
  XASO_DOSSIER_LEGAL_DUE_AT,       /* the legal deadline, pauses excluded, for statistics */
  XASO_DOSSIER_RESOLVED_AT,
  XASO_DOSSIER_RETURNED_AT,
  XASO_DOSSIER_ASSIGNEE_USER_ID,
  XASO_DOSSIER_DEPARTMENT,
  XASO_DOSSIER_FEE_AMOUNT,
  XASO_DOSSIER_PAPERS,             /* JSON array of the indices of the papers received */
  XASO_DOSSIER_FEE_EXEMPTION,
  XASO_DOSSIER_TIMELINESS,         /* early, on_time, late */
  XASO_DOSSIER_STEP,
  XASO_DOSSIER_STEP_DUE_AT,
  XASO_DOSSIER_PAUSED_AT,
  XASO_DOSSIER_COLLECTED_BY,
  XASO_DOSSIER_DESK_DEVICE_ID,
  XASO_DOSSIER_N_FIELDS
} XasoDossierField;

/* The national status codes (domain-vietnam.md §2.4). */
typedef enum
{
  XASO_DOSSIER_NEW = 1,            /* online, waiting for reception */
  XASO_DOSSIER_RECEIVED,
  XASO_DOSSIER_REFUSED,
  XASO_DOSSIER_IN_PROGRESS,
  XASO_DOSSIER_SUPPLEMENT,         /* the clock is paused */
  XASO_DOSSIER_PAYMENT,
  XASO_DOSSIER_WITHDRAWN,
  XASO_DOSSIER_STOPPED,
  XASO_DOSSIER_PROCESSED,
  XASO_DOSSIER_RETURNED,
} XasoDossierStatus;

/* How a resolved dossier kept its legal deadline. */
typedef enum
{
  XASO_TIMELINESS_NONE,            /* not resolved */
  XASO_TIMELINESS_EARLY,           /* trước hạn: resolved on an earlier day */
  XASO_TIMELINESS_ON_TIME,         /* đúng hạn: on the day, not after the time */
  XASO_TIMELINESS_LATE,            /* quá hạn */
} XasoTimeliness;

#define XASO_TYPE_DOSSIER (xaso_dossier_get_type ())
G_DECLARE_FINAL_TYPE (XasoDossier, xaso_dossier, XASO, DOSSIER, XasoRecord)

GQuark          xaso_dossier_error_quark   (void);
XasoDossier    *xaso_dossier_new           (void);
XasoDossier    *xaso_dossier_load          (XasoDatabase     *db,
                                            const char       *id,
                                            GError          **error);
XasoDossier    *xaso_dossier_find_by_code  (XasoDatabase     *db,
                                            const char       *code,
                                            GError          **error);
const char     *xaso_dossier_get           (XasoDossier      *self,
                                            XasoDossierField  field);
void            xaso_dossier_set           (XasoDossier      *self,
                                            XasoDossierField  field,
                                            const char       *value);
XasoDossierStatus xaso_dossier_get_status  (XasoDossier      *self);
gboolean        xaso_dossier_is_open       (XasoDossier      *self);

/* In words, for lists, forms and the CLI. */
const char     *xaso_dossier_status_label  (XasoDossierStatus status);
const char     *xaso_dossier_channel_label (const char       *channel);
const char     *xaso_timeliness_to_string  (XasoTimeliness    timeliness);
XasoTimeliness  xaso_timeliness_from_string (const char      *text);
const char     *xaso_timeliness_label      (XasoTimeliness    timeliness);
gboolean        xaso_dossier_status_is_open (XasoDossierStatus status);

/* The working calendar deadlines are counted on, in the commune's time
 * (UTC+7) whatever the computer's zone: xaso_commune_calendar (). */
XasoCalendar   *xaso_dossier_calendar      (void);

/* Times of dossiers are ISO 8601 to the second with the zone,
 * 2026-01-05T09:30:00+07:00; parsing also takes "2026-01-05 09:30" and
 * "2026-01-05" (17:00), in the commune's time. */
char           *xaso_dossier_format_time   (GDateTime        *time);
GDateTime      *xaso_dossier_parse_time    (const char       *text);
/* "05/01/2026 09:30", for people. */
char           *xaso_dossier_display_time  (const char       *iso);

G_END_DECLS
