/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-records"

#include "config.h"

#include "xaso-audit.h"
#include "xaso-record-loading.h"
#include "xaso-record-view.h"

/* Only one template of the hierarchy can set the bin's child, so the pages
 * every view shares are this class's template, and a subclass's template
 * hands its content and titles in through write-only properties. */
typedef struct
{
  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  AdwBin        *content_bin;

  /* Owned references */
  XasoContext   *context;
  GCancellable  *cancellable;   /* of the latest load; an earlier one is cancelled */
  char          *record_id;
} XasoRecordViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (XasoRecordView, xaso_record_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_ERROR_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  XasoRecordViewClass *klass;
  char                *id;
  char                *actor;
  gboolean             audit;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->id);
  g_free (job->actor);
  g_free (job);
}

/* Runs on the worker thread. */
static gpointer
load_record (XasoDatabase  *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  LoadJob *job = data;

  /* A record the user has already moved away from is not viewed. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!job->audit)
    return job->klass->load (db, job->id, error);
  return xaso_audit_view (db, job->actor, job->klass->audit_table, job->id, job->klass->audit_purpose,
                          job->klass->load, job->klass->loaded_free, error);
}

static void
show_loaded (gpointer owner,
             gpointer loaded)
{
  XASO_RECORD_VIEW_GET_CLASS (owner)->show_loaded (owner, loaded);
}

/* @audit is FALSE when the record is read again after the user changed it
 * here: that is not a new look at it. */
static void
load (XasoRecordView *self,
      gboolean        audit)
{
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);
  XasoRecordViewClass *klass = XASO_RECORD_VIEW_GET_CLASS (self);
  LoadJob *job = g_new0 (LoadJob, 1);
  XasoRecordPages pages = { priv->stack, priv->error_page, "record", !audit };

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();

  job->klass = klass;
  job->id = g_strdup (priv->record_id);
  job->actor = g_strdup (xaso_context_get_actor (priv->context));
  job->audit = audit;
  if (audit)
    klass->clear (self);
  xaso_record_loading_start (&pages, priv->context, load_record, job, load_job_free, klass->loaded_free,
                             priv->cancellable, self, show_loaded);
}

void
xaso_record_view_reload (XasoRecordView *self)
{
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  if (priv->record_id != NULL && priv->context != NULL)
    load (self, FALSE);
}

static void
record_saved_cb (XasoRecordView *self)
{
  load (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
xaso_record_view_dispose (GObject *object)
{
  XasoRecordView *self = (XasoRecordView *)object;
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  /* No gtk_widget_dispose_template() here: GTK 4.8 reads the template of the
   * instance's class instead of this one's and aborts, since the subclasses
   * have templates too. GtkWidget's dispose releases this template's
   * children, and AdwBin's unparents the child. */
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->context);
  G_OBJECT_CLASS (xaso_record_view_parent_class)->dispose (object);
}

static void
xaso_record_view_finalize (GObject *object)
{
  XasoRecordView *self = (XasoRecordView *)object;
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->record_id, g_free);
  G_OBJECT_CLASS (xaso_record_view_parent_class)->finalize (object);
}

static void
xaso_record_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XasoRecordView *self = XASO_RECORD_VIEW (object);
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTENT:
      adw_bin_set_child (priv->content_bin, g_value_get_object (value));
      break;
    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (priv->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (priv->empty_page, g_value_get_string (value));
      break;
    case PROP_ERROR_TITLE:
      adw_status_page_set_title (priv->error_page, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  /* The record's widgets. */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  /* The placeholder shown before any record. */
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  /* The title of the page shown when the record cannot be read. */
  properties[PROP_ERROR_TITLE] =
    g_param_spec_string ("error-title", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xaso_record_view_class_init (XasoRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_record_view_dispose;
  object_class->finalize = xaso_record_view_finalize;
  object_class->set_property = xaso_record_view_set_property;
  install_properties (object_class);

  /* Emitted after the user saved, from here, a change to the record or to
   * what is shown with it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-record-view.ui");
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordView, stack);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordView, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordView, error_page);
  gtk_widget_class_bind_template_child_private (widget_class, XasoRecordView, content_bin);
}

static void
xaso_record_view_init (XasoRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows the record, read on the worker thread; the look is written to the
 * audit log there. */
void
xaso_record_view_show (XasoRecordView *self,
                       XasoContext    *ctx,
                       const char     *id)
{
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  g_return_if_fail (XASO_IS_RECORD_VIEW (self));
  g_return_if_fail (XASO_IS_CONTEXT (ctx));
  g_return_if_fail (id != NULL);

  g_set_object (&priv->context, ctx);
  g_free (priv->record_id);
  priv->record_id = g_strdup (id);
  load (self, TRUE);
}

const char *
xaso_record_view_get_record_id (XasoRecordView *self)
{
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_RECORD_VIEW (self), NULL);

  return priv->record_id;
}

XasoContext *
xaso_record_view_get_context (XasoRecordView *self)
{
  XasoRecordViewPrivate *priv = xaso_record_view_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_RECORD_VIEW (self), NULL);

  return priv->context;
}

/* The window an editor opened from here belongs to. */
GtkWindow *
xaso_record_view_get_window (XasoRecordView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Presents @editor; once it saved, the record is read again and the view
 * says it changed. */
void
xaso_record_view_present_editor (XasoRecordView   *self,
                                 XasoRecordEditor *editor)
{
  g_return_if_fail (XASO_IS_RECORD_VIEW (self));
  g_return_if_fail (XASO_IS_RECORD_EDITOR (editor));

  g_signal_connect_object (editor, "saved", G_CALLBACK (record_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* An empty value shows as a dash, so the row does not look unfinished. */
void
xaso_record_view_set_value (GtkLabel   *label,
                            const char *value)
{
  gtk_label_set_text (label, value != NULL && *value != '\0' ? value : "—");
}
