/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-bench"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <poppler.h>

#include "xaso-bench-util.h"
#include "xaso-pdf-render.h"

/* Render a page (DESIGN.md §7: ≤ 1.1 × pdftoppm): page N of a large PDF at
 * 150 dpi, drawn by xaso_pdf_render_page — the code the PDF view's worker
 * runs — against `pdftoppm -f N -l N -r 150` on the same page. Each run
 * opens the document afresh, since pdftoppm does too. With --xaso, also the
 * time from starting `xaso FILE.pdf` to its first page drawn, which the
 * view reports as a debug message. */

typedef struct
{
  const char *path;
  int         page;
  int         runs;
  const char *xaso;
} Options;

static gboolean
render_once (const Options  *options,
             double         *ms,
             GError        **error)
{
  g_autofree char *uri = g_filename_to_uri (options->path, NULL, error);
  gint64 started = g_get_monotonic_time ();
  PopplerDocument *document;
  PopplerPage *page;
  cairo_surface_t *surface;

  if (uri == NULL)
    return FALSE;
  document = poppler_document_new_from_file (uri, NULL, error);
  if (document == NULL)
    return FALSE;
  page = poppler_document_get_page (document, options->page - 1);
  surface = page ? xaso_pdf_render_page (page, 150.0 / 72.0) : NULL;
  *ms = (g_get_monotonic_time () - started) / 1000.0;
  g_clear_pointer (&surface, cairo_surface_destroy);
  g_clear_object (&page);
  g_object_unref (document);
  return TRUE;
}

static gboolean
pdftoppm_once (const Options  *options,
               const char     *out_dir,
               double         *ms,
               GError        **error)
{
  g_autofree char *first = g_strdup_printf ("%d", options->page);
  g_autofree char *prefix = g_build_filename (out_dir, "page", NULL);
  const char *argv[] = { "pdftoppm", "-f", first, "-l", first, "-r", "150", options->path, prefix, NULL };
  gint64 started = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;
  *ms = (g_get_monotonic_time () - started) / 1000.0;
  return TRUE;
}

/* Starts the app on the PDF and reads its output until the view says the
 * first page was drawn; the debug line comes out on stdout. */
static gboolean
first_page_once (const Options  *options,
                 double         *ms,
                 GError        **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  gint64 started;
  char *line;

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "xaso-pdf-view", TRUE);
  started = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, error, options->xaso, options->path, NULL);
  if (process == NULL)
    return FALSE;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
    {
      gboolean shown = strstr (line, "first page shown") != NULL;

      g_free (line);
      if (shown)
        break;
    }
  *ms = (g_get_monotonic_time () - started) / 1000.0;
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "xaso never reported its first page");
      return FALSE;
    }
  return TRUE;
}

typedef gboolean (*MeasureFunc) (const Options *options, gpointer data, double *ms, GError **error);

static gboolean
measure_render (const Options *options, gpointer data, double *ms, GError **error)
{
  return render_once (options, ms, error);
}

static gboolean
measure_pdftoppm (const Options *options, gpointer data, double *ms, GError **error)
{
  return pdftoppm_once (options, data, ms, error);
}

static gboolean
measure_first_page (const Options *options, gpointer data, double *ms, GError **error)
{
  return first_page_once (options, ms, error);
}

/* The median of @options->runs runs after one warm-up run, which fills the
 * page cache and poppler's font cache. */
static gboolean
median (const Options  *options,
        const char     *label,
        MeasureFunc     func,
        gpointer        data,
        double         *result,
        GError        **error)
{
  g_autoptr(GArray) timings = xaso_bench_timings_new ();

  for (int i = 0; i <= options->runs; i++)
    {
      double ms = 0;

      if (!func (options, data, &ms, error))
        return FALSE;
      g_printerr ("#   %s %s: %.1f ms\n", label, i == 0 ? "warm-up" : "run", ms);
      if (i > 0)
        g_array_append_val (timings, ms);
    }
  *result = xaso_bench_percentile (timings, 50);
  return TRUE;
}

static int
run (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_dir_make_tmp ("xaso-bench-pdf-XXXXXX", &error);
  double ours = 0, theirs = 0, first = 0;

  if (out_dir == NULL ||
      !median (options, "xaso_pdf_render_page", measure_render, NULL, &ours, &error) ||
      !median (options, "pdftoppm", measure_pdftoppm, out_dir, &theirs, &error))
    {
      g_printerr ("bench-pdf-render: %s\n", error->message);
      return 1;
    }
  g_print ("bench pdf-render: %.1f ms\n", ours);
  g_print ("bench pdf-render-pdftoppm: %.1f ms\n", theirs);
  g_print ("bench pdf-render-ratio: %.2f x\n", ours / theirs);
  if (options->xaso != NULL)
    {
      if (!median (options, "xaso first page", measure_first_page, NULL, &first, &error))
        {
          g_printerr ("bench-pdf-render: %s\n", error->message);
          return 1;
        }
      g_print ("bench pdf-open-first-page: %.1f ms\n", first);
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.pdf — render a page as the PDF view does");
  g_autoptr(GError) error = NULL;
  g_autofree char *xaso = NULL;
  Options options = { .page = 0, .runs = 7 };
  GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_INT, &options.page, "Page to render (default: the middle one)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &options.runs, "Measured runs, after one warm-up", "N" },
    { "xaso", 0, 0, G_OPTION_ARG_FILENAME, &xaso, "Also time xaso FILE.pdf to its first page", "PATH" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || options.runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-pdf-render [OPTION…] FILE.pdf");
      return 2;
    }
  options.path = argv[1];
  options.xaso = xaso;
  if (options.page <= 0)
    {
      g_autofree char *uri = g_filename_to_uri (options.path, NULL, NULL);
      PopplerDocument *document = uri ? poppler_document_new_from_file (uri, NULL, &error) : NULL;

      if (document == NULL)
        {
          g_printerr ("bench-pdf-render: %s\n", error ? error->message : "not a file name");
          return 1;
        }
      options.page = MAX (1, poppler_document_get_n_pages (document) / 2);
      g_object_unref (document);
    }
  g_printerr ("# page %d of %s at 150 dpi\n", options.page, options.path);
  return run (&options);
}
