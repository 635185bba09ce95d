/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-calendar.h"
#include "xaso-dossier.h"
#include "xaso-procedure.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* What the counter takes in (tiếp nhận). */
typedef struct
{
  const char  *procedure_code;     /* the version valid on the day of reception is used */
  const char  *channel;            /* direct (default), online, postal */
  const char  *applicant_name;
  const char  *applicant_id_number;
  const char  *applicant_person_id; /* the resident record, when the applicant is one */
  const char  *applicant_phone;
  const char  *applicant_address;
  const char  *summary;
  const char  *at;                 /* ISO 8601; NULL: now */
  gboolean     all_papers;         /* every paper of the procedure was handed in */
  const guint *papers;             /* otherwise the indices (from 0) of those handed in */
  guint        n_papers;
  const char  *fee_exemption;      /* why no fee is due (người có công, hộ nghèo…), or NULL */
} XasoReception;

/* Receives a dossier: gives it its code from this desk's block, computes
 * its appointment in working time, and records the reception, all in one
 * transaction. A required paper missing refuses with
 * XASO_DOSSIER_ERROR_PAPERS, naming them: the counter then gives the
 * guidance form instead of a dossier. Returns the dossier's id. */
char     *xaso_dossier_receive        (XasoDatabase         *db,
                                       XasoUser             *actor,
                                       const XasoReception  *reception,
                                       GError              **error);
/* The papers of @procedure_code that a reception with @reception's papers
 * lacks (conditional ones, "(nếu …)", are never required). */
GStrv     xaso_dossier_missing_papers (XasoDatabase         *db,
                                       const XasoReception  *reception,
                                       GError              **error);

/* What the counter checks before taking a dossier in: the version of the
 * procedure valid at the reception, its time in the commune's zone, the
 * papers handed in and those required but missing. */
typedef struct
{
  XasoProcedure *procedure;
  GDateTime     *at;
  GStrv          handed_in;
  GStrv          missing;
} XasoPaperCheck;

gboolean  xaso_dossier_check_papers   (XasoDatabase         *db,
                                       const XasoReception  *reception,
                                       XasoPaperCheck       *check,
                                       GError              **error);
void      xaso_paper_check_clear      (XasoPaperCheck       *check);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoPaperCheck, xaso_paper_check_clear)

/* One transition of a dossier (xaso_dossier_transition_allowed ()). */
typedef struct
{
  const char  *kind;               /* assigned, forwarded, supplement_requested… */
  const char  *at;                 /* NULL: now */
  const char  *to_username;        /* assigned, forwarded: who takes it */
  const char  *note;               /* the reason of a refusal, stop, apology */
  const char  *new_due;            /* apologized: the new appointment, ISO 8601 */
  const char * const *papers;      /* supplement_requested: every paper missing, at once */
  const char  *collected_by;       /* returned: who took the result */
  const char  *file;               /* approved: the signed result PDF */
} XasoDossierAction;

/* Checks @actor's right and that the transition applies at the dossier's
 * status, appends the event and refolds the dossier. */
gboolean  xaso_dossier_act            (XasoDatabase            *db,
                                       XasoUser                *actor,
                                       const char              *dossier_id,
                                       const XasoDossierAction *action,
                                       GError                 **error);
/* Attaches the file at @path to the dossier (a scan, the result draft):
 * stored once, encrypted when @sensitive (scans of identity papers), and
 * noted in the history. Blocks on disk and the keyring: a worker's job. */
gboolean  xaso_dossier_attach_file    (XasoDatabase            *db,
                                       XasoUser                *actor,
                                       const char              *dossier_id,
                                       const char              *path,
                                       gboolean                 sensitive,
                                       GError                 **error);
/* Whether @user's roles allow the step @kind (core checks it again). */
gboolean  xaso_dossier_step_allowed   (XasoUser                *user,
                                       const char              *kind);
/* Records that @actor viewed or printed the dossier (a form): audited. */
gboolean  xaso_dossier_note_access    (XasoDatabase            *db,
                                       XasoUser                *actor,
                                       const char              *dossier_id,
                                       const char              *kind,
                                       const char              *what,
                                       GError                 **error);

/* The fold of one dossier's events, written to its row. Each replica keeps
 * its own: the columns it writes are not captured as ops, so two desks
 * never conflict over what the same events add up to. */
gboolean  xaso_dossier_refold         (XasoDatabase            *db,
                                       const char              *dossier_id,
                                       GError                 **error);
/* xaso_dossier_refold() of each id of the set @dossier_ids (the keys), each
 * procedure read once. */
gboolean  xaso_dossier_refold_set     (XasoDatabase            *db,
                                       GHashTable              *dossier_ids,
                                       GError                 **error);
/* Refolds every dossier (after a large pull); returns how many changed. */
gint64    xaso_dossier_refold_all     (XasoDatabase            *db,
                                       GError                 **error);

G_END_DECLS
