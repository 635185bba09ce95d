/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

/* Running xasoctl ($XASOCTL) from the tests of its verbs. */

/* Runs xasoctl with @args, giving it @input (or nothing) on standard
 * input, and returns its exit status. */
static inline int
run_va (const char  *input,
        char       **out,
        char       **err,
        const char  *first,
        va_list      ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Callers reuse their buffers from one run to the next. */
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (char *)g_getenv ("XASOCTL"));
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *)a);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error));
  g_assert_no_error (error);
  status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (status != 0)
    g_test_message ("xasoctl %s failed: %s", first, *err);
  return status;
}

/* Runs xasoctl with @args (NULL-terminated) and returns its exit status. */
static inline int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_va (NULL, out, err, first, ap);
  va_end (ap);
  return status;
}

static inline int
run_with_input (const char  *input,
                char       **out,
                char       **err,
                const char  *first,
                ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_va (input, out, err, first, ap);
  va_end (ap);
  return status;
}

/* Runs xasoctl with @args (NULL-terminated), which must succeed with exactly
 * @expected on stdout. */
#define expect(expected, ...)                                  \
  G_STMT_START {                                               \
    g_autofree char *_out = NULL, *_err = NULL;                \
    g_assert_cmpint (run (&_out, &_err, __VA_ARGS__), ==, 0);  \
    g_assert_cmpstr (_out, ==, (expected));                    \
  } G_STMT_END
