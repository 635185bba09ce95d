/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "xaso-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "xaso-calendar.h"
#include "xaso-lunar.h"

/* How far ahead to look for a working day before giving up, which only
 * happens with a table that declares years of days off.
 */
#define MAX_SCAN_DAYS (366 * 10)

/* The largest time limit accepted, about fifty years of working days. */
#define MAX_HOURS 100000.0

/* The end of an open pause. */
#define OPEN_END G_MAXINT64

struct _XasoCalendar
{
  GObject     parent_instance;

  /* Guards everything below: deadlines are computed in worker threads
   * while the user edits the table.
   */
  GMutex      mutex;

  GHashTable *days;             /* GDate Julian day → XasoCalendarDay */
  GHashTable *filled_years;     /* years whose table is complete */
  GHashTable *confirmed_years;  /* years with an official schedule */
  GArray     *periods;          /* XasoWorkPeriod, sorted */
  GTimeZone  *time_zone;
  int         cutoff_min;
  gboolean    default_schedule;
};

/* An interval of Unix time in seconds, end excluded. */
typedef struct
{
  gint64 start;
  gint64 end;
} Span;

G_DEFINE_FINAL_TYPE (XasoCalendar, xaso_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (xaso-calendar-error-quark, xaso_calendar_error)

enum {
  PROP_0,
  PROP_DEFAULT_SCHEDULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const XasoWorkPeriod default_periods[] = {
  { 7 * 60, 11 * 60 + 30 },
  { 13 * 60 + 30, 17 * 60 },
};

static gpointer
day_key (const GDate *date)
{
  return GUINT_TO_POINTER (g_date_get_julian (date));
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static void
insert_day (XasoCalendar    *self,
            XasoCalendarDay *day)
{
  g_hash_table_replace (self->days, day_key (&day->date), day);
}

static void
insert_days (XasoCalendar *self,
             GPtrArray    *days,
             int           year)
{
  for (guint i = 0; i < days->len; i++)
    {
      const XasoCalendarDay *day = g_ptr_array_index (days, i);

      if (g_date_get_year (&day->date) != year || day->kind == XASO_DAY_WEEKEND)
        {
          g_warning ("Ignoring a calendar day outside %d or of kind weekend", year);
          continue;
        }

      insert_day (self, xaso_calendar_day_copy (day));
    }
}

/* A default calendar fills a year from the bundled official schedule, or
 * else from the rules of the Labor Code, the first time the year is used.
 */
static void
fill_year (XasoCalendar *self,
           int           year)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->default_schedule
      || year < XASO_LUNAR_MIN_YEAR || year > XASO_LUNAR_MAX_YEAR
      || g_hash_table_contains (self->filled_years, GINT_TO_POINTER (year)))
    return;

  g_hash_table_add (self->filled_years, GINT_TO_POINTER (year));

  days = xaso_holidays_official_for_year (year, &error);
  if (error != NULL)
    g_warning ("Ignoring the bundled schedule for %d: %s", year, error->message);

  if (days != NULL)
    g_hash_table_add (self->confirmed_years, GINT_TO_POINTER (year));
  else
    days = xaso_holidays_default_for_year (year);

  insert_days (self, days, year);
}

static const XasoCalendarDay *
lookup_day (XasoCalendar *self,
            const GDate  *date)
{
  fill_year (self, g_date_get_year (date));
  return g_hash_table_lookup (self->days, day_key (date));
}

static gboolean
is_working_day (XasoCalendar *self,
                const GDate  *date)
{
  const XasoCalendarDay *day = lookup_day (self, date);

  if (day != NULL)
    return day->kind == XASO_DAY_WORKING_OVERRIDE;

  return !is_weekend (date);
}

static gboolean
next_working_day (XasoCalendar *self,
                  GDate        *date)
{
  for (guint i = 0; i < MAX_SCAN_DAYS; i++)
    {
      g_date_add_days (date, 1);
      if (is_working_day (self, date))
        return TRUE;
    }

  return FALSE;
}

static void
set_gdate (GDate *date,
           int    year,
           int    month,
           int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* The calendar's zone is a fixed offset (UTC+7: Vietnam keeps no daylight
 * saving time), so local days are whole multiples of 86,400 seconds from
 * the epoch once shifted by it: deadlines walk day by day, and building a
 * GDateTime for each step cost a fifth of refolding every dossier. */
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
#define JULIAN_1970_01_01 719163   /* GDate's Julian day of 1 January 1970 */

static gint64
zone_offset (XasoCalendar *self)
{
  return g_time_zone_get_offset (self->time_zone, 0);
}

static gint64
local_midnight (XasoCalendar *self,
                const GDate  *date)
{
  gint64 days = (gint64) g_date_get_julian (date) - JULIAN_1970_01_01;

  return days * SECONDS_PER_DAY - zone_offset (self);
}

static GDateTime *
to_local (XasoCalendar *self,
          gint64        instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, self->time_zone);
}

static void
local_date (XasoCalendar *self,
            gint64        instant,
            GDate        *date)
{
  gint64 local = instant + zone_offset (self);
  gint64 days = local >= 0 ? local / SECONDS_PER_DAY : (local - SECONDS_PER_DAY + 1) / SECONDS_PER_DAY;

  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) (days + JULIAN_1970_01_01));
}

static gint64
end_of_day (XasoCalendar *self,
            const GDate  *date)
{
  const XasoWorkPeriod *last;

  last = &g_array_index (self->periods, XasoWorkPeriod, self->periods->len - 1);
  return local_midnight (self, date) + (gint64) last->end_min * 60;
}

/* Finds the first stretch of working time that ends after @cursor,
 * clipped so that it does not start before @cursor.
 */
static gboolean
next_working_span (XasoCalendar *self,
                   gint64        cursor,
                   Span         *out)
{
  GDate date;

  local_date (self, cursor, &date);

  for (guint i = 0; i < MAX_SCAN_DAYS; i++, g_date_add_days (&date, 1))
    {
      gint64 midnight;

      if (!is_working_day (self, &date))
        continue;

      midnight = local_midnight (self, &date);
      for (guint j = 0; j < self->periods->len; j++)
        {
          const XasoWorkPeriod *period = &g_array_index (self->periods, XasoWorkPeriod, j);
          gint64 end = midnight + (gint64) period->end_min * 60;

          if (end <= cursor)
            continue;

          out->start = MAX (midnight + (gint64) period->start_min * 60, cursor);
          out->end = end;
          return TRUE;
        }
    }

  return FALSE;
}

/* Like next_working_span(), but with the paused time taken out.  Pauses
 * are sorted by start.  Returns FALSE when an open pause stops the clock
 * for good.
 */
static gboolean
next_counted_span (XasoCalendar *self,
                   gint64        cursor,
                   GArray       *pauses,
                   Span         *out)
{
  while (next_working_span (self, cursor, out))
    {
      gboolean paused = FALSE;

      for (guint i = 0; i < pauses->len; i++)
        {
          const Span *pause = &g_array_index (pauses, Span, i);

          if (pause->end <= out->start)
            continue;

          if (pause->start <= out->start)
            {
              if (pause->end == OPEN_END)
                return FALSE;
              cursor = pause->end;
              paused = TRUE;
            }
          else
            {
              out->end = MIN (out->end, pause->start);
            }
          break;
        }

      if (!paused)
        return TRUE;
    }

  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *span_a = a;
  const Span *span_b = b;

  return (span_a->start > span_b->start) - (span_a->start < span_b->start);
}

static GArray *
collect_pauses (const XasoPause *pauses,
                guint            n_pauses)
{
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n_pauses);

  for (guint i = 0; i < n_pauses; i++)
    {
      Span span;

      if (pauses[i].start == NULL)
        continue;

      span.start = g_date_time_to_unix (pauses[i].start);
      span.end = pauses[i].end != NULL ? g_date_time_to_unix (pauses[i].end) : OPEN_END;
      if (span.end > span.start)
        g_array_append_val (spans, span);
    }

  g_array_sort (spans, compare_spans);
  return spans;
}

static gboolean
add_working_seconds (XasoCalendar *self,
                     gint64        start,
                     gint64        amount,
                     GArray       *pauses,
                     gint64       *result)
{
  gint64 cursor = start;
  gint64 remaining = amount;
  Span span;

  while (next_counted_span (self, cursor, pauses, &span))
    {
      gint64 length = span.end - span.start;

      /* "<=" keeps a result that falls on the end of a period there. */
      if (remaining <= length)
        {
          *result = span.start + remaining;
          return TRUE;
        }

      remaining -= length;
      cursor = span.end;
    }

  return FALSE;
}

static gboolean
periods_are_valid (const XasoWorkPeriod *periods,
                   guint                 n_periods)
{
  for (guint i = 0; i < n_periods; i++)
    {
      if (periods[i].start_min < 0 || periods[i].end_min > 24 * 60
          || periods[i].start_min >= periods[i].end_min)
        return FALSE;

      for (guint j = 0; j < i; j++)
        if (periods[i].start_min < periods[j].end_min
            && periods[j].start_min < periods[i].end_min)
          return FALSE;
    }

  return n_periods > 0;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const XasoWorkPeriod *period_a = a;
  const XasoWorkPeriod *period_b = b;

  return period_a->start_min - period_b->start_min;
}

static void
xaso_calendar_finalize (GObject *object)
{
  XasoCalendar *self = (XasoCalendar *)object;

  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->filled_years, g_hash_table_unref);
  g_clear_pointer (&self->confirmed_years, g_hash_table_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (xaso_calendar_parent_class)->finalize (object);
}

static void
xaso_calendar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XasoCalendar *self = XASO_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_SCHEDULE:
      g_value_set_boolean (value, self->default_schedule);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_calendar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XasoCalendar *self = XASO_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_SCHEDULE:
      self->default_schedule = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_calendar_class_init (XasoCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xaso_calendar_finalize;
  object_class->get_property = xaso_calendar_get_property;
  object_class->set_property = xaso_calendar_set_property;

  /**
   * XasoCalendar:default-schedule:
   *
   * Whether each year is filled, the first time it is used, from the
   * bundled official schedule or else from the Labor Code rules.
   */
  properties[PROP_DEFAULT_SCHEDULE] =
    g_param_spec_boolean ("default-schedule", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xaso_calendar_init (XasoCalendar *self)
{
  g_mutex_init (&self->mutex);
  self->days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) xaso_calendar_day_free);
  self->filled_years = g_hash_table_new (NULL, NULL);
  self->confirmed_years = g_hash_table_new (NULL, NULL);
  self->periods = g_array_new (FALSE, FALSE, sizeof (XasoWorkPeriod));
  g_array_append_vals (self->periods, default_periods, G_N_ELEMENTS (default_periods));
  self->time_zone = g_time_zone_new_offset (7 * 3600);
  self->cutoff_min = 15 * 60;
}

/**
 * xaso_calendar_new:
 *
 * Creates an empty calendar, where only Saturdays and Sundays are days off
 * until days are added with xaso_calendar_set_day() or
 * xaso_calendar_replace_year().
 */
XasoCalendar *
xaso_calendar_new (void)
{
  return g_object_new (XASO_TYPE_CALENDAR, NULL);
}

/**
 * xaso_calendar_new_default:
 *
 * Creates a calendar that fills each year the first time it is used: from
 * the official schedule bundled with the program (the year is then
 * confirmed) or else from the Labor Code rules.  Changes made with
 * xaso_calendar_set_day() apply on top of that.
 */
XasoCalendar *
xaso_calendar_new_default (void)
{
  return g_object_new (XASO_TYPE_CALENDAR,
                       "default-schedule", TRUE,
                       NULL);
}

/**
 * xaso_calendar_get_time_zone:
 *
 * Returns: (transfer none): the zone of working hours, UTC+7
 */
GTimeZone *
xaso_calendar_get_time_zone (XasoCalendar *self)
{
  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);

  return self->time_zone;
}

/**
 * xaso_calendar_set_day:
 * @self: a #XasoCalendar
 * @date: the day
 * @kind: how it differs from an ordinary week; not %XASO_DAY_WEEKEND
 * @reason: (nullable): an English msgid or an administrator's text
 *
 * Records one row of the year table, replacing any row for that day.
 */
void
xaso_calendar_set_day (XasoCalendar *self,
                       const GDate  *date,
                       XasoDayKind   kind,
                       const char   *reason)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (XASO_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (kind <= XASO_DAY_WORKING_OVERRIDE);

  locker = g_mutex_locker_new (&self->mutex);
  fill_year (self, g_date_get_year (date));
  insert_day (self, xaso_calendar_day_new (date, kind, reason));
}

/**
 * xaso_calendar_clear_day:
 *
 * Removes the row for @date, which then follows the ordinary week.
 */
void
xaso_calendar_clear_day (XasoCalendar *self,
                         const GDate  *date)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (XASO_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  locker = g_mutex_locker_new (&self->mutex);
  fill_year (self, g_date_get_year (date));
  g_hash_table_remove (self->days, day_key (date));
}

/**
 * xaso_calendar_get_day:
 *
 * Returns: (transfer full) (nullable): a copy of the row for @date, or
 *   %NULL when the day follows the ordinary week
 */
XasoCalendarDay *
xaso_calendar_get_day (XasoCalendar *self,
                       const GDate  *date)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const XasoCalendarDay *day;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  day = lookup_day (self, date);

  return day != NULL ? xaso_calendar_day_copy (day) : NULL;
}

static void
remove_year (XasoCalendar *self,
             int           year)
{
  GDate date;

  for (set_gdate (&date, year, 1, 1);
       g_date_get_year (&date) == year;
       g_date_add_days (&date, 1))
    g_hash_table_remove (self->days, day_key (&date));
}

/**
 * xaso_calendar_replace_year:
 * @self: a #XasoCalendar
 * @year: the year
 * @days: (element-type XasoCalendarDay): the rows of @year, as stored in
 *   the database or synced from the server
 * @confirmed: whether they are the official schedule
 *
 * Replaces the whole table of @year; a default calendar no longer fills
 * that year by itself.
 */
void
xaso_calendar_replace_year (XasoCalendar *self,
                            int           year,
                            GPtrArray    *days,
                            gboolean      confirmed)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (XASO_IS_CALENDAR (self));
  g_return_if_fail (year >= 1 && year < G_MAXUINT16);
  g_return_if_fail (days != NULL);

  locker = g_mutex_locker_new (&self->mutex);
  g_hash_table_add (self->filled_years, GINT_TO_POINTER (year));
  remove_year (self, year);
  insert_days (self, days, year);

  if (confirmed)
    g_hash_table_add (self->confirmed_years, GINT_TO_POINTER (year));
  else
    g_hash_table_remove (self->confirmed_years, GINT_TO_POINTER (year));
}

static GPtrArray *
new_day_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_calendar_day_free);
}

/**
 * xaso_calendar_get_days:
 *
 * Returns: (transfer full) (element-type XasoCalendarDay): the rows of the
 *   table for @year, sorted by date, as the database stores them
 */
GPtrArray *
xaso_calendar_get_days (XasoCalendar *self,
                        int           year)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *days;
  GDate date;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (year >= 1 && year < G_MAXUINT16, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  days = new_day_array ();

  for (set_gdate (&date, year, 1, 1);
       g_date_get_year (&date) == year;
       g_date_add_days (&date, 1))
    {
      const XasoCalendarDay *day = lookup_day (self, &date);

      if (day != NULL)
        g_ptr_array_add (days, xaso_calendar_day_copy (day));
    }

  return days;
}

/**
 * xaso_calendar_set_year_confirmed:
 *
 * Marks @year as holding the official schedule or not.  The application
 * warns when a year it works in is not confirmed.
 */
void
xaso_calendar_set_year_confirmed (XasoCalendar *self,
                                  int           year,
                                  gboolean      confirmed)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (XASO_IS_CALENDAR (self));

  locker = g_mutex_locker_new (&self->mutex);
  fill_year (self, year);

  if (confirmed)
    g_hash_table_add (self->confirmed_years, GINT_TO_POINTER (year));
  else
    g_hash_table_remove (self->confirmed_years, GINT_TO_POINTER (year));
}

gboolean
xaso_calendar_year_is_confirmed (XasoCalendar *self,
                                 int           year)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  fill_year (self, year);

  return g_hash_table_contains (self->confirmed_years, GINT_TO_POINTER (year));
}

/**
 * xaso_calendar_set_working_hours:
 * @self: a #XasoCalendar
 * @periods: (array length=n_periods): at least one period, not overlapping
 * @n_periods: the number of periods
 */
void
xaso_calendar_set_working_hours (XasoCalendar         *self,
                                 const XasoWorkPeriod *periods,
                                 guint                 n_periods)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (XASO_IS_CALENDAR (self));
  g_return_if_fail (periods != NULL);
  g_return_if_fail (periods_are_valid (periods, n_periods));

  locker = g_mutex_locker_new (&self->mutex);
  g_array_set_size (self->periods, 0);
  g_array_append_vals (self->periods, periods, n_periods);
  g_array_sort (self->periods, compare_periods);
}

/**
 * xaso_calendar_dup_working_hours:
 * @n_periods: (out): the number of periods
 *
 * Returns: (transfer full) (array length=n_periods): the working periods,
 *   sorted; free with g_free()
 */
XasoWorkPeriod *
xaso_calendar_dup_working_hours (XasoCalendar *self,
                                 guint        *n_periods)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (n_periods != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  *n_periods = self->periods->len;

  return g_memdup2 (self->periods->data, sizeof (XasoWorkPeriod) * self->periods->len);
}

/**
 * xaso_calendar_set_same_day_cutoff:
 * @cutoff_min: minutes from midnight; 15:00 by default
 *
 * Sets the time of day after which a same-day matter is returned on the
 * next working day (Law on Civil Status art. 5(3)).
 */
void
xaso_calendar_set_same_day_cutoff (XasoCalendar *self,
                                   int           cutoff_min)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (XASO_IS_CALENDAR (self));
  g_return_if_fail (cutoff_min > 0 && cutoff_min <= 24 * 60);

  locker = g_mutex_locker_new (&self->mutex);
  self->cutoff_min = cutoff_min;
}

/**
 * xaso_calendar_is_working_day:
 *
 * Returns: %TRUE when @date is worked: a weekday that is not a day off, or
 *   a make-up Saturday or Sunday
 */
gboolean
xaso_calendar_is_working_day (XasoCalendar *self,
                              const GDate  *date)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  return is_working_day (self, date);
}

static XasoCalendarDay *
describe_day_off (XasoCalendar *self,
                  const GDate  *date)
{
  const XasoCalendarDay *day = lookup_day (self, date);

  if (day != NULL)
    return xaso_calendar_day_copy (day);

  /* Translators: why an ordinary weekend day is not worked. */
  if (g_date_get_weekday (date) == G_DATE_SATURDAY)
    return xaso_calendar_day_new (date, XASO_DAY_WEEKEND, N_("Saturday"));

  /* Translators: why an ordinary weekend day is not worked. */
  return xaso_calendar_day_new (date, XASO_DAY_WEEKEND, N_("Sunday"));
}

/**
 * xaso_calendar_non_working_days:
 *
 * Lists every day off of @year: the rows of the table that are days off,
 * and the ordinary Saturdays and Sundays (kind %XASO_DAY_WEEKEND, reason
 * "Saturday" or "Sunday").  Make-up days are not listed.
 *
 * Returns: (transfer full) (element-type XasoCalendarDay): the days,
 *   sorted by date
 */
GPtrArray *
xaso_calendar_non_working_days (XasoCalendar *self,
                                int           year)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *days;
  GDate date;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (year >= 1 && year < G_MAXUINT16, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  days = new_day_array ();

  for (set_gdate (&date, year, 1, 1);
       g_date_get_year (&date) == year;
       g_date_add_days (&date, 1))
    if (!is_working_day (self, &date))
      g_ptr_array_add (days, describe_day_off (self, &date));

  return days;
}

/**
 * xaso_calendar_add_working_days:
 * @self: a #XasoCalendar
 * @received: when the complete dossier was received
 * @n_days: the time limit in working days
 * @pauses: (array length=n_pauses) (nullable): intervals when the clock stops
 * @n_pauses: the number of pauses
 *
 * Same as xaso_calendar_add_working_hours() with @n_days × 8 hours.
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL while an
 *   open pause stops the clock
 */
GDateTime *
xaso_calendar_add_working_days (XasoCalendar    *self,
                                GDateTime       *received,
                                guint            n_days,
                                const XasoPause *pauses,
                                guint            n_pauses)
{
  return xaso_calendar_add_working_hours (self, received,
                                          (double) n_days * XASO_CALENDAR_HOURS_PER_WORKING_DAY,
                                          pauses, n_pauses);
}

/**
 * xaso_calendar_add_working_hours:
 * @self: a #XasoCalendar
 * @received: when the complete dossier was received
 * @hours: the time limit in working hours
 * @pauses: (array length=n_pauses) (nullable): intervals when the clock stops
 * @n_pauses: the number of pauses
 *
 * Counts @hours of working time from @received, as described at the top
 * of this header.  A limit of 0 gives the moment counting starts.
 *
 * Returns: (transfer full) (nullable): the deadline, or %NULL while an
 *   open pause stops the clock
 */
GDateTime *
xaso_calendar_add_working_hours (XasoCalendar    *self,
                                 GDateTime       *received,
                                 double           hours,
                                 const XasoPause *pauses,
                                 guint            n_pauses)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) spans = NULL;
  gint64 due;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (received != NULL, NULL);
  g_return_val_if_fail (hours >= 0 && hours <= MAX_HOURS, NULL);
  g_return_val_if_fail (pauses != NULL || n_pauses == 0, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  spans = collect_pauses (pauses, n_pauses);

  if (!add_working_seconds (self, g_date_time_to_unix (received),
                            (gint64) llround (hours * 3600), spans, &due))
    return NULL;

  return to_local (self, due);
}

/**
 * xaso_calendar_working_hours_between:
 * @self: a #XasoCalendar
 * @from: the start
 * @to: the end
 * @pauses: (array length=n_pauses) (nullable): intervals when the clock stops
 * @n_pauses: the number of pauses
 *
 * Measures the working time used between two instants, for instance by a
 * dossier between its reception and now.
 *
 * Returns: the working hours between @from and @to, outside the pauses
 */
double
xaso_calendar_working_hours_between (XasoCalendar    *self,
                                     GDateTime       *from,
                                     GDateTime       *to,
                                     const XasoPause *pauses,
                                     guint            n_pauses)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) spans = NULL;
  gint64 cursor;
  gint64 end;
  gint64 total = 0;
  Span span;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && to != NULL, 0);
  g_return_val_if_fail (pauses != NULL || n_pauses == 0, 0);

  locker = g_mutex_locker_new (&self->mutex);
  spans = collect_pauses (pauses, n_pauses);
  cursor = g_date_time_to_unix (from);
  end = g_date_time_to_unix (to);

  while (cursor < end && next_counted_span (self, cursor, spans, &span) && span.start < end)
    {
      total += MIN (span.end, end) - span.start;
      cursor = span.end;
    }

  return total / 3600.0;
}

/**
 * xaso_calendar_same_day_deadline:
 * @self: a #XasoCalendar
 * @received: when the request was received
 *
 * Applies the 15:00 rule for matters resolved the same day (Law on Civil
 * Status art. 5(3), Decree 23/2015 art. 7): received on a working day
 * before the cut-off, the result is due at the end of that day; received
 * at or after it, or on a day off, at the end of the next working day.
 *
 * Returns: (transfer full) (nullable): the deadline
 */
GDateTime *
xaso_calendar_same_day_deadline (XasoCalendar *self,
                                 GDateTime    *received)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GDateTime) local = NULL;
  int seconds;
  GDate date;

  g_return_val_if_fail (XASO_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (received != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  local = g_date_time_to_timezone (received, self->time_zone);
  set_gdate (&date,
             g_date_time_get_year (local),
             g_date_time_get_month (local),
             g_date_time_get_day_of_month (local));
  seconds = g_date_time_get_hour (local) * 3600
            + g_date_time_get_minute (local) * 60
            + g_date_time_get_second (local);

  if ((!is_working_day (self, &date) || seconds >= self->cutoff_min * 60)
      && !next_working_day (self, &date))
    return NULL;

  return to_local (self, end_of_day (self, &date));
}
