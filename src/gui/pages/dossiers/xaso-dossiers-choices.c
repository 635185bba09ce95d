/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-commune-calendar.h"
#include "xaso-dossiers-choices.h"
#include "xaso-procedure-catalogue.h"
#include "xaso-rights.h"

struct _XasoDossiersChoices
{
  GObject        parent_instance;

  GtkStringList *procedure_list;
  GtkStringList *field_list;
  GtkStringList *officer_list;
  GPtrArray     *codes;       /* of the procedure list's items, after "any" */
  GPtrArray     *fields;
  GPtrArray     *officer_ids;
};

G_DEFINE_FINAL_TYPE (XasoDossiersChoices, xaso_dossiers_choices, G_TYPE_OBJECT)

enum { LOADED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  GPtrArray *procedures;
  GPtrArray *users;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->procedures, g_ptr_array_unref);
  g_clear_pointer (&loaded->users, g_ptr_array_unref);
  g_free (loaded);
}

static gpointer
load_in_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->procedures = xaso_procedure_catalogue_list (db, NULL, NULL, error);
  loaded->users = loaded->procedures ? xaso_user_list (db, error) : NULL;
  if (loaded->users == NULL)
    g_clear_pointer (&loaded, loaded_free);
  return loaded;
}

static void
fill_list (GtkStringList *list,
           GPtrArray     *labels)
{
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (list, 1, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1,
                          (const char * const *)labels->pdata);
}

static void
fill_procedures (XasoDossiersChoices *self,
                 GPtrArray           *procedures)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  for (guint i = 0; i < procedures->len; i++)
    {
      XasoProcedure *p = g_ptr_array_index (procedures, i);

      g_ptr_array_add (self->codes, g_strdup (p->code));
      g_ptr_array_add (names, g_strdup (p->name));
      if (p->field != NULL && !g_ptr_array_find_with_equal_func (self->fields, p->field, g_str_equal, NULL))
        {
          g_ptr_array_add (self->fields, g_strdup (p->field));
          g_ptr_array_add (fields, p->field);
        }
    }
  fill_list (self->procedure_list, names);
  fill_list (self->field_list, fields);
}

static void
fill_officers (XasoDossiersChoices *self,
               GPtrArray           *users)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < users->len; i++)
    {
      XasoUser *user = g_ptr_array_index (users, i);

      if (!xaso_user_is_active (user) ||
          !xaso_roles_allow (xaso_user_get_roles (user), XASO_RIGHT_PROCESS_DOSSIER))
        continue;
      g_ptr_array_add (self->officer_ids, g_strdup (xaso_record_get_id (XASO_RECORD (user))));
      g_ptr_array_add (names, (gpointer)xaso_user_get (user, XASO_USER_FULL_NAME));
    }
  fill_list (self->officer_list, names);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XasoDossiersChoices) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (loaded == NULL)
    {
      g_warning ("The dossier filters could not be read: %s", error->message);
      return;
    }
  fill_procedures (self, loaded->procedures);
  fill_officers (self, loaded->users);
  loaded_free (loaded);
  g_signal_emit (self, signals[LOADED], 0);
}

XasoDossiersChoices *
xaso_dossiers_choices_new (XasoContext   *context,
                           GtkStringList *procedures,
                           GtkStringList *fields,
                           GtkStringList *officers)
{
  XasoDossiersChoices *self = g_object_new (XASO_TYPE_DOSSIERS_CHOICES, NULL);

  self->procedure_list = g_object_ref (procedures);
  self->field_list = g_object_ref (fields);
  self->officer_list = g_object_ref (officers);
  gtk_string_list_append (procedures, _("Any procedure"));
  gtk_string_list_append (fields, _("Any field"));
  gtk_string_list_append (officers, _("Anyone"));
  xaso_context_run_async (context, load_in_thread, NULL, NULL, (GDestroyNotify)loaded_free, NULL, loaded_cb,
                          g_object_ref (self));
  return self;
}

static const char *
pick (GPtrArray *values,
      guint      position)
{
  return position > 0 && position <= values->len ? g_ptr_array_index (values, position - 1) : NULL;
}

static char *
format_day (const GDate *date)
{
  char text[11];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* The first and last day of the period, in the commune's time. */
static void
period_days (guint   period,
             char  **from,
             char  **to)
{
  g_autoptr(GDateTime) now = xaso_commune_now ();
  int year = g_date_time_get_year (now);
  g_autoptr(GDate) first = g_date_new_dmy (1, g_date_time_get_month (now), year);
  g_autoptr(GDate) last = NULL;

  switch (period)
    {
    case 1:   /* today */
      g_date_set_day (first, g_date_time_get_day_of_month (now));
      break;
    case 3:   /* last month */
      g_date_subtract_months (first, 1);
      break;
    case 4:   /* this year */
    case 5:   /* last year */
      g_date_set_dmy (first, 1, G_DATE_JANUARY, period == 4 ? year : year - 1);
      break;
    default:  /* this month */
      break;
    }
  last = g_date_copy (first);
  if (period == 2 || period == 3)
    g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first)));
  else if (period == 4 || period == 5)
    g_date_set_dmy (last, 31, G_DATE_DECEMBER, g_date_get_year (first));
  *from = format_day (first);
  *to = format_day (last);
}

void
xaso_dossiers_choices_apply (XasoDossiersChoices *self,
                             XasoDossierFilter   *filter,
                             guint                procedure,
                             guint                field,
                             guint                officer,
                             guint                period)
{
  filter->procedure_code = g_strdup (pick (self->codes, procedure));
  filter->field = g_strdup (pick (self->fields, field));
  filter->assignee_user_id = g_strdup (pick (self->officer_ids, officer));
  if (period > 0 && period <= 5)
    period_days (period, &filter->from, &filter->to);
}

static void
xaso_dossiers_choices_finalize (GObject *object)
{
  XasoDossiersChoices *self = XASO_DOSSIERS_CHOICES (object);

  g_clear_object (&self->procedure_list);
  g_clear_object (&self->field_list);
  g_clear_object (&self->officer_list);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->officer_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (xaso_dossiers_choices_parent_class)->finalize (object);
}

static void
xaso_dossiers_choices_class_init (XasoDossiersChoicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_dossiers_choices_finalize;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
xaso_dossiers_choices_init (XasoDossiersChoices *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->officer_ids = g_ptr_array_new_with_free_func (g_free);
}
