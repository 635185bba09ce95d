/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-household.h"

G_BEGIN_DECLS

/* The households an official looks for: by the household's number, the
 * head's name or the address, typed without diacritics or with them, and
 * by hamlet. */
typedef struct
{
  char *text;
  char *hamlet;   /* NULL for every hamlet */
} XasoHouseholdFilter;

XasoHouseholdFilter *xaso_household_filter_new   (void);
void                 xaso_household_filter_free  (XasoHouseholdFilter  *filter);
/* The filter of a link to the households' list ("list=households&
 * hamlet=…"), values escaped as in a URI. */
XasoHouseholdFilter *xaso_household_filter_parse (const char           *query,
                                                  GError              **error);

/* Row ids of the matching households in the order of the household
 * register (their numbers); @limit 0 returns every match. */
GArray              *xaso_household_search_rowids (XasoDatabase              *db,
                                                   const XasoHouseholdFilter *filter,
                                                   guint                      limit,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoHouseholdFilter, xaso_household_filter_free)

G_END_DECLS
