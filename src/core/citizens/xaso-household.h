/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-person.h"
#include "xaso-record.h"

G_BEGIN_DECLS

/* Relations are recorded as written on residence papers, in Vietnamese. */
#define XASO_RELATION_HEAD "Chủ hộ"

/* A household ("hộ gia đình") and its place of residence. */
typedef enum
{
  XASO_HOUSEHOLD_CODE,             /* số hộ */
  XASO_HOUSEHOLD_HEAD_PERSON_ID,
  XASO_HOUSEHOLD_HAMLET,
  XASO_HOUSEHOLD_ADDRESS,
  XASO_HOUSEHOLD_RESIDENCE_KIND,   /* permanent, temporary */
  XASO_HOUSEHOLD_NOTES,
  XASO_HOUSEHOLD_N_FIELDS
} XasoHouseholdField;

#define XASO_TYPE_HOUSEHOLD (xaso_household_get_type ())
G_DECLARE_FINAL_TYPE (XasoHousehold, xaso_household, XASO, HOUSEHOLD, XasoRecord)

XasoHousehold *xaso_household_new           (void);
XasoHousehold *xaso_household_load          (XasoDatabase     *db,
                                             const char       *id,
                                             GError          **error);
const char    *xaso_household_get           (XasoHousehold    *self,
                                             XasoHouseholdField field);
void           xaso_household_set           (XasoHousehold    *self,
                                             XasoHouseholdField field,
                                             const char       *value);

/* Members in the order officials expect: the head first, then by birth. */
GListModel    *xaso_household_list_members  (XasoDatabase     *db,
                                             const char       *household_id,
                                             GError          **error);

/* Makes @person a member (or the head) of @household and saves both, in one
 * transaction with their ops. */
gboolean       xaso_household_add_member    (XasoDatabase     *db,
                                             XasoHousehold    *household,
                                             XasoPerson       *person,
                                             const char       *relation,
                                             gboolean          make_head,
                                             const char       *actor,
                                             GError          **error);

/* "Thường trú" or "Tạm trú", for a residence kind. */
const char    *xaso_household_residence_label (const char *kind);

/* The hamlets of the commune, for filters and forms. */
GStrv          xaso_household_list_hamlets  (XasoDatabase     *db,
                                             GError          **error);
char          *xaso_household_next_code     (XasoDatabase     *db,
                                             GError          **error);

G_END_DECLS
