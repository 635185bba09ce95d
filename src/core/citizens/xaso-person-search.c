/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-fold.h"
#include "xaso-person-search-private.h"

XasoPersonFilter *
xaso_person_filter_new (void)
{
  XasoPersonFilter *filter = g_new0 (XasoPersonFilter, 1);

  filter->age_min = -1;
  filter->age_max = -1;
  return filter;
}

XasoPersonFilter *
xaso_person_filter_copy (const XasoPersonFilter *filter)
{
  XasoPersonFilter *copy = g_memdup2 (filter, sizeof *filter);

  copy->text = g_strdup (filter->text);
  copy->hamlet = g_strdup (filter->hamlet);
  copy->event_kind = g_strdup (filter->event_kind);
  copy->event_from = g_strdup (filter->event_from);
  copy->event_to = g_strdup (filter->event_to);
  return copy;
}

void
xaso_person_filter_free (XasoPersonFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->text);
  g_free (filter->hamlet);
  g_free (filter->event_kind);
  g_free (filter->event_from);
  g_free (filter->event_to);
  g_free (filter);
}

/* A search runs in up to two tiers, each in the Vietnamese order of the
 * register (given name, then the whole name: the sort key):
 *
 * 1. persons whose full name begins with what was typed ("nguyen van t"
 *    finds Nguyễn Văn Tài, Nguyễn Văn Thành…), found through the range of
 *    the folded name index. Officials type names in order, so this tier
 *    alone fills the first screen of almost every search;
 * 2. the other matches — the words in another order, in the ID number or
 *    in the address — found through the full-text index.
 *
 * When few persons match a tier, they are gathered and sorted; when many
 * do, the first screen comes from walking the order index and testing each
 * row, which meets matches quickly because they are dense, and the whole
 * list gathers and sorts them all.
 *
 * The whole list is the first tier followed by the second, so the first
 * screen of a search is always the beginning of its whole list. */

/* Up to this many matches of a tier are gathered and sorted; more, and the
 * order index is walked instead. */
static guint broad_match = 3000;

/* A walk that has not filled the first screen after this many rows has met
 * matches that cluster later in the order ("thi nguyen l" finds mostly
 * persons whose given name begins with L): every match is then gathered
 * and sorted after all. */
static guint walk_rows = 20000;

void
_xaso_person_search_set_bounds (guint broad,
                                guint walk)
{
  broad_match = broad;
  walk_rows = walk;
}

typedef enum
{
  QUERY_ALL,         /* no text: every person passing the filters */
  QUERY_NAME_PREFIX, /* tier 1, through the name index */
  QUERY_NAME_COUNT,  /* how many tier 1 holds, up to a bound, from the name index */
  QUERY_GATHER,      /* tier 2, through the full-text index */
  QUERY_WALK,        /* tier 2, along the order index */
  QUERY_WALK_NAME,   /* tier 1, along the order index, which holds the names */
} QueryKind;

typedef enum
{
  TIER_NAME_PREFIX = 1,
  TIER_OTHER_MATCHES,
} Tier;

typedef struct
{
  XasoDatabase           *db;
  const XasoPersonFilter *filter;
  char                   *match;       /* the full-text expression */
  char                  **words;       /* the folded words */
  char                   *prefix;      /* what a full name begins with in tier 1 */
  char                   *prefix_end;  /* sorts after every name beginning so */
  char                    youngest[8]; /* birth years of the age filter */
  char                    oldest[8];
  char                    this_year[8];
} Search;

typedef struct
{
  gint64  rowid;
  char   *sort_key;
} Gathered;

static void
search_clear (Search *s)
{
  g_free (s->match);
  g_strfreev (s->words);
  g_free (s->prefix);
  g_free (s->prefix_end);
}

/* The prefix keeps a space the official typed after the last word, so
 * that "nguyen van an " puts Nguyễn Văn An in the first tier and Nguyễn
 * Văn Anh in the second. */
static void
search_init (Search                 *s,
             XasoDatabase           *db,
             const XasoPersonFilter *filter)
{
  g_auto(GStrv) words = filter->text ? xaso_fold_query_words (filter->text) : NULL;
  gsize len = filter->text ? strlen (filter->text) : 0;
  g_autoptr(GDateTime) now = xaso_now ();
  int year = filter->age_year > 0 ? filter->age_year : g_date_time_get_year (now);

  *s = (Search) { .db = db, .filter = filter };
  g_snprintf (s->youngest, sizeof s->youngest, "%04d", year - MAX (filter->age_min, 0));
  g_snprintf (s->oldest, sizeof s->oldest, "%04d", year - MAX (filter->age_max, 0));
  g_snprintf (s->this_year, sizeof s->this_year, "%04d", year);
  if (words == NULL || words[0] == NULL)
    return;
  s->match = xaso_fold_words_to_fts ((const char * const *)words);
  s->words = g_steal_pointer (&words);
  s->prefix = g_strjoinv (" ", s->words);
  if (g_ascii_isspace (filter->text[len - 1]))
    {
      char *spaced = g_strconcat (s->prefix, " ", NULL);

      g_free (s->prefix);
      s->prefix = spaced;
    }
  s->prefix_end = g_strconcat (s->prefix, "\xf4\x8f\xbf\xbf", NULL); /* U+10FFFF */
}

static void
append_filters (GString                *sql,
                const XasoPersonFilter *filter)
{
  if (filter->hamlet != NULL)
    g_string_append (sql, " AND p.hamlet = :hamlet");
  if (filter->sex != XASO_SEX_UNKNOWN)
    g_string_append (sql, " AND p.sex = :sex");
  /* An unknown birth date is NULL or empty; '' sorts before every year. */
  if (filter->age_min >= 0)
    g_string_append (sql, " AND substr (p.birth_date, 1, 4) <= :youngest AND p.birth_date <> ''");
  if (filter->age_max >= 0)
    g_string_append (sql, " AND substr (p.birth_date, 1, 4) >= :oldest");
  if (filter->age_unknown)
    g_string_append (sql, " AND (coalesce (p.birth_date, '') = '' OR p.sex = 'unknown' "
                          "OR substr (p.birth_date, 1, 4) > :this_year)");
  if (filter->life == XASO_LIFE_LIVING)
    g_string_append (sql, " AND p.status = 'living'");
  else if (filter->life == XASO_LIFE_DECEASED)
    g_string_append (sql, " AND p.status = 'deceased'");
  else if (filter->life == XASO_LIFE_MOVED_AWAY)
    g_string_append (sql, " AND p.status = 'moved_away'");
  if (filter->event_kind != NULL)
    g_string_append_printf (sql, " AND p.id IN (SELECT e.person_id FROM civil_status_event e WHERE %s "
                                 "AND e.deleted = 0 AND e.event_date BETWEEN :event_from AND :event_to)",
                            g_str_equal (filter->event_kind, "vital") ? "e.kind IN ('birth', 'death')"
                                                                      : "e.kind = :event_kind");
}

/* Builds a query from fixed pieces; every value the official typed is
 * bound by name, never pasted. "p.deleted = 0" is spelled out so that the
 * partial name index applies. */
static char *
build_sql (QueryKind               kind,
           const XasoPersonFilter *filter)
{
  GString *sql = g_string_new (NULL);

  if (kind == QUERY_WALK)
    g_string_append (sql, "SELECT p.rowid, p.name_folded, p.id_number, p.address_folded FROM person p "
                          "WHERE p.commune_code = :commune AND p.deleted = 0");
  else if (kind == QUERY_WALK_NAME)
    g_string_append (sql, "SELECT p.rowid, p.name_folded FROM person p WHERE p.commune_code = :commune "
                          "AND p.deleted = 0");
  else if (kind == QUERY_GATHER)
    /* CROSS JOIN keeps the match the outer loop; left to itself the
     * planner ran the match once per person. */
    g_string_append (sql, "SELECT p.rowid, p.sort_key FROM person_fts f CROSS JOIN person p ON p.rowid = f.rowid "
                          "WHERE person_fts MATCH :match AND xaso_words_together (person_fts) "
                          "AND p.commune_code = :commune AND p.deleted = 0");
  else if (kind == QUERY_NAME_PREFIX)
    g_string_append (sql, "SELECT p.rowid, p.sort_key FROM person p WHERE p.commune_code = :commune AND p.deleted = 0");
  else if (kind == QUERY_NAME_COUNT)
    g_string_append (sql, "SELECT count (*) FROM (SELECT 1 FROM person p WHERE p.commune_code = :commune "
                          "AND p.deleted = 0");
  else
    g_string_append (sql, "SELECT p.rowid FROM person p WHERE p.commune_code = :commune AND p.deleted = 0");
  if (kind == QUERY_NAME_PREFIX || kind == QUERY_NAME_COUNT)
    g_string_append (sql, " AND p.name_folded >= :prefix AND p.name_folded < :prefix_end");
  else if (kind == QUERY_GATHER)
    g_string_append (sql, " AND NOT (p.name_folded >= :prefix AND p.name_folded < :prefix_end)");
  append_filters (sql, filter);
  /* The order index holds (sort key, folded name, row): a walk along it
   * reads no row of a first-tier candidate. */
  if (kind == QUERY_ALL || kind == QUERY_WALK || kind == QUERY_WALK_NAME)
    g_string_append (sql, " ORDER BY p.sort_key, p.name_folded, p.rowid");
  g_string_append (sql, kind == QUERY_NAME_COUNT ? " LIMIT :limit)" : " LIMIT :limit");
  return g_string_free (sql, FALSE);
}

static void
bind_search (sqlite3_stmt *stmt,
             const Search *s,
             gint64        limit)
{
  const XasoPersonFilter *filter = s->filter;

  xaso_bind_named (stmt, ":commune", xaso_database_get_commune_code (s->db));
  xaso_bind_named (stmt, ":match", s->match);
  xaso_bind_named (stmt, ":prefix", s->prefix);
  xaso_bind_named (stmt, ":prefix_end", s->prefix_end);
  xaso_bind_named (stmt, ":hamlet", filter->hamlet);
  xaso_bind_named (stmt, ":sex", filter->sex == XASO_SEX_FEMALE ? "female" : "male");
  xaso_bind_named (stmt, ":youngest", s->youngest);
  xaso_bind_named (stmt, ":oldest", s->oldest);
  xaso_bind_named (stmt, ":this_year", s->this_year);
  xaso_bind_named (stmt, ":event_kind", filter->event_kind);
  xaso_bind_named (stmt, ":event_from", filter->event_from);
  xaso_bind_named (stmt, ":event_to", filter->event_to);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit > 0 ? limit : G_MAXINT64);
}

/* Runs one query of @kind and appends its rows to @rowids, or, for a
 * gathering query, to @gathered with their sort keys. */
static gboolean
run_query (const Search  *s,
           QueryKind      kind,
           gint64         limit,
           GArray        *rowids,
           GArray        *gathered,
           GError       **error)
{
  g_autofree char *sql = build_sql (kind, s->filter);
  sqlite3_stmt *stmt = xaso_database_prepare (s->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_search (stmt, s, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (gathered != NULL)
        {
          Gathered g = { sqlite3_column_int64 (stmt, 0), g_strdup (xaso_column_text (stmt, 1)) };

          g_array_append_val (gathered, g);
        }
      else
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (rowids, rowid);
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return xaso_database_set_error (s->db, rc, error);
  return TRUE;
}

static void
gathered_clear (gpointer data)
{
  g_free (((Gathered *)data)->sort_key);
}

static int
compare_gathered (gconstpointer a,
                  gconstpointer b)
{
  const Gathered *x = a, *y = b;
  int order = strcmp (x->sort_key ? x->sort_key : "", y->sort_key ? y->sort_key : "");

  return order != 0 ? order : (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

/* True when a row found along the order index belongs to @tier: tier 1
 * when its name begins with the text, tier 2 when it does not but the
 * words stand together in one of its fields. */
static gboolean
walk_row_matches (const Search *s,
                  Tier          tier,
                  sqlite3_stmt *stmt)
{
  const char * const *words = (const char * const *)s->words;
  const char *name = xaso_column_text (stmt, 1);
  gboolean name_prefix = name != NULL && g_str_has_prefix (name, s->prefix);

  if (tier == TIER_NAME_PREFIX || name_prefix)
    return tier == TIER_NAME_PREFIX && name_prefix;
  return xaso_fold_words_start_words (words, name) ||
         xaso_fold_words_start_words (words, xaso_column_text (stmt, 2)) ||
         xaso_fold_words_start_words (words, xaso_column_text (stmt, 3));
}

/* Walks the order index testing each row, until @limit matches are found
 * or walk_rows rows have been read without filling them; @complete says
 * which. */
static gboolean
run_walk (const Search  *s,
          Tier           tier,
          guint          limit,
          GArray        *rowids,
          gboolean      *complete,
          GError       **error)
{
  g_autofree char *sql = build_sql (tier == TIER_NAME_PREFIX ? QUERY_WALK_NAME : QUERY_WALK, s->filter);
  sqlite3_stmt *stmt = xaso_database_prepare (s->db, sql, error);
  guint found = 0;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  bind_search (stmt, s, walk_rows);
  while (found < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (walk_row_matches (s, tier, stmt))
        {
          g_array_append_val (rowids, rowid);
          found++;
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return xaso_database_set_error (s->db, rc, error);
  *complete = found == limit;
  return TRUE;
}

/* Appends the first @limit (0: all) of @gathered in the Vietnamese order. */
static void
append_sorted (GArray *gathered,
               guint   limit,
               GArray *rowids)
{
  g_array_sort (gathered, compare_gathered);
  for (guint i = 0; i < gathered->len && (limit == 0 || i < limit); i++)
    g_array_append_val (rowids, g_array_index (gathered, Gathered, i).rowid);
}

/* How many persons tier 1 holds, counting no further than @bound: the
 * name index alone answers, without reading the rows. */
static gboolean
count_name_prefix (const Search  *s,
                   guint          bound,
                   guint         *count,
                   GError       **error)
{
  g_autofree char *sql = build_sql (QUERY_NAME_COUNT, s->filter);
  sqlite3_stmt *stmt = xaso_database_prepare (s->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_search (stmt, s, bound);
  rc = sqlite3_step (stmt);
  *count = rc == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW || xaso_database_set_error (s->db, rc, error);
}

/* How a tier's matches are gathered: the name index, or the full text. */
static QueryKind
gather_kind (Tier tier)
{
  return tier == TIER_NAME_PREFIX ? QUERY_NAME_PREFIX : QUERY_GATHER;
}

/* Gathers the first screen's candidates of @tier, up to one more than
 * broad_match: as many as that means a walk will be quicker. */
static gboolean
gather_or_count (const Search  *s,
                 Tier           tier,
                 guint          limit,
                 GArray        *gathered,
                 gboolean      *broad,
                 GError       **error)
{
  guint count = 0;

  if (limit > 0 && tier == TIER_NAME_PREFIX)
    {
      if (!count_name_prefix (s, broad_match + 1, &count, error))
        return FALSE;
      *broad = count > broad_match;
      return *broad || run_query (s, QUERY_NAME_PREFIX, 0, NULL, gathered, error);
    }
  /* The whole list gathers every match: fewer rows than a walk reads. */
  if (!run_query (s, gather_kind (tier), limit == 0 ? 0 : broad_match + 1, NULL, gathered, error))
    return FALSE;
  *broad = limit > 0 && gathered->len > broad_match;
  return TRUE;
}

/* Appends @limit rows (0 for all) of @tier in the Vietnamese order. */
static gboolean
run_tier (const Search  *s,
          Tier           tier,
          guint          limit,
          GArray        *rowids,
          GError       **error)
{
  g_autoptr(GArray) gathered = g_array_new (FALSE, FALSE, sizeof (Gathered));
  guint before = rowids->len;
  gboolean complete = FALSE;
  gboolean broad = FALSE;

  g_array_set_clear_func (gathered, gathered_clear);
  if (!gather_or_count (s, tier, limit, gathered, &broad, error))
    return FALSE;
  if (broad)
    {
      if (!run_walk (s, tier, limit, rowids, &complete, error))
        return FALSE;
      if (complete)
        return TRUE;
      /* The matches cluster later in the order: gather them all. */
      g_array_set_size (rowids, before);
      g_array_set_size (gathered, 0);
      if (!run_query (s, gather_kind (tier), 0, NULL, gathered, error))
        return FALSE;
    }
  append_sorted (gathered, limit, rowids);
  return TRUE;
}

static gboolean
run_search (const Search  *s,
            guint          limit,
            GArray        *rowids,
            GError       **error)
{
  if (s->match == NULL)
    return run_query (s, QUERY_ALL, limit, rowids, NULL, error);
  if (!run_tier (s, TIER_NAME_PREFIX, limit, rowids, error))
    return FALSE;
  if (limit > 0 && rowids->len >= limit)
    return TRUE;
  return run_tier (s, TIER_OTHER_MATCHES, limit > 0 ? limit - rowids->len : 0, rowids, error);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

GArray *
xaso_person_search_rowids (XasoDatabase            *db,
                           const XasoPersonFilter  *filter,
                           guint                    limit,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit ? limit : 1024);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *handle = xaso_database_get_handle (db);
  gboolean done;
  Search s;

  search_init (&s, db, filter);
  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 1000, check_cancelled, cancellable);
  done = run_search (&s, limit, rowids, &local_error);
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  search_clear (&s);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was cancelled."));
      return NULL;
    }
  if (!done)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rowids);
}

GPtrArray *
xaso_person_search (XasoDatabase  *db,
                    const char    *text,
                    guint          limit,
                    GError       **error)
{
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(GArray) rowids = NULL;

  filter->text = g_strdup (text);
  rowids = xaso_person_search_rowids (db, filter, limit, NULL, error);
  if (rowids == NULL)
    return NULL;
  return xaso_record_load_rowids (XASO_TYPE_PERSON, db, (gint64 *)(gpointer)rowids->data, rowids->len, error);
}
