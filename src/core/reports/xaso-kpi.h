/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* The figures a leader looks at for a period (DOMAIN.md, KPIs for
 * leaders), counted on the local replica. A period is a range of the
 * commune's days, both included; "now" decides what is late among what is
 * still open.
 *
 * - received: dossiers taken in during the period (received_at in it),
 *   online ones once the counter accepted them (status 1 is not counted);
 *   received_online/direct/postal by channel; online_rate their share.
 * - resolved: dossiers whose result was approved in the period (status 9
 *   or 10, resolved_at in it), split by their timeliness against the legal
 *   deadline, pauses for supplements excluded and apologies' new dates
 *   ignored (the fold's classification); on_time_rate = (early + on time)
 *   ÷ resolved.
 * - in_progress: dossiers open now (statuses 2, 4, 5, 6) received by the
 *   period's end; in_progress_late: of them, past their legal deadline now.
 * - refused, withdrawn, stopped: ended so in the period; returned: results
 *   handed over in the period.
 * - due_today, due_tomorrow: open dossiers whose appointment falls on the
 *   commune's day of now, or on the next working day.
 * - documents_incoming: incoming documents registered with a date of
 *   arrival in the period; documents_overdue: incoming documents still open
 *   now past their deadline; documents_outgoing: documents issued in it. */
typedef struct
{
  guint received;
  guint received_online;
  guint received_direct;
  guint received_postal;
  guint resolved;
  guint resolved_early;
  guint resolved_on_time;
  guint resolved_late;
  guint in_progress;
  guint in_progress_late;
  guint refused;
  guint withdrawn;
  guint stopped;
  guint returned;
  guint due_today;
  guint due_tomorrow;
  guint documents_incoming;
  guint documents_overdue;
  guint documents_outgoing;
} XasoKpi;

/* Counts the figures of @from to @to (YYYY-MM-DD) as of @now (NULL: the
 * present). With @unit, only dossiers handled by that unit (bộ phận: the
 * dossier's department, or else its officer's). */
gboolean  xaso_kpi_compute       (XasoDatabase  *db,
                                  const char    *from,
                                  const char    *to,
                                  const char    *unit,
                                  GDateTime     *now,
                                  XasoKpi       *kpi,
                                  GError       **error);

/* A share as a percentage 0–100, or a negative number when @whole is 0
 * (there is nothing to divide: no made-up figure). */
double    xaso_kpi_rate          (guint          part,
                                  guint          whole);
double    xaso_kpi_online_rate   (const XasoKpi *kpi);
double    xaso_kpi_on_time_rate  (const XasoKpi *kpi);

/* The figures by name, in the order of the README: "received",
 * "received_online", "online_rate"…; rates formatted "92.5" (or "" when
 * there is nothing to divide). Returns: (transfer full): a strv of
 * alternating names and values. */
GStrv     xaso_kpi_to_pairs      (const XasoKpi *kpi);

G_END_DECLS
