/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-document-event.h"
#include "xaso-document-flow.h"
#include "xaso-document-search.h"
#include "xaso-register-print.h"
#include "xasoctl-doc.h"
#include "xasoctl-verbs.h"

/* xasoctl doc incoming add | outgoing add | list | show, and the flow's
 * steps: official documents from the command line, tab-separated. Who
 * acts is given with --as; core checks their rights. */

gboolean
xasoctl_doc_parse (const char    *summary,
                   GOptionEntry  *entries,
                   int           *argc,
                   char        ***argv,
                   int            n_args,
                   int           *status)
{
  g_autoptr(GOptionContext) options = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, argc, argv, &error))
    {
      *status = xasoctl_usage (options, error->message);
      return FALSE;
    }
  if (*argc != n_args + 1)
    {
      *status = xasoctl_usage (options, NULL);
      return FALSE;
    }
  return TRUE;
}

XasoUser *
xasoctl_doc_user (XasoDatabase *db,
                  const char   *username)
{
  g_autoptr(GError) error = NULL;
  XasoUser *user = username ? xaso_user_find (db, username, &error) : NULL;

  if (user == NULL && error != NULL)
    g_printerr ("%s\n", error->message);
  return user;
}

static int
incoming_add (XasoctlContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autofree char *issuer = NULL, *notation = NULL, *date = NULL, *subject = NULL, *urgency = NULL;
  g_autofree char *file = NULL, *received = NULL, *pages = NULL, *unit = NULL;
  gboolean confidential = FALSE, allow_duplicate = FALSE;
  GOptionEntry entries[] = {
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("The agency that issued it"), "NAME" },
    { "notation", 0, 0, G_OPTION_ARG_STRING, &notation, N_("Number and notation, as 15/QĐ-UBND"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The document’s date"), "YYYY-MM-DD" },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("Subject (trích yếu)"), "TEXT" },
    { "urgency", 0, 0, G_OPTION_ARG_STRING, &urgency, N_("normal, urgent, very_urgent or flash"), "LEVEL" },
    { "confidential", 0, 0, G_OPTION_ARG_NONE, &confidential, N_("A “mật” document: only its stub is kept"), NULL },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The received or scanned file"), "FILE" },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, N_("Date received (today if not given)"), "YYYY-MM-DD" },
    { "pages", 0, 0, G_OPTION_ARG_STRING, &pages, N_("Number of pages"), "N" },
    { "recipient-unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Unit or person it goes to"), "NAME" },
    { "allow-duplicate", 0, 0, G_OPTION_ARG_NONE, &allow_duplicate, N_("Register it even if registered before"),
      NULL },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDocument) doc = xaso_document_new ("incoming");
  g_autoptr(XasoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("— register an incoming document"), entries, &argc, &argv, 0, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  xaso_document_set (doc, XASO_DOCUMENT_ISSUER, issuer);
  xaso_document_set (doc, XASO_DOCUMENT_NOTATION, notation);
  xaso_document_set (doc, XASO_DOCUMENT_ISSUED_DATE, date);
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, subject);
  xaso_document_set (doc, XASO_DOCUMENT_URGENCY, urgency ? urgency : "normal");
  xaso_document_set (doc, XASO_DOCUMENT_CONFIDENTIALITY, confidential ? "confidential" : "none");
  xaso_document_set (doc, XASO_DOCUMENT_RECEIVED_DATE, received);
  xaso_document_set (doc, XASO_DOCUMENT_PAGE_COUNT, pages);
  xaso_document_set (doc, XASO_DOCUMENT_RECIPIENT_UNIT, unit);
  saved = xaso_document_register_incoming (db, actor, doc, file, allow_duplicate, &error);
  if (saved == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%s\t%s\n", xaso_record_get_id (XASO_RECORD (saved)), xaso_document_get (saved, XASO_DOCUMENT_NUMBER));
  return 0;
}

static int
outgoing_add (XasoctlContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autofree char *type = NULL, *subject = NULL, *signer = NULL, *file = NULL, *recipients = NULL;
  g_autofree char *unit = NULL, *reply_to = NULL, *urgency = NULL;
  gboolean confidential = FALSE;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("Type abbreviation (QĐ, TB…; CV for a công văn)"), "TYPE" },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("Subject (trích yếu)"), "TEXT" },
    { "signer", 0, 0, G_OPTION_ARG_STRING, &signer, N_("Username of the leader who signs"), "USERNAME" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The draft file"), "FILE" },
    { "recipients", 0, 0, G_OPTION_ARG_STRING, &recipients, N_("Recipients (nơi nhận)"), "TEXT" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Drafting unit abbreviation (công văn notation)"), "ABBR" },
    { "reply-to", 0, 0, G_OPTION_ARG_STRING, &reply_to, N_("The incoming document it answers"), "ID" },
    { "urgency", 0, 0, G_OPTION_ARG_STRING, &urgency, N_("normal, urgent, very_urgent or flash"), "LEVEL" },
    { "confidential", 0, 0, G_OPTION_ARG_NONE, &confidential, N_("A “mật” document"), NULL },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDocument) doc = xaso_document_new ("outgoing");
  g_autoptr(XasoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("— draft an outgoing document"), entries, &argc, &argv, 0, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, g_strcmp0 (type, "CV") == 0 ? NULL : type);
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, subject);
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, signer);
  xaso_document_set (doc, XASO_DOCUMENT_RECIPIENTS, recipients);
  xaso_document_set (doc, XASO_DOCUMENT_LEAD_UNIT, unit);
  xaso_document_set (doc, XASO_DOCUMENT_REPLY_TO_ID, reply_to);
  xaso_document_set (doc, XASO_DOCUMENT_URGENCY, urgency ? urgency : "normal");
  xaso_document_set (doc, XASO_DOCUMENT_CONFIDENTIALITY, confidential ? "confidential" : "none");
  saved = xaso_document_save_draft (db, actor, doc, file, &error);
  if (saved == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%s\n", xaso_record_get_id (XASO_RECORD (saved)));
  return 0;
}

static int
incoming_verb (XasoctlContext *ctx, int argc, char **argv)
{
  static const XasoctlVerb verbs[] = { { "add", incoming_add, NULL } };

  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl --as USERNAME doc incoming add --issuer … --notation … …"));
}

static int
outgoing_verb (XasoctlContext *ctx, int argc, char **argv)
{
  static const XasoctlVerb verbs[] = { { "add", outgoing_add, NULL } };

  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl --as USERNAME doc outgoing add --type … --subject … --signer …"));
}

/* ID, direction, number, notation, date, issuer, subject, status, deadline. */
static void
print_document (XasoDocument *doc)
{
  gboolean incoming = xaso_document_is_incoming (doc);

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", xaso_record_get_id (XASO_RECORD (doc)),
           xaso_document_get (doc, XASO_DOCUMENT_DIRECTION), xaso_document_get (doc, XASO_DOCUMENT_NUMBER) ?: "",
           xaso_document_get (doc, XASO_DOCUMENT_NOTATION) ?: "",
           xaso_document_get (doc, incoming ? XASO_DOCUMENT_RECEIVED_DATE : XASO_DOCUMENT_ISSUED_DATE) ?: "",
           xaso_document_get (doc, XASO_DOCUMENT_ISSUER) ?: "", xaso_document_get (doc, XASO_DOCUMENT_SUBJECT),
           xaso_document_get (doc, XASO_DOCUMENT_STATUS) ?: "", xaso_document_get (doc, XASO_DOCUMENT_DEADLINE) ?: "");
}

static int
doc_list (XasoctlContext  *ctx,
          int              argc,
          char           **argv)
{
  g_autoptr(XasoDocumentFilter) f = xaso_document_filter_new ();
  g_autofree char *lead = NULL;
  gboolean overdue = FALSE, due_soon = FALSE, open = FALSE;
  int limit = 0, status = 0;
  GOptionEntry entries[] = {
    { "direction", 0, 0, G_OPTION_ARG_STRING, &f->direction, N_("incoming or outgoing"), "DIRECTION" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &f->text, N_("Words of the subject, notation or issuer"), "TEXT" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &f->status, N_("Statuses, comma-separated"), "STATUS" },
    { "urgency", 0, 0, G_OPTION_ARG_STRING, &f->urgency, N_("normal, urgent, very_urgent or flash"), "LEVEL" },
    { "year", 0, 0, G_OPTION_ARG_INT, &f->year, N_("The register’s year"), "YEAR" },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &f->issuer, N_("The issuing agency"), "NAME" },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead, N_("Username of the person leading the handling"), "USERNAME" },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("Only documents still being handled"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only open documents past their deadline"), NULL },
    { "due-soon", 0, 0, G_OPTION_ARG_NONE, &due_soon, N_("Only open documents due within two working days"),
      NULL },
    { "needs-review", 0, 0, G_OPTION_ARG_NONE, &f->needs_review,
      N_("Only documents two desks moved at once, offline, with an event not applied"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many"), "N" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) lead_user = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  if (!xasoctl_doc_parse (_("— list documents: ID, direction, number, notation, date, issuer, subject, "
                            "status, deadline"), entries, &argc, &argv, 0, &status))
    return status;
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if (lead != NULL && (lead_user = xasoctl_doc_user (db, lead)) == NULL)
    return 1;
  f->lead_user_id = lead_user ? g_strdup (xaso_record_get_id (XASO_RECORD (lead_user))) : NULL;
  f->due = overdue ? XASO_DOCUMENT_DUE_OVERDUE : due_soon ? XASO_DOCUMENT_DUE_SOON
           : open ? XASO_DOCUMENT_DUE_OPEN : XASO_DOCUMENT_DUE_ANY;
  f->order = overdue || due_soon || lead ? XASO_DOCUMENT_ORDER_DEADLINE : XASO_DOCUMENT_ORDER_NEWEST;
  if ((docs = xaso_document_search (db, f, (guint)MAX (limit, 0), &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < docs->len; i++)
    print_document (g_ptr_array_index (docs, i));
  return 0;
}

/* An event the state could not take (two officials moved the document at
 * once, offline) ends with "not_applied"; the document then needs review. */
static void
print_history (GPtrArray *events)
{
  gboolean needs_review = FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      XasoDocumentEvent *e = g_ptr_array_index (events, i);

      g_print ("event\t%s\t%s\t%s\t%s\t%s%s\n", e->at, e->kind, e->actor ?: "", e->to_user ?: "", e->note ?: "",
               e->not_applied ? "\tnot_applied" : "");
      needs_review |= e->not_applied;
    }
  if (needs_review)
    g_print ("needs_review\t1\n");
}

static int
doc_show (XasoctlContext  *ctx,
          int              argc,
          char           **argv)
{
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDocument) doc = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_DOCUMENT);
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: xasoctl [--as USERNAME] doc show ID"));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if ((doc = xaso_document_load (db, argv[1], &error)) == NULL ||
      !xaso_document_note_access (db, actor, argv[1], "viewed", &error) ||
      (events = xaso_document_event_list (db, argv[1], &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < XASO_DOCUMENT_N_FIELDS; i++)
    if (xaso_document_get (doc, i) != NULL)
      g_print ("%s\t%s\n", klass->fields[i].column, xaso_document_get (doc, i));
  print_history (events);
  return 0;
}

static int
doc_register_print (XasoctlContext  *ctx,
                    int              argc,
                    char           **argv)
{
  g_autofree char *which = NULL, *from = NULL, *to = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "register", 0, 0, G_OPTION_ARG_STRING, &which, N_("incoming, outgoing or tracking"), "REGISTER" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), "YYYY-MM-DD" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  XasoRegisterBook book;
  guint n = 0;
  int status = 0;

  if (!xasoctl_doc_parse (_("— print a register of Decree 30 to PDF"), entries, &argc, &argv, 0, &status))
    return status;
  if (which == NULL || !xaso_register_book_from_string (which, &book) || from == NULL || to == NULL ||
      output == NULL)
    {
      g_printerr ("%s\n", _("Give --register incoming|outgoing|tracking, --from, --to and --output."));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  if (!xaso_register_print (db, actor, book, from, to, output, NULL, &n, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%u\n", n);
  return 0;
}

int
xasoctl_doc (XasoctlContext *ctx,
             int             argc,
             char          **argv)
{
  static const XasoctlVerb verbs[] = {
    { "incoming", incoming_verb, NULL },
    { "outgoing", outgoing_verb, NULL },
    { "list", doc_list, NULL },
    { "show", doc_show, NULL },
    { "register-print", doc_register_print, NULL },
  };

  for (guint i = 0; argc >= 2 && i < xasoctl_doc_flow_n_verbs; i++)
    if (g_str_equal (argv[1], xasoctl_doc_flow_verbs[i].name))
      return xasoctl_doc_flow_verbs[i].run (ctx, argc - 1, argv + 1);
  for (guint i = 0; argc >= 2 && i < xasoctl_doc_edxml_n_verbs; i++)
    if (g_str_equal (argv[1], xasoctl_doc_edxml_verbs[i].name))
      return xasoctl_doc_edxml_verbs[i].run (ctx, argc - 1, argv + 1);
  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl [--as USERNAME] doc incoming add|outgoing add|list|show|"
                                "register|present|direct|pass-on|progress|finish|submit|sign|issue|seal|"
                                "revoke|register-print|import-edxml|export-edxml|edxml-status …"));
}
