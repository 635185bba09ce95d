/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-record.h"

G_BEGIN_DECLS

/* A civil-status event ("sự kiện hộ tịch") as entered from the official
 * civil-status system: we record and search them, we do not issue them. */
typedef enum
{
  XASO_CIVIL_EVENT_PERSON_ID,
  XASO_CIVIL_EVENT_KIND,            /* birth, marriage, death, guardianship, … */
  XASO_CIVIL_EVENT_EVENT_DATE,
  XASO_CIVIL_EVENT_REGISTRATION_NUMBER,
  XASO_CIVIL_EVENT_BOOK_NUMBER,
  XASO_CIVIL_EVENT_PLACE,
  XASO_CIVIL_EVENT_OTHER_PERSON_ID,
  XASO_CIVIL_EVENT_OTHER_PARTY_NAME,
  XASO_CIVIL_EVENT_REGISTRAR_USER_ID,
  XASO_CIVIL_EVENT_NOTES,
  XASO_CIVIL_EVENT_N_FIELDS
} XasoCivilEventField;

#define XASO_TYPE_CIVIL_EVENT (xaso_civil_event_get_type ())
G_DECLARE_FINAL_TYPE (XasoCivilEvent, xaso_civil_event, XASO, CIVIL_EVENT, XasoRecord)

extern const char * const xaso_civil_event_kinds[];

XasoCivilEvent *xaso_civil_event_new         (void);
const char     *xaso_civil_event_get         (XasoCivilEvent      *self,
                                              XasoCivilEventField  field);
void            xaso_civil_event_set         (XasoCivilEvent      *self,
                                              XasoCivilEventField  field,
                                              const char          *value);
const char     *xaso_civil_event_kind_label  (const char          *kind);

/* Saves the event recorded by @official_person_id (the official's own
 * person record, or NULL if unknown). An official may not record an event
 * of their own or of a member of their household. */
gboolean        xaso_civil_event_record      (XasoCivilEvent      *self,
                                              XasoDatabase        *db,
                                              const char          *official_person_id,
                                              const char          *actor,
                                              GError             **error);

GListModel     *xaso_civil_event_list_for_person (XasoDatabase    *db,
                                                  const char      *person_id,
                                                  GError         **error);

G_END_DECLS
