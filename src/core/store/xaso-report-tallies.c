/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-database-private.h"
#include "xaso-report-tallies.h"

/* A tally counts rows of a table by a key. Each "part" of a tally is one
 * key a row may count under (a dossier counts once for its reception, once
 * for its outcome and once for its return), with the condition under which
 * it does. Expressions name the row "@", which becomes new, old, or the
 * table's alias in the rebuild, so the triggers and the rebuild say the
 * same thing once. */
typedef struct
{
  const char *key[4];
  const char *condition;
} Part;

typedef struct
{
  const char *name;       /* the tally table */
  const char *table;      /* what it counts */
  const char *columns;    /* the tally's key columns */
  const char *watched;    /* the counted table's columns the key reads */
  const Part *parts;
  guint       n_parts;
} Tally;

#define DOSSIER_UNIT "coalesce (@.department, (SELECT u.unit FROM user u WHERE u.id = @.assignee_user_id), '')"
#define DOSSIER_FIELD "coalesce ((SELECT p.field FROM procedure p WHERE p.id = @.procedure_id), '')"

static const Part dossier_parts[] = {
  { { "substr (@.received_at, 1, 10)", "'received:' || @.channel", DOSSIER_UNIT, DOSSIER_FIELD },
    "@.status <> 1" },
  { { "substr (@.resolved_at, 1, 10)",
      "CASE @.status WHEN 3 THEN 'refused' WHEN 7 THEN 'withdrawn' WHEN 8 THEN 'stopped' "
      "ELSE 'resolved:' || coalesce (@.timeliness, '') END", DOSSIER_UNIT, DOSSIER_FIELD },
    "@.resolved_at IS NOT NULL AND @.status IN (3, 7, 8, 9, 10)" },
  { { "substr (@.returned_at, 1, 10)", "'returned'", DOSSIER_UNIT, DOSSIER_FIELD },
    "@.returned_at IS NOT NULL" },
};

static const Part person_parts[] = {
  { { "coalesce (@.hamlet, '')", "@.sex", "substr (coalesce (@.birth_date, ''), 1, 4)", "@.status" }, "1" },
};

static const Tally tallies[] = {
  { "dossier_tally", "dossier", "day, measure, unit, field",
    "status, channel, received_at, resolved_at, returned_at, timeliness, department, assignee_user_id, "
    "procedure_id, deleted", dossier_parts, G_N_ELEMENTS (dossier_parts) },
  { "person_tally", "person", "hamlet, sex, birth_year, status",
    "hamlet, sex, birth_date, status, deleted", person_parts, G_N_ELEMENTS (person_parts) },
};

static char *
naming (const char *sql,
        const char *row)
{
  g_autoptr(GString) s = g_string_new (sql);

  g_string_replace (s, "@", row, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
append_key (GString    *s,
            const Part *part,
            const char *separator)
{
  for (guint k = 0; k < G_N_ELEMENTS (part->key); k++)
    g_string_append_printf (s, "%s%s", k > 0 ? separator : "", part->key[k]);
}

/* Adds @sign (1 or -1) to the counts the row @row counts under. */
static void
append_count (GString     *s,
              const Tally *t,
              const char  *row,
              int          sign)
{
  for (guint i = 0; i < t->n_parts; i++)
    {
      const Part *part = &t->parts[i];
      g_autoptr(GString) step = g_string_new (NULL);
      g_autofree char *named = NULL;

      if (sign > 0)
        {
          g_string_append_printf (step, "INSERT INTO %s (%s, n) SELECT ", t->name, t->columns);
          append_key (step, part, ", ");
          g_string_append_printf (step, ", 1 WHERE @.deleted = 0 AND %s ON CONFLICT DO UPDATE SET n = n + 1;\n",
                                  part->condition);
        }
      else
        {
          g_auto(GStrv) columns = g_strsplit (t->columns, ", ", -1);

          g_string_append_printf (step, "UPDATE %s SET n = n - 1 WHERE @.deleted = 0 AND %s", t->name,
                                  part->condition);
          for (guint k = 0; columns[k] != NULL && k < G_N_ELEMENTS (part->key); k++)
            g_string_append_printf (step, " AND %s = %s", columns[k], part->key[k]);
          g_string_append (step, ";\n");
        }
      named = naming (step->str, row);
      g_string_append (s, named);
    }
}

static char *
triggers_sql (const Tally *t)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_auto(GStrv) watched = g_strsplit (t->watched, ", ", -1);

  g_string_append_printf (s, "DROP TRIGGER IF EXISTS %1$s_insert; DROP TRIGGER IF EXISTS %1$s_update; "
                          "DROP TRIGGER IF EXISTS %1$s_delete;\n", t->name);
  g_string_append_printf (s, "CREATE TRIGGER %s_insert AFTER INSERT ON %s BEGIN\n", t->name, t->table);
  append_count (s, t, "new", 1);
  g_string_append_printf (s, "END;\nCREATE TRIGGER %s_delete AFTER DELETE ON %s BEGIN\n", t->name, t->table);
  append_count (s, t, "old", -1);
  g_string_append_printf (s, "END;\nCREATE TRIGGER %s_update AFTER UPDATE OF %s ON %s WHEN ", t->name, t->watched,
                          t->table);
  for (guint i = 0; watched[i] != NULL; i++)
    g_string_append_printf (s, "%sold.%s IS NOT new.%s", i > 0 ? " OR " : "", watched[i], watched[i]);
  g_string_append (s, " BEGIN\n");
  append_count (s, t, "old", -1);
  append_count (s, t, "new", 1);
  g_string_append (s, "END;\n");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
rebuild_sql (const Tally *t)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "DELETE FROM %s;\n", t->name);
  for (guint i = 0; i < t->n_parts; i++)
    {
      g_autoptr(GString) step = g_string_new (NULL);
      g_autofree char *named = NULL;

      g_string_append_printf (step, "INSERT INTO %s (%s, n) SELECT ", t->name, t->columns);
      append_key (step, &t->parts[i], ", ");
      g_string_append_printf (step, ", count (*) FROM %s AS x WHERE x.deleted = 0 AND %s GROUP BY 1, 2, 3, 4 "
                              "ON CONFLICT DO UPDATE SET n = n + excluded.n;\n", t->table, t->parts[i].condition);
      named = naming (step->str, "x");
      g_string_append (s, named);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
rebuild_all (XasoDatabase  *db,
             GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
    {
      g_autofree char *sql = rebuild_sql (&tallies[i]);

      if (!xaso_database_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Migration 0018: the triggers that keep the tallies, and their first
 * counts. */
gboolean
_xaso_database_add_report_tallies (XasoDatabase  *db,
                                   GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
    {
      g_autofree char *sql = triggers_sql (&tallies[i]);

      if (!xaso_database_exec (db, sql, error))
        return FALSE;
    }
  return rebuild_all (db, error);
}

gboolean
xaso_tallies_rebuild (XasoDatabase  *db,
                      GError       **error)
{
  gboolean own = !xaso_database_in_transaction (db);

  if (own && !xaso_database_begin (db, error))
    return FALSE;
  if (!rebuild_all (db, error))
    {
      if (own)
        xaso_database_rollback (db);
      return FALSE;
    }
  return !own || xaso_database_commit (db, error);
}
