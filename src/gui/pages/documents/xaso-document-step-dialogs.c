/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-day-text.h"
#include "xaso-document-flow.h"
#include "xaso-document-step-dialogs.h"

/* The short steps: a question with what it needs (a leader, a note, a
 * date), asked in a message dialog, and the step run on the worker. */

typedef struct
{
  XasoDocumentStep step;
  XasoUser        *actor;
  char            *id;
  char            *text;     /* note, progress, reason or date */
  char            *other;    /* the leader's username, or the reply's id */
  gboolean         flag;     /* legal normative (issue) */
} StepJob;

static void
step_job_free (StepJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job->text);
  g_free (job->other);
  g_free (job);
}

static gboolean
present (XasoDatabase  *db,
         StepJob       *job,
         GError       **error)
{
  g_autoptr(XasoUser) leader = xaso_user_find (db, job->other, error);

  return leader != NULL && xaso_document_present (db, job->actor, job->id, leader, job->text, error);
}

static gboolean
pass_on (XasoDatabase  *db,
         StepJob       *job,
         GError       **error)
{
  g_autoptr(XasoUser) lead = xaso_user_find (db, job->other, error);

  return lead != NULL && xaso_document_pass_on (db, job->actor, job->id, lead, job->text, NULL, error);
}

static gpointer
run_in_thread (XasoDatabase  *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  StepJob *job = data;
  gboolean ok = FALSE;

  switch (job->step)
    {
    case XASO_STEP_REGISTER:
      {
        g_autoptr(XasoDocument) doc = xaso_document_register_received (db, job->actor, job->id, error);
        ok = doc != NULL;
      }
      break;
    case XASO_STEP_PRESENT:
      ok = present (db, job, error);
      break;
    case XASO_STEP_PASS_ON:
      ok = pass_on (db, job, error);
      break;
    case XASO_STEP_PROGRESS:
      ok = xaso_document_note_progress (db, job->actor, job->id, job->text, error);
      break;
    case XASO_STEP_FINISH:
      ok = xaso_document_finish (db, job->actor, job->id, job->other, job->text, error);
      break;
    case XASO_STEP_SUBMIT_REVIEW:
    case XASO_STEP_SUBMIT_SIGNING:
      ok = xaso_document_submit (db, job->actor, job->id, job->step == XASO_STEP_SUBMIT_SIGNING, error);
      break;
    case XASO_STEP_ISSUE:
      ok = xaso_document_issue (db, job->actor, job->id, job->text, job->flag, error);
      break;
    case XASO_STEP_REVOKE:
      ok = xaso_document_revoke (db, job->actor, job->id, job->text, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return ok ? GINT_TO_POINTER (1) : NULL;
}

/* ---- The dialogs ---- */

typedef struct
{
  XasoDocumentStep  step;
  GtkWidget        *from;
  XasoContext      *context;
  char             *id;
  GtkEditable      *entry;      /* note, reason, progress or date */
  GtkDropDown      *choice;     /* leader or reply */
  GStrv             choices;    /* the values of @choice's items */
  GtkCheckButton   *check;
  char             *lead_id;    /* pass on: who leads it now, and by when */
  char             *deadline;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->from);
  g_clear_object (&ask->context);
  g_free (ask->id);
  g_strfreev (ask->choices);
  g_free (ask->lead_id);
  g_free (ask->deadline);
  g_free (ask);
}

static char *
entry_text (Ask *ask)
{
  const char *text = ask->entry ? gtk_editable_get_text (ask->entry) : "";

  return *text ? g_strdup (text) : NULL;
}

/* Dates are typed dd/mm/yyyy, as on paper. */
static char *
iso_date (const char *typed)
{
  char *day = xaso_day_from_display (typed);

  return day != NULL ? day : g_strdup (typed);
}

/* YYYY-MM-DD shown dd/mm/yyyy; NULL stays NULL. */
static char *
typed_date (const char *iso)
{
  return iso != NULL ? xaso_day_to_display (iso) : NULL;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  StepJob *job;
  guint chosen;

  if (!g_str_equal (response, "ok"))
    return;
  job = g_new0 (StepJob, 1);
  job->step = ask->step;
  job->actor = g_object_ref (xaso_context_get_user (ask->context));
  job->id = g_strdup (ask->id);
  job->text = entry_text (ask);
  if (ask->step == XASO_STEP_ISSUE || ask->step == XASO_STEP_PASS_ON)
    {
      char *typed = job->text;

      job->text = iso_date (typed);
      g_free (typed);
    }
  chosen = ask->choice ? gtk_drop_down_get_selected (ask->choice) : GTK_INVALID_LIST_POSITION;
  if (chosen != GTK_INVALID_LIST_POSITION && ask->choices != NULL && chosen < g_strv_length (ask->choices))
    job->other = *ask->choices[chosen] ? g_strdup (ask->choices[chosen]) : NULL;
  job->flag = ask->check && gtk_check_button_get_active (ask->check);
  xaso_document_step_submit (ask->from, ask->context, run_in_thread, job, (GDestroyNotify)step_job_free);
}

static GtkWidget *
add_entry (Ask        *ask,
           GtkBox     *box,
           const char *label,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_box_append (box, entry);
  ask->entry = GTK_EDITABLE (entry);
  return entry;
}

static void
add_choice (Ask                *ask,
            GtkBox             *box,
            const char         *label,
            const char * const *names,
            GStrv               values)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (names);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (box, dropdown);
  ask->choice = GTK_DROP_DOWN (dropdown);
  ask->choices = values;
}

/* Leaders for presenting; the document's drafted replies for finishing. */
static void
fill_choices (Ask                 *ask,
              GtkBox              *box,
              XasoDocumentDetails *details,
              GPtrArray           *users)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  if (ask->step == XASO_STEP_PRESENT || ask->step == XASO_STEP_PASS_ON)
    for (guint i = 0; users != NULL && i < users->len; i++)
      {
        XasoUser *user = g_ptr_array_index (users, i);
        XasoRight right = ask->step == XASO_STEP_PRESENT ? XASO_RIGHT_DIRECT : XASO_RIGHT_HANDLE;

        if (!xaso_user_is_active (user) || !xaso_roles_allow (xaso_user_get_roles (user), right) ||
            g_strcmp0 (xaso_record_get_id (XASO_RECORD (user)), ask->lead_id) == 0)
          continue;
        g_strv_builder_add (names, xaso_user_get (user, XASO_USER_FULL_NAME));
        g_strv_builder_add (values, xaso_user_get (user, XASO_USER_USERNAME));
      }
  if (ask->step == XASO_STEP_FINISH)
    {
      g_strv_builder_add (names, _("No reply: handled with a note"));
      g_strv_builder_add (values, "");
      for (guint i = 0; i < details->replies->len; i++)
        {
          XasoDocument *reply = g_ptr_array_index (details->replies, i);

          g_strv_builder_add (names, xaso_document_get (reply, XASO_DOCUMENT_NOTATION)
                                     ?: xaso_document_get (reply, XASO_DOCUMENT_SUBJECT));
          g_strv_builder_add (values, xaso_record_get_id (XASO_RECORD (reply)));
        }
    }
  shown = g_strv_builder_end (names);
  add_choice (ask, box, ask->step == XASO_STEP_PRESENT ? _("Leader")
                       : ask->step == XASO_STEP_PASS_ON ? _("Who handles it") : _("Reply"),
              (const char * const *)shown, g_strv_builder_end (values));
  if (ask->step == XASO_STEP_FINISH && details->replies->len > 0)
    gtk_drop_down_set_selected (ask->choice, details->replies->len);
}

typedef struct
{
  const char *heading;
  const char *body;
  const char *action;
  const char *entry;     /* the entry's label, or NULL for none */
} Question;

static Question
question_for (XasoDocumentStep step)
{
  switch (step)
    {
    case XASO_STEP_REGISTER:
      return (Question) { _("Register the Document?"), _("It is given the next number of this year’s incoming "
                                                         "register, which can never be given again."),
                          _("_Register"), NULL };
    case XASO_STEP_PRESENT:
      return (Question) { _("Present to a Leader"), _("The leader finds it in “Awaiting my directive”."),
                          _("_Present"), _("Note for the leader (optional)") };
    case XASO_STEP_PASS_ON:
      return (Question) { _("Pass On"), _("Hand the document on to one of yours, with a deadline no later than "
                                          "yours."), _("_Pass On"), _("Deadline (dd/mm/yyyy)") };
    case XASO_STEP_PROGRESS:
      return (Question) { _("Note Progress"), _("What has been done so far?"), _("_Save"), _("Progress") };
    case XASO_STEP_FINISH:
      return (Question) { _("Finish Handling"), _("Link the reply, or write how it was handled."),
                          _("_Finish"), _("How it was handled") };
    case XASO_STEP_SUBMIT_REVIEW:
      return (Question) { _("Send for Review?"), _("The draft goes to review before signing."), _("_Send"), NULL };
    case XASO_STEP_SUBMIT_SIGNING:
      return (Question) { _("Send for Signature?"), _("The signer finds it in “Waiting for my signature”."),
                          _("_Send"), NULL };
    case XASO_STEP_ISSUE:
      return (Question) { _("Number and Issue"), _("The next number of the register is given now and can "
                                                   "never be given again."), _("_Issue"), _("Issue date") };
    case XASO_STEP_REVOKE:
      return (Question) { _("Revoke the Document?"), _("Revoking is kept in the history with its reason; the "
                                                       "number stays used."), _("_Revoke"), _("Reason") };
    default:
      g_assert_not_reached ();
    }
}

static void
ask (Ask                 *a,
     XasoDocumentDetails *details,
     GPtrArray           *users)
{
  Question q = question_for (a->step);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (a->from));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, q.heading, q.body));
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autoptr(GDateTime) now = xaso_now ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  if (a->step == XASO_STEP_PRESENT || a->step == XASO_STEP_FINISH || a->step == XASO_STEP_PASS_ON)
    fill_choices (a, box, details, users);
  if (q.entry != NULL)
    add_entry (a, box, q.entry, a->step == XASO_STEP_ISSUE ? today
                                : a->step == XASO_STEP_PASS_ON ? a->deadline : NULL);
  if (a->step == XASO_STEP_ISSUE)
    {
      a->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("A legal normative document (its own "
                                                                      "register, the year in the notation)")));
      gtk_box_append (box, GTK_WIDGET (a->check));
    }
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (box));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", q.action, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", a->step == XASO_STEP_REVOKE
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), a, (GClosureNotify)ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presenting and passing on need the accounts, read on the worker first. */
static void
users_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Ask *a = user_data;
  g_autoptr(GPtrArray) users = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);

  if (gtk_widget_get_root (a->from) == NULL)
    {
      ask_free (a);
      return;
    }
  ask (a, NULL, users);
}

void
xaso_document_step_dialog (XasoDocumentStep     step,
                           GtkWidget           *from,
                           XasoContext         *context,
                           XasoDocumentDetails *details)
{
  Ask *a = g_new0 (Ask, 1);

  a->step = step;
  a->from = g_object_ref (from);
  a->context = g_object_ref (context);
  a->id = g_strdup (xaso_record_get_id (XASO_RECORD (details->doc)));
  a->lead_id = g_strdup (xaso_document_get (details->doc, XASO_DOCUMENT_LEAD_USER_ID));
  a->deadline = typed_date (xaso_document_get (details->doc, XASO_DOCUMENT_DEADLINE));
  if (step != XASO_STEP_PRESENT && step != XASO_STEP_PASS_ON)
    {
      ask (a, details, NULL);
      return;
    }
  xaso_context_run_async (context, xaso_document_step_list_users, NULL, NULL, (GDestroyNotify)g_ptr_array_unref, NULL,
                          users_loaded_cb, a);
}
