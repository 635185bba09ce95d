/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-collate.h"
#include "xaso-fold.h"
#include "xaso-sql-functions.h"
#include "xaso-unicode.h"

/* Enough for any name, ID number or address: a phrase found more often in
 * one column than this keeps its first instances only. */
#define MAX_PHRASES   16
#define MAX_INSTANCES 32

typedef struct
{
  int n[MAX_PHRASES];
  int offset[MAX_PHRASES][MAX_INSTANCES];
} Instances;

/* Gives each phrase a token of its own, trying the alternatives when a
 * phrase could take several ("n ng" in "nam nguyen": n→nam, ng→nguyen). */
static gboolean
assign_tokens (const Instances *in,
               int              phrase,
               int              n_phrases,
               int             *taken,
               int              n_taken)
{
  if (phrase == n_phrases)
    return TRUE;
  for (int i = 0; i < in->n[phrase]; i++)
    {
      int offset = in->offset[phrase][i];
      gboolean used = FALSE;

      for (int j = 0; j < n_taken && !used; j++)
        used = taken[j] == offset;
      if (used)
        continue;
      taken[n_taken] = offset;
      if (assign_tokens (in, phrase + 1, n_phrases, taken, n_taken + 1))
        return TRUE;
    }
  return FALSE;
}

static gboolean
column_holds_all (const Fts5ExtensionApi *api,
                  Fts5Context            *fts,
                  int                     column,
                  int                     n_phrases)
{
  Instances in = { { 0 } };
  int taken[MAX_PHRASES];
  int n_inst = 0;

  if (api->xInstCount (fts, &n_inst) != SQLITE_OK)
    return FALSE;
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, col, offset;

      if (api->xInst (fts, i, &phrase, &col, &offset) != SQLITE_OK)
        return FALSE;
      if (col == column && phrase < MAX_PHRASES && in.n[phrase] < MAX_INSTANCES)
        in.offset[phrase][in.n[phrase]++] = offset;
    }
  return assign_tokens (&in, 0, n_phrases, taken, 0);
}

static void
words_together (const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                sqlite3_context         *context,
                int                      argc,
                sqlite3_value          **argv)
{
  int n_phrases = api->xPhraseCount (fts);
  int n_columns = api->xColumnCount (fts);
  int together = 0;

  if (n_phrases > MAX_PHRASES)
    n_phrases = MAX_PHRASES;
  for (int column = 0; column < n_columns && !together; column++)
    together = column_holds_all (api, fts, column, n_phrases);
  sqlite3_result_int (context, together);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/* xaso_name_key (full_name): the Vietnamese order of a person's name, as
 * xaso_collate_name_key(), so SQL can bring stored keys up to date. */
static void
name_key (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, xaso_collate_name_key (name ? name : ""), -1, g_free);
}

/* xaso_is_nfc (a, b, …): 1 when every text given is in NFC (NULL counts as
 * NFC), to find what an upgrade must normalise. */
/* xaso_fold (TEXT…): the folded words of every argument, for search
 * indexes over several columns (documents: subject, notation, issuer). */
static void
fold_sql (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *)sqlite3_value_text (argv[i]);
      g_autofree char *folded = text != NULL ? xaso_fold (text) : NULL;

      if (folded == NULL || *folded == '\0')
        continue;
      if (all->len > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, folded);
    }
  sqlite3_result_text (context, all->str, (int)all->len, SQLITE_TRANSIENT);
}

static void
is_nfc (sqlite3_context  *context,
        int               argc,
        sqlite3_value   **argv)
{
  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text != NULL && !xaso_unicode_is_nfc (text))
        {
          sqlite3_result_int (context, 0);
          return;
        }
    }
  sqlite3_result_int (context, 1);
}

int
xaso_sql_functions_register (sqlite3 *db)
{
  fts5_api *api = get_fts5_api (db);
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc;

  if (api == NULL)
    return SQLITE_ERROR;
  rc = api->xCreateFunction (api, "xaso_words_together", NULL, words_together, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (db, "xaso_name_key", 1, flags, NULL, name_key, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (db, "xaso_is_nfc", -1, flags, NULL, is_nfc, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (db, "xaso_fold", -1, flags, NULL, fold_sql, NULL, NULL);
  return rc;
}
