/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-demo-private.h"
#include "xaso-fold.h"
#include "xaso-person.h"
#include "xaso-uuid.h"

/* One resident being made, before it is written. */
typedef struct
{
  char             *id;
  char             *name;
  gboolean          female;
  int               age;
  XasoDemoRelation  relation;
} Member;

typedef struct
{
  char      *id;
  char      *code;
  char      *hamlet;
  char      *address;
  GArray    *members;   /* Member */
  char      *surname;
} Household;

typedef struct
{
  Demo         *demo;
  sqlite3_stmt *household;
  sqlite3_stmt *person;
  sqlite3_stmt *event;
  guint         made;
  guint         birth_numbers[256];   /* per year of registration, for "Số" */
} People;

static void
clear_member (gpointer data)
{
  Member *m = data;

  g_free (m->id);
  g_free (m->name);
}

static void
add_member (Household        *hh,
            Demo             *demo,
            gboolean          female,
            int               age,
            XasoDemoRelation  relation,
            const char       *surname)
{
  Member m = { xaso_uuid_new (), NULL, female, MAX (age, 0), relation };

  m.name = xaso_demo_person_name (&demo->rand, female, demo->this_year - m.age, surname);
  g_array_append_val (hh->members, m);
}

/* A family as communes see them: a couple, their children, sometimes a
 * grandparent or a married son with his wife and children. */
static void
plan_family (Household *hh,
             Demo      *demo)
{
  XasoDemoRandom *r = &demo->rand;
  static const guint child_weights[] = { 21, 29, 36, 10, 4 };
  int head_age = xaso_demo_random_between (r, 24, 86);
  gboolean head_female = xaso_demo_random_chance (r, 0.22);
  gboolean couple = xaso_demo_random_chance (r, head_female ? 0.3 : 0.8);
  int mother_age = head_female ? head_age : head_age - xaso_demo_random_between (r, 0, 6);
  guint children = couple || head_female ? xaso_demo_random_weighted (r, child_weights, 5) : 0;

  hh->surname = g_strdup (xaso_demo_surname (r, demo->commune->region));
  add_member (hh, demo, head_female, head_age, XASO_DEMO_RELATION_HEAD, head_female ? NULL : hh->surname);
  if (couple)
    add_member (hh, demo, !head_female, head_female ? head_age + xaso_demo_random_between (r, 0, 6) : mother_age,
                head_female ? XASO_DEMO_RELATION_HUSBAND : XASO_DEMO_RELATION_WIFE, NULL);
  for (guint i = 0; i < children; i++)
    {
      int age = mother_age - xaso_demo_random_between (r, 19, 40);

      if (age >= 0)
        add_member (hh, demo, xaso_demo_random_chance (r, 0.49), age, XASO_DEMO_RELATION_CHILD, hh->surname);
    }
  if (head_age > 52 && xaso_demo_random_chance (r, 0.3))
    {
      int son = head_age - xaso_demo_random_between (r, 22, 30);

      add_member (hh, demo, FALSE, son, XASO_DEMO_RELATION_CHILD, hh->surname);
      add_member (hh, demo, TRUE, son - xaso_demo_random_between (r, 0, 5), XASO_DEMO_RELATION_DAUGHTER_IN_LAW, NULL);
      for (int g = xaso_demo_random_between (r, 0, 2); g > 0; g--)
        add_member (hh, demo, xaso_demo_random_chance (r, 0.49), son - xaso_demo_random_between (r, 20, 34),
                    XASO_DEMO_RELATION_GRANDCHILD, hh->surname);
    }
  else if (head_age < 48 && xaso_demo_random_chance (r, 0.18))
    add_member (hh, demo, TRUE, head_age + xaso_demo_random_between (r, 20, 32), XASO_DEMO_RELATION_MOTHER, NULL);
}

static gint64
birth_day (Demo *demo,
           int   age)
{
  return demo->today_jd - (gint64)age * 365 - xaso_demo_random_range (&demo->rand, 365);
}

static char *
make_id_number (Demo       *demo,
                gboolean    female,
                const char *birth)
{
  XasoDemoRandom *r = &demo->rand;
  int year = atoi (birth);
  const char *prefix = xaso_demo_random_chance (r, 0.9)
    ? g_ptr_array_index (demo->id_prefixes, xaso_demo_random_range (r, demo->id_prefixes->len))
    : "001";
  int century = year >= 2000 ? 2 : 0;

  for (;;)
    {
      char *number = g_strdup_printf ("%s%d%02d%06u", prefix, century + (female ? 1 : 0), year % 100,
                                      xaso_demo_random_range (r, 1000000));

      if (g_hash_table_add (demo->used_id_numbers, number))
        return g_strdup (number);
    }
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           index,
              const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
write_event (People      *people,
             const char  *person_id,
             const char  *other_id,
             const char  *kind,
             const char  *date,
             GError     **error)
{
  Demo *demo = people->demo;
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *number = NULL, *book = NULL;
  int year = atoi (date);
  guint *counter = &people->birth_numbers[(year - 1900) & 0xff];

  number = g_strdup_printf ("%u", ++*counter);
  book = g_strdup_printf ("%02u/%d", 1 + *counter / 200, year);
  sqlite3_bind_text (people->event, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 2, demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 3, person_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 5, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 6, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 7, book, -1, SQLITE_STATIC);
  sqlite3_bind_text (people->event, 8, demo->commune->agency_name, -1, SQLITE_STATIC);
  bind_or_null (people->event, 9, other_id);
  sqlite3_bind_text (people->event, 10, demo->now, -1, SQLITE_STATIC);
  return xaso_database_step_done (demo->db, people->event, error);
}

typedef struct
{
  char *birth;
  char *id_number;
  char *old_id;
  char *issued;
  char *death;
} Facts;

static void
facts_clear (Facts *f)
{
  g_free (f->birth);
  g_free (f->id_number);
  g_free (f->old_id);
  g_free (f->issued);
  g_free (f->death);
}

static void
decide_facts (Demo         *demo,
              const Member *m,
              Facts        *f)
{
  XasoDemoRandom *r = &demo->rand;
  gint64 born = birth_day (demo, m->age);

  f->birth = _xaso_demo_date (demo, born);
  if (m->age >= 14 || xaso_demo_random_chance (r, 0.3))
    {
      f->id_number = make_id_number (demo, m->female, f->birth);
      f->issued = _xaso_demo_date (demo, demo->today_jd - xaso_demo_random_range (r, MIN (m->age * 365 + 1, 1800)));
    }
  if (m->age >= 32 && xaso_demo_random_chance (r, 0.5))
    f->old_id = g_strdup_printf ("%09u", 100000000 + xaso_demo_random_range (r, 900000000));
  if (xaso_demo_random_chance (r, m->age > 70 ? 0.08 : 0.004))
    f->death = _xaso_demo_date (demo, demo->today_jd -
                                xaso_demo_random_range (r, (guint)MIN (1800, demo->today_jd - born + 1)));
}

static gboolean
write_person (People        *people,
              Household     *hh,
              const Member  *m,
              GError       **error)
{
  Demo *demo = people->demo;
  XasoDemoRandom *r = &demo->rand;
  sqlite3_stmt *s = people->person;
  g_autofree char *folded = xaso_fold (m->name);
  g_autofree char *sort_key = xaso_person_make_sort_key (m->name);
  g_autofree char *address_text = g_strconcat (hh->hamlet, " ", hh->address, NULL);
  g_autofree char *address_folded = xaso_fold (address_text);
  g_autofree char *phone = NULL;
  Facts f = { 0 };
  gboolean ok;

  decide_facts (demo, m, &f);
  if (m->age >= 18 && xaso_demo_random_chance (r, 0.75))
    phone = g_strdup_printf ("09%08u", xaso_demo_random_range (r, 100000000));
  sqlite3_bind_text (s, 1, m->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, m->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 6, f.birth, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 7, m->female ? "female" : "male", -1, SQLITE_STATIC);
  bind_or_null (s, 8, f.id_number);
  bind_or_null (s, 9, f.old_id);
  bind_or_null (s, 10, f.issued);
  sqlite3_bind_text (s, 11, xaso_demo_ethnicity (r, demo->commune->region), -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 12, xaso_demo_religion (r, demo->commune->region), -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 13, demo->commune->province_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 14, xaso_demo_occupation (r, m->age, demo->commune->is_ward), -1, SQLITE_STATIC);
  bind_or_null (s, 15, phone);
  sqlite3_bind_text (s, 16, hh->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 17, xaso_demo_relation_name (m->relation, demo->commune->region), -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 18, hh->hamlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 19, hh->address, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 20, address_folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 21, f.death ? "deceased" : "living", -1, SQLITE_STATIC);
  bind_or_null (s, 22, f.death);
  sqlite3_bind_text (s, 23, demo->now, -1, SQLITE_STATIC);
  ok = xaso_database_step_done (demo->db, s, error);

  if (ok && atoi (f.birth) >= 1995 && xaso_demo_random_chance (r, 0.6))
    ok = write_event (people, m->id, NULL, "birth", f.birth, error);
  if (ok && f.death != NULL && xaso_demo_random_chance (r, 0.9))
    ok = write_event (people, m->id, NULL, "death", f.death, error);
  if (ok && demo->person_ids->len < 50000 && m->age >= 18)
    g_ptr_array_add (demo->person_ids, g_strdup (m->id));
  facts_clear (&f);
  return ok;
}

static gboolean
write_household (People     *people,
                 Household  *hh,
                 GError    **error)
{
  Demo *demo = people->demo;
  Member *head = &g_array_index (hh->members, Member, 0);
  sqlite3_stmt *s = people->household;

  sqlite3_bind_text (s, 1, hh->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, hh->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, head->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, hh->hamlet, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 6, hh->address, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 7, xaso_demo_random_chance (&demo->rand, 0.95) ? "permanent" : "temporary", -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 8, demo->now, -1, SQLITE_STATIC);
  if (!xaso_database_step_done (demo->db, s, error))
    return FALSE;
  for (guint i = 0; i < hh->members->len; i++)
    if (!write_person (people, hh, &g_array_index (hh->members, Member, i), error))
      return FALSE;
  /* Married couples usually have their marriage on record here. */
  if (hh->members->len > 1 && g_array_index (hh->members, Member, 1).relation != XASO_DEMO_RELATION_CHILD &&
      head->age < 70 && xaso_demo_random_chance (&demo->rand, 0.5))
    {
      g_autofree char *date = _xaso_demo_date (demo, demo->today_jd -
                                               xaso_demo_random_range (&demo->rand, MAX (head->age - 20, 1) * 365));

      return write_event (people, head->id, g_array_index (hh->members, Member, 1).id, "marriage", date, error);
    }
  return TRUE;
}

static gboolean
prepare (People   *people,
         GError  **error)
{
  XasoDatabase *db = people->demo->db;

  people->household = xaso_database_prepare (db,
    "INSERT INTO household (id, commune_code, code, head_person_id, hamlet, address, residence_kind, "
    "source, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'demo', ?8, ?8)", error);
  people->person = xaso_database_prepare (db,
    "INSERT INTO person (id, commune_code, full_name, name_folded, sort_key, birth_date, sex, id_number, "
    "old_id_number, id_issued_date, ethnicity, religion, hometown, occupation, phone, household_id, "
    "relation_to_head, hamlet, permanent_address, address_folded, status, death_date, source, "
    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, 'demo', ?23, ?23)", error);
  people->event = xaso_database_prepare (db,
    "INSERT INTO civil_status_event (id, commune_code, person_id, kind, event_date, registration_number, "
    "book_number, place, other_person_id, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)", error);
  return people->household && people->person && people->event;
}

static void
household_clear (Household *hh)
{
  g_free (hh->id);
  g_free (hh->code);
  g_free (hh->address);
  g_free (hh->surname);
  g_array_unref (hh->members);
}

gboolean
_xaso_demo_make_people (Demo    *demo,
                        GError **error)
{
  People people = { demo };
  guint n_households = 0;

  demo->n_hamlets = CLAMP (demo->sizes.persons / 1500, 6, 60);
  demo->hamlets = xaso_demo_hamlets (&demo->rand, demo->commune->region, demo->commune->is_ward, demo->n_hamlets);
  demo->person_ids = g_ptr_array_new_with_free_func (g_free);
  if (!prepare (&people, error))
    return FALSE;

  while (people.made < demo->sizes.persons)
    {
      Household hh = { xaso_uuid_new (), g_strdup_printf ("%05u", ++n_households) };
      gboolean ok;

      hh.members = g_array_new (FALSE, TRUE, sizeof (Member));
      g_array_set_clear_func (hh.members, clear_member);
      hh.hamlet = demo->hamlets[xaso_demo_random_range (&demo->rand, demo->n_hamlets)];
      hh.address = demo->commune->is_ward
        ? xaso_demo_street_address (&demo->rand, demo->commune->region)
        : g_strdup_printf ("Số %u, %s", 1 + xaso_demo_random_range (&demo->rand, 400), hh.hamlet);
      plan_family (&hh, demo);
      /* The commune has exactly the size asked for: the last family is cut short. */
      if (people.made + hh.members->len > demo->sizes.persons)
        g_array_set_size (hh.members, demo->sizes.persons - people.made);
      ok = write_household (&people, &hh, error);
      people.made += hh.members->len;
      household_clear (&hh);
      if (!ok || !_xaso_demo_step (demo, people.made, demo->sizes.persons, _("Residents and households"), error))
        return FALSE;
    }
  return TRUE;
}
