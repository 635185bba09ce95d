/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-document-fold.h"
#include "xaso-document.h"

/* A document's state is a fold of its events, the same on every desktop:
 * the events in the order of their own clock (hlc, then id), each applied
 * if the state it comes to allows it. The rule when two events contradict
 * (two officials moved the same document offline, and a leader directed it
 * after another finished it): the event that is not allowed where it comes
 * stays in the history, flagged (needs review, "not applied" in the
 * history), and changes nothing. Of two allowed events the later wins: a
 * second directive replaces the first, both kept in the history. */

static const char * const statuses[] = {
  NULL, XASO_DOCUMENT_RECEIVED, XASO_DOCUMENT_REGISTERED, XASO_DOCUMENT_PRESENTED, XASO_DOCUMENT_DIRECTED,
  XASO_DOCUMENT_IN_PROGRESS, XASO_DOCUMENT_DONE, XASO_DOCUMENT_DRAFT, XASO_DOCUMENT_REVIEWING,
  XASO_DOCUMENT_SIGNING, XASO_DOCUMENT_SIGNED, XASO_DOCUMENT_ISSUED, XASO_DOCUMENT_REVOKED,
};

enum { NONE, RECEIVED, REGISTERED, PRESENTED, DIRECTED, IN_PROGRESS, DONE, DRAFT, REVIEWING, SIGNING, SIGNED,
       ISSUED, REVOKED };

#define S(status) (1u << (status))
#define HANDLED (S (DIRECTED) | S (IN_PROGRESS))

/* Decree 30's flows (xaso-document-incoming.c, -outgoing.c, -seal.c): what
 * each event needs and the status it leads to (NONE: the status stays).
 * Events not listed (viewed, printed, a file attached, edXML) change
 * nothing. */
static const struct
{
  const char *kind;
  guint       from;
  guint       to;
} transitions[] = {
  { "received", S (NONE), RECEIVED },
  { "registered", S (NONE) | S (RECEIVED), REGISTERED },
  { "presented", S (REGISTERED), PRESENTED },
  { "directed", S (REGISTERED) | S (PRESENTED) | S (DIRECTED), DIRECTED },
  { "passed_on", HANDLED, NONE },
  { "progress", HANDLED, IN_PROGRESS },
  { "done", HANDLED, DONE },
  { "replied", HANDLED, DONE },
  { "drafted", S (NONE), DRAFT },
  { "submitted_review", S (DRAFT) | S (REVIEWING), REVIEWING },
  { "submitted_signing", S (DRAFT) | S (REVIEWING), SIGNING },
  { "signed", S (DRAFT) | S (REVIEWING) | S (SIGNING), SIGNED },
  { "numbered", S (SIGNED), NONE },
  { "issued", S (SIGNED), ISSUED },
  { "sealed", S (ISSUED), NONE },
  { "revoked", S (ISSUED), REVOKED },
};

static const char * const columns[] = {
  "status", "lead_user_id", "deadline", "lead_unit", "co_handlers", "directive", "progress", "transferred_date",
  "signed_date", "sealed_date",
};
G_STATIC_ASSERT (G_N_ELEMENTS (columns) == XASO_DOCUMENT_FOLD_N_FIELDS);

const char *
xaso_document_fold_column (XasoDocumentFoldField field)
{
  g_return_val_if_fail (field < XASO_DOCUMENT_FOLD_N_FIELDS, NULL);
  return columns[field];
}

static int
find_transition (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (kind, transitions[i].kind) == 0)
      return i;
  return -1;
}

static guint
status_index (const char *status)
{
  for (guint i = 1; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i]) == 0)
      return i;
  return NONE;
}

gboolean
xaso_document_transition_allowed (const char *kind,
                                  const char *status)
{
  int t = find_transition (kind);

  return t < 0 || (transitions[t].from & S (status_index (status))) != 0;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const XasoDocumentFoldEvent *x = a, *y = b;

  if (x->hlc != y->hlc)
    return x->hlc < y->hlc ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

void
xaso_document_fold_sort (XasoDocumentFoldEvent *events,
                         guint                  n_events)
{
  /* A document with no events yet has no array at all (qsort's first
   * argument may not be NULL, even for nothing to sort). */
  if (n_events > 1)
    qsort (events, n_events, sizeof *events, compare_events);
}

void
xaso_document_state_clear (XasoDocumentState *state)
{
  for (guint i = 0; i < XASO_DOCUMENT_FOLD_N_FIELDS; i++)
    g_free (state->values[i]);
  g_clear_pointer (&state->refused, g_array_unref);
  memset (state, 0, sizeof *state);
}

static void
set (XasoDocumentState     *state,
     XasoDocumentFoldField  field,
     const char            *value)
{
  g_free (state->values[field]);
  state->values[field] = g_strdup (value);
  state->known |= 1u << field;
}

static void
set_day (XasoDocumentState     *state,
         XasoDocumentFoldField  field,
         const char            *at)
{
  g_autofree char *day = at != NULL && strlen (at) >= 10 ? g_strndup (at, 10) : NULL;

  set (state, field, day);
}

/* The fields an event's data names: a directive's deadline, lead unit and
 * co-operating officials, a received document's deadline. A member that is
 * null clears the field; a member that is missing leaves it as it is. */
static void
apply_data (XasoDocumentState *state,
            const char        *data)
{
  static const struct { const char *member; XasoDocumentFoldField field; } named[] = {
    { "deadline", XASO_DOCUMENT_FOLD_DEADLINE },
    { "lead_unit", XASO_DOCUMENT_FOLD_LEAD_UNIT },
    { "co_handlers", XASO_DOCUMENT_FOLD_CO_HANDLERS },
  };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  JsonNode *root;

  if (data == NULL || (strstr (data, "deadline") == NULL && strstr (data, "lead_unit") == NULL &&
                       strstr (data, "co_handlers") == NULL))
    return;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, -1, NULL) || (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      JsonNode *node = json_object_get_member (object, named[i].member);

      if (node != NULL && JSON_NODE_HOLDS_NULL (node))
        set (state, named[i].field, NULL);
      else if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        set (state, named[i].field, json_node_get_string (node));
    }
}

static void
apply (XasoDocumentState           *state,
       const XasoDocumentFoldEvent *e)
{
  const char *kind = e->kind;

  if (g_str_equal (kind, "directed") || g_str_equal (kind, "passed_on"))
    set (state, XASO_DOCUMENT_FOLD_LEAD_USER_ID, e->to_user_id);
  if (g_str_equal (kind, "directed"))
    {
      set (state, XASO_DOCUMENT_FOLD_DIRECTIVE, e->note);
      set_day (state, XASO_DOCUMENT_FOLD_TRANSFERRED_DATE, e->at);
    }
  else if (g_str_equal (kind, "progress") || ((g_str_equal (kind, "done") || g_str_equal (kind, "replied")) &&
                                              e->note != NULL))
    set (state, XASO_DOCUMENT_FOLD_PROGRESS, e->note);
  else if (g_str_equal (kind, "signed"))
    set_day (state, XASO_DOCUMENT_FOLD_SIGNED_DATE, e->at);
  else if (g_str_equal (kind, "sealed"))
    set_day (state, XASO_DOCUMENT_FOLD_SEALED_DATE, e->at);
  apply_data (state, e->data);
}

void
xaso_document_fold (XasoDocumentState           *state,
                    const XasoDocumentFoldEvent *events,
                    guint                        n_events)
{
  guint status = NONE;
  gboolean sealed = FALSE;

  xaso_document_state_clear (state);
  state->refused = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_events; i++)
    {
      int t = find_transition (events[i].kind);

      if (t < 0)
        continue;
      /* A document is sealed once: a second seal is the same contradiction. */
      if ((transitions[t].from & S (status)) == 0 || (sealed && g_str_equal (events[i].kind, "sealed")))
        {
          state->needs_review = TRUE;
          g_array_append_val (state->refused, i);
          continue;
        }
      apply (state, &events[i]);
      sealed |= g_str_equal (events[i].kind, "sealed");
      if (transitions[t].to != NONE)
        {
          status = transitions[t].to;
          set (state, XASO_DOCUMENT_FOLD_STATUS, statuses[status]);
        }
    }
}
