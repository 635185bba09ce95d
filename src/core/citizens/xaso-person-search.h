/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-person.h"

G_BEGIN_DECLS

/* A person's status: LIVING are the residents (status "living"), not
 * those who moved away nor the deceased. */
typedef enum
{
  XASO_LIFE_ANY,
  XASO_LIFE_LIVING,
  XASO_LIFE_DECEASED,
  XASO_LIFE_MOVED_AWAY,
} XasoLifeFilter;

/* What the official asked for: text typed in the search box (folded,
 * prefix match over names, ID numbers and addresses) and the filters. */
typedef struct
{
  char           *text;
  char           *hamlet;      /* NULL for every hamlet */
  XasoSex         sex;         /* XASO_SEX_UNKNOWN for both */
  int             age_min;     /* -1 for no bound */
  int             age_max;
  int             age_year;    /* ages are reached in this year; 0 for this year */
  /* Persons an age pyramid cannot place: no year of birth, no sex, or
   * born after @age_year. */
  gboolean        age_unknown;
  XasoLifeFilter  life;
  /* Persons with a civil-status event of @event_kind ("birth", "death",
   * or "vital" for either) registered with a date in these days
   * (YYYY-MM-DD); NULL for any. */
  char           *event_kind;
  char           *event_from, *event_to;
} XasoPersonFilter;

XasoPersonFilter *xaso_person_filter_new   (void);
XasoPersonFilter *xaso_person_filter_copy  (const XasoPersonFilter *filter);
void              xaso_person_filter_free  (XasoPersonFilter       *filter);
XasoPersonFilter *xaso_person_filter_parse (const char             *query,
                                            GError                **error);

/* Row ids of the matching persons in the Vietnamese order (given name,
 * then the whole name); @limit 0 returns every match. */
GArray           *xaso_person_search_rowids (XasoDatabase           *db,
                                             const XasoPersonFilter *filter,
                                             guint                   limit,
                                             GCancellable           *cancellable,
                                             GError                **error);

/* The first @limit matches of a plain text search, as persons. */
GPtrArray        *xaso_person_search        (XasoDatabase           *db,
                                             const char             *text,
                                             guint                   limit,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPersonFilter, xaso_person_filter_free)

G_END_DECLS
