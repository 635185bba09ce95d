/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-session"

#include "config.h"

#include <string.h>


#include "xaso-commune-calendar.h"
#include "xaso-context.h"
#include "xaso-password.h"

/* What the windows, the command line and (later) the sync engine share:
 * the commune, who is working, and two connections to the replica. The
 * reader serves short reads on the calling thread (a page of a list by
 * primary key); everything that may take longer runs on a worker thread
 * with the writer, one task at a time. No GTK here: core owns it. */
struct _XasoContext
{
  GObject       parent_instance;

  char         *path;
  char         *actor;                /* who works when nobody is signed in */
  char         *official_person_id;
  XasoUser     *user;                 /* who is signed in */
  gboolean      has_accounts;
  XasoCommune  *commune;
  XasoDatabase *reader;
  XasoDatabase *writer;
  GMutex        writer_lock;
};

G_DEFINE_FINAL_TYPE (XasoContext, xaso_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
xaso_context_finalize (GObject *object)
{
  XasoContext *self = (XasoContext *)object;

  g_clear_object (&self->user);
  g_clear_object (&self->reader);
  g_clear_object (&self->writer);
  g_clear_pointer (&self->commune, xaso_commune_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->official_person_id, g_free);
  g_mutex_clear (&self->writer_lock);

  G_OBJECT_CLASS (xaso_context_parent_class)->finalize (object);
}

static void
xaso_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XasoContext *self = XASO_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_context_class_init (XasoContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_context_finalize;
  G_OBJECT_CLASS (klass)->get_property = xaso_context_get_property;

  /* Who is signed in, NULL before and after. */
  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, XASO_TYPE_USER,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  /* Emitted on the main thread after a write, with the table written, so
   * lists can show the change without a restart. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xaso_context_init (XasoContext *self)
{
  g_mutex_init (&self->writer_lock);
}

static void
load_official (XasoContext *self)
{
  g_autofree char *full_name = NULL;
  g_autofree char *person_id = NULL;

  if (!xaso_commune_get_current_official (self->writer, &full_name, &person_id))
    return;
  g_free (self->actor);
  self->actor = g_steal_pointer (&full_name);
  self->official_person_id = g_steal_pointer (&person_id);
}

/* A demo commune made before accounts had passwords gets the demo one, so
 * its sign-in screen works like a new demo's. */
static void
give_demo_passwords (XasoContext *self,
                     GPtrArray   *users)
{
  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);
      g_autoptr(GError) error = NULL;

      if (xaso_user_get (user, XASO_USER_PASSWORD_VERIFIER) == NULL &&
          (!xaso_user_set_password (user, XASO_DEMO_PASSWORD, &error) ||
           !xaso_record_save (XASO_RECORD (user), self->writer, "xaso-demo", &error)))
        g_warning ("Could not give %s the demo password: %s", xaso_user_get (user, XASO_USER_USERNAME),
                   error->message);
    }
}

static void
load_accounts (XasoContext *self)
{
  g_autoptr(GPtrArray) users = xaso_user_list (self->writer, NULL);

  self->has_accounts = users != NULL && users->len > 0;
  if (self->has_accounts && self->commune->is_demo)
    give_demo_passwords (self, users);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(XasoContext) self = g_object_new (XASO_TYPE_CONTEXT, NULL);
  GError *error = NULL;
  const char *user = g_get_real_name ();

  self->path = g_strdup (task_data);
  /* The writer opens first: it applies any migration before the reader looks. */
  if ((self->writer = xaso_database_open (self->path, &error)) == NULL ||
      (self->reader = xaso_database_open (self->path, &error)) == NULL ||
      (self->commune = xaso_commune_load (self->writer, &error)) == NULL ||
      !xaso_commune_calendar_load (self->reader, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->actor = g_strdup (user != NULL && !g_str_equal (user, "Unknown") ? user : g_get_user_name ());
  load_official (self);
  load_accounts (self);
  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

void
xaso_context_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, xaso_context_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

XasoContext *
xaso_context_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
xaso_context_get_path (XasoContext *self)
{
  return self->path;
}

const XasoCommune *
xaso_context_get_commune (XasoContext *self)
{
  return self->commune;
}

const char *
xaso_context_get_actor (XasoContext *self)
{
  if (self->user != NULL)
    return xaso_user_get (self->user, XASO_USER_USERNAME);
  return self->actor;
}

const char *
xaso_context_get_official_person_id (XasoContext *self)
{
  if (self->user != NULL)
    return xaso_user_get (self->user, XASO_USER_PERSON_ID);
  return self->official_person_id;
}

XasoUser *
xaso_context_get_user (XasoContext *self)
{
  return self->user;
}

gboolean
xaso_context_has_accounts (XasoContext *self)
{
  return self->has_accounts;
}

typedef struct
{
  char *username;
  char *password;
} SignInJob;

static void
sign_in_job_free (gpointer data)
{
  SignInJob *job = data;

  g_free (job->username);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static gpointer
sign_in_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  SignInJob *job = data;

  return xaso_user_sign_in (db, job->username, job->password, error);
}

/* Checks the password on the worker (PBKDF2 takes a moment on an old PC). */
void
xaso_context_sign_in_async (XasoContext         *self,
                            const char          *username,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  SignInJob *job = g_new0 (SignInJob, 1);

  job->username = g_strdup (username);
  job->password = g_strdup (password);
  xaso_context_run_async (self, sign_in_thread, job, sign_in_job_free, g_object_unref, cancellable,
                          callback, user_data);
}

gboolean
xaso_context_sign_in_finish (XasoContext   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  XasoUser *user = xaso_context_run_finish (self, result, error);

  if (user == NULL)
    return FALSE;
  g_clear_object (&self->user);
  self->user = user;
  self->has_accounts = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  return TRUE;
}

void
xaso_context_sign_out (XasoContext *self)
{
  if (self->user == NULL)
    return;
  g_clear_object (&self->user);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

XasoDatabase *
xaso_context_get_reader (XasoContext *self)
{
  return self->reader;
}

typedef struct
{
  XasoContextFunc func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} RunData;

static void
run_data_free (gpointer p)
{
  RunData *run = p;

  if (run->data_free != NULL && run->data != NULL)
    run->data_free (run->data);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  XasoContext *self = source;
  RunData *run = task_data;
  GError *error = NULL;
  gpointer result;

  g_mutex_lock (&self->writer_lock);
  result = run->func (self->writer, run->data, cancellable, &error);
  g_mutex_unlock (&self->writer_lock);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, run->result_free);
}

void
xaso_context_run_async (XasoContext         *self,
                        XasoContextFunc      func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RunData *run = g_new0 (RunData, 1);

  run->func = func;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  g_task_set_source_tag (task, xaso_context_run_async);
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
xaso_context_run_finish (XasoContext   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
xaso_context_notify_changed (XasoContext *self,
                             const char  *table)
{
  g_signal_emit (self, signals[CHANGED], 0, table);
}
