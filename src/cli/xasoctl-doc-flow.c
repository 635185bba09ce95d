/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "xaso-document-flow.h"
#include "xasoctl-doc.h"

/* xasoctl doc register | present | direct | pass-on | progress | finish |
 * submit | sign | issue | seal | revoke ID …: one step of a document's flow
 * each, as the --as user. */

typedef struct
{
  XasoDatabase *db;
  XasoUser     *actor;
  GError       *error;
} Step;

static void
step_clear (Step *s)
{
  g_clear_object (&s->db);
  g_clear_object (&s->actor);
  g_clear_error (&s->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Step, step_clear)

static int
finish (Step     *s,
        gboolean  ok)
{
  return ok ? 0 : xasoctl_fail (g_steal_pointer (&s->error));
}

static int
doc_register (XasoctlContext *ctx, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_auto(Step) s = { 0 };
  g_autoptr(XasoDocument) doc = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — give a received incoming document its number; prints ID, NUMBER"), entries,
                          &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  if ((doc = xaso_document_register_received (s.db, s.actor, argv[1], &s.error)) == NULL)
    return finish (&s, FALSE);
  g_print ("%s\t%s\n", xaso_record_get_id (XASO_RECORD (doc)), xaso_document_get (doc, XASO_DOCUMENT_NUMBER));
  return 0;
}

static int
doc_present (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Username of the leader"), "USERNAME" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the leader"), "TEXT" },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  g_autoptr(XasoUser) leader = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — present an incoming document to a leader"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE) || (leader = xasoctl_doc_user (s.db, to)) == NULL)
    return 1;
  return finish (&s, xaso_document_present (s.db, s.actor, argv[1], leader, note, &s.error));
}

static int
doc_direct (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *lead = NULL, *unit = NULL, *with = NULL, *deadline = NULL, *note = NULL;
  int days = 0, status = 0;
  GOptionEntry entries[] = {
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead, N_("Username of who leads the handling"), "USERNAME" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The unit that leads it"), "UNIT" },
    { "with", 0, 0, G_OPTION_ARG_STRING, &with, N_("Usernames co-operating, comma-separated"), "USERS" },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("Deadline"), "YYYY-MM-DD" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Deadline in working days from today"), "N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The directive’s words"), "TEXT" },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  g_autoptr(XasoUser) lead_user = NULL;
  XasoDirective d = { 0 };

  if (!xasoctl_doc_parse (_("ID — write the leader’s directive"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE) ||
      (lead != NULL && (lead_user = xasoctl_doc_user (s.db, lead)) == NULL))
    return 1;
  d = (XasoDirective) { lead_user, unit, with, deadline, (guint)MAX (days, 0), note };
  return finish (&s, xaso_document_direct (s.db, s.actor, argv[1], &d, &s.error));
}

static int
doc_pass_on (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *deadline = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Username of who handles it"), "USERNAME" },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("Deadline"), "YYYY-MM-DD" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), "TEXT" },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  g_autoptr(XasoUser) lead = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — pass the handling on"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE) || (lead = xasoctl_doc_user (s.db, to)) == NULL)
    return 1;
  return finish (&s, xaso_document_pass_on (s.db, s.actor, argv[1], lead, deadline, note, &s.error));
}

static int
doc_progress (XasoctlContext *ctx, int argc, char **argv)
{
  g_auto(Step) s = { 0 };

  if (argc != 3)
    {
      g_printerr ("%s\n", _("Usage: xasoctl --as USERNAME doc progress ID TEXT"));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  return finish (&s, xaso_document_note_progress (s.db, s.actor, argv[1], argv[2], &s.error));
}

static int
doc_finish (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *reply = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "reply", 0, 0, G_OPTION_ARG_STRING, &reply, N_("The outgoing document that answers it"), "ID" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("How it was handled"), "TEXT" },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — finish handling"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  return finish (&s, xaso_document_finish (s.db, s.actor, argv[1], reply, note, &s.error));
}

static int
doc_submit (XasoctlContext *ctx, int argc, char **argv)
{
  gboolean for_signing = FALSE;
  GOptionEntry entries[] = {
    { "for-signing", 0, 0, G_OPTION_ARG_NONE, &for_signing, N_("Send to the signer (not for review)"), NULL },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — send a draft for review or signature"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  return finish (&s, xaso_document_submit (s.db, s.actor, argv[1], for_signing, &s.error));
}

typedef gboolean (*RecordFile) (XasoDatabase  *db,
                                XasoUser      *actor,
                                const char    *document_id,
                                const char    *path,
                                GError       **error);

/* sign and seal: a PDF signed with xasoctl pdf sign becomes the document's. */
static int
record_file (XasoctlContext *ctx,
             int             argc,
             char          **argv,
             const char     *summary,
             RecordFile      record)
{
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "signed-file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The PDF as signed (xasoctl pdf sign)"), "FILE" },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  int status = 0;

  if (!xasoctl_doc_parse (summary, entries, &argc, &argv, 1, &status))
    return status;
  if (file == NULL)
    {
      g_printerr ("%s\n", _("Give the signed PDF with --signed-file."));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  return finish (&s, record (s.db, s.actor, argv[1], file, &s.error));
}

static int
doc_sign (XasoctlContext *ctx, int argc, char **argv)
{
  return record_file (ctx, argc, argv, _("ID — record the signer’s signed PDF"), xaso_document_record_signature);
}

/* xasoctl pdf sign --kind organization --number "15/QĐ-UBND" makes the file. */
static int
doc_seal (XasoctlContext *ctx, int argc, char **argv)
{
  return record_file (ctx, argc, argv, _("ID — record the issued document sealed with its number"),
                      xaso_document_record_seal);
}

static int
doc_issue (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *date = NULL;
  gboolean legal = FALSE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Issue date (today if not given)"), "YYYY-MM-DD" },
    { "legal", 0, 0, G_OPTION_ARG_NONE, &legal, N_("A legal normative document (its own register)"), NULL },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  g_autoptr(XasoDocument) doc = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — number and issue a signed document; prints NUMBER, NOTATION, DATE"), entries,
                          &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  if (!xaso_document_issue (s.db, s.actor, argv[1], date, legal, &s.error) ||
      (doc = xaso_document_load (s.db, argv[1], &s.error)) == NULL)
    return finish (&s, FALSE);
  g_print ("%02d\t%s\t%s\n", atoi (xaso_document_get (doc, XASO_DOCUMENT_NUMBER)),
           xaso_document_get (doc, XASO_DOCUMENT_NOTATION), xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE));
  return 0;
}

static int
doc_revoke (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is revoked"), "TEXT" },
    { NULL }
  };
  g_auto(Step) s = { 0 };
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — revoke an issued document"), entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &s.db, &s.actor, TRUE))
    return 1;
  return finish (&s, xaso_document_revoke (s.db, s.actor, argv[1], reason, &s.error));
}

const XasoctlVerb xasoctl_doc_flow_verbs[] = {
  { "register", doc_register, NULL },
  { "present", doc_present, NULL },
  { "direct", doc_direct, NULL },
  { "pass-on", doc_pass_on, NULL },
  { "progress", doc_progress, NULL },
  { "finish", doc_finish, NULL },
  { "submit", doc_submit, NULL },
  { "sign", doc_sign, NULL },
  { "issue", doc_issue, NULL },
  { "seal", doc_seal, NULL },
  { "revoke", doc_revoke, NULL },
};
const guint xasoctl_doc_flow_n_verbs = G_N_ELEMENTS (xasoctl_doc_flow_verbs);
