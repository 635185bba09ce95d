/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-kpi.h"

G_BEGIN_DECLS

/* A row of a breakdown: what it stands for (a user id, a unit, a field, a
 * hamlet, a month YYYY-MM, the first age of a band), as shown, and its two
 * counts, whose meaning each list below gives. */
typedef struct
{
  char  *key;
  char  *label;
  guint  n[2];
} XasoCountRow;

/* The figures of a period for one unit or one field. */
typedef struct
{
  char    *key;
  char    *label;
  XasoKpi  kpi;
} XasoStatRow;

/* Everything the leader's dashboard shows for a period, counted on the
 * local replica (see xaso_kpi_compute for what each figure counts). */
typedef struct
{
  char      *from, *to;
  XasoKpi    kpi;
  GPtrArray *by_unit;             /* XasoStatRow, by the unit that handles the dossiers */
  GPtrArray *by_field;            /* XasoStatRow, by the procedure's field */
  GPtrArray *trend;               /* XasoCountRow, the 12 months to the period's end: resolved, on time */
  GPtrArray *overdue_by_officer;  /* XasoCountRow, open dossiers: past their appointment, due today
                                   * or on the next working day; key the officer's id ('' none) */
  GPtrArray *overdue_by_unit;     /* XasoCountRow, the same by unit */
  guint      received_with_scans; /* received in the period with a scanned paper attached */
  GPtrArray *documents_by_lead;   /* XasoCountRow, open incoming documents: overdue, due within two
                                   * working days; key the lead's id */
  guint      documents_issued_late; /* issued in the period later than the working day after signing */
  guint      persons;             /* living residents */
  guint      households;
  guint      persons_without_age; /* living, with no year of birth or sex (not in the pyramid) */
  GPtrArray *hamlets;             /* XasoCountRow: living persons, households */
  GPtrArray *pyramid;             /* XasoCountRow by five-year band, youngest first: men, women;
                                   * key the band's first age ("0", "5"… "80" for 80 and over) */
  GPtrArray *births_deaths;       /* XasoCountRow by month of the period: births, deaths */
} XasoDashboard;

XasoDashboard *xaso_dashboard_compute (XasoDatabase  *db,
                                       const char    *from,
                                       const char    *to,
                                       GDateTime     *now,
                                       GError       **error);
void           xaso_dashboard_free    (XasoDashboard *self);

/* The day the age pyramid counts ages at: the period's end. */
#define XASO_PYRAMID_BANDS 17

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoDashboard, xaso_dashboard_free)

G_END_DECLS
