/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-dossier-fold.h"

#define S(status) (1u << (status))
#define OPEN (S (XASO_DOSSIER_RECEIVED) | S (XASO_DOSSIER_IN_PROGRESS) | S (XASO_DOSSIER_SUPPLEMENT) | \
              S (XASO_DOSSIER_PAYMENT))

/* The transitions of the national statuses (domain-vietnam.md §2.4): what
 * each event needs and what it leads to (0: the status stays). Events not
 * listed (viewed, printed, a file attached, a note) change nothing. */
static const struct
{
  const char        *kind;
  guint              from;
  XasoDossierStatus  to;
} transitions[] = {
  { "submitted", S (0), XASO_DOSSIER_NEW },
  { "received", S (0) | S (XASO_DOSSIER_NEW), XASO_DOSSIER_RECEIVED },
  { "refused", S (XASO_DOSSIER_NEW) | OPEN, XASO_DOSSIER_REFUSED },
  { "assigned", S (XASO_DOSSIER_RECEIVED) | S (XASO_DOSSIER_IN_PROGRESS), XASO_DOSSIER_IN_PROGRESS },
  { "forwarded", S (XASO_DOSSIER_IN_PROGRESS), XASO_DOSSIER_IN_PROGRESS },
  { "supplement_requested", S (XASO_DOSSIER_RECEIVED) | S (XASO_DOSSIER_IN_PROGRESS), XASO_DOSSIER_SUPPLEMENT },
  { "supplement_received", S (XASO_DOSSIER_SUPPLEMENT), XASO_DOSSIER_IN_PROGRESS },
  { "payment_requested", S (XASO_DOSSIER_IN_PROGRESS), XASO_DOSSIER_PAYMENT },
  { "payment_received", S (XASO_DOSSIER_PAYMENT), XASO_DOSSIER_IN_PROGRESS },
  { "apologized", S (XASO_DOSSIER_IN_PROGRESS) | S (XASO_DOSSIER_SUPPLEMENT) | S (XASO_DOSSIER_PAYMENT), 0 },
  { "withdrawn", S (XASO_DOSSIER_NEW) | OPEN, XASO_DOSSIER_WITHDRAWN },
  { "stopped", OPEN, XASO_DOSSIER_STOPPED },
  { "approved", S (XASO_DOSSIER_IN_PROGRESS), XASO_DOSSIER_PROCESSED },
  { "returned", S (XASO_DOSSIER_PROCESSED), XASO_DOSSIER_RETURNED },
};

static int
find_transition (const char *kind)
{
  /* Older demo data wrote "rejected" for a refusal. */
  if (g_strcmp0 (kind, "rejected") == 0)
    kind = "refused";
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (kind, transitions[i].kind) == 0)
      return i;
  return -1;
}

gboolean
xaso_dossier_transition_allowed (const char        *kind,
                                 XasoDossierStatus  status)
{
  int t = find_transition (kind);

  return t < 0 || (transitions[t].from & S (status)) != 0;
}

XasoDossierStatus
xaso_dossier_transition_target (const char *kind)
{
  int t = find_transition (kind);

  return t < 0 ? 0 : transitions[t].to;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const XasoDossierFoldEvent *x = a, *y = b;

  if (x->hlc != y->hlc)
    return x->hlc < y->hlc ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

void
xaso_dossier_fold_sort (XasoDossierFoldEvent *events,
                        guint                 n_events)
{
  qsort (events, n_events, sizeof *events, compare_events);
}

GDateTime *
xaso_dossier_deadline (XasoCalendar     *calendar,
                       XasoProcedure    *procedure,
                       const char       *channel,
                       GDateTime        *received,
                       const XasoPause  *pauses,
                       guint             n_pauses)
{
  g_autoptr(GDateTime) same_day = NULL;
  double hours;

  if (procedure->time_unit != XASO_TIME_SAME_DAY_15H)
    return xaso_calendar_add_working_hours (calendar, received, xaso_procedure_limit_hours (procedure, channel),
                                            pauses, n_pauses);
  same_day = xaso_calendar_same_day_deadline (calendar, received);
  if (n_pauses == 0)
    return g_steal_pointer (&same_day);
  /* A pause moves the same-day deadline by the working time it took. */
  hours = xaso_calendar_working_hours_between (calendar, received, same_day, NULL, 0);
  return xaso_calendar_add_working_hours (calendar, received, hours, pauses, n_pauses);
}

/* Before: resolved on a day before the deadline's; on time: on that day,
 * not after the time; late: after it (domain-vietnam.md §2.7). */
XasoTimeliness
xaso_dossier_classify (GDateTime *resolved,
                       GDateTime *deadline)
{
  g_autoptr(GDateTime) local = NULL;

  if (resolved == NULL || deadline == NULL)
    return XASO_TIMELINESS_NONE;
  if (g_date_time_compare (resolved, deadline) > 0)
    return XASO_TIMELINESS_LATE;
  local = g_date_time_to_timezone (resolved, g_date_time_get_timezone (deadline));
  if (g_date_time_get_year (local) != g_date_time_get_year (deadline) ||
      g_date_time_get_day_of_year (local) != g_date_time_get_day_of_year (deadline))
    return XASO_TIMELINESS_EARLY;
  return XASO_TIMELINESS_ON_TIME;
}

static void
span_clear (gpointer data)
{
  XasoDossierSpan *span = data;

  g_clear_pointer (&span->start, g_date_time_unref);
  g_clear_pointer (&span->due, g_date_time_unref);
  g_clear_pointer (&span->end, g_date_time_unref);
}

static void
pause_clear (gpointer data)
{
  XasoPause *pause = data;

  g_clear_pointer (&pause->start, g_date_time_unref);
  g_clear_pointer (&pause->end, g_date_time_unref);
}

void
xaso_dossier_state_clear (XasoDossierState *state)
{
  g_clear_pointer (&state->refused, g_array_unref);
  g_clear_pointer (&state->received_at, g_date_time_unref);
  g_clear_pointer (&state->legal_due, g_date_time_unref);
  g_clear_pointer (&state->due, g_date_time_unref);
  g_clear_pointer (&state->resolved_at, g_date_time_unref);
  g_clear_pointer (&state->returned_at, g_date_time_unref);
  g_clear_pointer (&state->paused_at, g_date_time_unref);
  g_clear_pointer (&state->pauses, g_array_unref);
  g_clear_pointer (&state->step_due, g_date_time_unref);
  g_clear_pointer (&state->spans, g_array_unref);
  memset (state, 0, sizeof *state);
}

static void
set_time (GDateTime  **slot,
          GDateTime   *time)
{
  g_clear_pointer (slot, g_date_time_unref);
  *slot = time != NULL ? g_date_time_ref (time) : NULL;
}

static GDateTime *
apology_due (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (data == NULL || strstr (data, "new_due") == NULL ||
      !json_parser_load_from_data (parser, data, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return xaso_dossier_parse_time (json_object_get_string_member_with_default (json_node_get_object (root),
                                                                              "new_due", NULL));
}

typedef struct
{
  XasoDossierState *state;
  XasoProcedure    *procedure;
  XasoCalendar     *calendar;
  GDateTime        *apology;
  GDateTime        *step_start;
  gboolean          want_spans;
  gboolean          received;     /* by the counter: the clock runs from then */
} Fold;

static double
step_hours (Fold  *fold,
            guint  step)
{
  if (fold->procedure == NULL || step >= fold->procedure->n_steps)
    return -1;
  return fold->procedure->steps[step].hours;
}

/* A hand-over starts the next step: the one before ends at @at. */
static void
begin_step (Fold      *fold,
            guint      step,
            guint      event,
            GDateTime *at)
{
  XasoDossierState *state = fold->state;

  state->step = step;
  set_time (&fold->step_start, at);
  if (!fold->want_spans)
    return;
  if (state->spans->len > 0)
    set_time (&g_array_index (state->spans, XasoDossierSpan, state->spans->len - 1).end, at);
  g_array_append_val (state->spans, ((XasoDossierSpan) { step, event, g_date_time_ref (at) }));
}

static guint
next_step (Fold       *fold,
           const char *kind)
{
  guint n = fold->procedure != NULL ? fold->procedure->n_steps : 0;
  guint step = g_str_equal (kind, "assigned") ? MAX (fold->state->step, 1) : fold->state->step + 1;

  return n == 0 ? 0 : MIN (step, n - 1);
}

static void
pause_clock (XasoDossierState *state,
             GDateTime        *at,
             gboolean          resume)
{
  if (!resume)
    {
      g_array_append_val (state->pauses, ((XasoPause) { g_date_time_ref (at), NULL }));
      set_time (&state->paused_at, at);
      return;
    }
  if (state->pauses->len > 0)
    set_time (&g_array_index (state->pauses, XasoPause, state->pauses->len - 1).end, at);
  g_clear_pointer (&state->paused_at, g_date_time_unref);
}

static void
apply (Fold                       *fold,
       const XasoDossierFoldEvent *e,
       guint                       index,
       GDateTime                  *at)
{
  XasoDossierState *state = fold->state;
  const char *kind = e->kind;

  if (g_str_equal (kind, "received") || g_str_equal (kind, "submitted"))
    {
      fold->received |= g_str_equal (kind, "received");
      set_time (&state->received_at, at);
      begin_step (fold, 0, index, at);
    }
  else if (g_str_equal (kind, "assigned") || g_str_equal (kind, "forwarded"))
    {
      state->assignee = e->to_user_id;
      begin_step (fold, next_step (fold, kind), index, at);
    }
  else if (g_str_has_prefix (kind, "supplement_"))
    pause_clock (state, at, g_str_equal (kind, "supplement_received"));
  else if (g_str_equal (kind, "apologized"))
    {
      g_clear_pointer (&fold->apology, g_date_time_unref);
      fold->apology = apology_due (e->data);
    }
  else if (g_str_equal (kind, "returned"))
    set_time (&state->returned_at, at);
  else if (xaso_dossier_transition_target (kind) != XASO_DOSSIER_PAYMENT &&
           xaso_dossier_transition_target (kind) != XASO_DOSSIER_IN_PROGRESS)
    set_time (&state->resolved_at, at);
}

static void
walk (Fold                       *fold,
      const XasoDossierFoldEvent *events,
      guint                       n_events)
{
  XasoDossierState *state = fold->state;

  for (guint i = 0; i < n_events; i++)
    {
      XasoDossierStatus to = xaso_dossier_transition_target (events[i].kind);
      g_autoptr(GDateTime) at = NULL;

      if (find_transition (events[i].kind) < 0)
        continue;
      at = xaso_dossier_parse_time (events[i].at);
      if (at == NULL || !xaso_dossier_transition_allowed (events[i].kind, state->status))
        {
          /* Two desks acted at once, offline: kept, shown, never dropped. */
          state->needs_review = TRUE;
          g_array_append_val (state->refused, i);
          continue;
        }
      apply (fold, &events[i], i, at);
      if (to != 0)
        state->status = to;
    }
}

static void
compute_spans (Fold *fold)
{
  XasoDossierState *state = fold->state;
  const XasoPause *pauses = (const XasoPause *)state->pauses->data;

  for (guint i = 0; i < state->spans->len; i++)
    {
      XasoDossierSpan *span = &g_array_index (state->spans, XasoDossierSpan, i);
      double hours = step_hours (fold, span->step);

      if (hours > 0)
        span->due = xaso_calendar_add_working_hours (fold->calendar, span->start, hours, pauses,
                                                     state->pauses->len);
      if (span->end == NULL && i == state->spans->len - 1 && state->resolved_at != NULL)
        span->end = g_date_time_ref (state->resolved_at);
    }
}

static void
compute_deadlines (Fold       *fold,
                   const char *channel)
{
  XasoDossierState *state = fold->state;
  const XasoPause *pauses = (const XasoPause *)state->pauses->data;
  double hours = step_hours (fold, state->step);

  /* Limits count from the reception of a complete dossier (domain-vietnam.md
   * §2.5): an online dossier waiting for the counter has no appointment. */
  if (fold->procedure != NULL && fold->received && state->received_at != NULL)
    state->legal_due = xaso_dossier_deadline (fold->calendar, fold->procedure, channel, state->received_at,
                                              pauses, state->pauses->len);
  set_time (&state->due, fold->apology != NULL ? fold->apology : state->legal_due);
  if (hours > 0 && fold->step_start != NULL && xaso_dossier_status_is_open (state->status))
    state->step_due = xaso_calendar_add_working_hours (fold->calendar, fold->step_start, hours, pauses,
                                                       state->pauses->len);
  if (state->status == XASO_DOSSIER_PROCESSED || state->status == XASO_DOSSIER_RETURNED)
    state->timeliness = xaso_dossier_classify (state->resolved_at, state->legal_due);
  if (fold->want_spans)
    compute_spans (fold);
}

void
xaso_dossier_fold (XasoDossierState           *state,
                   const XasoDossierFoldEvent *events,
                   guint                       n_events,
                   XasoProcedure              *procedure,
                   const char                 *channel,
                   const char                 *received_at,
                   XasoCalendar               *calendar,
                   gboolean                    spans)
{
  Fold fold = { state, procedure, calendar, NULL, NULL, spans, FALSE };

  memset (state, 0, sizeof *state);
  state->refused = g_array_new (FALSE, FALSE, sizeof (guint));
  state->pauses = g_array_new (FALSE, FALSE, sizeof (XasoPause));
  g_array_set_clear_func (state->pauses, pause_clear);
  if (spans)
    {
      state->spans = g_array_new (FALSE, FALSE, sizeof (XasoDossierSpan));
      g_array_set_clear_func (state->spans, span_clear);
    }
  walk (&fold, events, n_events);
  if (state->received_at == NULL)
    state->received_at = xaso_dossier_parse_time (received_at);
  compute_deadlines (&fold, channel);
  g_clear_pointer (&fold.apology, g_date_time_unref);
  g_clear_pointer (&fold.step_start, g_date_time_unref);
}
