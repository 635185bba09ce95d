/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* Everything the commune holds about one resident, and every access to it
 * recorded in the audit chain ("báo cáo dữ liệu cá nhân"): what a data
 * subject may ask for under Law 91/2025 and Decree 356/2025.
 *
 * The report is a paper the People's Committee hands to a citizen, so its
 * words (titles, headings, labels, actions) are Vietnamese whatever
 * language the screen speaks, as printed forms and the audit log are. */
typedef enum
{
  XASO_PERSON_DATA_IDENTITY,       /* the person's record, field by field */
  XASO_PERSON_DATA_HOUSEHOLD,      /* their household and relation to its head */
  XASO_PERSON_DATA_CIVIL_EVENTS,   /* civil-status events of theirs or where they are the other party */
  XASO_PERSON_DATA_DOSSIERS,       /* one-stop dossiers they applied for */
  XASO_PERSON_DATA_OTHER,          /* other records naming them: account, files, applicant details */
  XASO_PERSON_DATA_ACCESSES,       /* the audit chain's events on all of the above */
  XASO_PERSON_DATA_N_SECTIONS
} XasoPersonDataSectionKind;

typedef struct
{
  XasoPersonDataSectionKind  kind;
  const char                *title;      /* "I. THÔNG TIN NHÂN KHẨU" */
  const char * const        *columns;    /* the headings, NULL-terminated */
  guint                      n_columns;
  GPtrArray                 *rows;       /* GStrv of n_columns cells ("" when empty) */
} XasoPersonDataSection;

typedef struct
{
  char                  *person_id;
  char                  *full_name;
  char                  *id_number;     /* NULL when the record has none */
  char                  *birth;         /* dd/mm/yyyy, or the year */
  char                  *made_at;       /* when the report was collected, ISO 8601 */
  XasoPersonDataSection  sections[XASO_PERSON_DATA_N_SECTIONS];
} XasoPersonDataReport;

/* Collects the report of @person (the record's id, or its 12-digit
 * personal id number) in one read transaction, so every section is of the
 * same moment. Refused unless @actor may report personal data
 * (XASO_RIGHT_REPORT_PERSONAL_DATA); an unknown person fails with
 * XASO_DATABASE_ERROR_NOT_FOUND. Collecting writes nothing: whoever writes
 * the report out logs it (xaso_person_data_print ()). */
XasoPersonDataReport *xaso_person_data_report_collect (XasoDatabase          *db,
                                                       XasoUser              *actor,
                                                       const char            *person,
                                                       GError               **error);
void                  xaso_person_data_report_free    (XasoPersonDataReport  *report);

/* "Xem", "In", "Xuất", "Sửa", "Tạo"… for an audit action's name. */
const char           *xaso_person_data_action_word    (const char            *action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPersonDataReport, xaso_person_data_report_free)

G_END_DECLS
