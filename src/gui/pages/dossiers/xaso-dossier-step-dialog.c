/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-dossier-flow.h"
#include "xaso-dossier-step-dialog.h"
#include "xaso-dossier-steps.h"
#include "xaso-rights.h"

typedef struct
{
  GtkWidget     *from;
  XasoContext   *context;
  char          *id;
  char          *code;
  char          *kind;
  XasoProcedure *procedure;
  GPtrArray     *usernames;     /* of the dropdown's items */
  AdwComboRow   *to;
  GPtrArray     *papers;        /* GtkCheckButton, one per paper of the procedure */
  AdwEntryRow   *other_papers;
  AdwEntryRow   *note;
  AdwEntryRow   *new_due;
  AdwEntryRow   *collected_by;
} Step;

static void
step_free (Step *step)
{
  g_clear_object (&step->from);
  g_clear_object (&step->context);
  g_free (step->id);
  g_free (step->code);
  g_free (step->kind);
  g_clear_pointer (&step->procedure, xaso_procedure_unref);
  g_clear_pointer (&step->usernames, g_ptr_array_unref);
  g_clear_pointer (&step->papers, g_ptr_array_unref);
  g_free (step);
}

static gboolean
is (Step       *step,
    const char *kind)
{
  return g_str_equal (step->kind, kind);
}

/* ---- Taking the step on the worker ---- */

typedef struct
{
  XasoUser          *actor;
  char              *id;
  char              *kind;
  char              *to;
  char              *note;
  char              *new_due;
  char              *collected_by;
  GStrv              papers;
} ActJob;

static void
act_job_free (ActJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->id);
  g_free (job->kind);
  g_free (job->to);
  g_free (job->note);
  g_free (job->new_due);
  g_free (job->collected_by);
  g_strfreev (job->papers);
  g_free (job);
}

static gpointer
act_in_thread (XasoDatabase  *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ActJob *job = data;
  XasoDossierAction action = { job->kind, NULL, job->to, job->note, job->new_due,
                               (const char * const *)job->papers, job->collected_by, NULL };

  return xaso_dossier_act (db, job->actor, job->id, &action, error) ? GINT_TO_POINTER (1) : NULL;
}

static char *
entry_text (AdwEntryRow *row)
{
  const char *text = row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;

  return text != NULL && *text != '\0' ? g_strstrip (g_strdup (text)) : NULL;
}

static GStrv
chosen_papers (Step *step)
{
  g_autoptr(GStrvBuilder) papers = g_strv_builder_new ();
  g_autofree char *others = entry_text (step->other_papers);
  g_auto(GStrv) extra = others != NULL ? g_strsplit (others, ";", -1) : NULL;

  for (guint i = 0; step->papers != NULL && i < step->papers->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (step->papers, i)))
      g_strv_builder_add (papers, step->procedure->papers[i]);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    if (*g_strstrip (extra[i]) != '\0')
      g_strv_builder_add (papers, extra[i]);
  return g_strv_builder_end (papers);
}

static void
take_step (Step *step)
{
  ActJob *job = g_new0 (ActJob, 1);
  guint position = step->to != NULL ? adw_combo_row_get_selected (step->to) : GTK_INVALID_LIST_POSITION;

  job->actor = g_object_ref (xaso_context_get_user (step->context));
  job->id = g_strdup (step->id);
  job->kind = g_strdup (step->kind);
  if (position != GTK_INVALID_LIST_POSITION && position < step->usernames->len)
    job->to = g_strdup (g_ptr_array_index (step->usernames, position));
  job->note = entry_text (step->note);
  job->new_due = entry_text (step->new_due);
  job->collected_by = entry_text (step->collected_by);
  if (is (step, "supplement_requested"))
    job->papers = chosen_papers (step);
  xaso_dossier_steps_submit (step->from, step->context, act_in_thread, job, (GDestroyNotify)act_job_free);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Step             *step)
{
  if (g_strcmp0 (response, "do") == 0 && gtk_widget_get_root (step->from) != NULL)
    take_step (step);
}

/* ---- Asking ---- */

static AdwEntryRow *
add_entry (GtkListBox *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static void
add_users (Step       *step,
           GtkListBox *list,
           GPtrArray  *users)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  XasoRoles preferred = is (step, "forwarded") ? XASO_ROLE_LANH_DAO : XASO_ROLE_CHUYEN_VIEN;

  step->usernames = g_ptr_array_new_with_free_func (g_free);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < users->len; i++)
      {
        XasoUser *user = g_ptr_array_index (users, i);
        XasoRoles roles = xaso_user_get_roles (user);

        /* Those who usually take this step first, then everyone who may. */
        if (!xaso_user_is_active (user) || !xaso_roles_allow (roles, XASO_RIGHT_PROCESS_DOSSIER) ||
            ((roles & preferred) != 0) != (pass == 0))
          continue;
        g_ptr_array_add (step->usernames, g_strdup (xaso_user_get (user, XASO_USER_USERNAME)));
        gtk_string_list_append (names, xaso_user_get (user, XASO_USER_FULL_NAME));
      }
  step->to = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->to), _("Takes it on"));
  adw_combo_row_set_model (step->to, G_LIST_MODEL (names));
  g_object_unref (names);
  gtk_list_box_append (list, GTK_WIDGET (step->to));
}

static void
add_papers (Step               *step,
            GtkListBox         *list,
            XasoDossierDetails *details)
{
  step->papers = g_ptr_array_new ();
  for (guint i = 0; step->procedure->papers[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->procedure->papers[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      step->procedure->papers[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (!xaso_dossier_details_has_paper (details, i))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not handed in at reception"));
      g_ptr_array_add (step->papers, check);
      gtk_list_box_append (list, row);
    }
  step->other_papers = add_entry (list, _("Other papers (separate them with ;)"), NULL);
}

static const char *
note_title (Step *step)
{
  if (is (step, "refused") || is (step, "stopped") || is (step, "apologized") || is (step, "withdrawn"))
    return _("Reason");
  if (is (step, "supplement_requested"))
    return _("Legal basis and what to complete");
  return _("Note");
}

static char *
suggested_due (XasoDossierDetails *details)
{
  g_autoptr(GDateTime) later = NULL;

  if (details->state.due == NULL)
    return NULL;
  later = xaso_calendar_add_working_hours (xaso_dossier_calendar (), details->state.due,
                                           XASO_CALENDAR_HOURS_PER_WORKING_DAY, NULL, 0);
  return later != NULL ? g_date_time_format (later, "%Y-%m-%d %H:%M") : NULL;
}

static GtkWidget *
build_form (Step               *step,
            XasoDossierDetails *details,
            GPtrArray          *users)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());
  g_autofree char *due = NULL;

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  if (users != NULL)
    add_users (step, list, users);
  if (is (step, "supplement_requested"))
    add_papers (step, list, details);
  if (is (step, "apologized"))
    {
      due = suggested_due (details);
      step->new_due = add_entry (list, _("New appointment (YYYY-MM-DD HH:MM)"), due);
    }
  if (is (step, "returned"))
    step->collected_by = add_entry (list, _("Collected by"),
                                    xaso_dossier_get (details->dossier, XASO_DOSSIER_APPLICANT_NAME));
  step->note = add_entry (list, note_title (step), NULL);
  return GTK_WIDGET (list);
}

static void
present (Step               *step,
         XasoDossierDetails *details,
         GPtrArray          *users)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (step->from)), xaso_dossier_steps_label (step->kind), step->code));

  adw_message_dialog_set_extra_child (dialog, build_form (step, details, users));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "do", _("_Confirm"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "do", xaso_dossier_steps_destructive (step->kind)
                                                                ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "do");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), step, (GClosureNotify)step_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Assigning needs the accounts, read on the worker first; the form then
 * needs nothing of the dossier but its code. */
static gpointer
list_users (XasoDatabase  *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return xaso_user_list (db, error);
}

static void
users_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(GPtrArray) users = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);

  if (users == NULL || gtk_widget_get_root (step->from) == NULL)
    {
      step_free (step);
      return;
    }
  present (step, NULL, users);
}

void
xaso_dossier_step_dialog_present (GtkWidget          *from,
                                  XasoContext        *context,
                                  XasoDossierDetails *details,
                                  const char         *kind)
{
  Step *step = g_new0 (Step, 1);

  step->from = g_object_ref (from);
  step->context = g_object_ref (context);
  step->id = g_strdup (xaso_record_get_id (XASO_RECORD (details->dossier)));
  step->code = g_strdup (xaso_dossier_get (details->dossier, XASO_DOSSIER_CODE));
  step->kind = g_strdup (kind);
  step->procedure = xaso_procedure_ref (details->procedure);
  if (!is (step, "assigned") && !is (step, "forwarded"))
    {
      present (step, details, NULL);
      return;
    }
  xaso_context_run_async (context, list_users, NULL, NULL, (GDestroyNotify)g_ptr_array_unref, NULL,
                          users_loaded_cb, step);
}
