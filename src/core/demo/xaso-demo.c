/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-commune.h"
#include "xaso-demo-private.h"
#include "xaso-id-number.h"
#include "xaso-password.h"
#include "xaso-seed.h"
#include "xaso-uuid.h"

static const DemoSizes scale_sizes[] = {
  [XASO_DEMO_SMALL] = { 20000, 8000, 4000, 20000 },
  [XASO_DEMO_REFERENCE] = { 60000, 100000, 50000, 1000000 },
  [XASO_DEMO_MILLION] = { 1000000, 100000, 50000, 1000000 },
};

typedef struct
{
  const char *title;
  const char *unit;
  const char *role;
  const char *username;
} Official;

/* The officials of a commune People's Committee; the civil-status officer
 * is the one the demo app opens as. */
static const Official officials[] = {
  { "Chủ tịch UBND", "Lãnh đạo UBND", "lanh_dao", "chutich" },
  { "Phó Chủ tịch UBND", "Lãnh đạo UBND", "lanh_dao", "phochutich" },
  { "Văn thư", "Văn phòng HĐND và UBND", "van_thu", "vanthu" },
  { "Công chức Tư pháp - Hộ tịch", "Văn phòng HĐND và UBND", "chuyen_vien", "tuphap" },
  { "Công chức Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "chuyen_vien", "vanhoa" },
  { "Công chức Kinh tế", "Phòng Kinh tế", "chuyen_vien", "kinhte" },
  { "Công chức tiếp nhận", "Trung tâm Phục vụ hành chính công", "tiep_nhan", "motcua1" },
  { "Công chức tiếp nhận", "Trung tâm Phục vụ hành chính công", "tiep_nhan", "motcua2" },
  { "Quản trị hệ thống", "Văn phòng HĐND và UBND", "quan_tri", "quantri" },
};

#define CURRENT_OFFICIAL 3

gboolean
xaso_demo_scale_from_string (const char    *text,
                             XasoDemoScale *scale)
{
  static const char * const names[] = { "small", "reference", "million" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *scale = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
_xaso_demo_step (Demo        *demo,
                 guint        done,
                 guint        total,
                 const char  *stage,
                 GError     **error)
{
  double fraction = demo->progress_base + demo->progress_span * MIN (done, total) / MAX (total, 1);

  if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
    return FALSE;
  if (demo->progress != NULL && (fraction - demo->last_reported >= 0.005 || done >= total))
    {
      demo->last_reported = fraction;
      demo->progress (fraction, stage, demo->user_data);
    }
  return TRUE;
}

char *
_xaso_demo_date (Demo   *demo,
                 gint64  julian_day)
{
  g_autoptr(GDate) date = g_date_new_julian ((guint32)julian_day);
  char text[11];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

char *
_xaso_demo_datetime (Demo   *demo,
                     gint64  julian_day,
                     int     minutes)
{
  g_autofree char *date = _xaso_demo_date (demo, julian_day);

  return g_strdup_printf ("%sT%02d:%02d:00+07:00", date, minutes / 60, minutes % 60);
}

/* ID numbers of people whose birth was registered in this province start
 * with one of the province's codes from before the 2025 merger. */
static void
find_id_prefixes (Demo *demo)
{
  demo->id_prefixes = g_ptr_array_new_with_free_func (g_free);
  for (int code = 1; code <= 96; code++)
    {
      g_autofree char *prefix = g_strdup_printf ("%03d", code);
      const char *province = xaso_id_prefix_province_2025 (prefix);

      if (province != NULL && g_str_has_suffix (demo->commune->province_name, province))
        g_ptr_array_add (demo->id_prefixes, g_steal_pointer (&prefix));
    }
  if (demo->id_prefixes->len == 0)
    g_ptr_array_add (demo->id_prefixes, g_strdup ("001"));
}

static gboolean
setup_commune (Demo    *demo,
               GError **error)
{
  XasoCommune commune = {
    .code = (char *)demo->commune->code,
    .name = (char *)demo->commune->name,
    .province_code = (char *)demo->commune->province_code,
    .province_name = (char *)demo->commune->province_name,
    .agency_eid = (char *)demo->commune->agency_eid,
    .agency_name = (char *)demo->commune->agency_name,
    .is_demo = TRUE,
  };

  if (!xaso_commune_setup (demo->db, &commune, error))
    return FALSE;
  return xaso_seed_catalogue (demo->db, error);
}

static gboolean
insert_official (Demo           *demo,
                 const Official *official,
                 const char     *person_id,
                 const char     *full_name,
                 char          **user_id,
                 GError        **error)
{
  sqlite3_stmt *user = xaso_database_prepare (demo->db,
    "INSERT INTO user (id, commune_code, username, full_name, title, unit, person_id, roles, password_verifier, "
    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?10, ?8, ?8)", error);
  g_autofree char *verifier = xaso_password_make_verifier (XASO_DEMO_PASSWORD, error);

  if (user == NULL || verifier == NULL)
    return FALSE;
  *user_id = xaso_uuid_new ();
  sqlite3_bind_text (user, 1, *user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 2, demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 3, official->username, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 4, full_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 5, official->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 6, official->unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 7, person_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 8, demo->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 9, official->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (user, 10, verifier, -1, SQLITE_STATIC);
  return xaso_database_step_done (demo->db, user, error);
}

/* Officials are residents of working age, picked from the people made. */
static gboolean
make_officials (Demo    *demo,
                GError **error)
{
  sqlite3_stmt *pick = xaso_database_prepare (demo->db,
    "SELECT id, full_name FROM person WHERE birth_date BETWEEN ?1 AND ?2 AND status = 'living' "
    "AND id_number IS NOT NULL LIMIT 1 OFFSET ?3", error);

  if (pick == NULL)
    return FALSE;
  demo->user_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (officials); i++)
    {
      g_autofree char *from = g_strdup_printf ("%d", demo->this_year - 55);
      g_autofree char *to = g_strdup_printf ("%d", demo->this_year - 25);
      g_autofree char *person_id = NULL, *name = NULL;
      char *user_id = NULL;

      sqlite3_bind_text (pick, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (pick, 2, to, -1, SQLITE_STATIC);
      sqlite3_bind_int (pick, 3, 37 * i + xaso_demo_random_range (&demo->rand, 30));
      if (sqlite3_step (pick) == SQLITE_ROW)
        {
          person_id = g_strdup (xaso_column_text (pick, 0));
          name = g_strdup (xaso_column_text (pick, 1));
        }
      sqlite3_reset (pick);
      if (!insert_official (demo, &officials[i], person_id, name ? name : officials[i].title, &user_id, error))
        return FALSE;
      g_ptr_array_add (demo->user_ids, user_id);
    }
  return xaso_database_set_state (demo->db, "current_user_id",
                                  g_ptr_array_index (demo->user_ids, CURRENT_OFFICIAL), error);
}

static gboolean
fill (Demo    *demo,
      GError **error)
{
  double total = demo->sizes.persons * 3.0 + demo->sizes.dossiers * 4.0 +
                 demo->sizes.documents * 3.0 + demo->sizes.audit_events * 0.5;

  demo->progress_span = demo->sizes.persons * 3.0 / total;
  if (!_xaso_demo_make_people (demo, error) || !make_officials (demo, error))
    return FALSE;
  demo->progress_base += demo->progress_span;
  demo->progress_span = demo->sizes.dossiers * 4.0 / total;
  if (!_xaso_demo_make_dossiers (demo, error))
    return FALSE;
  demo->progress_base += demo->progress_span;
  demo->progress_span = demo->sizes.documents * 3.0 / total;
  if (!_xaso_demo_make_documents (demo, error))
    return FALSE;
  demo->progress_base += demo->progress_span;
  demo->progress_span = demo->sizes.audit_events * 0.5 / total;
  return _xaso_demo_make_audit (demo, error);
}

static void
demo_clear (Demo *demo)
{
  g_strfreev (demo->hamlets);
  g_clear_pointer (&demo->id_prefixes, g_ptr_array_unref);
  g_clear_pointer (&demo->user_ids, g_ptr_array_unref);
  g_clear_pointer (&demo->person_ids, g_ptr_array_unref);
  g_clear_pointer (&demo->used_id_numbers, g_hash_table_unref);
  g_free (demo->now);
}

/* GLib's day count (1 January of year 1 is day 1), which GDate works in. */
static guint32
julian_today (GDateTime *now)
{
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_year (now));

  return g_date_get_julian (date);
}

gboolean
xaso_demo_generate (XasoDatabase      *db,
                    XasoDemoScale      scale,
                    guint64            seed,
                    XasoDemoProgress   progress,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(GDateTime) now = xaso_now ();
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (scale <= XASO_DEMO_MILLION, FALSE);

  demo.db = db;
  demo.sizes = scale_sizes[scale];
  demo.commune = xaso_demo_commune_default ();
  demo.progress = progress;
  demo.user_data = user_data;
  demo.cancellable = cancellable;
  demo.now = xaso_now_iso ();
  demo.this_year = g_date_time_get_year (now);
  demo.today_jd = julian_today (now);
  demo.used_id_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xaso_demo_random_init (&demo.rand, seed);
  find_id_prefixes (&demo);

  /* One long transaction of random-order index inserts: with the usual small
   * page cache, SQLite spills and rereads the same index pages millions of
   * times. A generous cache for the duration keeps generation linear. */
  ok = setup_commune (&demo, error) &&
       xaso_database_exec (db, "PRAGMA cache_size = -524288", error) &&
       xaso_database_begin (db, error);
  if (ok)
    {
      ok = fill (&demo, error);
      if (ok)
        ok = xaso_database_commit (db, error);
      else
        xaso_database_rollback (db);
    }
  xaso_database_exec (db, "PRAGMA cache_size = -16000", NULL);
  if (ok && progress != NULL)
    progress (1.0, _("Done"), user_data);
  demo_clear (&demo);
  return ok;
}
