/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xaso-audit.h"
#include "xaso-civil-event.h"
#include "xaso-household-search.h"
#include "xaso-person-csv.h"
#include "xaso-record-list.h"
#include "xaso-person-search.h"
#include "xaso-test-util.h"

static XasoPerson *
make_person (const char *name,
             const char *sex,
             const char *birth,
             const char *id_number)
{
  XasoPerson *p = xaso_person_new ();

  xaso_person_set (p, XASO_PERSON_FULL_NAME, name);
  xaso_person_set (p, XASO_PERSON_SEX, sex);
  xaso_person_set (p, XASO_PERSON_BIRTH_DATE, birth);
  xaso_person_set (p, XASO_PERSON_ID_NUMBER, id_number);
  return p;
}

static void
test_id_number_must_match_sex_and_birth (void)
{
  g_autofree char *path = xaso_test_temp_path ("id.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) wrong_sex = make_person ("Nguyễn Văn An", "male", "1985-03-02", "001185012345");
  g_autoptr(XasoPerson) wrong_year = make_person ("Nguyễn Văn An", "male", "1986-03-02", "001085012345");
  g_autoptr(XasoPerson) right = make_person ("Nguyễn Văn An", "male", "1985-03-02", "001085012345");
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_record_save (XASO_RECORD (wrong_sex), db, "tester", &error));
  g_assert_nonnull (strstr (error->message, "female"));
  g_clear_error (&error);
  g_assert_false (xaso_record_save (XASO_RECORD (wrong_year), db, "tester", &error));
  g_assert_nonnull (strstr (error->message, "1986"));
  g_clear_error (&error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 0);

  g_assert_true (xaso_record_save (XASO_RECORD (right), db, "tester", &error));
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE table_name = 'person'"), ==, 1);
}

static void
test_duplicate_id_number_refused (void)
{
  g_autofree char *path = xaso_test_temp_path ("dup.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) first = make_person ("Trần Thị Bình", "female", "1990-01-05", "072190123456");
  g_autoptr(XasoPerson) second = make_person ("Trần Bình", "female", "1990", "072190123456");
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_record_save (XASO_RECORD (first), db, "tester", NULL));
  g_assert_false (xaso_record_save (XASO_RECORD (second), db, "tester", &error));
  g_assert_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "Trần Thị Bình"));
}

static void
test_dates_checked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = xaso_parse_user_date ("05/01/1985", &error);
  g_autofree char *year = xaso_parse_user_date ("1985", &error);
  g_autofree char *bad = xaso_parse_user_date ("31/02/1985", &error);

  g_assert_cmpstr (iso, ==, "1985-01-05");
  g_assert_cmpstr (year, ==, "1985");
  g_assert_null (bad);
  g_assert_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (xaso_parse_user_date ("01/01/2999", &error));
}

/* The ways officials write a date, and what is not one. */
static void
test_date_forms (void)
{
  static const struct { const char *text, *iso; } forms[] = {
    { "05/01/1985", "1985-01-05" }, { "5/1/1985", "1985-01-05" }, { "05.01.1985", "1985-01-05" },
    { "05-01-1985", "1985-01-05" }, { " 05/01/1985 ", "1985-01-05" }, { "1985-01-05", "1985-01-05" },
    { "29/02/2000", "2000-02-29" }, { "1985", "1985" }, { "05/01/1985 (âm lịch)", "1985-01-05" },
    { "29/02/1999", NULL }, { "05/01", NULL }, { "05/13/1985", NULL }, { "1985/01/05", NULL },
    { "19850-01-05", NULL }, { "ngày 5", NULL }, { "", NULL }, { "00/01/1985", NULL }, { "05/01/1850", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = xaso_parse_user_date (forms[i].text, &error);

      g_test_message ("%s", forms[i].text);
      g_assert_cmpstr (iso, ==, forms[i].iso);
      if (forms[i].iso == NULL)
        g_assert_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID);
    }
}

static void
save (XasoDatabase *db,
      XasoPerson   *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_record_save (XASO_RECORD (p), db, "tester", &error));
  g_assert_no_error (error);
}

static guint
count_matches (XasoDatabase *db,
               const char   *text)
{
  g_autoptr(GPtrArray) found = xaso_person_search (db, text, 0, NULL);

  g_assert_nonnull (found);
  return found->len;
}

static void
test_search_ignores_diacritics_and_case (void)
{
  g_autofree char *path = xaso_test_temp_path ("search.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  const char *names[] = { "Nguyễn Văn A", "Nguyễn Văn Anh", "Nguyễn Thị Ánh", "Đặng Văn Đức", "Trần Văn An" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(XasoPerson) p = make_person (names[i], "unknown", NULL, NULL);

      save (db, p);
    }
  g_assert_cmpuint (count_matches (db, "nguyen van a"), ==, 2);
  g_assert_cmpuint (count_matches (db, "Nguyen Van A"), ==, 2);
  g_assert_cmpuint (count_matches (db, "Nguyễn Văn A"), ==, 2);
  g_assert_cmpuint (count_matches (db, "NGUYỄN VĂN A"), ==, 2);
  g_assert_cmpuint (count_matches (db, "dang duc"), ==, 1);
  g_assert_cmpuint (count_matches (db, "Đức"), ==, 1);
  g_assert_cmpuint (count_matches (db, "an"), ==, 3);   /* An, Anh, Ánh */
  g_assert_cmpuint (count_matches (db, "\"; DROP TABLE person; --"), ==, 0);
}

static void
test_search_words_match_within_one_field (void)
{
  g_autofree char *path = xaso_test_temp_path ("fields.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) binh = make_person ("Nguyễn Văn Bình", "male", "1980", "072080123456");
  g_autoptr(XasoPerson) an = make_person ("Nguyễn Ánh Văn", "male", "1981", NULL);

  xaso_person_set (binh, XASO_PERSON_HAMLET, "Ấp An Phú");
  save (db, binh);
  save (db, an);
  g_assert_cmpuint (count_matches (db, "nguyen van an"), ==, 1);    /* words in any order */
  g_assert_cmpuint (count_matches (db, "ap an phu"), ==, 1);
  g_assert_cmpuint (count_matches (db, "0720801"), ==, 1);
  g_assert_cmpuint (count_matches (db, "binh ap"), ==, 0);           /* name and address mixed */
}

static void
test_search_orders_by_given_name (void)
{
  g_autofree char *path = xaso_test_temp_path ("order.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  const char *names[] = { "Lê Văn Cường", "Nguyễn Thị Ánh", "Trần Bảo Bình" };
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(XasoPerson) p = make_person (names[i], "unknown", NULL, NULL);

      save (db, p);
    }
  found = xaso_person_search (db, "", 0, NULL);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (xaso_person_get (g_ptr_array_index (found, 0), XASO_PERSON_FULL_NAME), ==, "Nguyễn Thị Ánh");
  g_assert_cmpstr (xaso_person_get (g_ptr_array_index (found, 2), XASO_PERSON_FULL_NAME), ==, "Lê Văn Cường");
}

static void
test_filters (void)
{
  g_autofree char *path = xaso_test_temp_path ("filter.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(XasoPerson) old = make_person ("Phạm Văn Lão", "male", "1930", NULL);
  g_autoptr(XasoPerson) young = make_person ("Phạm Thị Nhỏ", "female", "2015-06-01", NULL);
  g_autoptr(XasoPerson) dead = make_person ("Phạm Văn Mất", "male", "1940", NULL);
  g_autoptr(GArray) ids = NULL;

  xaso_person_set (young, XASO_PERSON_HAMLET, "Thôn Đông");
  xaso_person_set (dead, XASO_PERSON_STATUS, "deceased");
  xaso_person_set (dead, XASO_PERSON_DEATH_DATE, "2020-02-02");
  save (db, old);
  save (db, young);
  save (db, dead);

  filter->life = XASO_LIFE_LIVING;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  filter->sex = XASO_SEX_FEMALE;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter->sex = XASO_SEX_UNKNOWN;
  filter->age_min = 60;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter->age_min = -1;
  filter->hamlet = g_strdup ("Thôn Đông");
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&filter->hamlet, g_free);
  filter->life = XASO_LIFE_DECEASED;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* One who moved away is no longer a resident, nor deceased. */
  xaso_person_set (old, XASO_PERSON_STATUS, "moved_away");
  save (db, old);
  filter->life = XASO_LIFE_LIVING;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter->life = XASO_LIFE_MOVED_AWAY;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* Ages as they were in 2000: the girl born in 2015 has none yet. */
  filter->life = XASO_LIFE_ANY;
  filter->age_year = 2000;
  filter->age_unknown = TRUE;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  filter->age_unknown = FALSE;
  filter->age_min = 60;
  ids = xaso_person_search_rowids (db, filter, 0, NULL, NULL);
  g_assert_cmpuint (ids->len, ==, 2);   /* born in 1930 and in 1940 */
}

static XasoHousehold *
make_household (XasoDatabase *db,
                XasoPerson   *head)
{
  XasoHousehold *household = xaso_household_new ();
  g_autoptr(GError) error = NULL;

  xaso_household_set (household, XASO_HOUSEHOLD_CODE, "00042");
  xaso_household_set (household, XASO_HOUSEHOLD_HAMLET, "Thôn Đoài");
  xaso_household_set (household, XASO_HOUSEHOLD_ADDRESS, "Số 7, Thôn Đoài");
  g_assert_true (xaso_household_add_member (db, household, head, NULL, TRUE, "tester", &error));
  g_assert_no_error (error);
  return household;
}

static void
test_household_members_head_first (void)
{
  g_autofree char *path = xaso_test_temp_path ("household.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) head = make_person ("Hoàng Văn Chủ", "male", "1960", NULL);
  g_autoptr(XasoPerson) child = make_person ("Hoàng Thị Con", "female", "1955", NULL);
  g_autoptr(XasoHousehold) household = make_household (db, head);
  g_autoptr(GListModel) members = NULL;
  g_autoptr(XasoPerson) first = NULL;

  g_assert_true (xaso_household_add_member (db, household, child, "Con", FALSE, "tester", NULL));
  members = xaso_household_list_members (db, xaso_record_get_id (XASO_RECORD (household)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  first = g_list_model_get_item (members, 0);
  g_assert_cmpstr (xaso_person_get (first, XASO_PERSON_FULL_NAME), ==, "Hoàng Văn Chủ");
  g_assert_cmpstr (xaso_person_get (first, XASO_PERSON_RELATION_TO_HEAD), ==, XASO_RELATION_HEAD);
  g_assert_cmpstr (xaso_person_get (child, XASO_PERSON_HAMLET), ==, "Thôn Đoài");
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox WHERE table_name = 'household'"), ==, 1);
}

static void
test_household_failure_leaves_nothing (void)
{
  g_autofree char *path = xaso_test_temp_path ("household-fail.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) head = make_person ("", "male", "1960", NULL);
  g_autoptr(XasoHousehold) household = xaso_household_new ();
  g_autoptr(GError) error = NULL;

  xaso_household_set (household, XASO_HOUSEHOLD_HAMLET, "Thôn Đoài");
  xaso_household_set (household, XASO_HOUSEHOLD_ADDRESS, "Số 7");
  g_assert_false (xaso_household_add_member (db, household, head, NULL, TRUE, "tester", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM household"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 0);
}

/* The households' list finds a household by its number, by its head's
 * name typed without diacritics and by its address; the list's rows carry
 * the head's name and the residents still living there. */
static GArray *
find_households (XasoDatabase *db,
                 const char   *text,
                 const char   *hamlet)
{
  g_autoptr(XasoHouseholdFilter) filter = xaso_household_filter_new ();
  g_autoptr(GError) error = NULL;
  GArray *rowids;

  filter->text = g_strdup (text);
  filter->hamlet = g_strdup (hamlet);
  rowids = xaso_household_search_rowids (db, filter, 0, NULL, &error);
  g_assert_no_error (error);
  return rowids;
}

static void
test_household_search (void)
{
  g_autofree char *path = xaso_test_temp_path ("household-search.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) head = make_person ("Hoàng Văn Chủ", "male", "1960", NULL);
  g_autoptr(XasoPerson) child = make_person ("Hoàng Thị Con", "female", "1990", NULL);
  g_autoptr(XasoPerson) gone = make_person ("Hoàng Văn Đi", "male", "1992", NULL);
  g_autoptr(XasoHousehold) household = make_household (db, head);
  g_autoptr(XasoHousehold) headless = xaso_household_new ();
  g_autoptr(GArray) all = NULL, by_code = NULL, by_head = NULL, by_address = NULL, none = NULL, hamlet = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *head_name = NULL, *residents = NULL;

  g_assert_true (xaso_household_add_member (db, household, child, "Con", FALSE, "tester", NULL));
  xaso_person_set (gone, XASO_PERSON_STATUS, "moved_away");
  g_assert_true (xaso_household_add_member (db, household, gone, "Con", FALSE, "tester", NULL));
  xaso_household_set (headless, XASO_HOUSEHOLD_CODE, "00043");
  xaso_household_set (headless, XASO_HOUSEHOLD_HAMLET, "Thôn Đông");
  xaso_household_set (headless, XASO_HOUSEHOLD_ADDRESS, "Xóm Bến, Thôn Đông");
  xaso_household_set (headless, XASO_HOUSEHOLD_RESIDENCE_KIND, "temporary");
  g_assert_true (xaso_record_save (XASO_RECORD (headless), db, "tester", NULL));

  all = find_households (db, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  by_code = find_households (db, "00042", NULL);
  g_assert_cmpuint (by_code->len, ==, 1);
  by_head = find_households (db, "hoang van chu", NULL);
  g_assert_cmpuint (by_head->len, ==, 1);
  g_assert_cmpint (g_array_index (by_head, gint64, 0), ==, g_array_index (by_code, gint64, 0));
  by_address = find_households (db, "xom ben", NULL);
  g_assert_cmpuint (by_address->len, ==, 1);
  none = find_households (db, "chu ben", NULL);
  g_assert_cmpuint (none->len, ==, 0);
  hamlet = find_households (db, NULL, "Thôn Đông");
  g_assert_cmpuint (hamlet->len, ==, 1);

  rows = xaso_record_load_rowids (XASO_TYPE_HOUSEHOLD, db, (gint64 *)(gpointer)all->data, all->len, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_object_get (rows->pdata[0], "head-name", &head_name, "residents-display", &residents, NULL);
  g_assert_cmpstr (head_name, ==, "Hoàng Văn Chủ");
  g_assert_cmpstr (residents, ==, "2");
  g_clear_pointer (&head_name, g_free);
  g_clear_pointer (&residents, g_free);
  g_object_get (rows->pdata[1], "head-name", &head_name, "residents-display", &residents, NULL);
  g_assert_null (head_name);
  g_assert_cmpstr (residents, ==, "0");
}

static XasoCivilEvent *
make_event (XasoPerson *person)
{
  XasoCivilEvent *event = xaso_civil_event_new ();

  xaso_civil_event_set (event, XASO_CIVIL_EVENT_PERSON_ID, xaso_record_get_id (XASO_RECORD (person)));
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_KIND, "marriage");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_EVENT_DATE, "12/03/2024");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_REGISTRATION_NUMBER, "15");
  xaso_civil_event_set (event, XASO_CIVIL_EVENT_BOOK_NUMBER, "01/2024");
  return event;
}

static void
test_official_may_not_record_own_event (void)
{
  g_autofree char *path = xaso_test_temp_path ("civil.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) official = make_person ("Vũ Văn Cán", "male", "1980", NULL);
  g_autoptr(XasoPerson) wife = make_person ("Lý Thị Vợ", "female", "1982", NULL);
  g_autoptr(XasoPerson) stranger = make_person ("Đỗ Văn Khách", "male", "1990", NULL);
  g_autoptr(XasoHousehold) household = make_household (db, official);
  g_autoptr(XasoCivilEvent) own = make_event (official);
  g_autoptr(XasoCivilEvent) relative = make_event (wife);
  g_autoptr(XasoCivilEvent) other = make_event (stranger);
  const char *official_id = xaso_record_get_id (XASO_RECORD (official));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;

  g_assert_true (xaso_household_add_member (db, household, wife, "Vợ", FALSE, "tester", NULL));
  save (db, stranger);

  g_assert_false (xaso_civil_event_record (own, db, official_id, "tester", &error));
  g_assert_nonnull (strstr (error->message, "yourself"));
  g_clear_error (&error);
  g_assert_false (xaso_civil_event_record (relative, db, official_id, "tester", &error));
  g_assert_nonnull (strstr (error->message, "household"));
  g_clear_error (&error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM civil_status_event"), ==, 0);

  xaso_civil_event_record (other, db, official_id, "tester", &error);
  g_assert_no_error (error);
  g_assert_no_error (error);
  events = xaso_civil_event_list_for_person (db, xaso_record_get_id (XASO_RECORD (stranger)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  g_assert_cmpstr (xaso_civil_event_get (other, XASO_CIVIL_EVENT_EVENT_DATE), ==, "2024-03-12");
}

static void
test_qr_fills_person (void)
{
  g_autoptr(XasoChipQr) qr = xaso_chip_qr_parse (
    "001185012345|012345678|Trần Thị Hoa|05011985|Nữ|Số 5, Thôn Đông, Xã Tân Lập|10082021", NULL);
  g_autoptr(XasoPerson) person = xaso_person_new ();

  g_assert_nonnull (qr);
  xaso_person_fill_from_qr (person, qr);
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_FULL_NAME), ==, "Trần Thị Hoa");
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_BIRTH_DATE), ==, "1985-01-05");
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_SEX), ==, "female");
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_ID_NUMBER), ==, "001185012345");
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_ID_ISSUED_DATE), ==, "2021-08-10");
}

static const char good_csv[] =
  "full_name,birth_date,sex,id_number,household_code,relation_to_head,hamlet,permanent_address\r\n"
  "Ngô Văn Một,1970,Nam,,900,Chủ hộ,Thôn Bắc,\"Số 1, Thôn Bắc\"\r\n"
  "Ngô Thị Hai,02/02/1972,Nữ,001172000001,900,Vợ,Thôn Bắc,\"Số 1, Thôn Bắc\"\r\n";

static const char bad_csv[] =
  "full_name,birth_date,sex,id_number\n"
  "Đinh Văn Ba,1970,male,\n"
  "Đinh Văn Bốn,1971,male,001171000001\n";

static gboolean
import (XasoDatabase  *db,
        const char    *text,
        guint         *n,
        GError       **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, -1, NULL);

  return xaso_person_csv_import (db, in, "tester", n, NULL, NULL, error);
}

static void
test_csv_import_all_or_nothing (void)
{
  g_autofree char *path = xaso_test_temp_path ("csv.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *head = NULL;
  guint n = 0;

  g_assert_false (import (db, bad_csv, &n, &error));
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM outbox"), ==, 0);
  g_clear_error (&error);

  g_assert_true (import (db, good_csv, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM household WHERE code = '900'"), ==, 1);
  head = xaso_test_string (db, "SELECT p.full_name FROM household h JOIN person p ON p.id = h.head_person_id");
  g_assert_cmpstr (head, ==, "Ngô Văn Một");

  g_assert_true (xaso_person_csv_export (db, out, "tester", "test", &n, NULL, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE action = 'export'"), ==, 1);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE action = 'import'"), ==, 1);
}

static void
test_person_list_loads_pages_lazily (void)
{
  g_autofree char *path = xaso_test_temp_path ("list.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoRecordList) list = xaso_record_list_new (XASO_TYPE_PERSON, db);
  g_autoptr(XasoPersonFilter) filter = xaso_person_filter_new ();
  g_autoptr(XasoPerson) item = NULL;
  guint changes = 0;

  g_assert_true (xaso_database_begin (db, NULL));
  for (guint i = 0; i < 1000; i++)
    {
      /* Letters for digits: names hold no figures, and sort as the numbers do. */
      g_autofree char *name = g_strdup_printf ("Người Thứ %c%c%c", 'A' + i / 100, 'a' + i / 10 % 10, 'a' + i % 10);
      g_autoptr(XasoPerson) p = make_person (name, "unknown", NULL, NULL);

      save (db, p);
    }
  g_assert_true (xaso_database_commit (db, NULL));

  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (g_atomic_int_inc), &changes);
  xaso_record_list_set_rowids (list, xaso_person_search_rowids (db, filter, 0, NULL, NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  g_assert_cmpuint (xaso_record_list_get_pages_loaded (list), ==, 0);
  item = g_list_model_get_item (G_LIST_MODEL (list), 950);
  g_assert_cmpstr (xaso_person_get (item, XASO_PERSON_FULL_NAME), ==, "Người Thứ Jfa");
  g_assert_cmpuint (xaso_record_list_get_pages_loaded (list), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1000));
}

/* The same list holds any record type: households here, in the order of
 * the row ids given, a removed one leaving a blank. */
static void
test_record_list_holds_any_type (void)
{
  g_autofree char *path = xaso_test_temp_path ("households.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoRecordList) list = xaso_record_list_new (XASO_TYPE_HOUSEHOLD, db);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(XasoHousehold) first = NULL;
  g_autoptr(XasoHousehold) missing = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(XasoHousehold) household = xaso_household_new ();
      g_autofree char *code = g_strdup_printf ("%u", 10 + i);

      xaso_household_set (household, XASO_HOUSEHOLD_CODE, code);
      xaso_household_set (household, XASO_HOUSEHOLD_HAMLET, "Thôn 1");
      xaso_household_set (household, XASO_HOUSEHOLD_ADDRESS, "Số 1, Thôn 1");
      g_assert_true (xaso_record_save (XASO_RECORD (household), db, "tester", NULL));
    }
  for (gint64 rowid = 3; rowid >= 1; rowid--)
    g_array_append_val (rowids, rowid);
  g_array_append_val (rowids, (gint64){ 99 });
  xaso_record_list_set_rowids (list, g_steal_pointer (&rowids));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == XASO_TYPE_HOUSEHOLD);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (xaso_household_get (first, XASO_HOUSEHOLD_CODE), ==, "12");
  missing = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_true (XASO_IS_HOUSEHOLD (missing));
  g_assert_null (xaso_household_get (missing, XASO_HOUSEHOLD_CODE));
}

static void
test_create_and_edit_are_audited (void)
{
  g_autofree char *path = xaso_test_temp_path ("audit.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) p = make_person ("Lò Văn Sáng", "male", "1975", NULL);
  g_autofree char *detail = NULL;

  save (db, p);
  xaso_person_set (p, XASO_PERSON_PHONE, "0912345678");
  save (db, p);
  save (db, p);   /* nothing changed: nothing logged */
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE action = 'create'"), ==, 1);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM audit_event WHERE action = 'edit'"), ==, 1);
  detail = xaso_test_string (db, "SELECT detail FROM audit_event WHERE action = 'edit'");
  g_assert_cmpstr (detail, ==, "phone");
  g_assert_true (xaso_audit_verify (db, NULL, NULL, NULL));
}

/* What the user changed is saved over the record as it is now: a field
 * changed meanwhile by someone else (sync) keeps that value. */
static void
test_edits_keep_concurrent_changes (void)
{
  g_autofree char *path = xaso_test_temp_path ("edits.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autoptr(XasoPerson) person = xaso_person_new ();
  g_autoptr(XasoPerson) original = NULL;
  g_autoptr(XasoPerson) edited = NULL;
  g_autoptr(XasoPerson) other = NULL;
  g_autoptr(XasoPerson) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  xaso_person_set (person, XASO_PERSON_FULL_NAME, "Lê Văn Tám");
  xaso_person_set (person, XASO_PERSON_NATIONALITY, "Việt Nam");
  xaso_person_set (person, XASO_PERSON_OCCUPATION, "Làm ruộng");
  save (db, person);
  original = xaso_person_load (db, xaso_record_get_id (XASO_RECORD (person)), NULL);
  edited = xaso_person_load (db, xaso_record_get_id (XASO_RECORD (person)), NULL);
  xaso_person_set (edited, XASO_PERSON_PHONE, "0912345678");

  other = xaso_person_load (db, xaso_record_get_id (XASO_RECORD (person)), NULL);
  xaso_person_set (other, XASO_PERSON_OCCUPATION, "Giáo viên");
  save (db, other);

  id = xaso_record_save_edits (XASO_RECORD (original), XASO_RECORD (edited), db, "tester", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, xaso_record_get_id (XASO_RECORD (person)));
  now = xaso_person_load (db, id, NULL);
  g_assert_cmpstr (xaso_person_get (now, XASO_PERSON_PHONE), ==, "0912345678");
  g_assert_cmpstr (xaso_person_get (now, XASO_PERSON_OCCUPATION), ==, "Giáo viên");
}

/* A date of death goes with any status but deceased. */
static void
test_status_keeps_death_date_consistent (void)
{
  g_autoptr(XasoPerson) person = xaso_person_new ();

  xaso_person_set_status (person, "deceased");
  xaso_person_set (person, XASO_PERSON_DEATH_DATE, "2020-05-01");
  xaso_person_set_status (person, "deceased");
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_DEATH_DATE), ==, "2020-05-01");
  xaso_person_set_status (person, "living");
  g_assert_null (xaso_person_get (person, XASO_PERSON_DEATH_DATE));
  g_assert_cmpstr (xaso_person_get (person, XASO_PERSON_STATUS), ==, "living");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/citizens/person/id-number-must-match-sex-and-birth", test_id_number_must_match_sex_and_birth);
  g_test_add_func ("/citizens/person/duplicate-id-number-refused", test_duplicate_id_number_refused);
  g_test_add_func ("/citizens/person/dates-checked", test_dates_checked);
  g_test_add_func ("/citizens/person/date-forms", test_date_forms);
  g_test_add_func ("/citizens/person/edits-keep-concurrent-changes", test_edits_keep_concurrent_changes);
  g_test_add_func ("/citizens/person/status-keeps-death-date-consistent", test_status_keeps_death_date_consistent);
  g_test_add_func ("/citizens/person/fill-from-chip-qr", test_qr_fills_person);
  g_test_add_func ("/citizens/search/ignores-diacritics-and-case", test_search_ignores_diacritics_and_case);
  g_test_add_func ("/citizens/search/words-match-within-one-field", test_search_words_match_within_one_field);
  g_test_add_func ("/citizens/search/orders-by-given-name", test_search_orders_by_given_name);
  g_test_add_func ("/citizens/search/filters", test_filters);
  g_test_add_func ("/citizens/household/members-head-first", test_household_members_head_first);
  g_test_add_func ("/citizens/household/failure-leaves-nothing", test_household_failure_leaves_nothing);
  g_test_add_func ("/citizens/household/search", test_household_search);
  g_test_add_func ("/citizens/civil-event/official-may-not-record-own", test_official_may_not_record_own_event);
  g_test_add_func ("/citizens/audit/create-and-edit-logged", test_create_and_edit_are_audited);
  g_test_add_func ("/citizens/csv/import-all-or-nothing", test_csv_import_all_or_nothing);
  g_test_add_func ("/citizens/list/loads-pages-lazily", test_person_list_loads_pages_lazily);
  g_test_add_func ("/citizens/list/holds-any-type", test_record_list_holds_any_type);
  return g_test_run ();
}
