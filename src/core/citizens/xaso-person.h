/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-chip-qr.h"
#include "xaso-id-number.h"
#include "xaso-record.h"

G_BEGIN_DECLS

#define XASO_PERSON_ERROR (xaso_person_error_quark ())

typedef enum
{
  XASO_PERSON_ERROR_INVALID,
  XASO_PERSON_ERROR_DUPLICATE_ID,
  XASO_PERSON_ERROR_NAMESAKE,
} XasoPersonError;

/* The fields of a person ("nhân khẩu"), in column order. */
typedef enum
{
  XASO_PERSON_FULL_NAME,
  XASO_PERSON_BIRTH_DATE,        /* YYYY-MM-DD, or YYYY when only the year is known */
  XASO_PERSON_SEX,               /* male, female, unknown */
  XASO_PERSON_ID_NUMBER,
  XASO_PERSON_OLD_ID_NUMBER,
  XASO_PERSON_ID_ISSUED_DATE,
  XASO_PERSON_ETHNICITY,
  XASO_PERSON_RELIGION,
  XASO_PERSON_NATIONALITY,
  XASO_PERSON_HOMETOWN,
  XASO_PERSON_OCCUPATION,
  XASO_PERSON_PHONE,
  XASO_PERSON_HOUSEHOLD_ID,
  XASO_PERSON_RELATION_TO_HEAD,
  XASO_PERSON_HAMLET,
  XASO_PERSON_PERMANENT_ADDRESS,
  XASO_PERSON_CURRENT_ADDRESS,
  XASO_PERSON_STATUS,            /* living, deceased, moved_away */
  XASO_PERSON_DEATH_DATE,
  XASO_PERSON_NOTES,
  XASO_PERSON_SOURCE,
  XASO_PERSON_SOURCE_AT,
  XASO_PERSON_N_FIELDS
} XasoPersonField;

#define XASO_TYPE_PERSON (xaso_person_get_type ())
G_DECLARE_FINAL_TYPE (XasoPerson, xaso_person, XASO, PERSON, XasoRecord)

GQuark      xaso_person_error_quark     (void);

XasoPerson *xaso_person_new             (void);
XasoPerson *xaso_person_load            (XasoDatabase  *db,
                                         const char    *id,
                                         GError       **error);
const char *xaso_person_get             (XasoPerson    *self,
                                         XasoPersonField field);
void        xaso_person_set             (XasoPerson    *self,
                                         XasoPersonField field,
                                         const char    *value);
XasoSex     xaso_person_get_sex         (XasoPerson    *self);
int         xaso_person_get_birth_year  (XasoPerson    *self);
/* dd/MM/yyyy, or the year alone. */
char       *xaso_person_format_birth    (XasoPerson    *self);
const char *xaso_person_get_sex_label   (XasoPerson    *self);
const char *xaso_person_get_status_label (XasoPerson   *self);
/* Sets living, deceased or moved_away; a date of death belongs to the
 * deceased only, and goes with any other status. */
void        xaso_person_set_status      (XasoPerson    *self,
                                         const char    *status);

/* Fills the fields a chip card's QR code holds. */
void        xaso_person_fill_from_qr    (XasoPerson    *self,
                                         const XasoChipQr *qr);

/* Checks a birth/death date as typed: dd/mm/yyyy, yyyy-mm-dd or a year.
 * Returns the stored form (ISO date or year) or NULL with an error. */
char       *xaso_parse_user_date        (const char    *text,
                                         GError       **error);

/* Other persons of the commune who may be @self recorded a second time:
 * the same name (letters and tones; case, spacing and the Unicode form do
 * not count) and a birth date that may be the same (equal, the same year
 * when one gives the year only, or unknown on either side). */
GPtrArray  *xaso_person_find_namesakes  (XasoPerson    *self,
                                         XasoDatabase  *db,
                                         GError       **error);

/* Fails with XASO_PERSON_ERROR_NAMESAKE, naming the other record, when
 * xaso_person_find_namesakes() finds one: asked before a new person is
 * saved, so that the official decides whether it is a second record of the
 * same person. */
gboolean    xaso_person_check_namesakes (XasoPerson    *self,
                                         XasoDatabase  *db,
                                         GError       **error);

/* The key of the Vietnamese order of persons (by given name, then the whole
 * name), kept in person.sort_key: see xaso_collate_name_key(). */
char       *xaso_person_make_sort_key   (const char    *full_name);

G_END_DECLS
