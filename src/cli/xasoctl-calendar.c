/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xaso-calendar.h"
#include "xaso-lunar.h"
#include "xasoctl-verbs.h"

#define EXIT_OK 0
#define EXIT_ERROR 1
#define EXIT_USAGE 2

/* Longer limits are typing mistakes: no procedure takes forty years. */
#define MAX_WORKING_DAYS 10000

static int
usage_error (const char *verb,
             const char *message)
{
  g_printerr ("xasoctl %s: %s\n", verb, message);
  g_printerr (_("Run “xasoctl %s --help” to see how to use it.\n"), verb);
  return EXIT_USAGE;
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              n_args,
               int             *status)
{
  g_autoptr(GError) error = NULL;
  const char *verb = (*argv)[0];

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (verb, error->message);
      return FALSE;
    }

  if (*argc != n_args + 1)
    {
      *status = usage_error (verb, n_args == 0 ? _("This command takes no arguments.")
                                               : _("Wrong number of arguments."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
year_in_range (int year)
{
  return year >= XASO_LUNAR_MIN_YEAR && year <= XASO_LUNAR_MAX_YEAR;
}

static int
year_usage_error (const char *verb)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Give a year from %d to %d, for example 2026."),
                             XASO_LUNAR_MIN_YEAR, XASO_LUNAR_MAX_YEAR);
  return usage_error (verb, message);
}

/* Reads YYYY-MM-DD, with the rest of the text left in @rest. */
static gboolean
parse_date (const char  *text,
            int         *y,
            int         *m,
            int         *d,
            const char **rest)
{
  int consumed = 0;

  if (sscanf (text, "%4d-%2d-%2d%n", y, m, d, &consumed) != 3 || consumed != 10
      || !g_date_valid_dmy (*d, *m, *y) || !year_in_range (*y))
    return FALSE;

  *rest = text + consumed;
  return TRUE;
}

static void
warn_unconfirmed (XasoCalendar *calendar,
                  int           year)
{
  if (!xaso_calendar_year_is_confirmed (calendar, year))
    g_printerr (_("Warning: the official schedule for %d is not loaded; "
                  "its holidays follow the Labor Code rules and may change.\n"),
                year);
}

/**
 * xasoctl_calendar:
 *
 * `xasoctl calendar YEAR` prints every day off of YEAR, weekends included,
 * as "YYYY-MM-DD<TAB>reason".
 */
int
xasoctl_calendar (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(XasoCalendar) calendar = NULL;
  g_autoptr(GPtrArray) days = NULL;
  gint64 year = 0;
  int status = EXIT_OK;

  context = g_option_context_new (_("YEAR"));
  g_option_context_set_summary (context, _("Print every non-working day of a year."));
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;

  if (!g_ascii_string_to_signed (argv[1], 10, XASO_LUNAR_MIN_YEAR, XASO_LUNAR_MAX_YEAR,
                                 &year, NULL))
    return year_usage_error (argv[0]);

  calendar = xaso_calendar_new_default ();
  warn_unconfirmed (calendar, year);
  days = xaso_calendar_non_working_days (calendar, year);

  for (guint i = 0; i < days->len; i++)
    {
      const XasoCalendarDay *day = g_ptr_array_index (days, i);

      g_print ("%04d-%02d-%02d\t%s\n",
               g_date_get_year (&day->date), g_date_get_month (&day->date),
               g_date_get_day (&day->date), _(day->reason));
    }

  return EXIT_OK;
}

/**
 * xasoctl_lunar:
 *
 * `xasoctl lunar YYYY-MM-DD` prints the lunar date of a solar date as
 * YYYY-MM-DD, followed by L in a leap month.
 */
int
xasoctl_lunar (XasoctlContext  *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  XasoLunarDate lunar;
  const char *rest = NULL;
  int status = EXIT_OK;
  int y, m, d;

  context = g_option_context_new ("YYYY-MM-DD");
  g_option_context_set_summary (context, _("Print the lunar date of a solar date."));
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;

  if (!parse_date (argv[1], &y, &m, &d, &rest) || *rest != '\0')
    return usage_error (argv[0], _("Give a date as YYYY-MM-DD, for example 2026-02-17."));

  xaso_lunar_from_solar (y, m, d, &lunar);
  g_print ("%04d-%02d-%02d%s\n", lunar.year, lunar.month, lunar.day, lunar.leap ? "L" : "");

  return EXIT_OK;
}

/**
 * xasoctl_solar:
 *
 * `xasoctl solar YYYY-MM-DD[L]` prints the solar date of a lunar date; L
 * means a leap month.
 */
int
xasoctl_solar (XasoctlContext  *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  XasoLunarDate lunar = { 0, 0, 0, FALSE };
  int status = EXIT_OK;
  int consumed = 0;
  int y, m, d;

  context = g_option_context_new ("YYYY-MM-DD[L]");
  g_option_context_set_summary (context, _("Print the solar date of a lunar date; "
                                           "L marks a leap month."));
  if (!parse_options (context, &argc, &argv, 1, &status))
    return status;

  /* A lunar 30th is not a valid solar date in February, so the day is
   * checked by the conversion rather than by parse_date().
   */
  if (sscanf (argv[1], "%4d-%2d-%2d%n", &lunar.year, &lunar.month, &lunar.day, &consumed) != 3
      || consumed != 10 || (strcmp (argv[1] + 10, "") != 0 && strcmp (argv[1] + 10, "L") != 0))
    return usage_error (argv[0], _("Give a lunar date as YYYY-MM-DD, with L after it for a leap month."));

  lunar.leap = (argv[1][10] == 'L');
  if (!xaso_lunar_to_solar (&lunar, &y, &m, &d, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_ERROR;
    }

  g_print ("%04d-%02d-%02d\n", y, m, d);
  return EXIT_OK;
}

static GDateTime *
parse_reception (XasoCalendar *calendar,
                 const char   *text)
{
  const char *rest = NULL;
  int y, m, d;
  int hour, minute;
  int consumed = 0;

  if (text == NULL || !parse_date (text, &y, &m, &d, &rest)
      || (*rest != ' ' && *rest != 'T')
      || sscanf (rest + 1, "%2d:%2d%n", &hour, &minute, &consumed) != 2
      || consumed != 5 || rest[1 + consumed] != '\0'
      || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;

  return g_date_time_new (xaso_calendar_get_time_zone (calendar), y, m, d, hour, minute, 0);
}

static GDateTime *
compute_deadline (XasoCalendar *calendar,
                  GDateTime    *received,
                  int           working_days,
                  double        working_hours)
{
  if (working_days >= 0)
    return xaso_calendar_add_working_days (calendar, received, (guint) working_days, NULL, 0);

  if (working_hours >= 0)
    return xaso_calendar_add_working_hours (calendar, received, working_hours, NULL, 0);

  return xaso_calendar_same_day_deadline (calendar, received);
}

static int
print_deadline (XasoCalendar *calendar,
                GDateTime    *received,
                int           working_days,
                double        working_hours)
{
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *text = NULL;

  due = compute_deadline (calendar, received, working_days, working_hours);
  if (due == NULL)
    {
      g_printerr (_("No deadline can be computed: the calendar has no working day ahead.\n"));
      return EXIT_ERROR;
    }

  warn_unconfirmed (calendar, g_date_time_get_year (received));
  if (g_date_time_get_year (due) != g_date_time_get_year (received))
    warn_unconfirmed (calendar, g_date_time_get_year (due));

  text = g_date_time_format (due, "%Y-%m-%d %H:%M");
  g_print ("%s\n", text);
  return EXIT_OK;
}

/**
 * xasoctl_deadline:
 *
 * `xasoctl deadline --from "YYYY-MM-DD HH:MM" (--working-days N |
 * --working-hours H | --same-day)` prints the due time as
 * "YYYY-MM-DD HH:MM" (UTC+7).
 */
int
xasoctl_deadline (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(XasoCalendar) calendar = NULL;
  g_autoptr(GDateTime) received = NULL;
  g_autofree char *from = NULL;
  const char *verb = argv[0];
  int working_days = -1;
  double working_hours = -1;
  gboolean same_day = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("When the complete dossier was received"), "“YYYY-MM-DD HH:MM”" },
    { "working-days", 0, 0, G_OPTION_ARG_INT, &working_days,
      N_("Time limit in working days"), "N" },
    { "working-hours", 0, 0, G_OPTION_ARG_DOUBLE, &working_hours,
      N_("Time limit in working hours"), "H" },
    { "same-day", 0, 0, G_OPTION_ARG_NONE, &same_day,
      N_("Resolved the same day, or the next working day after 15:00"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Print the deadline of a dossier."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 0, &status))
    return status;

  if ((working_days >= 0) + (working_hours >= 0) + (same_day != FALSE) != 1)
    return usage_error (verb, _("Give one of --working-days, --working-hours or --same-day."));

  if (working_days > MAX_WORKING_DAYS
      || working_hours > MAX_WORKING_DAYS * XASO_CALENDAR_HOURS_PER_WORKING_DAY)
    return usage_error (verb, _("The time limit is too long."));

  calendar = xaso_calendar_new_default ();
  received = parse_reception (calendar, from);
  if (received == NULL)
    return usage_error (verb, _("Give --from as “YYYY-MM-DD HH:MM”, for example “2026-03-02 09:00”."));

  return print_deadline (calendar, received, working_days, working_hours);
}
