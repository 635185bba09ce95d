/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <errno.h>
#include <gio/gio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include "xaso-bench-util.h"

/* GUI cold start to a visible window (DESIGN.md §7), measured from outside
 * the program so that any program can be measured the same way: from just
 * before it is spawned to the X server's MapNotify of its first top-level
 * window. The X server tells us about every window mapped on the root
 * window, so nothing needs to be added to the program measured. */

typedef struct
{
  Display *display;
  Window   root;
  Atom     net_wm_pid;
  gboolean verbose;
  int      timeout_ms;
} Watcher;

/* A window can be gone by the time we ask about it; that is no error of
 * ours, and Xlib's default handler would end the benchmark. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  return 0;
}

/* The pid the toolkit stored on the window, or 0 when it stored none. */
static GPid
window_pid (Watcher *w,
            Window   window)
{
  Atom type = None;
  int format = 0;
  unsigned long n_items = 0, remaining = 0;
  unsigned char *data = NULL;
  GPid pid = 0;

  if (XGetWindowProperty (w->display, window, w->net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &remaining, &data) == Success &&
      type == XA_CARDINAL && format == 32 && n_items == 1)
    pid = (GPid)*(unsigned long *)data;
  if (data != NULL)
    XFree (data);
  return pid;
}

/* A top-level window of @pid was mapped: menus and tooltips bypass the
 * window manager (override-redirect) and do not count as the window. */
static gboolean
is_window_of (Watcher *w,
              XEvent  *event,
              GPid     pid)
{
  GPid owner;

  if (event->type != MapNotify || event->xmap.event != w->root || event->xmap.override_redirect)
    return FALSE;
  owner = window_pid (w, event->xmap.window);
  return owner == 0 || owner == pid;
}

static gboolean
child_exited (GPid pid)
{
  int status;

  return waitpid (pid, &status, WNOHANG) == pid;
}

/* Returns the monotonic time at which the window appeared, or 0 when the
 * program exited or took longer than the timeout. */
static gint64
wait_for_window (Watcher *w,
                 GPid     pid,
                 gint64   started)
{
  struct pollfd fd = { .fd = ConnectionNumber (w->display), .events = POLLIN };

  while (g_get_monotonic_time () - started < (gint64)w->timeout_ms * 1000)
    {
      while (XPending (w->display) > 0)
        {
          XEvent event;

          XNextEvent (w->display, &event);
          if (is_window_of (w, &event, pid))
            return g_get_monotonic_time ();
        }
      if (child_exited (pid))
        return 0;
      poll (&fd, 1, 20);
    }
  return 0;
}

/* Asks the program to quit as a session logout would, then insists. */
static void
stop_child (GPid pid)
{
  int status;

  if (kill (pid, SIGTERM) != 0 && errno == ESRCH)
    return;
  for (int i = 0; i < 300; i++)
    {
      int rc = waitpid (pid, &status, WNOHANG);

      if (rc == pid || (rc < 0 && errno == ECHILD))
        return;
      g_usleep (10000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

/* Every event from earlier runs is read before the clock starts, so the
 * window found is one of this run. */
static void
drain_events (Watcher *w)
{
  XSync (w->display, False);
  while (XPending (w->display) > 0)
    {
      XEvent event;

      XNextEvent (w->display, &event);
    }
}

static double
measure_once (Watcher  *w,
              char    **argv,
              GError  **error)
{
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH;
  gint64 started, shown;
  GPid pid;

  if (!w->verbose)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL;
  drain_events (w);
  started = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, NULL, flags, NULL, NULL, &pid, error))
    return -1;
  shown = wait_for_window (w, pid, started);
  stop_child (pid);
  g_spawn_close_pid (pid);
  /* The next instance must not find this one's bus name still owned. */
  g_usleep (300000);
  if (shown == 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "%s showed no window within %d ms", argv[0], w->timeout_ms);
      return -1;
    }
  return (shown - started) / 1000.0;
}

static gboolean
watcher_open (Watcher  *w,
              GError  **error)
{
  w->display = XOpenDisplay (NULL);
  if (w->display == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                   "Cannot open the X display “%s”", g_getenv ("DISPLAY") ?: "");
      return FALSE;
    }
  XSetErrorHandler (ignore_x_error);
  w->root = DefaultRootWindow (w->display);
  w->net_wm_pid = XInternAtom (w->display, "_NET_WM_PID", False);
  XSelectInput (w->display, w->root, SubstructureNotifyMask);
  return TRUE;
}

/* One run more than asked for: the first only warms the disk cache and
 * starts the session services (accessibility bus, …), then is dropped. */
static gboolean
measure (Watcher  *w,
         char    **argv,
         int       runs,
         GArray   *timings,
         GError  **error)
{
  for (int i = 0; i <= runs; i++)
    {
      double ms = measure_once (w, argv, error);

      if (ms < 0)
        return FALSE;
      g_printerr ("#   %s %s: %.1f ms\n", argv[0], i == 0 ? "warm-up" : "run", ms);
      if (i > 0)
        g_array_append_val (timings, ms);
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("-- PROGRAM [ARGUMENT…] — time a cold start");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) timings = xaso_bench_timings_new ();
  g_autofree char *bench_name = g_strdup ("startup");
  Watcher w = { .timeout_ms = 30000 };
  int runs = 7;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &bench_name, "Name of the figure", "NAME" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured runs, after one warm-up", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &w.timeout_ms, "Longest wait for the window", "MS" },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &w.verbose, "Keep the program's output", NULL },
    { NULL }
  };

  /* Figures are printed with a decimal point whatever the user's locale,
   * so that the driver can read them back. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc < 2 || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-startup [OPTION…] -- PROGRAM [ARGUMENT…]");
      return 2;
    }
  if (g_strcmp0 (argv[1], "--") == 0)
    argv++;
  if (argv[1] == NULL)
    {
      g_printerr ("bench-startup: name the program to start\n");
      return 2;
    }

  /* A display that cannot be opened has its own status, so that the
   * driver can start an X server and try again. */
  if (!watcher_open (&w, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 3;
    }
  if (!measure (&w, argv + 1, runs, timings, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }
  g_print ("bench %s: %.1f ms\n", bench_name, xaso_bench_percentile (timings, 50));
  XCloseDisplay (w.display);
  return 0;
}
