/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xaso-account-editor.h"
#include "xaso-password.h"
#include "xaso-user.h"

/* The form for an account, as the administrator adds or edits it: who,
 * which roles, active or not, and a password (kept when left empty). */
struct _XasoAccountEditor
{
  XasoRecordEditor     parent_instance;

  /* Template widgets */
  AdwEntryRow         *full_name_row;
  AdwEntryRow         *username_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *unit_row;
  GtkSwitch           *active_switch;
  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *password_group;
  AdwEntryRow         *password_row;
  AdwEntryRow         *repeat_row;

  GtkCheckButton      *role_checks[XASO_N_ROLES];

  /* Owned references */
  XasoUser            *original;   /* as loaded; NULL for a new account */
};

G_DEFINE_FINAL_TYPE (XasoAccountEditor, xaso_account_editor, XASO_TYPE_RECORD_EDITOR)

#define ROW(field, member) XASO_FORM_ROW (XasoAccountEditor, field, member, TEXT)

static const XasoFormRow form_rows[] = {
  ROW (XASO_USER_FULL_NAME, full_name_row),
  ROW (XASO_USER_USERNAME, username_row),
  ROW (XASO_USER_TITLE, title_row),
  ROW (XASO_USER_UNIT, unit_row),
};

static void
fill_form (XasoAccountEditor *self,
           XasoUser          *user)
{
  XasoRoles roles = xaso_user_get_roles (user);

  xaso_record_editor_fill_rows (XASO_RECORD_EDITOR (self), form_rows, G_N_ELEMENTS (form_rows),
                                XASO_RECORD (user), FALSE);
  for (guint i = 0; i < XASO_N_ROLES; i++)
    gtk_check_button_set_active (self->role_checks[i], (roles & (1 << i)) != 0);
  gtk_switch_set_active (self->active_switch, xaso_user_is_active (user));
}

static char *
read_roles (XasoAccountEditor *self)
{
  XasoRoles roles = 0;

  for (guint i = 0; i < XASO_N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      roles |= 1 << i;
  return xaso_roles_to_string (roles);
}

/* The password typed twice; NULL (no error) when left empty on an
 * account that has one. */
static gboolean
read_password (XasoAccountEditor  *self,
               const char         *username,
               char              **password,
               GError            **error)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  *password = NULL;
  if (typed[0] == '\0' && self->original != NULL)
    return TRUE;
  if (g_strcmp0 (typed, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      g_set_error_literal (error, XASO_USER_ERROR, XASO_USER_ERROR_WEAK_PASSWORD,
                           _("The two passwords are not the same."));
      return FALSE;
    }
  if (!xaso_password_acceptable (typed, username, error))
    return FALSE;
  *password = g_strdup (typed);
  return TRUE;
}

typedef struct
{
  XasoRecordJob  record;
  char          *password;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  xaso_record_job_clear (&job->record);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

/* Runs on the worker thread, as the signed-in administrator. */
static gpointer
save_account (XasoDatabase  *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  SaveJob *job = data;
  g_autoptr(XasoUser) actor = xaso_user_find (db, job->record.actor, NULL);
  XasoUser *form = XASO_USER (job->record.form);

  if (job->record.original == NULL)
    {
      if (!xaso_user_add (db, actor, form, job->password, error))
        return NULL;
      return g_strdup (xaso_record_get_id (job->record.form));
    }
  return xaso_user_save_edits (db, actor, XASO_USER (job->record.original), form, job->password, error);
}

static gpointer
xaso_account_editor_make_save_job (XasoRecordEditor  *editor,
                                   GError           **error)
{
  XasoAccountEditor *self = XASO_ACCOUNT_EDITOR (editor);
  g_autoptr(XasoUser) form = xaso_user_new ();
  g_autofree char *roles = read_roles (self);
  g_autofree char *password = NULL;
  SaveJob *job;

  for (guint i = 0; self->original != NULL && i < XASO_USER_N_FIELDS; i++)
    xaso_user_set (form, i, xaso_user_get (self->original, i));
  if (!xaso_record_editor_read_rows (editor, form_rows, G_N_ELEMENTS (form_rows), XASO_RECORD (form), error) ||
      !read_password (self, xaso_user_get (form, XASO_USER_USERNAME), &password, error))
    return NULL;
  xaso_user_set (form, XASO_USER_ROLES, roles);
  xaso_user_set (form, XASO_USER_ACTIVE, gtk_switch_get_active (self->active_switch) ? "1" : "0");
  job = xaso_record_editor_new_job (editor, sizeof (SaveJob), XASO_RECORD (self->original),
                                    XASO_RECORD (g_steal_pointer (&form)));
  job->password = g_steal_pointer (&password);
  return job;
}

static gpointer
load_account (XasoDatabase  *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return xaso_user_load (db, data, error);
}

static void
xaso_account_editor_show_loaded (XasoRecordEditor *editor,
                                 gpointer          loaded)
{
  XasoAccountEditor *self = XASO_ACCOUNT_EDITOR (editor);

  g_set_object (&self->original, loaded);
  g_object_unref (loaded);
  fill_form (self, self->original);
  xaso_record_editor_set_heading (editor, _("Edit Account"), xaso_user_get (self->original, XASO_USER_FULL_NAME));
  adw_preferences_group_set_description (self->password_group, _("Leave empty to keep the current password."));
  gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
}

static void
add_role_rows (XasoAccountEditor *self)
{
  for (guint i = 0; i < XASO_N_ROLES; i++)
    {
      g_autofree char *name = xaso_roles_describe (1 << i);
      g_autofree char *code = xaso_roles_to_string (1 << i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_preferences_group_add (self->roles_group, row);
      self->role_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
xaso_account_editor_dispose (GObject *object)
{
  XasoAccountEditor *self = XASO_ACCOUNT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_ACCOUNT_EDITOR);
  g_clear_object (&self->original);
  G_OBJECT_CLASS (xaso_account_editor_parent_class)->dispose (object);
}

static void
xaso_account_editor_class_init (XasoAccountEditorClass *klass)
{
  static const char * const changed_tables[] = { "user", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  XasoRecordEditorClass *editor_class = XASO_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = xaso_account_editor_dispose;
  editor_class->make_save_job = xaso_account_editor_make_save_job;
  editor_class->show_loaded = xaso_account_editor_show_loaded;
  editor_class->save_func = save_account;
  editor_class->save_job_free = save_job_free;
  editor_class->changed_tables = changed_tables;
  editor_class->save_error = N_("The account could not be saved.");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-account-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, username_row);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, roles_group);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, password_group);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, password_row);
  gtk_widget_class_bind_template_child (widget_class, XasoAccountEditor, repeat_row);
}

static void
xaso_account_editor_init (XasoAccountEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_role_rows (self);
}

XasoAccountEditor *
xaso_account_editor_new (GtkWindow   *parent,
                         XasoContext *ctx,
                         const char  *user_id)
{
  XasoAccountEditor *self;

  g_return_val_if_fail (XASO_IS_CONTEXT (ctx), NULL);

  self = g_object_new (XASO_TYPE_ACCOUNT_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "context", ctx,
                       NULL);
  if (user_id != NULL)
    xaso_record_editor_load (XASO_RECORD_EDITOR (self), load_account, g_strdup (user_id), g_free,
                             g_object_unref);
  else
    {
      xaso_record_editor_set_heading (XASO_RECORD_EDITOR (self), _("New Account"), NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
    }
  return self;
}
