/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "xaso-dossier-event.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-guidance.h"
#include "xaso-dossier-search.h"
#include "xasoctl-doc.h"
#include "xasoctl-dossier.h"
#include "xasoctl-verbs.h"

/* xasoctl dossier receive | event | show | list | refold: one-stop
 * dossiers from the command line, tab-separated. Who acts is given with
 * --as; core checks their rights. Times print as YYYY-MM-DD HH:MM. */

char *
xasoctl_dossier_time (const char *iso)
{
  if (iso == NULL || strlen (iso) < 16)
    return g_strdup ("");
  return g_strdup_printf ("%.10s %.5s", iso, iso + 11);
}

/* "all" or "1,3": indices from 1 as people count them, from 0 for core. */
static gboolean
parse_papers (const char  *text,
              GArray      *papers,
              gboolean    *all)
{
  g_auto(GStrv) parts = NULL;

  *all = text == NULL || g_str_equal (text, "all");
  if (*all)
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (g_strstrip (parts[i]), &end, 10);
      guint index = (guint)n - 1;

      if (end == parts[i] || *end != '\0' || n == 0)
        return FALSE;
      g_array_append_val (papers, index);
    }
  return TRUE;
}

static int
print_dossier_line (XasoDatabase *db,
                    const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDossier) dossier = xaso_dossier_load (db, id, &error);
  g_autofree char *due = NULL;

  if (dossier == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  due = xasoctl_dossier_time (xaso_dossier_get (dossier, XASO_DOSSIER_DUE_AT));
  g_print ("%s\t%s\t%s\n", id, xaso_dossier_get (dossier, XASO_DOSSIER_CODE), due);
  return 0;
}

/* The papers are incomplete: the applicant leaves with the guidance. */
static void
print_guidance (XasoDatabase        *db,
                XasoUser            *actor,
                const XasoReception *r,
                const char          *output)
{
  g_autoptr(GError) error = NULL;

  if (xaso_dossier_guidance_print (db, actor, r, output, NULL, &error))
    g_printerr (_("The guidance form was written to %s.\n"), output);
  else
    g_printerr (_("The guidance form could not be written: %s\n"), error->message);
}

static int
dossier_receive (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *procedure = NULL, *name = NULL, *id_number = NULL, *channel = NULL, *at = NULL;
  g_autofree char *papers = NULL, *exemption = NULL, *phone = NULL, *address = NULL, *summary = NULL;
  g_autofree char *guidance = NULL;
  GOptionEntry entries[] = {
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &procedure, N_("The procedure’s code, as 1.001193"), "CODE" },
    { "applicant-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The applicant’s full name"), "NAME" },
    { "applicant-id", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("The applicant’s ID number"), "NUMBER" },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The applicant’s phone number"), "NUMBER" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("The applicant’s address"), "TEXT" },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("What the dossier asks for"), "TEXT" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("direct, online or postal"), "CHANNEL" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was received (now if not given)"), "\"YYYY-MM-DD HH:MM\"" },
    { "papers", 0, 0, G_OPTION_ARG_STRING, &papers, N_("The papers handed in: all, or their numbers"), "all|N,N…" },
    { "exemption", 0, 0, G_OPTION_ARG_STRING, &exemption, N_("Fee exemption: meritorious, poor or disabled"),
      "WHO" },
    { "guidance", 0, 0, G_OPTION_ARG_FILENAME, &guidance,
      N_("If a required paper is missing, write the guidance form (form 02) to this PDF"), "F.pdf" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  XasoReception r = { 0 };
  int status = 0;

  if (!xasoctl_doc_parse (_("— receive a dossier at the counter; prints ID, CODE, DUE"), entries, &argc, &argv,
                          0, &status))
    return status;
  if (procedure == NULL || name == NULL || !parse_papers (papers, indices, &r.all_papers))
    {
      g_printerr ("%s\n", _("Give --procedure and --applicant-name; --papers is “all” or numbers from 1."));
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  r = (XasoReception) { procedure, channel, name, id_number, NULL, phone, address, summary, at, r.all_papers,
                        (const guint *)(gpointer)indices->data, indices->len, exemption };
  if ((id = xaso_dossier_receive (db, actor, &r, &error)) == NULL)
    {
      if (guidance != NULL && g_error_matches (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_PAPERS))
        print_guidance (db, actor, &r, guidance);
      return xasoctl_fail (g_steal_pointer (&error));
    }
  return print_dossier_line (db, id);
}

/* A dossier named by its id or by its code. */
static XasoDossier *
find_dossier (XasoDatabase  *db,
              const char    *name,
              GError       **error)
{
  XasoDossier *dossier = xaso_dossier_load (db, name, NULL);

  return dossier != NULL ? dossier : xaso_dossier_find_by_code (db, name, error);
}

/* The command line's names of the transitions. */
static const struct
{
  const char *verb;
  const char *kind;
} event_verbs[] = {
  { "receive", "received" }, { "assign", "assigned" }, { "forward", "forwarded" },
  { "request-supplement", "supplement_requested" }, { "supplement-received", "supplement_received" },
  { "request-payment", "payment_requested" }, { "payment-received", "payment_received" },
  { "refuse", "refused" }, { "apologize", "apologized" }, { "stop", "stopped" }, { "withdraw", "withdrawn" },
  { "approve", "approved" }, { "return", "returned" },
};

static const char *
event_kind (const char *verb)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_verbs); i++)
    if (g_str_equal (verb, event_verbs[i].verb))
      return event_verbs[i].kind;
  return NULL;
}

static int
print_status (XasoDatabase *db,
              const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDossier) dossier = xaso_dossier_load (db, id, &error);
  g_autofree char *due = NULL;

  if (dossier == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  due = xasoctl_dossier_time (xaso_dossier_get (dossier, XASO_DOSSIER_DUE_AT));
  g_print ("%d\t%s\t%s\n", xaso_dossier_get_status (dossier), due,
           xaso_dossier_status_label (xaso_dossier_get_status (dossier)));
  return 0;
}

static int
dossier_event (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *to = NULL, *at = NULL, *note = NULL, *new_due = NULL, *collected = NULL, *file = NULL;
  g_auto(GStrv) papers = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Username of who takes it on"), "USERNAME" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When (now if not given)"), "\"YYYY-MM-DD HH:MM\"" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The reason or a note"), "TEXT" },
    { "papers", 0, 0, G_OPTION_ARG_STRING_ARRAY, &papers, N_("A paper the applicant must add (repeat)"), "TEXT" },
    { "new-due", 0, 0, G_OPTION_ARG_STRING, &new_due, N_("The new appointment, after an apology"),
      "\"YYYY-MM-DD HH:MM\"" },
    { "collected-by", 0, 0, G_OPTION_ARG_STRING, &collected, N_("Who took the result"), "NAME" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The signed result"), "FILE" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  XasoDossierAction a = { 0 };
  int status = 0;

  if (!xasoctl_doc_parse (_("ID KIND — one step of a dossier; prints STATUS, DUE, the status in words"),
                          entries, &argc, &argv, 2, &status))
    return status;
  if (event_kind (argv[2]) == NULL)
    {
      g_printerr (_("Unknown step “%s”. Steps: receive, assign, forward, request-supplement, "
                    "supplement-received, request-payment, payment-received, refuse, apologize, stop, withdraw, "
                    "approve, return.\n"), argv[2]);
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  if ((dossier = find_dossier (db, argv[1], &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  a = (XasoDossierAction) { event_kind (argv[2]), at, to, note, new_due, (const char * const *)papers, collected,
                            file };
  if (!xaso_dossier_act (db, actor, xaso_record_get_id (XASO_RECORD (dossier)), &a, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return print_status (db, xaso_record_get_id (XASO_RECORD (dossier)));
}

static void
print_field (const char *name,
             const char *value)
{
  g_print ("%s\t%s\n", name, value != NULL ? value : "");
}

static void
print_time_field (const char *name,
                  GDateTime  *time)
{
  g_autofree char *iso = xaso_dossier_format_time (time);
  g_autofree char *text = xasoctl_dossier_time (iso);

  print_field (name, text);
}

static void
print_fields (XasoDossier   *d,
              XasoProcedure *p)
{
  g_autofree char *procedure = g_strdup_printf ("%s\t%d\t%s", p->code ? p->code : "", p->version, p->name);
  g_autofree char *status = g_strdup_printf ("%d\t%s", xaso_dossier_get_status (d),
                                             xaso_dossier_status_label (xaso_dossier_get_status (d)));

  print_field ("id", xaso_record_get_id (XASO_RECORD (d)));
  print_field ("code", xaso_dossier_get (d, XASO_DOSSIER_CODE));
  print_field ("procedure", procedure);
  print_field ("status", status);
  print_field ("channel", xaso_dossier_get (d, XASO_DOSSIER_CHANNEL));
  print_field ("applicant", xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_NAME));
  print_field ("applicant_id", xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_ID_NUMBER));
  print_field ("fee", xaso_dossier_get (d, XASO_DOSSIER_FEE_AMOUNT));
  print_field ("fee_exemption", xaso_dossier_get (d, XASO_DOSSIER_FEE_EXEMPTION));
  print_field ("papers", xaso_dossier_get (d, XASO_DOSSIER_PAPERS));
  print_field ("needs_review", xaso_dossier_get (d, XASO_DOSSIER_NEEDS_REVIEW));
  print_field ("collected_by", xaso_dossier_get (d, XASO_DOSSIER_COLLECTED_BY));
}

static void
print_state (XasoDossierState *state,
             XasoProcedure    *p)
{
  print_time_field ("received", state->received_at);
  print_time_field ("legal_due", state->legal_due);
  print_time_field ("due", state->due);
  print_time_field ("resolved", state->resolved_at);
  print_time_field ("returned", state->returned_at);
  print_field ("timeliness", xaso_timeliness_to_string (state->timeliness));
  for (guint i = 0; i < state->pauses->len; i++)
    {
      XasoPause *pause = &g_array_index (state->pauses, XasoPause, i);
      g_autofree char *from = xaso_dossier_format_time (pause->start);
      g_autofree char *to = xaso_dossier_format_time (pause->end);
      g_autofree char *from_text = xasoctl_dossier_time (from), *to_text = xasoctl_dossier_time (to);

      g_print ("pause\t%s\t%s\n", from_text, to_text);
    }
  for (guint i = 0; i < state->spans->len; i++)
    {
      XasoDossierSpan *span = &g_array_index (state->spans, XasoDossierSpan, i);
      g_autofree char *start = xaso_dossier_format_time (span->start), *due = xaso_dossier_format_time (span->due);
      g_autofree char *start_text = xasoctl_dossier_time (start), *due_text = xasoctl_dossier_time (due);

      g_print ("step\t%u\t%s\t%s\t%s\n", span->step + 1, span->step < p->n_steps ? p->steps[span->step].name : "",
               start_text, due_text);
    }
}

static void
print_events (GPtrArray *events,
              GArray    *refused)
{
  for (guint i = 0; i < events->len; i++)
    {
      XasoDossierEvent *e = g_ptr_array_index (events, i);
      g_autofree char *at = xasoctl_dossier_time (e->at);
      gboolean bad = FALSE;

      for (guint j = 0; j < refused->len; j++)
        bad |= g_array_index (refused, guint, j) == i;
      g_print ("event\t%s\t%s\t%s\t%s\t%s\t%s%s\n", at, e->kind, xaso_dossier_event_label (e->kind),
               e->actor ? e->actor : "", e->to_user ? e->to_user : "", e->note ? e->note : "",
               bad ? "\t(needs review)" : "");
    }
}

static int
dossier_show (XasoctlContext *ctx, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDossier) d = NULL;
  g_autoptr(XasoProcedure) p = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree XasoDossierFoldEvent *fold = NULL;
  g_auto(XasoDossierState) state = { 0 };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID|CODE — show a dossier with its deadlines and history"), entries, &argc, &argv, 1,
                          &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if ((d = find_dossier (db, argv[1], &error)) == NULL ||
      (p = xaso_procedure_load (db, xaso_dossier_get (d, XASO_DOSSIER_PROCEDURE_ID), &error)) == NULL ||
      (events = xaso_dossier_event_list (db, xaso_record_get_id (XASO_RECORD (d)), &error)) == NULL ||
      !xaso_dossier_note_access (db, actor, xaso_record_get_id (XASO_RECORD (d)), "viewed", NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  fold = xaso_dossier_event_to_fold (events);
  xaso_dossier_fold (&state, fold, events->len, p, xaso_dossier_get (d, XASO_DOSSIER_CHANNEL),
                     xaso_dossier_get (d, XASO_DOSSIER_RECEIVED_AT), xaso_dossier_calendar (), TRUE);
  print_fields (d, p);
  print_state (&state, p);
  print_events (events, state.refused);
  return 0;
}

static void
print_list_row (XasoDossier *d)
{
  g_autofree char *received = xasoctl_dossier_time (xaso_dossier_get (d, XASO_DOSSIER_RECEIVED_AT));
  g_autofree char *due = xasoctl_dossier_time (xaso_dossier_get (d, XASO_DOSSIER_DUE_AT));

  g_print ("%s\t%s\t%d\t%s\t%s\t%s\n", xaso_record_get_id (XASO_RECORD (d)), xaso_dossier_get (d, XASO_DOSSIER_CODE),
           xaso_dossier_get_status (d), xaso_dossier_get (d, XASO_DOSSIER_APPLICANT_NAME), received, due);
}

static int
dossier_list (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *queue = NULL;
  int limit = 50, status = 0;
  g_autoptr(XasoDossierFilter) f = xaso_dossier_filter_new ();
  GOptionEntry entries[] = {
    { "queue", 0, 0, G_OPTION_ARG_STRING, &queue, N_("to-receive, mine, to-approve, due-today, due-tomorrow, "
      "overdue, supplement, to-return, review or all"), "NAME" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &f->text, N_("Code, applicant or ID number, as typed"), "TEXT" },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &f->procedure_code, N_("The procedure’s code"), "CODE" },
    { "field", 0, 0, G_OPTION_ARG_STRING, &f->field, N_("The procedure’s field"), "FIELD" },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &f->channel, N_("direct, online or postal"), "CHANNEL" },
    { "status", 0, 0, G_OPTION_ARG_INT, &f->status, N_("A national status code, 1 to 10"), "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &f->from, N_("Received from this day"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &f->to, N_("Received up to this day"), "YYYY-MM-DD" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many (0: all)"), "N" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (!xasoctl_doc_parse (_("— list dossiers; prints ID, CODE, STATUS, APPLICANT, RECEIVED, DUE"), entries, &argc,
                          &argv, 0, &status))
    return status;
  if (queue != NULL && !xaso_dossier_queue_from_string (queue, &f->queue))
    {
      g_printerr (_("Unknown queue “%s”.\n"), queue);
      return 2;
    }
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  f->user_id = actor != NULL ? g_strdup (xaso_record_get_id (XASO_RECORD (actor))) : NULL;
  if ((list = xaso_dossier_search (db, f, (guint)MAX (limit, 0), &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  g_ptr_array_foreach (list, (GFunc)print_list_row, NULL);
  return 0;
}

static int
dossier_refold (XasoctlContext *ctx, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 changed;
  int status = 0;

  if (!xasoctl_doc_parse (_("— recompute every dossier’s status from its events; prints how many changed"),
                          entries, &argc, &argv, 0, &status))
    return status;
  if ((db = xasoctl_open_database (ctx, TRUE)) == NULL)
    return 1;
  if ((changed = xaso_dossier_refold_all (db, &error)) < 0)
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%" G_GINT64_FORMAT "\n", changed);
  return 0;
}

int
xasoctl_dossier (XasoctlContext *ctx, int argc, char **argv)
{
  static const XasoctlVerb verbs[] = {
    { "receive", dossier_receive, NULL },
    { "event", dossier_event, NULL },
    { "show", dossier_show, NULL },
    { "list", dossier_list, NULL },
    { "refold", dossier_refold, NULL },
    { "form", xasoctl_dossier_form, NULL },
    { "register-print", xasoctl_dossier_register_print, NULL },
  };

  return xasoctl_run_subverb (ctx, verbs, G_N_ELEMENTS (verbs), argc, argv,
                              _("Usage: xasoctl dossier receive --procedure CODE --applicant-name NAME … | "
                                "event ID KIND … | show ID | list [--queue NAME] [--search TEXT] | refold | "
                                "form ID 01…06 --output F | register-print --from DAY --to DAY --output F"));
}
