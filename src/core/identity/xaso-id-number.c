/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-id-number.h"

G_DEFINE_QUARK (xaso-id-error-quark, xaso_id_error)

typedef struct
{
  const char *name;
  guint8      code_2025;   /* the province it has been part of since 1 July 2025 */
} Province;

/* The 63 provinces before 1 July 2025 under the codes of Decision
 * 124/2004/QĐ-TTg, which card prefixes use as 0 + code.  Each one went
 * whole into one of the 34 provinces of Resolution 202/2025/QH15, and the
 * merged province kept the code of the province where its People's
 * Committee sits (Decision 19/2025/QĐ-TTg).  Prefixes assigned from then on
 * therefore name the merged province: 024 was Bắc Giang and is now Bắc Ninh.
 */
static const Province provinces[100] = {
  [1]  = { "Hà Nội", 1 },            [2]  = { "Hà Giang", 8 },
  [4]  = { "Cao Bằng", 4 },          [6]  = { "Bắc Kạn", 19 },
  [8]  = { "Tuyên Quang", 8 },       [10] = { "Lào Cai", 15 },
  [11] = { "Điện Biên", 11 },        [12] = { "Lai Châu", 12 },
  [14] = { "Sơn La", 14 },           [15] = { "Yên Bái", 15 },
  [17] = { "Hòa Bình", 25 },         [19] = { "Thái Nguyên", 19 },
  [20] = { "Lạng Sơn", 20 },         [22] = { "Quảng Ninh", 22 },
  [24] = { "Bắc Giang", 24 },        [25] = { "Phú Thọ", 25 },
  [26] = { "Vĩnh Phúc", 25 },        [27] = { "Bắc Ninh", 24 },
  [30] = { "Hải Dương", 31 },        [31] = { "Hải Phòng", 31 },
  [33] = { "Hưng Yên", 33 },         [34] = { "Thái Bình", 33 },
  [35] = { "Hà Nam", 37 },           [36] = { "Nam Định", 37 },
  [37] = { "Ninh Bình", 37 },        [38] = { "Thanh Hóa", 38 },
  [40] = { "Nghệ An", 40 },          [42] = { "Hà Tĩnh", 42 },
  [44] = { "Quảng Bình", 44 },       [45] = { "Quảng Trị", 44 },
  [46] = { "Thừa Thiên Huế", 46 },   [48] = { "Đà Nẵng", 48 },
  [49] = { "Quảng Nam", 48 },        [51] = { "Quảng Ngãi", 51 },
  [52] = { "Bình Định", 52 },        [54] = { "Phú Yên", 66 },
  [56] = { "Khánh Hòa", 56 },        [58] = { "Ninh Thuận", 56 },
  [60] = { "Bình Thuận", 68 },       [62] = { "Kon Tum", 51 },
  [64] = { "Gia Lai", 52 },          [66] = { "Đắk Lắk", 66 },
  [67] = { "Đắk Nông", 68 },         [68] = { "Lâm Đồng", 68 },
  [70] = { "Bình Phước", 75 },       [72] = { "Tây Ninh", 80 },
  [74] = { "Bình Dương", 79 },       [75] = { "Đồng Nai", 75 },
  [77] = { "Bà Rịa - Vũng Tàu", 79 }, [79] = { "TP Hồ Chí Minh", 79 },
  [80] = { "Long An", 80 },          [82] = { "Tiền Giang", 82 },
  [83] = { "Bến Tre", 86 },          [84] = { "Trà Vinh", 86 },
  [86] = { "Vĩnh Long", 86 },        [87] = { "Đồng Tháp", 82 },
  [89] = { "An Giang", 91 },         [91] = { "Kiên Giang", 91 },
  [92] = { "Cần Thơ", 92 },          [93] = { "Hậu Giang", 92 },
  [94] = { "Sóc Trăng", 92 },        [95] = { "Bạc Liêu", 96 },
  [96] = { "Cà Mau", 96 },
};

/* The 34 provinces since 1 July 2025 (Decision 19/2025/QĐ-TTg). */
static const char * const provinces_2025[100] = {
  [1]  = "Hà Nội",      [4]  = "Cao Bằng",    [8]  = "Tuyên Quang",
  [11] = "Điện Biên",   [12] = "Lai Châu",    [14] = "Sơn La",
  [15] = "Lào Cai",     [19] = "Thái Nguyên", [20] = "Lạng Sơn",
  [22] = "Quảng Ninh",  [24] = "Bắc Ninh",    [25] = "Phú Thọ",
  [31] = "Hải Phòng",   [33] = "Hưng Yên",    [37] = "Ninh Bình",
  [38] = "Thanh Hóa",   [40] = "Nghệ An",     [42] = "Hà Tĩnh",
  [44] = "Quảng Trị",   [46] = "Huế",         [48] = "Đà Nẵng",
  [51] = "Quảng Ngãi",  [52] = "Gia Lai",     [56] = "Khánh Hòa",
  [66] = "Đắk Lắk",     [68] = "Lâm Đồng",    [75] = "Đồng Nai",
  [79] = "TP Hồ Chí Minh", [80] = "Tây Ninh", [82] = "Đồng Tháp",
  [86] = "Vĩnh Long",   [91] = "An Giang",    [92] = "Cần Thơ",
  [96] = "Cà Mau",
};

/* Births registered in 2026 or later were registered under the merged
 * provinces.  Earlier ones may still have been registered after the merger,
 * but the pre-2025 name is then still the area it came from.
 */
#define FIRST_BIRTH_YEAR_UNDER_2025_PROVINCES 2026

/* A citizen whose birth was registered abroad gets a country code as the
 * prefix.  Province prefixes all start with 0; the official country list
 * could not be verified, so any prefix from 100 to 999 is taken to be one.
 */
static gboolean
is_country_prefix (const char *prefix3)
{
  return prefix3[0] >= '1' && prefix3[0] <= '9';
}

static gboolean
is_three_digits (const char *prefix3)
{
  return prefix3 != NULL &&
         g_ascii_isdigit (prefix3[0]) &&
         g_ascii_isdigit (prefix3[1]) &&
         g_ascii_isdigit (prefix3[2]);
}

static const Province *
lookup_province (const char *prefix3)
{
  const Province *province;

  if (!is_three_digits (prefix3) || prefix3[0] != '0')
    return NULL;

  province = &provinces[(prefix3[1] - '0') * 10 + (prefix3[2] - '0')];
  return province->name != NULL ? province : NULL;
}

/**
 * xaso_id_prefix_name:
 * @prefix3: the first three digits of an ID number (more may follow)
 *
 * Returns: (nullable): the name of the province (as it was before 1 July
 *   2025) where the birth was registered, "Registered abroad" for a
 *   country code, or %NULL for an unknown prefix
 */
const char *
xaso_id_prefix_name (const char *prefix3)
{
  const Province *province;

  if (!is_three_digits (prefix3))
    return NULL;

  if (is_country_prefix (prefix3))
    return _("Registered abroad");

  province = lookup_province (prefix3);
  return province != NULL ? province->name : NULL;
}

/**
 * xaso_id_prefix_province_2025:
 * @prefix3: the first three digits of an ID number (more may follow)
 *
 * Returns: (nullable): the name of the province that the prefix's area has
 *   belonged to since 1 July 2025, or %NULL for a country code or an
 *   unknown prefix
 */
const char *
xaso_id_prefix_province_2025 (const char *prefix3)
{
  const Province *province = lookup_province (prefix3);

  return province != NULL ? provinces_2025[province->code_2025] : NULL;
}

/**
 * xaso_id_number_normalize:
 * @input: an ID number as typed or pasted, e.g. "001 085.012-345"
 *
 * Removes white space, dots and dashes, which people put between groups of
 * digits.  Anything else is kept, so validation can point at it.
 *
 * Returns: (transfer full): the number without separators
 */
char *
xaso_id_number_normalize (const char *input)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (input != NULL, NULL);

  valid = g_utf8_make_valid (input, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+2010 to U+2015 are the hyphens and dashes word processors
       * substitute for "-".
       */
      if (g_unichar_isspace (c) || c == '.' || c == '-' || (c >= 0x2010 && c <= 0x2015))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The character at @p, for quoting in a message. */
static char *
character_at (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup ("\xEF\xBF\xBD");

  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* Returns the position of the first character that is not an ASCII digit,
 * or %NULL if there is none.
 */
static const char *
find_non_digit (const char *number)
{
  for (const char *p = number; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return p;

  return NULL;
}

static gboolean
check_new_number_form (const char  *number,
                       GError     **error)
{
  const char *bad = find_non_digit (number);
  guint len;

  if (*number == '\0')
    {
      g_set_error_literal (error, XASO_ID_ERROR, XASO_ID_ERROR_LENGTH,
                           _("The ID number is empty."));
      return FALSE;
    }

  if (bad != NULL)
    {
      g_autofree char *shown = character_at (bad);

      g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_NOT_DIGITS,
                   /* Translators: %s is the offending character. */
                   _("The ID number may contain only digits, but it contains “%s”."),
                   shown);
      return FALSE;
    }

  len = strlen (number);
  if (len != XASO_ID_NUMBER_LENGTH)
    {
      g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_LENGTH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The ID number must have 12 digits, but this one has %u digit.",
                                "The ID number must have 12 digits, but this one has %u digits.",
                                len),
                   len);
      return FALSE;
    }

  return TRUE;
}

/* The local zone is looked up once: each lookup reads /etc/localtime, and
 * an import checks an ID number per row. */
static int
current_year (void)
{
  static GTimeZone *local_zone;
  g_autoptr(GDateTime) now = NULL;

  if (g_once_init_enter (&local_zone))
    g_once_init_leave (&local_zone, g_time_zone_new_local ());
  now = g_date_time_new_now (local_zone);
  return g_date_time_get_year (now);
}

static gboolean
decode_prefix (const char  *number,
               XasoIdInfo  *info,
               GError     **error)
{
  memcpy (info->prefix, number, 3);
  info->prefix[3] = '\0';
  info->registered_abroad = is_country_prefix (info->prefix);
  info->place_name = xaso_id_prefix_name (info->prefix);
  info->province_2025 = xaso_id_prefix_province_2025 (info->prefix);

  if (info->place_name == NULL)
    {
      g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_UNKNOWN_PREFIX,
                   /* Translators: %s is three digits, e.g. 003. */
                   _("The ID number starts with %s, which is not the code of any province "
                     "or country of birth registration."),
                   info->prefix);
      return FALSE;
    }

  return TRUE;
}

/**
 * xaso_id_number_decode:
 * @number: a normalized 12-digit ID number
 * @out: (out caller-allocates): what the number says
 * @error: return location for an error in %XASO_ID_ERROR
 *
 * Checks the form of @number (12 digits, a known prefix, a birth year that
 * is not in the future) and reads the place of birth registration, the sex
 * and the birth year from it.
 *
 * Returns: %TRUE if @number is well formed
 */
gboolean
xaso_id_number_decode (const char  *number,
                       XasoIdInfo  *out,
                       GError     **error)
{
  XasoIdInfo info = { { 0 } };
  int century_digit;

  g_return_val_if_fail (number != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!check_new_number_form (number, error) || !decode_prefix (number, &info, error))
    return FALSE;

  century_digit = number[3] - '0';
  info.sex = century_digit % 2 == 0 ? XASO_SEX_MALE : XASO_SEX_FEMALE;
  info.century = 1900 + (century_digit / 2) * 100;
  info.year_2digit = (number[4] - '0') * 10 + (number[5] - '0');
  info.birth_year = info.century + info.year_2digit;

  if (info.birth_year >= FIRST_BIRTH_YEAR_UNDER_2025_PROVINCES && info.province_2025 != NULL)
    info.place_name = info.province_2025;

  if (info.birth_year > current_year ())
    {
      g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_FUTURE_BIRTH_YEAR,
                   /* Translators: %d is a year, %c the 4th digit of the number. */
                   _("The ID number says born in %d (4th digit %c), which is in the future."),
                   info.birth_year, number[3]);
      return FALSE;
    }

  *out = info;
  return TRUE;
}

static gboolean
check_sex (const char        *number,
           const XasoIdInfo  *info,
           XasoSex            sex,
           GError           **error)
{
  if (sex == XASO_SEX_UNKNOWN || sex == info->sex)
    return TRUE;

  if (info->sex == XASO_SEX_FEMALE)
    g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_SEX_MISMATCH,
                 /* Translators: %c is the 4th digit of the ID number. */
                 _("The ID number says this person is female (4th digit %c) "
                   "but the form says male."),
                 number[3]);
  else
    g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_SEX_MISMATCH,
                 /* Translators: %c is the 4th digit of the ID number. */
                 _("The ID number says this person is male (4th digit %c) "
                   "but the form says female."),
                 number[3]);

  return FALSE;
}

static gboolean
check_birth_year (const char        *number,
                  const XasoIdInfo  *info,
                  int                birth_year,
                  GError           **error)
{
  if (birth_year == 0 || birth_year == info->birth_year)
    return TRUE;

  /* Same last two digits: the century digit is what disagrees. */
  if (birth_year >= 0 && birth_year % 100 == info->year_2digit)
    g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_CENTURY_MISMATCH,
                 /* Translators: the first %d is a year, %c the 4th digit of the
                  * ID number, then the first and last years of its century and
                  * the year typed into the form. */
                 _("The ID number says born in %d (its 4th digit %c means born %d–%d) "
                   "but the birth year entered is %d."),
                 info->birth_year, number[3], info->century, info->century + 99, birth_year);
  else
    g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_BIRTH_YEAR_MISMATCH,
                 /* Translators: the first %d is a year, %.2s its last two digits
                  * as written in the ID number, the last %d the year typed
                  * into the form. */
                 _("The ID number says born in %d (digits 5–6 are “%.2s”) "
                   "but the birth year entered is %d."),
                 info->birth_year, number + 4, birth_year);

  return FALSE;
}

/**
 * xaso_id_number_validate:
 * @number: a normalized ID number, see xaso_id_number_normalize()
 * @sex: the sex entered on the form, or %XASO_SEX_UNKNOWN
 * @birth_year: the birth year entered on the form, or 0 if unknown
 * @error: return location for an error in %XASO_ID_ERROR
 *
 * Checks @number as xaso_id_number_decode() does, then checks that it
 * agrees with the sex and birth year entered.  There is no check digit, so
 * a mistyped random part cannot be caught.
 *
 * Returns: %TRUE if @number is valid and consistent
 */
gboolean
xaso_id_number_validate (const char  *number,
                         XasoSex      sex,
                         int          birth_year,
                         GError     **error)
{
  XasoIdInfo info;

  g_return_val_if_fail (number != NULL, FALSE);
  g_return_val_if_fail (sex <= XASO_SEX_FEMALE, FALSE);

  return xaso_id_number_decode (number, &info, error) &&
         check_sex (number, &info, sex, error) &&
         check_birth_year (number, &info, birth_year, error);
}

/**
 * xaso_id_old_number_validate:
 * @number: a normalized number of an old identity card (chứng minh nhân dân)
 * @error: return location for an error in %XASO_ID_ERROR
 *
 * Old identity cards carry 9 digits; a 12-digit version was issued for a
 * few years before the chip card.  Their digits follow no rule that can be
 * checked here.
 *
 * Returns: %TRUE if @number has the form of an old card number
 */
gboolean
xaso_id_old_number_validate (const char  *number,
                             GError     **error)
{
  const char *bad;
  guint len;

  g_return_val_if_fail (number != NULL, FALSE);

  bad = find_non_digit (number);
  if (bad != NULL)
    {
      g_autofree char *shown = character_at (bad);

      g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_NOT_DIGITS,
                   /* Translators: "CMND" is chứng minh nhân dân, the old
                    * identity card. %s is the offending character. */
                   _("The old ID card (CMND) number may contain only digits, "
                     "but it contains “%s”."),
                   shown);
      return FALSE;
    }

  len = strlen (number);
  if (len != 9 && len != 12)
    {
      g_set_error (error, XASO_ID_ERROR, XASO_ID_ERROR_LENGTH,
                   /* Translators: "CMND" is chứng minh nhân dân, the old
                    * identity card. */
                   g_dngettext (GETTEXT_PACKAGE,
                                "An old ID card (CMND) number has 9 or 12 digits, "
                                "but this one has %u digit.",
                                "An old ID card (CMND) number has 9 or 12 digits, "
                                "but this one has %u digits.",
                                len),
                   len);
      return FALSE;
    }

  return TRUE;
}
