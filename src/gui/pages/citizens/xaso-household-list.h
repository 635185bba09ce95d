/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-household-search.h"

G_BEGIN_DECLS

/* The commune's households in the order of the household register, lazy
 * and searched on the worker, with their count: the Công dân page's
 * second list. Emits "open-household" with the id of the one chosen, and
 * TRUE when it was activated (Enter, double click) rather than selected. */
#define XASO_TYPE_HOUSEHOLD_LIST (xaso_household_list_get_type ())
G_DECLARE_FINAL_TYPE (XasoHouseholdList, xaso_household_list, XASO, HOUSEHOLD_LIST, GtkBox)

void xaso_household_list_set_context (XasoHouseholdList   *self,
                                      XasoContext         *context);
/* Shows the households matching @filter, which it takes. */
void xaso_household_list_search      (XasoHouseholdList   *self,
                                      XasoHouseholdFilter *filter);
guint xaso_household_list_get_count  (XasoHouseholdList   *self);

G_END_DECLS
