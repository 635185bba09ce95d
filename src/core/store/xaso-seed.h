/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* What a newly set-up commune starts with: the year calendars around today
 * and the procedure catalogue shipped with the program. */
gboolean xaso_seed_catalogue  (XasoDatabase  *db,
                               GError       **error);
gboolean xaso_seed_calendar   (XasoDatabase  *db,
                               int            first_year,
                               int            last_year,
                               GError       **error);
gboolean xaso_seed_procedures (XasoDatabase  *db,
                               GError       **error);

G_END_DECLS
