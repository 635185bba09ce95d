/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-person-data-report.h"

G_BEGIN_DECLS

/* What the person's record was read into, for the sections that follow
 * it: the records naming them are found from these. */
typedef struct
{
  const char *person_id;
  const char *id_number;      /* dossiers name applicants by it too */
  const char *household_id;
  const char *created_at;     /* exports of every resident since then held them */
} XasoPersonDataKeys;

/* Adds a row of the section's width; NULL cells become "". */
void        _xaso_person_data_add_row     (XasoPersonDataSection       *section,
                                           const char * const          *cells);
/* "05/01/2026" for an ISO date (the year alone as it is); "05/01/2026
 * 09:30" for an ISO time. */
char       *_xaso_person_data_day         (const char                  *iso);
char       *_xaso_person_data_time        (const char                  *iso);
/* The Vietnamese label of a column of the person's record, or NULL. */
const char *_xaso_person_data_field_label (const char                  *column);

gboolean    _xaso_person_data_civil_events (XasoDatabase              *db,
                                            const XasoPersonDataKeys  *keys,
                                            XasoPersonDataSection     *section,
                                            GError                   **error);
gboolean    _xaso_person_data_dossiers     (XasoDatabase              *db,
                                            const XasoPersonDataKeys  *keys,
                                            XasoPersonDataSection     *section,
                                            GError                   **error);
gboolean    _xaso_person_data_other        (XasoDatabase              *db,
                                            const XasoPersonDataKeys  *keys,
                                            XasoPersonDataSection     *section,
                                            GError                   **error);
gboolean    _xaso_person_data_accesses     (XasoDatabase              *db,
                                            const XasoPersonDataKeys  *keys,
                                            XasoPersonDataSection     *section,
                                            GError                   **error);

G_END_DECLS
