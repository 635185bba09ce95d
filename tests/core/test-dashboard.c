/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xaso-dashboard.h"
#include "xaso-demo.h"
#include "xaso-document-search.h"
#include "xaso-dossier-search.h"
#include "xaso-household-search.h"
#include "xaso-person-search.h"
#include "xaso-test-util.h"

/* The leader's dashboard (issue 10) on the demo commune: its breakdowns
 * add up to its totals, agree with plain SQL, and every bar's and tile's
 * link finds exactly the dossiers or documents it counts. */

#define FROM "2026-01-01"
#define TO "2026-06-30"
#define NOW "2026-06-30 12:00"

typedef struct
{
  XasoDatabase  *db;
  XasoDashboard *d;
} Fixture;

static XasoDatabase *demo_db;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = xaso_dossier_parse_time (NOW);
  g_autoptr(GError) error = NULL;

  if (demo_db == NULL)
    {
      g_autofree char *path = xaso_test_temp_path ("dashboard-demo.db");

      demo_db = xaso_database_open (path, NULL);
      g_assert_true (xaso_demo_generate (demo_db, XASO_DEMO_SMALL, 7, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  f->db = demo_db;
  f->d = xaso_dashboard_compute (f->db, FROM, TO, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->d);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  xaso_dashboard_free (f->d);
}

/* How many dossiers the link @query lists. */
static guint
listed (XasoDatabase *db,
        const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDossierFilter) filter = xaso_dossier_filter_parse (query, &error);
  g_autoptr(GArray) rowids = NULL;

  g_assert_no_error (error);
  filter->now = g_strdup (NOW);
  rowids = xaso_dossier_search_rowids (db, filter, 0, NULL, &error);
  g_assert_no_error (error);
  return rowids->len;
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

static void
test_units_add_up (Fixture       *f,
                   gconstpointer  data)
{
  XasoKpi sum = { 0 };

  g_assert_cmpuint (f->d->by_unit->len, >, 1);
  for (guint i = 0; i < f->d->by_unit->len; i++)
    {
      XasoStatRow *row = g_ptr_array_index (f->d->by_unit, i);
      g_autofree char *unit = escape (row->key);
      g_autofree char *late = g_strdup_printf ("measure=resolved:late&unit=%s&from=" FROM "&to=" TO, unit);
      g_autofree char *online = g_strdup_printf ("measure=received:online&unit=%s&from=" FROM "&to=" TO, unit);

      sum.received += row->kpi.received;
      sum.resolved_late += row->kpi.resolved_late;
      sum.in_progress += row->kpi.in_progress;
      /* The unit's bars link to its dossiers. */
      g_assert_cmpuint (listed (f->db, late), ==, row->kpi.resolved_late);
      g_assert_cmpuint (listed (f->db, online), ==, row->kpi.received_online);
    }
  g_assert_cmpuint (sum.received, ==, f->d->kpi.received);
  g_assert_cmpuint (sum.resolved_late, ==, f->d->kpi.resolved_late);
  g_assert_cmpuint (sum.in_progress, ==, f->d->kpi.in_progress);
  g_assert_cmpuint (f->d->kpi.received, >, 100);
}

static void
test_fields_link (Fixture       *f,
                  gconstpointer  data)
{
  guint received = 0;

  for (guint i = 0; i < f->d->by_field->len; i++)
    {
      XasoStatRow *row = g_ptr_array_index (f->d->by_field, i);
      g_autofree char *field = escape (row->key);
      g_autofree char *query = g_strdup_printf ("measure=received&field=%s&from=" FROM "&to=" TO, field);

      received += row->kpi.received;
      if (*row->key != '\0')
        g_assert_cmpuint (listed (f->db, query), ==, row->kpi.received);
    }
  g_assert_cmpuint (received, ==, f->d->kpi.received);
}

/* The officer's bar of overdue dossiers lands on the overdue queue of that
 * officer: the same dossiers. */
static void
test_overdue_by_officer (Fixture       *f,
                         gconstpointer  data)
{
  guint overdue = 0;

  g_assert_cmpuint (f->d->overdue_by_officer->len, >, 0);
  for (guint i = 0; i < f->d->overdue_by_officer->len; i++)
    {
      XasoCountRow *row = g_ptr_array_index (f->d->overdue_by_officer, i);
      g_autofree char *query = g_strdup_printf ("queue=overdue&assignee=%s", row->key);

      if (i > 0)
        g_assert_cmpuint (row->n[0], <=, ((XasoCountRow *)g_ptr_array_index (f->d->overdue_by_officer, i - 1))->n[0]);
      /* Nobody assigned (an empty key) lists the dossiers without anyone. */
      g_assert_cmpuint (listed (f->db, query), ==, row->n[0]);
      overdue += row->n[0];
    }
  g_assert_cmpuint (overdue, ==, listed (f->db, "queue=overdue"));
}

static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  XasoCountRow *last;

  g_assert_cmpuint (f->d->trend->len, ==, 12);
  g_assert_cmpstr (((XasoCountRow *)g_ptr_array_index (f->d->trend, 0))->key, ==, "2025-07");
  last = g_ptr_array_index (f->d->trend, 11);
  g_assert_cmpstr (last->key, ==, "2026-06");
  g_assert_cmpstr (last->label, ==, "06/2026");
  g_assert_cmpuint (last->n[0], ==, (guint)xaso_test_count (f->db,
    "SELECT count(*) FROM dossier WHERE deleted = 0 AND status IN (9, 10) AND resolved_at LIKE '2026-06%'"));
  g_assert_cmpuint (last->n[1], ==, (guint)xaso_test_count (f->db,
    "SELECT count(*) FROM dossier WHERE deleted = 0 AND status IN (9, 10) AND resolved_at LIKE '2026-06%' "
    "AND timeliness IN ('early', 'on_time')"));
}

static void
test_population (Fixture       *f,
                 gconstpointer  data)
{
  guint hamlets = 0, households = 0, pyramid = 0, births = 0;

  g_assert_cmpuint (f->d->persons, ==, (guint)xaso_test_count (f->db,
    "SELECT count(*) FROM person WHERE deleted = 0 AND status = 'living'"));
  g_assert_cmpuint (f->d->households, ==, (guint)xaso_test_count (f->db,
    "SELECT count(*) FROM household WHERE deleted = 0"));
  for (guint i = 0; i < f->d->hamlets->len; i++)
    {
      XasoCountRow *row = g_ptr_array_index (f->d->hamlets, i);

      hamlets += row->n[0];
      households += row->n[1];
    }
  g_assert_cmpuint (hamlets, ==, f->d->persons);
  g_assert_cmpuint (households, ==, f->d->households);
  g_assert_cmpuint (f->d->pyramid->len, ==, XASO_PYRAMID_BANDS);
  for (guint i = 0; i < f->d->pyramid->len; i++)
    {
      XasoCountRow *row = g_ptr_array_index (f->d->pyramid, i);

      pyramid += row->n[0] + row->n[1];
    }
  g_assert_cmpuint (pyramid + f->d->persons_without_age, ==, f->d->persons);
  /* Men of 20 to 24 at the end of 2026: born 2002 to 2006. */
  g_assert_cmpuint (((XasoCountRow *)g_ptr_array_index (f->d->pyramid, 4))->n[0], ==,
                    (guint)xaso_test_count (f->db, "SELECT count(*) FROM person WHERE deleted = 0 "
                                            "AND status = 'living' AND sex = 'male' "
                                            "AND substr (birth_date, 1, 4) BETWEEN '2002' AND '2006'"));
  for (guint i = 0; i < f->d->births_deaths->len; i++)
    births += ((XasoCountRow *)g_ptr_array_index (f->d->births_deaths, i))->n[0];
  g_assert_cmpuint (births, ==, (guint)xaso_test_count (f->db,
    "SELECT count(*) FROM civil_status_event WHERE deleted = 0 AND kind = 'birth' "
    "AND event_date BETWEEN '" FROM "' AND '" TO "'"));
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  guint overdue = 0;

  for (guint i = 0; i < f->d->documents_by_lead->len; i++)
    overdue += ((XasoCountRow *)g_ptr_array_index (f->d->documents_by_lead, i))->n[0];
  g_assert_cmpuint (overdue, ==, f->d->kpi.documents_overdue);
  g_assert_cmpuint (f->d->documents_issued_late, <=, f->d->kpi.documents_outgoing);
}

/* How many documents of @direction the link @query lists. */
static guint
documents_listed (XasoDatabase *db,
                  const char   *direction,
                  const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDocumentFilter) filter = xaso_document_filter_parse (query, &error);
  g_autoptr(GArray) rowids = NULL;

  g_assert_no_error (error);
  filter->direction = g_strdup (direction);
  filter->today = g_strdup ("2026-06-30");
  rowids = xaso_document_search_rowids (db, filter, 0, NULL, &error);
  g_assert_no_error (error);
  return rowids->len;
}

/* The documents' tiles open the registers on exactly what they count.
 * The demo commune's documents are signed the day they are issued (the
 * day of their "signed" event, as the fold reads it): three are given a
 * signature thirty days before their issue (late even across Tết). */
static void
test_document_links (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = xaso_dossier_parse_time (NOW);
  g_autoptr(GError) error = NULL;
  guint late_before = f->d->documents_issued_late;

  g_assert_true (xaso_database_exec (f->db,
    "UPDATE document SET signed_date = date (issued_date, '-30 days') WHERE rowid IN "
    "(SELECT rowid FROM document WHERE direction = 'outgoing' AND status IN ('issued', 'done') "
    "AND signed_date = issued_date AND issued_date BETWEEN '" FROM "' AND '" TO "' ORDER BY rowid LIMIT 3)",
    &error));
  g_assert_no_error (error);
  xaso_dashboard_free (f->d);
  f->d = xaso_dashboard_compute (f->db, FROM, TO, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->d->documents_issued_late, ==, late_before + 3);
  g_assert_cmpuint (f->d->kpi.documents_incoming, >, 0);
  g_assert_cmpuint (documents_listed (f->db, "incoming", "registered=" FROM ".." TO), ==,
                    f->d->kpi.documents_incoming);
  g_assert_cmpuint (documents_listed (f->db, "incoming", "due=overdue"), ==, f->d->kpi.documents_overdue);
  g_assert_cmpuint (f->d->kpi.documents_outgoing, >, 0);
  g_assert_cmpuint (documents_listed (f->db, "outgoing", "issued=" FROM ".." TO), ==,
                    f->d->kpi.documents_outgoing);
  g_assert_cmpuint (documents_listed (f->db, "outgoing", "issued=" FROM ".." TO "&late=1"), ==,
                    f->d->documents_issued_late);
  g_test_message ("registered %u, overdue %u, issued %u, issued late %u", f->d->kpi.documents_incoming,
                  f->d->kpi.documents_overdue, f->d->kpi.documents_outgoing, f->d->documents_issued_late);
}

/* The bars of births and deaths open the residents whose birth or death
 * was registered in that month: as many as the bar counts. */
static void
test_event_links (Fixture       *f,
                  gconstpointer  data)
{
  guint births = 0;

  g_assert_cmpuint (f->d->births_deaths->len, >, 0);
  for (guint i = 0; i < f->d->births_deaths->len; i++)
    {
      XasoCountRow *row = g_ptr_array_index (f->d->births_deaths, i);
      int year = atoi (row->key), month = atoi (row->key + 5);
      g_autofree char *days = g_strdup_printf ("%s-01..%s-%02d", row->key, row->key,
                                               g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year));
      const char *kinds[] = { "birth", "death" };

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *query = g_strdup_printf ("%s=%s", kinds[k], days);
          g_autoptr(GError) error = NULL;
          g_autoptr(XasoPersonFilter) filter = xaso_person_filter_parse (query, &error);
          g_autoptr(GArray) rowids = NULL;

          g_assert_no_error (error);
          rowids = xaso_person_search_rowids (f->db, filter, 0, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (rowids->len, ==, row->n[k]);
        }
      births += row->n[0];
    }
  g_assert_cmpuint (births, >, 0);
}

/* How many residents the link @query lists. */
static guint
persons_listed (XasoDatabase *db,
                const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_parse (query, &error);
  g_autoptr(GArray) rowids = NULL;

  g_assert_no_error (error);
  rowids = xaso_person_search_rowids (db, filter, 0, NULL, &error);
  g_assert_no_error (error);
  return rowids->len;
}

static guint
households_listed (XasoDatabase *db,
                   const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoHouseholdFilter) filter = xaso_household_filter_parse (query, &error);
  g_autoptr(GArray) rowids = NULL;

  g_assert_no_error (error);
  rowids = xaso_household_search_rowids (db, filter, 0, NULL, &error);
  g_assert_no_error (error);
  return rowids->len;
}

/* The population's figures of dashboard @d open exactly the residents and
 * households they count: a hamlet's bars, an age band of the pyramid by
 * sex (ages reached in the period's last year), the tiles of households
 * and of residents the pyramid cannot place. */
static void
check_population_links (XasoDatabase        *db,
                        const XasoDashboard *d)
{
  int year = atoi (d->to);
  g_autofree char *without_age = g_strdup_printf ("age=unknown&age_at=%d&life=living", year);

  for (guint i = 0; i < d->hamlets->len; i++)
    {
      XasoCountRow *row = g_ptr_array_index (d->hamlets, i);
      g_autofree char *hamlet = escape (row->key);
      g_autofree char *residents = g_strdup_printf ("hamlet=%s&life=living", hamlet);
      g_autofree char *households = g_strdup_printf ("list=households&hamlet=%s", hamlet);

      if (*row->key == '\0')
        continue;
      g_assert_cmpuint (persons_listed (db, residents), ==, row->n[0]);
      g_assert_cmpuint (households_listed (db, households), ==, row->n[1]);
    }
  for (guint i = 0; i < d->pyramid->len; i++)
    {
      XasoCountRow *row = g_ptr_array_index (d->pyramid, i);
      int first = atoi (row->key);
      const char *sexes[] = { "male", "female" };

      for (guint s = 0; s < 2; s++)
        {
          g_autofree char *query = i + 1 < d->pyramid->len
            ? g_strdup_printf ("age_min=%d&age_max=%d&age_at=%d&sex=%s&life=living", first, first + 4, year, sexes[s])
            : g_strdup_printf ("age_min=%d&age_at=%d&sex=%s&life=living", first, year, sexes[s]);

          g_assert_cmpuint (persons_listed (db, query), ==, row->n[s]);
        }
    }
  g_assert_cmpuint (households_listed (db, "list=households"), ==, d->households);
  g_assert_cmpuint (persons_listed (db, without_age), ==, d->persons_without_age);
}

/* A resident without a year of birth and one of unknown sex are counted
 * apart from the pyramid; a dashboard of 2000 counts the ages of then,
 * and those born since as having none yet. */
static void
test_population_links (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = xaso_dossier_parse_time (NOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDashboard) past = NULL;

  g_assert_true (xaso_database_exec (f->db,
    "UPDATE person SET birth_date = NULL WHERE rowid = (SELECT min (rowid) FROM person WHERE status = 'living' "
    "AND birth_date IS NOT NULL);"
    "UPDATE person SET sex = 'unknown', id_number = NULL WHERE rowid = (SELECT max (rowid) FROM person "
    "WHERE status = 'living' AND sex <> 'unknown')", &error));
  g_assert_no_error (error);
  xaso_dashboard_free (f->d);
  f->d = xaso_dashboard_compute (f->db, FROM, TO, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->d->persons_without_age, >=, 2);
  check_population_links (f->db, f->d);

  past = xaso_dashboard_compute (f->db, "2000-01-01", "2000-12-31", now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->persons_without_age, >, f->d->persons_without_age);
  check_population_links (f->db, past);
}

/* Decision 766's digitization gauge lands on the dossiers with scans. */
static void
test_scans_link (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (listed (f->db, "measure=received:scanned&from=" FROM "&to=" TO), ==,
                    f->d->received_with_scans);
  g_assert_cmpuint (f->d->received_with_scans, <=, f->d->kpi.received);
}

static void
test_bad_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDossierFilter) queue = xaso_dossier_filter_parse ("queue=nowhere", &error);

  g_assert_null (queue);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (xaso_dossier_filter_parse ("measure=made-up", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (xaso_document_filter_parse ("issued=2026-01-01..2026-13-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (xaso_document_filter_parse ("registered=2026-01-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (xaso_person_filter_parse ("birth=2026-02-30..2026-03-01", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/dashboard/units-add-up", test_units_add_up);
  ADD ("/dashboard/fields-link", test_fields_link);
  ADD ("/dashboard/overdue-by-officer", test_overdue_by_officer);
  ADD ("/dashboard/trend", test_trend);
  ADD ("/dashboard/population", test_population);
  ADD ("/dashboard/documents", test_documents);
  ADD ("/dashboard/document-links", test_document_links);
  ADD ("/dashboard/event-links", test_event_links);
  ADD ("/dashboard/population-links", test_population_links);
  ADD ("/dashboard/scans-link", test_scans_link);
  g_test_add_func ("/dashboard/bad-links", test_bad_links);
  status = g_test_run ();
  g_clear_object (&demo_db);
  return status;
}
