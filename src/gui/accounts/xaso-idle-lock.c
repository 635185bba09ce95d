/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-accounts"

#include "config.h"

#include "xaso-idle-lock.h"

#define CHECK_SECONDS 15

struct _XasoIdleLock
{
  GObject    parent_instance;

  GSettings *settings;
  gint64     last_use;      /* monotonic µs */
  guint      check_source;
};

G_DEFINE_FINAL_TYPE (XasoIdleLock, xaso_idle_lock, G_TYPE_OBJECT)

enum {
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every key press, click, scroll or pointer move counts as use. */
static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          XasoIdleLock             *self)
{
  self->last_use = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static gboolean
check_cb (gpointer data)
{
  XasoIdleLock *self = data;
  int minutes = g_settings_get_int (self->settings, "lock-after-minutes");

  if (minutes > 0 && g_get_monotonic_time () - self->last_use >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    {
      self->last_use = g_get_monotonic_time ();
      g_signal_emit (self, signals[IDLE], 0, minutes);
    }
  return G_SOURCE_CONTINUE;
}

static void
xaso_idle_lock_dispose (GObject *object)
{
  XasoIdleLock *self = XASO_IDLE_LOCK (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (xaso_idle_lock_parent_class)->dispose (object);
}

static void
xaso_idle_lock_class_init (XasoIdleLockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xaso_idle_lock_dispose;

  /* With the minutes of idleness that set it off. */
  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
xaso_idle_lock_init (XasoIdleLock *self)
{
  self->last_use = g_get_monotonic_time ();
}

XasoIdleLock *
xaso_idle_lock_new (GtkWindow *window,
                    GSettings *settings)
{
  XasoIdleLock *self = g_object_new (XASO_TYPE_IDLE_LOCK, NULL);
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  self->settings = g_object_ref (settings);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  return self;
}

void
xaso_idle_lock_set_armed (XasoIdleLock *self,
                          gboolean      armed)
{
  g_return_if_fail (XASO_IS_IDLE_LOCK (self));

  self->last_use = g_get_monotonic_time ();
  if (armed && self->check_source == 0)
    self->check_source = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);
  else if (!armed)
    g_clear_handle_id (&self->check_source, g_source_remove);
}
