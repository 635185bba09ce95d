/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "xaso-chip-qr.h"

#define GOOD_QR \
  "001085012345|012345678|Nguyễn Văn An|15031985|Nam|" \
  "Số 5, ngõ 12, phường Ba Đình, Hà Nội|20042021"

static void
assert_refused (const char      *text,
                XasoChipQrError  code,
                const char      *message_part)
{
  g_autoptr(XasoChipQr) qr = NULL;
  g_autoptr(GError) error = NULL;

  qr = xaso_chip_qr_parse (text, &error);
  g_assert_null (qr);
  g_assert_error (error, XASO_CHIP_QR_ERROR, (int) code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” not in “%s”", message_part, error->message);
}

static void
assert_date (const GDate *date,
             int          day,
             int          month,
             int          year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static void
test_parses_all_fields (void)
{
  g_autoptr(XasoChipQr) qr = NULL;
  g_autoptr(GError) error = NULL;

  qr = xaso_chip_qr_parse (GOOD_QR, &error);
  g_assert_no_error (error);
  g_assert_nonnull (qr);
  g_assert_cmpstr (qr->id_number, ==, "001085012345");
  g_assert_cmpstr (qr->old_id_number, ==, "012345678");
  g_assert_cmpstr (qr->full_name, ==, "Nguyễn Văn An");
  assert_date (&qr->birth_date, 15, 3, 1985);
  g_assert_cmpint (qr->sex, ==, XASO_SEX_MALE);
  g_assert_cmpstr (qr->address, ==, "Số 5, ngõ 12, phường Ba Đình, Hà Nội");
  assert_date (&qr->issue_date, 20, 4, 2021);
}

static void
test_old_id_may_be_empty (void)
{
  g_autoptr(XasoChipQr) qr = NULL;
  g_autoptr(GError) error = NULL;

  qr = xaso_chip_qr_parse ("079301000123||Trần Thị Bích|02012001|Nữ|"
                           "Ấp 3, xã Tân Thạnh, TP Hồ Chí Minh|10102022", &error);
  g_assert_no_error (error);
  g_assert_null (qr->old_id_number);
  g_assert_cmpint (qr->sex, ==, XASO_SEX_FEMALE);
  assert_date (&qr->birth_date, 2, 1, 2001);
}

static void
test_tolerates_scanner_noise (void)
{
  static const char * const texts[] = {
    GOOD_QR "\r\n",
    "  " GOOD_QR "  \n",
    "\xEF\xBB\xBF" GOOD_QR,
    GOOD_QR "|",
    GOOD_QR "||",
    GOOD_QR "|extra field|another",
    " 001085012345 | 012345678 |Nguyễn Văn An| 15031985 | NAM |"
    "Số 5, ngõ 12, phường Ba Đình, Hà Nội |20042021 ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(XasoChipQr) qr = NULL;
      g_autoptr(GError) error = NULL;

      qr = xaso_chip_qr_parse (texts[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (qr->id_number, ==, "001085012345");
      g_assert_cmpstr (qr->old_id_number, ==, "012345678");
      g_assert_cmpstr (qr->full_name, ==, "Nguyễn Văn An");
      g_assert_cmpstr (qr->address, ==, "Số 5, ngõ 12, phường Ba Đình, Hà Nội");
      assert_date (&qr->issue_date, 20, 4, 2021);
    }
}

static void
test_nfd_text_composed (void)
{
  g_autoptr(XasoChipQr) qr = NULL;
  g_autoptr(GError) error = NULL;

  /* "Lê Thị Hà" and "Nữ" with separate combining marks. */
  qr = xaso_chip_qr_parse ("001190000001||Le\xcc\x82 Thi\xcc\xa3 Ha\xcc\x80|01011990|"
                           "Nu\xcc\x9b\xcc\x83|Hà Nội|01012022", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qr->full_name, ==, "Lê Thị Hà");
  g_assert_cmpint (qr->sex, ==, XASO_SEX_FEMALE);
}

static void
test_not_text_refused (void)
{
  assert_refused ("001085012345||Nguy\xff\xfe|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_NOT_TEXT, NULL);
}

static void
test_field_count_refused (void)
{
  assert_refused ("", XASO_CHIP_QR_ERROR_FIELD_COUNT, "empty");
  assert_refused (" \r\n", XASO_CHIP_QR_ERROR_FIELD_COUNT, "empty");
  assert_refused ("https://dichvucong.gov.vn", XASO_CHIP_QR_ERROR_FIELD_COUNT, "has 1 field ");
  assert_refused ("001085012345|012345678|Nguyễn Văn An|15031985|Nam|Hà Nội",
                  XASO_CHIP_QR_ERROR_FIELD_COUNT, "has 6 fields");
}

static void
test_invalid_id_refused (void)
{
  assert_refused ("00108501234||A|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_ID_NUMBER, "has 11 digits");
  assert_refused ("003085012345||A|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_ID_NUMBER, "003");
  assert_refused ("|012345678|A|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_ID_NUMBER, NULL);
}

static void
test_invalid_old_id_refused (void)
{
  assert_refused ("001085012345|1234567|A|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_OLD_ID_NUMBER, "has 7 digits");
  assert_refused ("001085012345|12345678A|A|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_OLD_ID_NUMBER, "“A”");
}

static void
test_missing_name_refused (void)
{
  assert_refused ("001085012345|| |15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_NAME_MISSING, NULL);
}

static void
test_bad_dates_refused (void)
{
  assert_refused ("001085012345||A|31021985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_BAD_DATE, "birth date in the QR code (“31021985”)");
  assert_refused ("001085012345||A|15/03/1985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_BAD_DATE, "“15/03/1985”");
  assert_refused ("001085012345||A|15031985|Nam|x|",
                  XASO_CHIP_QR_ERROR_BAD_DATE, "issue date in the QR code (“”)");
  assert_refused ("001085012345||A|15031985|Nam|x|2004202",
                  XASO_CHIP_QR_ERROR_BAD_DATE, "issue date");
}

static void
test_bad_sex_refused (void)
{
  assert_refused ("001085012345||A|15031985|Male|x|20042021",
                  XASO_CHIP_QR_ERROR_BAD_SEX, "“Male”");
  assert_refused ("001085012345||A|15031985||x|20042021",
                  XASO_CHIP_QR_ERROR_BAD_SEX, "“”");
}

static void
test_sex_inconsistent_refused (void)
{
  assert_refused ("001185012345||A|15031985|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_INCONSISTENT,
                  "its ID number says female (4th digit 1) but its sex field says male");
  assert_refused ("001085012345||A|15031985|Nữ|x|20042021",
                  XASO_CHIP_QR_ERROR_INCONSISTENT,
                  "its ID number says male (4th digit 0) but its sex field says female");
}

static void
test_birth_year_inconsistent_refused (void)
{
  assert_refused ("001085012345||A|15031986|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_INCONSISTENT, "says born in 1985 but its birth date is in 1986");
  assert_refused ("001085012345||A|15031905|Nam|x|20042021",
                  XASO_CHIP_QR_ERROR_INCONSISTENT, "born in 1985 but its birth date is in 1905");
}

static void
test_issued_before_birth_refused (void)
{
  assert_refused ("001085012345||A|15031985|Nam|x|14031985",
                  XASO_CHIP_QR_ERROR_INCONSISTENT, "issued before the birth date");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/chip-qr/parses-all-fields", test_parses_all_fields);
  g_test_add_func ("/identity/chip-qr/old-id-may-be-empty", test_old_id_may_be_empty);
  g_test_add_func ("/identity/chip-qr/tolerates-scanner-noise", test_tolerates_scanner_noise);
  g_test_add_func ("/identity/chip-qr/nfd-text-composed", test_nfd_text_composed);
  g_test_add_func ("/identity/chip-qr/not-text-refused", test_not_text_refused);
  g_test_add_func ("/identity/chip-qr/field-count-refused", test_field_count_refused);
  g_test_add_func ("/identity/chip-qr/invalid-id-refused", test_invalid_id_refused);
  g_test_add_func ("/identity/chip-qr/invalid-old-id-refused", test_invalid_old_id_refused);
  g_test_add_func ("/identity/chip-qr/missing-name-refused", test_missing_name_refused);
  g_test_add_func ("/identity/chip-qr/bad-dates-refused", test_bad_dates_refused);
  g_test_add_func ("/identity/chip-qr/bad-sex-refused", test_bad_sex_refused);
  g_test_add_func ("/identity/chip-qr/sex-inconsistent-refused", test_sex_inconsistent_refused);
  g_test_add_func ("/identity/chip-qr/birth-year-inconsistent-refused",
                   test_birth_year_inconsistent_refused);
  g_test_add_func ("/identity/chip-qr/issued-before-birth-refused",
                   test_issued_before_birth_refused);

  return g_test_run ();
}
