/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The 12-digit personal identification number (số định danh cá nhân), printed
 * on the chip citizen card (CCCD) and the identity card issued since 2024:
 *
 *   PPP G YY RRRRRR
 *   PPP    where the birth was registered: 0 + the province's pre-2025 code,
 *          or a country code for births registered abroad
 *   G      century and sex: 0/1 male/female 1900s, 2/3 2000s, 4/5 2100s,
 *          6/7 2200s, 8/9 2300s
 *   YY     the last two digits of the birth year
 *   RRRRRR random; there is no check digit
 *
 * Numbers never change when provinces merge, and the prefix says nothing
 * about where the person lives now.
 */

#define XASO_ID_NUMBER_LENGTH 12

#define XASO_ID_ERROR (xaso_id_error_quark ())

typedef enum
{
  XASO_ID_ERROR_LENGTH,
  XASO_ID_ERROR_NOT_DIGITS,
  XASO_ID_ERROR_UNKNOWN_PREFIX,
  XASO_ID_ERROR_FUTURE_BIRTH_YEAR,
  XASO_ID_ERROR_SEX_MISMATCH,
  XASO_ID_ERROR_BIRTH_YEAR_MISMATCH,
  XASO_ID_ERROR_CENTURY_MISMATCH,
} XasoIdError;

typedef enum
{
  XASO_SEX_UNKNOWN,
  XASO_SEX_MALE,
  XASO_SEX_FEMALE,
} XasoSex;

typedef struct
{
  char        prefix[4];          /* the first three digits */
  gboolean    registered_abroad;  /* the prefix is a country code */
  /* The province under its pre-2025 name, or "Registered abroad".  For
   * births from 2026 on it is the province as merged on 1 July 2025.
   */
  const char *place_name;
  /* The province the prefix's area has belonged to since 1 July 2025, or
   * %NULL for births registered abroad.
   */
  const char *province_2025;
  XasoSex     sex;
  int         century;            /* 1900, 2000, … 2300 */
  int         year_2digit;        /* 0 to 99 */
  int         birth_year;         /* century + year_2digit */
} XasoIdInfo;

GQuark      xaso_id_error_quark          (void);

const char *xaso_id_prefix_name          (const char  *prefix3);
const char *xaso_id_prefix_province_2025 (const char  *prefix3);

char       *xaso_id_number_normalize     (const char  *input);
gboolean    xaso_id_number_decode        (const char  *number,
                                          XasoIdInfo  *out,
                                          GError     **error);
gboolean    xaso_id_number_validate      (const char  *number,
                                          XasoSex      sex,
                                          int          birth_year,
                                          GError     **error);

gboolean    xaso_id_old_number_validate  (const char  *number,
                                          GError     **error);

G_END_DECLS
