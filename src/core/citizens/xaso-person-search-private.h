/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-person-search.h"

G_BEGIN_DECLS

/* Tests lower the bounds that choose between gathering, walking and
 * falling back to gathering, so that a small commune takes every path.
 * Not for use while a search runs. */
void _xaso_person_search_set_bounds (guint broad_match,
                                     guint walk_rows);

G_END_DECLS
