/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-database.h"

G_BEGIN_DECLS

/* Sizes of a demo commune. `reference` is the commune of the performance
 * budgets (DESIGN.md §7); `million` stretches persons to 1,000,000 for the
 * search budget at scale. */
typedef enum
{
  XASO_DEMO_SMALL,
  XASO_DEMO_REFERENCE,
  XASO_DEMO_MILLION,
} XasoDemoScale;

typedef void (*XasoDemoProgress) (double      fraction,
                                  const char *stage,
                                  gpointer    user_data);

gboolean xaso_demo_scale_from_string (const char        *text,
                                      XasoDemoScale     *scale);

/* Sets up the demo commune in an empty database and fills it. The same
 * seed gives the same records. Cancelling leaves no records but the
 * commune itself; callers remove the file. */
gboolean xaso_demo_generate          (XasoDatabase      *db,
                                      XasoDemoScale      scale,
                                      guint64            seed,
                                      XasoDemoProgress   progress,
                                      gpointer           user_data,
                                      GCancellable      *cancellable,
                                      GError           **error);

G_END_DECLS
