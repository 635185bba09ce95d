/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

gboolean _xaso_database_migrate (XasoDatabase  *self,
                                 GError       **error);

G_END_DECLS
