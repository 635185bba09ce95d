/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-conversion-bar.h"
#include "xaso-id-number.h"
#include "xaso-person.h"
#include "xaso-record-editor.h"
#include "xaso-record-loading.h"

/* GTK builds a template per class of the hierarchy, but only one of them can
 * set the window's content. So the chrome every editor shares (header bar,
 * error label, loading and error pages) is this class's template, and a
 * subclass's template hands its form in through the "form" property, which
 * puts it in the stack's "form" page. */
typedef struct
{
  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkSpinner        *saving_spinner;
  GtkLabel          *error_label;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  AdwBin            *form_bin;
  XasoConversionBar *conversion_bar;

  /* Owned references */
  XasoContext       *context;
  GCancellable      *cancellable;
  gboolean           saving;
} XasoRecordEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (XasoRecordEditor, xaso_record_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FORM,
  PROP_LOAD_ERROR_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_saving (XasoRecordEditor *self,
            gboolean          saving)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  priv->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", !saving);
  gtk_widget_set_visible (GTK_WIDGET (priv->saving_spinner), saving);
  gtk_spinner_set_spinning (priv->saving_spinner, saving);
}

static void
show_loaded (gpointer owner,
             gpointer loaded)
{
  XasoRecordEditor *self = owner;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  XASO_RECORD_EDITOR_GET_CLASS (self)->show_loaded (self, loaded);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XasoRecordEditor) self = user_data;
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);
  XasoRecordEditorClass *klass = XASO_RECORD_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  for (guint i = 0; id != NULL && klass->changed_tables[i] != NULL; i++)
    xaso_context_notify_changed (XASO_CONTEXT (source), klass->changed_tables[i]);
  /* Destroyed meanwhile: the lists know, there is no form left to update. */
  if (priv->context == NULL)
    return;
  set_saving (self, FALSE);
  if (id == NULL)
    {
      xaso_record_editor_show_error (self, error ? error->message : _(klass->save_error));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Makes a job of @size bytes that begins with an XasoRecordJob holding
 * @original (referenced), @form (taken) and who is working. */
gpointer
xaso_record_editor_new_job (XasoRecordEditor *self,
                            gsize             size,
                            XasoRecord       *original,
                            XasoRecord       *form)
{
  XasoRecordJob *job;

  g_return_val_if_fail (size >= sizeof (XasoRecordJob), NULL);

  job = g_malloc0 (size);
  job->original = original ? g_object_ref (original) : NULL;
  job->form = form;
  job->actor = g_strdup (xaso_context_get_actor (xaso_record_editor_get_context (self)));
  return job;
}

void
xaso_record_job_clear (XasoRecordJob *job)
{
  g_clear_object (&job->original);
  g_clear_object (&job->form);
  g_clear_pointer (&job->actor, g_free);
}

static void
record_job_free (gpointer data)
{
  xaso_record_job_clear (data);
  g_free (data);
}

/* Runs on the worker thread: saves what the user changed (core keeps what
 * others changed meanwhile). Returns the record's id. */
char *
xaso_record_job_save_edits (XasoRecordJob  *job,
                            XasoDatabase   *db,
                            GError        **error)
{
  return xaso_record_save_edits (job->original, job->form, db, job->actor, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoRecordEditor *self = XASO_RECORD_EDITOR (widget);
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);
  XasoRecordEditorClass *klass = XASO_RECORD_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  gpointer job;

  if (priv->saving || priv->context == NULL)
    return;
  xaso_record_editor_hide_error (self);
  if ((job = klass->make_save_job (self, &error)) == NULL)
    {
      xaso_record_editor_show_error (self, error->message);
      return;
    }
  set_saving (self, TRUE);
  /* Not cancellable: a save is one short transaction, and the user must
   * learn whether it happened. */
  xaso_context_run_async (priv->context, klass->save_func, job,
                          klass->save_job_free ? klass->save_job_free : record_job_free, g_free,
                          NULL, save_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* A save in progress ends in a moment; closing before would leave the
 * user unsure whether it was saved. */
static gboolean
xaso_record_editor_close_request (GtkWindow *window)
{
  XasoRecordEditor *self = XASO_RECORD_EDITOR (window);
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  if (priv->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (xaso_record_editor_parent_class)->close_request (window);
}

static void
xaso_record_editor_dispose (GObject *object)
{
  XasoRecordEditor *self = (XasoRecordEditor *)object;
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  /* No gtk_widget_dispose_template() here: GTK 4.8 reads the template of the
   * instance's class instead of this one's and aborts, since the subclasses
   * have templates too. GtkWidget's dispose releases this template's
   * children, and AdwWindow's unparents the content. */
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->context);
  G_OBJECT_CLASS (xaso_record_editor_parent_class)->dispose (object);
}

static void
xaso_record_editor_finalize (GObject *object)
{
  XasoRecordEditor *self = (XasoRecordEditor *)object;
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  g_clear_object (&priv->cancellable);
  G_OBJECT_CLASS (xaso_record_editor_parent_class)->finalize (object);
}

/* Write-only: they are for a subclass's constructor and template. */
static void
xaso_record_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XasoRecordEditor *self = XASO_RECORD_EDITOR (object);
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    case PROP_FORM:
      adw_bin_set_child (priv->form_bin, g_value_get_object (value));
      xaso_conversion_bar_watch (priv->conversion_bar, g_value_get_object (value));
      break;
    case PROP_LOAD_ERROR_TITLE:
      adw_status_page_set_title (priv->error_page, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, XASO_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The widgets the record is edited in. */
  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  /* The title of the page shown when the record cannot be loaded. */
  properties[PROP_LOAD_ERROR_TITLE] =
    g_param_spec_string ("load-error-title", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xaso_record_editor_class_init (XasoRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xaso_record_editor_dispose;
  object_class->finalize = xaso_record_editor_finalize;
  object_class->set_property = xaso_record_editor_set_property;
  window_class->close_request = xaso_record_editor_close_request;
  install_properties (object_class);

  /* Emitted with the record's id once it is saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (XASO_TYPE_CONVERSION_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-record-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, saving_spinner);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, stack);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, error_page);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, form_bin);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordEditor, conversion_bar);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
xaso_record_editor_init (XasoRecordEditor *self)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();
  /* A form that loads nothing is ready at once. */
  gtk_stack_set_visible_child_name (priv->stack, "form");
}

XasoContext *
xaso_record_editor_get_context (XasoRecordEditor *self)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_RECORD_EDITOR (self), NULL);

  return priv->context;
}

void
xaso_record_editor_set_heading (XasoRecordEditor *self,
                                const char       *title,
                                const char       *subtitle)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  g_return_if_fail (XASO_IS_RECORD_EDITOR (self));

  adw_window_title_set_title (priv->window_title, title);
  adw_window_title_set_subtitle (priv->window_title, subtitle);
}

void
xaso_record_editor_set_save_label (XasoRecordEditor *self,
                                   const char       *label)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  gtk_button_set_label (priv->save_button, label);
}

void
xaso_record_editor_show_error (XasoRecordEditor *self,
                               const char       *message)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  g_return_if_fail (XASO_IS_RECORD_EDITOR (self));

  gtk_label_set_text (priv->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
}

void
xaso_record_editor_hide_error (XasoRecordEditor *self)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);

  g_return_if_fail (XASO_IS_RECORD_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
}

/* Runs @func on the worker thread, showing a spinner meanwhile, then the
 * form and show_loaded(), or what went wrong. Save waits for the form. */
void
xaso_record_editor_load (XasoRecordEditor *self,
                         XasoContextFunc   func,
                         gpointer          job,
                         GDestroyNotify    job_free,
                         GDestroyNotify    loaded_free)
{
  XasoRecordEditorPrivate *priv = xaso_record_editor_get_instance_private (self);
  XasoRecordPages pages = { priv->stack, priv->error_page, "form", FALSE };

  g_return_if_fail (XASO_IS_RECORD_EDITOR (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  xaso_record_loading_start (&pages, priv->context, func, job, job_free, loaded_free, priv->cancellable,
                             self, show_loaded);
}

/* Fills @button's menu with @values, each activating @action_name with
 * itself; the button shows only when there is something to choose. */
void
xaso_record_editor_set_suggestions (GtkMenuButton      *button,
                                    const char         *action_name,
                                    const char * const *values)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (values[i], NULL);

      g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_string (values[i]));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (button), values[0] != NULL);
}

/* The value of the item selected in @row, from @values in the order of
 * the row's items. */
const char *
xaso_record_editor_selected_value (AdwComboRow        *row,
                                   const char * const *values,
                                   guint               n_values)
{
  guint selected = adw_combo_row_get_selected (row);

  return values[selected < n_values ? selected : 0];
}

/* Dates are typed as dd/mm/yyyy, or the year alone, and stored as ISO
 * dates or years; an empty row is no date. A date that cannot be read is
 * marked in its row, which takes the focus, and the error names the row. */
gboolean
xaso_record_editor_read_date (AdwEntryRow  *row,
                              char        **date,
                              GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  *date = NULL;
  if (*text == '\0' || (*date = xaso_parse_user_date (text, error)) != NULL)
    return TRUE;
  g_prefix_error (error, "%s: ", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return FALSE;
}

/* Selects the item of @row whose value in @values is @value. */
void
xaso_record_editor_select_value (AdwComboRow        *row,
                                 const char * const *values,
                                 guint               n_values,
                                 const char         *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (row, i);
}

static AdwEntryRow *
form_row_widget (XasoRecordEditor  *self,
                 const XasoFormRow *spec)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, spec->offset);
}

static void
set_row_text (XasoRecordEditor  *self,
              const XasoFormRow *spec,
              const char        *value)
{
  g_autofree char *text = NULL;

  if (spec->kind == XASO_FORM_DATE && value != NULL && strlen (value) == 10)
    text = g_strdup_printf ("%.2s/%.2s/%.4s", value + 8, value + 5, value);
  else
    text = g_strdup (value ? value : "");
  gtk_editable_set_text (GTK_EDITABLE (form_row_widget (self, spec)), text);
}

/* Shows @record's fields in their rows; with @only_given, rows whose field
 * is empty keep what they hold (a form filled from a scanned card). */
void
xaso_record_editor_fill_rows (XasoRecordEditor  *self,
                              const XasoFormRow *rows,
                              guint              n_rows,
                              XasoRecord        *record,
                              gboolean           only_given)
{
  for (guint i = 0; i < n_rows; i++)
    {
      const char *value = xaso_record_get (record, rows[i].field);

      if (value != NULL || !only_given)
        set_row_text (self, &rows[i], value);
    }
}

static gboolean
read_row (XasoRecordEditor   *self,
          const XasoFormRow  *spec,
          XasoRecord         *into,
          GError            **error)
{
  AdwEntryRow *row = form_row_widget (self, spec);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *value = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  switch (spec->kind)
    {
    case XASO_FORM_DATE:
      if (!xaso_record_editor_read_date (row, &value, error))
        return FALSE;
      break;
    case XASO_FORM_ID_NUMBER:
      value = xaso_id_number_normalize (text);
      break;
    case XASO_FORM_TEXT:
      value = g_steal_pointer (&text);
      break;
    }
  xaso_record_set (into, spec->field, value);
  return TRUE;
}

/* Reads the rows into @into's fields; rows the form hides keep the value
 * the record had. A date that cannot be read stops at its row. */
gboolean
xaso_record_editor_read_rows (XasoRecordEditor   *self,
                              const XasoFormRow  *rows,
                              guint               n_rows,
                              XasoRecord         *into,
                              GError            **error)
{
  for (guint i = 0; i < n_rows; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (form_row_widget (self, &rows[i]))) &&
        !read_row (self, &rows[i], into, error))
      return FALSE;
  return TRUE;
}
