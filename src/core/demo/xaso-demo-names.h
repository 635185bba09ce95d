/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "xaso-demo-random.h"

G_BEGIN_DECLS

/* Tables and pickers for realistic demo residents and places.
 *
 * Every string is static, precomposed (NFC) UTF-8, unless a function says it
 * returns a newly allocated one. Pickers draw from an XasoDemoRandom only,
 * so the same seed gives the same data everywhere. The numbers are
 * plausible shares for demonstration, not statistics to quote.
 *
 * Names follow the Kinh pattern "surname + middle name(s) + given name",
 * which Tày, Thái, Nùng, Mường, Dao and Mông names also use; the regional
 * surname tables carry their typical surnames. The naming customs of the
 * Central Highlands peoples (Ê Đê, Gia Rai, Ba Na…) are not modelled.
 */

typedef enum
{
  XASO_DEMO_REGION_NATIONAL,   /* the national mix */
  XASO_DEMO_REGION_NORTH,      /* Red River delta and north-central coast: thôn, xóm */
  XASO_DEMO_REGION_CENTRAL,    /* central coast: thôn */
  XASO_DEMO_REGION_SOUTH,      /* south-east and Mekong delta: ấp */
  XASO_DEMO_REGION_UPLANDS,    /* northern midlands and mountains: bản, thôn */
  XASO_DEMO_REGION_HIGHLANDS,  /* Central Highlands: thôn, buôn, plei, làng */
  XASO_DEMO_N_REGIONS
} XasoDemoRegion;

/* Relation to the head of household, as recorded in the residence data. */
typedef enum
{
  XASO_DEMO_RELATION_HEAD,              /* Chủ hộ */
  XASO_DEMO_RELATION_WIFE,              /* Vợ */
  XASO_DEMO_RELATION_HUSBAND,           /* Chồng */
  XASO_DEMO_RELATION_CHILD,             /* Con */
  XASO_DEMO_RELATION_DAUGHTER_IN_LAW,   /* Con dâu */
  XASO_DEMO_RELATION_SON_IN_LAW,        /* Con rể */
  XASO_DEMO_RELATION_GRANDCHILD,        /* Cháu */
  XASO_DEMO_RELATION_GREAT_GRANDCHILD,  /* Chắt */
  XASO_DEMO_RELATION_FATHER,            /* Bố; Cha in the south */
  XASO_DEMO_RELATION_MOTHER,            /* Mẹ */
  XASO_DEMO_RELATION_WIFE_FATHER,       /* Bố vợ */
  XASO_DEMO_RELATION_WIFE_MOTHER,       /* Mẹ vợ */
  XASO_DEMO_RELATION_HUSBAND_FATHER,    /* Bố chồng */
  XASO_DEMO_RELATION_HUSBAND_MOTHER,    /* Mẹ chồng */
  XASO_DEMO_RELATION_GRANDFATHER,       /* Ông */
  XASO_DEMO_RELATION_GRANDMOTHER,       /* Bà */
  XASO_DEMO_RELATION_OLDER_BROTHER,     /* Anh */
  XASO_DEMO_RELATION_OLDER_SISTER,      /* Chị */
  XASO_DEMO_RELATION_YOUNGER_SIBLING,   /* Em */
  XASO_DEMO_N_RELATIONS
} XasoDemoRelation;

/* A commune to build the demo around. The 5-digit codes marked
 * code_confirmed come from a public copy of the list in force since
 * 1 July 2025; the others, and every agency electronic id, are invented
 * in the right shape and must never be taken for real codes. */
typedef struct
{
  const char     *code;            /* 5-digit statistical code */
  const char     *name;            /* "Xã Tân Lập" */
  const char     *short_name;      /* "Tân Lập", the place name of the date line */
  const char     *agency_name;     /* "UBND xã Tân Lập" */
  const char     *agency_eid;      /* electronic id, e.g. "000.00.31.H53" */
  const char     *province_code;   /* 2 digits, one of the 34 provinces */
  const char     *province_name;   /* "Tây Ninh" */
  const char     *province_full;   /* "Tỉnh Tây Ninh", "Thành phố Huế" */
  XasoDemoRegion  region;
  gboolean        is_ward;         /* phường: tổ dân phố or khu phố, no farmland */
  gboolean        code_confirmed;
} XasoDemoCommune;

/* People */
const char *xaso_demo_surname            (XasoDemoRandom  *r,
                                          XasoDemoRegion   region);
gboolean    xaso_demo_surname_is_known   (const char      *surname);
char       *xaso_demo_middle_name        (XasoDemoRandom  *r,
                                          gboolean         female,
                                          int              birth_year);
const char *xaso_demo_given_name         (XasoDemoRandom  *r,
                                          gboolean         female,
                                          int              birth_year);
char       *xaso_demo_person_name        (XasoDemoRandom  *r,
                                          gboolean         female,
                                          int              birth_year,
                                          const char      *family_surname);
const char *xaso_demo_ethnicity          (XasoDemoRandom  *r,
                                          XasoDemoRegion   region);
const char *xaso_demo_religion           (XasoDemoRandom  *r,
                                          XasoDemoRegion   region);
const char *xaso_demo_occupation         (XasoDemoRandom  *r,
                                          int              age,
                                          gboolean         urban);
const char *xaso_demo_relation_name      (XasoDemoRelation relation,
                                          XasoDemoRegion   region);

/* Places */
const XasoDemoCommune *xaso_demo_communes        (guint                 *n_communes);
const XasoDemoCommune *xaso_demo_commune_default (void);
const XasoDemoCommune *xaso_demo_commune_lookup  (const char            *code);
char                 **xaso_demo_hamlets         (XasoDemoRandom        *r,
                                                  XasoDemoRegion         region,
                                                  gboolean               ward,
                                                  guint                  n_hamlets);
const char            *xaso_demo_hamlets_collective (const XasoDemoCommune *commune);
const char            *xaso_demo_street_name     (XasoDemoRandom        *r);
char                  *xaso_demo_street_address  (XasoDemoRandom        *r,
                                                  XasoDemoRegion         region);

G_END_DECLS
