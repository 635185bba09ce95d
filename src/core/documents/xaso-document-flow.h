/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The actions of Decree 30's flows on a document. Each checks @actor's
 * rights and the document's step (the GUI hides what a role may not do;
 * these refuse it anyway) on the document as it is in the database, and
 * writes the record and its event in one transaction, or nothing. */

/* ---- Incoming: receive, register, present, direct, handle ---- */

/* An earlier document with the same number, notation and issuer, or NULL. */
XasoDocument *xaso_document_find_duplicate (XasoDatabase  *db,
                                            XasoDocument  *doc,
                                            GError       **error);

/* Registers @doc (issuer, notation, dates, subject…) with the next số đến
 * of its year's incoming register, and its file if @file_path is given.
 * The type is read from the notation when not set. A duplicate is refused
 * with XASO_DOCUMENT_ERROR_DUPLICATE unless @allow_duplicate. A "mật"
 * document keeps only its stub (number, date, issuer, "MẬT") in the
 * register of its own, never its content or file. Returns the document
 * as saved; @doc is left as it was. */
XasoDocument *xaso_document_register_incoming (XasoDatabase  *db,
                                           XasoUser      *actor,
                                           XasoDocument  *doc,
                                           const char    *file_path,
                                           gboolean       allow_duplicate,
                                           GError       **error);
/* Takes @doc in as xaso_document_register_incoming() does, file and
 * duplicate check included, but without a số đến: it is saved "received",
 * in no register, for the văn thư to register later. Needs only the right
 * to receive (XASO_RIGHT_RECEIVE_INCOMING). */
XasoDocument *xaso_document_receive_incoming (XasoDatabase  *db,
                                           XasoUser      *actor,
                                           XasoDocument  *doc,
                                           const char    *file_path,
                                           gboolean       allow_duplicate,
                                           GError       **error);
/* The văn thư registers a received document: the next số đến of the
 * incoming register of its received date's year, status "registered" and
 * the "registered" event, in one transaction. Returns it as saved. */
XasoDocument *xaso_document_register_received (XasoDatabase  *db,
                                           XasoUser      *actor,
                                           const char    *document_id,
                                           GError       **error);
gboolean  xaso_document_present      (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      XasoUser      *leader,
                                      const char    *note,
                                      GError       **error);

/* The leader's directive (the blocks of the "phiếu giải quyết"). */
typedef struct
{
  XasoUser   *lead;           /* who handles it */
  const char *lead_unit;      /* or the unit, when no person yet */
  const char *co_handlers;    /* usernames, comma-separated */
  const char *deadline;       /* YYYY-MM-DD, or NULL */
  guint       working_days;   /* when no date: this many working days from today */
  const char *note;
} XasoDirective;

gboolean  xaso_document_direct       (XasoDatabase        *db,
                                      XasoUser            *actor,
                                      const char          *document_id,
                                      const XasoDirective *directive,
                                      GError             **error);
/* The lead, a unit leader, hands it on to one of theirs, with a deadline
 * no later than the one they were given. */
gboolean  xaso_document_pass_on      (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      XasoUser      *lead,
                                      const char    *deadline,
                                      const char    *note,
                                      GError       **error);
gboolean  xaso_document_note_progress (XasoDatabase *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *progress,
                                      GError       **error);
/* Finishes handling, with the outgoing reply (its id) or a note. */
gboolean  xaso_document_finish       (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *reply_id,
                                      const char    *note,
                                      GError       **error);

/* ---- Outgoing: draft, review, sign, issue ---- */

/* Saves a new outgoing draft; returns it as saved. */
XasoDocument *xaso_document_save_draft (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      XasoDocument  *doc,
                                      const char    *file_path,
                                      GError       **error);
/* Sends the draft for review or, @for_signing, to its signer. */
gboolean  xaso_document_submit       (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      gboolean       for_signing,
                                      GError       **error);
/* The signer signed @signed_path (made by the PDF engine): it replaces the
 * draft file; the draft is kept in the history. */
gboolean  xaso_document_record_signature (XasoDatabase *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *signed_path,
                                      GError       **error);
/* The văn thư gives the next number of the document's register (legal
 * normative documents and "mật" ones have their own), builds the notation
 * and dates it @date (YYYY-MM-DD, NULL for today). Issuing later than the
 * next working day after signing is recorded on the event. */
gboolean  xaso_document_issue        (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *date,
                                      gboolean       legal_normative,
                                      GError       **error);
/* The văn thư's organization signature on the issued document: @sealed_path
 * is its signed file with one more signature (the seal, with the number
 * and date on the page), which becomes the document's file. Refused when
 * the file is anything else, so the leader's signature stays whole. */
gboolean  xaso_document_record_seal  (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *sealed_path,
                                      GError       **error);
gboolean  xaso_document_revoke       (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *reason,
                                      GError       **error);

/* ---- Any document ---- */

/* Notes a view or a print in the history (DOMAIN.md: views included). */
gboolean  xaso_document_note_access  (XasoDatabase  *db,
                                      XasoUser      *actor,
                                      const char    *document_id,
                                      const char    *kind,
                                      GError       **error);
/* The document's current file: the signed one once signed. NULL if none. */
char     *xaso_document_get_file     (XasoDatabase  *db,
                                      XasoDocument  *doc);

/* Decree 30: a document is issued the day it is signed, at the latest the
 * next working day of the commune. Days as YYYY-MM-DD. */
gboolean xaso_document_issued_late (const char *signed_date,
                                    const char *issued_date);

G_END_DECLS
