/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-record-view.h"

G_BEGIN_DECLS

#define XASO_TYPE_HOUSEHOLD_VIEW (xaso_household_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoHouseholdView, xaso_household_view, XASO, HOUSEHOLD_VIEW, XasoRecordView)

void        xaso_household_view_show             (XasoHouseholdView *self,
                                                  XasoContext       *ctx,
                                                  const char        *household_id);
const char *xaso_household_view_get_household_id (XasoHouseholdView *self);

G_END_DECLS
