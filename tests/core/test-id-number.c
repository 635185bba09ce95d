/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "xaso-id-number.h"

static void
assert_refused (const char  *number,
                XasoSex      sex,
                int          birth_year,
                XasoIdError  code,
                const char  *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xaso_id_number_validate (number, sex, birth_year, &error));
  g_assert_error (error, XASO_ID_ERROR, (int) code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” not in “%s”", message_part, error->message);
}

static void
assert_accepted (const char *number,
                 XasoSex     sex,
                 int         birth_year)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_id_number_validate (number, sex, birth_year, &error));
  g_assert_no_error (error);
}

static void
test_valid_numbers_accepted (void)
{
  assert_accepted ("001085012345", XASO_SEX_MALE, 1985);
  assert_accepted ("079301000123", XASO_SEX_FEMALE, 2001);
  assert_accepted ("096195000001", XASO_SEX_FEMALE, 1995);
  assert_accepted ("038200000000", XASO_SEX_MALE, 2000);
  assert_accepted ("001000999999", XASO_SEX_MALE, 1900);
}

static void
test_unknown_sex_and_year_skip_checks (void)
{
  assert_accepted ("001085012345", XASO_SEX_UNKNOWN, 0);
  assert_accepted ("001085012345", XASO_SEX_MALE, 0);
  assert_accepted ("001085012345", XASO_SEX_UNKNOWN, 1985);
}

static void
test_decode_fields (void)
{
  XasoIdInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_id_number_decode ("048303012345", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.prefix, ==, "048");
  g_assert_false (info.registered_abroad);
  g_assert_cmpstr (info.place_name, ==, "Đà Nẵng");
  g_assert_cmpstr (info.province_2025, ==, "Đà Nẵng");
  g_assert_cmpint (info.sex, ==, XASO_SEX_FEMALE);
  g_assert_cmpint (info.century, ==, 2000);
  g_assert_cmpint (info.year_2digit, ==, 3);
  g_assert_cmpint (info.birth_year, ==, 2003);
}

static void
test_every_century_digit (void)
{
  static const struct { char digit; XasoSex sex; int century; } cases[] = {
    { '0', XASO_SEX_MALE, 1900 }, { '1', XASO_SEX_FEMALE, 1900 },
    { '2', XASO_SEX_MALE, 2000 }, { '3', XASO_SEX_FEMALE, 2000 },
  };
  const char *future = "456789";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char number[] = "001?05012345";
      XasoIdInfo info;
      g_autoptr(GError) error = NULL;

      number[3] = cases[i].digit;
      g_assert_true (xaso_id_number_decode (number, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (info.sex, ==, cases[i].sex);
      g_assert_cmpint (info.century, ==, cases[i].century);
      g_assert_cmpint (info.birth_year, ==, cases[i].century + 5);
    }

  /* 2100s to 2300s are valid digits but cannot belong to anyone alive. */
  for (const char *d = future; *d != '\0'; d++)
    {
      char number[] = "001?05012345";
      char year[8];

      number[3] = *d;
      g_snprintf (year, sizeof year, "%d", 1900 + (*d - '0') / 2 * 100 + 5);
      assert_refused (number, XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_FUTURE_BIRTH_YEAR, year);
    }
}

static void
test_prefix_table_complete (void)
{
  g_autoptr(GHashTable) names_2025 = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_provinces = 0;

  for (guint code = 0; code < 100; code++)
    {
      char prefix[4];
      const char *name;

      g_snprintf (prefix, sizeof prefix, "%03u", code);
      name = xaso_id_prefix_name (prefix);
      if (name == NULL)
        {
          g_assert_null (xaso_id_prefix_province_2025 (prefix));
          continue;
        }

      n_provinces++;
      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_nonnull (xaso_id_prefix_province_2025 (prefix));
      g_hash_table_add (names_2025, (char *) xaso_id_prefix_province_2025 (prefix));
    }

  g_assert_cmpuint (n_provinces, ==, 63);
  g_assert_cmpuint (g_hash_table_size (names_2025), ==, 34);

  g_assert_cmpstr (xaso_id_prefix_name ("001"), ==, "Hà Nội");
  g_assert_cmpstr (xaso_id_prefix_name ("079"), ==, "TP Hồ Chí Minh");
  g_assert_cmpstr (xaso_id_prefix_name ("096"), ==, "Cà Mau");
  g_assert_cmpstr (xaso_id_prefix_name ("022"), ==, "Quảng Ninh");
  g_assert_cmpstr (xaso_id_prefix_name ("001085012345"), ==, "Hà Nội");
  g_assert_null (xaso_id_prefix_name ("01"));
  g_assert_null (xaso_id_prefix_name (NULL));
}

static void
test_prefix_after_2025_merger (void)
{
  XasoIdInfo info;
  g_autoptr(GError) error = NULL;

  /* Bắc Giang kept code 24 when it merged into Bắc Ninh; Bắc Ninh's old 27
   * was closed.  Bình Dương went into Hồ Chí Minh City.
   */
  g_assert_cmpstr (xaso_id_prefix_name ("024"), ==, "Bắc Giang");
  g_assert_cmpstr (xaso_id_prefix_province_2025 ("024"), ==, "Bắc Ninh");
  g_assert_cmpstr (xaso_id_prefix_province_2025 ("027"), ==, "Bắc Ninh");
  g_assert_cmpstr (xaso_id_prefix_province_2025 ("074"), ==, "TP Hồ Chí Minh");
  g_assert_cmpstr (xaso_id_prefix_province_2025 ("046"), ==, "Huế");

  g_assert_true (xaso_id_number_decode ("024090000001", &info, &error));
  g_assert_cmpstr (info.place_name, ==, "Bắc Giang");
  g_assert_cmpstr (info.province_2025, ==, "Bắc Ninh");

  /* A child born in 2026 was registered under the merged province. */
  g_assert_true (xaso_id_number_decode ("024226000001", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.place_name, ==, "Bắc Ninh");
}

static void
test_abroad_prefix_accepted (void)
{
  XasoIdInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_id_number_decode ("286200000002", &info, &error));
  g_assert_no_error (error);
  g_assert_true (info.registered_abroad);
  g_assert_cmpstr (info.place_name, ==, "Registered abroad");
  g_assert_null (info.province_2025);
  g_assert_cmpint (info.birth_year, ==, 2000);
}

static void
test_unknown_prefix_refused (void)
{
  assert_refused ("000085012345", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_UNKNOWN_PREFIX, "000");
  assert_refused ("003085012345", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_UNKNOWN_PREFIX, "003");
  assert_refused ("028085012345", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_UNKNOWN_PREFIX, "028");
  assert_refused ("097085012345", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_UNKNOWN_PREFIX, "097");
}

static void
test_length_refused (void)
{
  assert_refused ("", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_LENGTH, NULL);
  assert_refused ("00108501234", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_LENGTH, "has 11 digits");
  assert_refused ("0010850123456", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_LENGTH, "has 13 digits");
  assert_refused ("1", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_LENGTH, "has 1 digit.");
}

static void
test_not_digits_refused (void)
{
  assert_refused ("00108501234O", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_NOT_DIGITS, "“O”");
  assert_refused ("001085 12345", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_NOT_DIGITS, "“ ”");
  assert_refused ("001085012đ45", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_NOT_DIGITS, "“đ”");
  assert_refused ("00108501234\xff", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_NOT_DIGITS, "“\xEF\xBF\xBD”");
}

static void
test_sex_mismatch_refused (void)
{
  assert_refused ("001185012345", XASO_SEX_MALE, 1985, XASO_ID_ERROR_SEX_MISMATCH,
                  "The ID number says this person is female (4th digit 1) but the form says male");
  assert_refused ("001205012345", XASO_SEX_FEMALE, 0, XASO_ID_ERROR_SEX_MISMATCH,
                  "The ID number says this person is male (4th digit 2) but the form says female");
}

static void
test_birth_year_mismatch_refused (void)
{
  assert_refused ("001085012345", XASO_SEX_MALE, 1986, XASO_ID_ERROR_BIRTH_YEAR_MISMATCH,
                  "says born in 1985 (digits 5–6 are “85”) but the birth year entered is 1986");
  assert_refused ("001305012345", XASO_SEX_FEMALE, 2015, XASO_ID_ERROR_BIRTH_YEAR_MISMATCH,
                  "born in 2005 (digits 5–6 are “05”) but the birth year entered is 2015");
}

static void
test_century_mismatch_refused (void)
{
  assert_refused ("001005012345", XASO_SEX_MALE, 2005, XASO_ID_ERROR_CENTURY_MISMATCH,
                  "says born in 1905 (its 4th digit 0 means born 1900–1999) "
                  "but the birth year entered is 2005");
  assert_refused ("001305012345", XASO_SEX_FEMALE, 1905, XASO_ID_ERROR_CENTURY_MISMATCH,
                  "2000–2099");
}

static void
test_future_birth_year_refused (void)
{
  assert_refused ("001485012345", XASO_SEX_UNKNOWN, 0, XASO_ID_ERROR_FUTURE_BIRTH_YEAR,
                  "born in 2185 (4th digit 4), which is in the future");
}

static void
test_normalize_strips_separators (void)
{
  static const struct { const char *input; const char *expected; } cases[] = {
    { "001 085 012 345", "001085012345" },
    { " 001.085.012.345 ", "001085012345" },
    { "001-085-012-345", "001085012345" },
    { "001\xc2\xa0" "085\t012\xe2\x80\x93" "345", "001085012345" },
    { "00108501234O", "00108501234O" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = xaso_id_number_normalize (cases[i].input);

      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }
}

static void
test_old_number_accepted (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xaso_id_old_number_validate ("012345678", &error));
  g_assert_true (xaso_id_old_number_validate ("123456789012", &error));
  g_assert_no_error (error);
}

static void
test_old_number_refused (void)
{
  static const struct { const char *number; XasoIdError code; const char *part; } cases[] = {
    { "", XASO_ID_ERROR_LENGTH, "has 0 digits" },
    { "12345678", XASO_ID_ERROR_LENGTH, "9 or 12 digits, but this one has 8 digits" },
    { "1234567890", XASO_ID_ERROR_LENGTH, "has 10 digits" },
    { "12345678X", XASO_ID_ERROR_NOT_DIGITS, "“X”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (xaso_id_old_number_validate (cases[i].number, &error));
      g_assert_error (error, XASO_ID_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].part));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/id-number/valid-numbers-accepted", test_valid_numbers_accepted);
  g_test_add_func ("/identity/id-number/unknown-sex-and-year-skip-checks",
                   test_unknown_sex_and_year_skip_checks);
  g_test_add_func ("/identity/id-number/decode-fields", test_decode_fields);
  g_test_add_func ("/identity/id-number/every-century-digit", test_every_century_digit);
  g_test_add_func ("/identity/id-number/prefix-table-complete", test_prefix_table_complete);
  g_test_add_func ("/identity/id-number/prefix-after-2025-merger", test_prefix_after_2025_merger);
  g_test_add_func ("/identity/id-number/abroad-prefix-accepted", test_abroad_prefix_accepted);
  g_test_add_func ("/identity/id-number/unknown-prefix-refused", test_unknown_prefix_refused);
  g_test_add_func ("/identity/id-number/length-refused", test_length_refused);
  g_test_add_func ("/identity/id-number/not-digits-refused", test_not_digits_refused);
  g_test_add_func ("/identity/id-number/sex-mismatch-refused", test_sex_mismatch_refused);
  g_test_add_func ("/identity/id-number/birth-year-mismatch-refused",
                   test_birth_year_mismatch_refused);
  g_test_add_func ("/identity/id-number/century-mismatch-refused", test_century_mismatch_refused);
  g_test_add_func ("/identity/id-number/future-birth-year-refused",
                   test_future_birth_year_refused);
  g_test_add_func ("/identity/id-number/normalize-strips-separators",
                   test_normalize_strips_separators);
  g_test_add_func ("/identity/old-number/nine-or-twelve-digits-accepted", test_old_number_accepted);
  g_test_add_func ("/identity/old-number/refused", test_old_number_refused);

  return g_test_run ();
}
