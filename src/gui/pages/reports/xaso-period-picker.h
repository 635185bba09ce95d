/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XASO_TYPE_PERIOD_PICKER (xaso_period_picker_get_type ())
G_DECLARE_FINAL_TYPE (XasoPeriodPicker, xaso_period_picker, XASO, PERIOD_PICKER, GtkBox)

/* The one control that chooses a report's period: this month, a month, a
 * quarter, 6 months, 9 months, a year, or two dates typed dd/mm/yyyy.
 * "changed" is emitted when the period is another valid one. */
GtkWidget *xaso_period_picker_new        (void);
/* The period's first and last day (YYYY-MM-DD); FALSE while the two
 * dates typed are not a period. */
gboolean   xaso_period_picker_get_bounds (XasoPeriodPicker  *self,
                                          char             **from,
                                          char             **to);

G_END_DECLS
