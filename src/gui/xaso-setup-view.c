/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-setup"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-commune.h"
#include "xaso-demo.h"
#include "xaso-password.h"
#include "xaso-seed.h"
#include "xaso-setup-view.h"
#include "xaso-user.h"

/* The first start: set up the real commune or create the demo one. */
struct _XasoSetupView
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  AdwEntryRow    *name_row;
  AdwEntryRow    *code_row;
  AdwEntryRow    *province_name_row;
  AdwEntryRow    *province_code_row;
  AdwEntryRow    *agency_row;
  AdwEntryRow    *admin_name_row;
  AdwEntryRow    *admin_username_row;
  AdwEntryRow    *admin_password_row;
  AdwEntryRow    *admin_repeat_row;
  GtkLabel       *form_error;
  GtkWidget      *create_button;
  AdwStatusPage  *progress_page;
  GtkProgressBar *progress_bar;

  char           *database_path;
  char           *admin_username;   /* of the commune set up, to sign in next */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (XasoSetupView, xaso_setup_view, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char          *path;
  XasoCommune   *commune;     /* NULL for the demo */
  XasoUser      *admin;       /* with the commune */
  char          *password;
  XasoSetupView *view;        /* for progress, owned by the task's source */
} SetupJob;

static void
setup_job_free (gpointer data)
{
  SetupJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->commune, xaso_commune_free);
  g_clear_object (&job->admin);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

typedef struct
{
  XasoSetupView *view;
  double         fraction;
  char          *stage;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;

  gtk_progress_bar_set_fraction (p->view->progress_bar, p->fraction);
  gtk_progress_bar_set_text (p->view->progress_bar, p->stage);
  g_object_unref (p->view);
  g_free (p->stage);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
demo_progress (double      fraction,
               const char *stage,
               gpointer    user_data)
{
  Progress *p = g_new0 (Progress, 1);

  p->view = g_object_ref (user_data);
  p->fraction = fraction;
  p->stage = g_strdup (stage);
  g_idle_add (show_progress, p);
}

static void
setup_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SetupJob *job = task_data;
  g_autoptr(XasoDatabase) db = NULL;
  GError *error = NULL;
  gboolean ok;

  db = xaso_database_open (job->path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->commune != NULL)
    ok = xaso_commune_setup (db, job->commune, &error) && xaso_seed_catalogue (db, &error) &&
         xaso_user_add (db, NULL, job->admin, job->password, &error);
  else
    ok = xaso_demo_generate (db, XASO_DEMO_SMALL, 1, demo_progress, job->view, cancellable, &error);

  if (!ok)
    {
      /* Leave no half-made database behind: the next start asks again. */
      g_clear_object (&db);
      xaso_database_remove_files (job->path);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
setup_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  XasoSetupView *self = XASO_SETUP_VIEW (source);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (self->create_button, TRUE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[DONE], 0);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "choose");
      return;
    }
  gtk_label_set_text (self->form_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
run_setup (XasoSetupView *self,
           XasoCommune   *commune,
           XasoUser      *admin,
           char          *password)
{
  g_autoptr(GTask) task = NULL;
  SetupJob *job = g_new0 (SetupJob, 1);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job->path = g_strdup (self->database_path);
  job->commune = commune;
  job->admin = admin;
  job->password = password;
  job->view = self;

  task = g_task_new (self, self->cancellable, setup_done_cb, NULL);
  g_task_set_source_tag (task, run_setup);
  g_task_set_task_data (task, job, setup_job_free);
  g_task_run_in_thread (task, setup_thread);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The administrator as the form gives them; the password is checked here
 * (both the same, long enough) and made a verifier by core on the worker. */
static XasoUser *
read_admin (XasoSetupView  *self,
            char          **password,
            GError        **error)
{
  g_autoptr(XasoUser) admin = xaso_user_new ();
  g_autofree char *username = row_text (self->admin_username_row);
  g_autofree char *name = row_text (self->admin_name_row);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->admin_password_row));

  if (g_strcmp0 (typed, gtk_editable_get_text (GTK_EDITABLE (self->admin_repeat_row))) != 0)
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_WEAK_PASSWORD,
                           _("The two passwords are not the same."));
      return NULL;
    }
  if (!xaso_password_acceptable (typed, username, error))
    return NULL;
  xaso_user_set (admin, XASO_USER_USERNAME, username);
  xaso_user_set (admin, XASO_USER_FULL_NAME, name);
  xaso_user_set (admin, XASO_USER_ROLES, "quan_tri");
  *password = g_strdup (typed);
  return g_steal_pointer (&admin);
}

static void
create_commune_cb (XasoSetupView *self)
{
  g_autoptr(XasoCommune) commune = g_new0 (XasoCommune, 1);
  g_autoptr(XasoUser) admin = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;

  commune->name = row_text (self->name_row);
  commune->code = row_text (self->code_row);
  commune->province_name = row_text (self->province_name_row);
  commune->province_code = row_text (self->province_code_row);
  commune->agency_eid = row_text (self->agency_row);
  if (!xaso_commune_validate (commune, &error) || (admin = read_admin (self, &password, &error)) == NULL)
    {
      gtk_label_set_text (self->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_widget_set_sensitive (self->create_button, FALSE);
  g_free (self->admin_username);
  self->admin_username = g_strdup (xaso_user_get (admin, XASO_USER_USERNAME));
  run_setup (self, g_steal_pointer (&commune), g_steal_pointer (&admin), g_steal_pointer (&password));
}

static void
create_demo_cb (XasoSetupView *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  run_setup (self, NULL, NULL, NULL);
}

static void
show_form_cb (XasoSetupView *self)
{
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
back_cb (XasoSetupView *self)
{
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
cancel_cb (XasoSetupView *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
xaso_setup_view_dispose (GObject *object)
{
  XasoSetupView *self = (XasoSetupView *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_SETUP_VIEW);
  G_OBJECT_CLASS (xaso_setup_view_parent_class)->dispose (object);
}

static void
xaso_setup_view_finalize (GObject *object)
{
  XasoSetupView *self = (XasoSetupView *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->admin_username, g_free);
  G_OBJECT_CLASS (xaso_setup_view_parent_class)->finalize (object);
}

static void
xaso_setup_view_class_init (XasoSetupViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_setup_view_dispose;
  object_class->finalize = xaso_setup_view_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-setup-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, code_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, province_name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, province_code_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, agency_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, admin_name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, admin_username_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, admin_password_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, admin_repeat_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, form_error);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, create_button);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, progress_page);
  gtk_widget_class_bind_template_child (widget_class, XasoSetupView, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, show_form_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_demo_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_commune_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
}

static void
xaso_setup_view_init (XasoSetupView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
xaso_setup_view_set_database_path (XasoSetupView *self,
                                   const char    *path)
{
  g_free (self->database_path);
  self->database_path = g_strdup (path);
}

/* The username of the administrator of the commune just set up; NULL for
 * the demo. */
const char *
xaso_setup_view_get_admin_username (XasoSetupView *self)
{
  g_return_val_if_fail (XASO_IS_SETUP_VIEW (self), NULL);

  return self->admin_username;
}
