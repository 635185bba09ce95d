/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* Importing residents from a CSV file, as an official does it: choose the
 * file, watch it import (and cancel it), then read what was imported and
 * what was converted from an old encoding, or why nothing was. All or
 * nothing, on the worker thread. */
void xaso_person_import_start (GtkWindow   *parent,
                               XasoContext *context);

G_END_DECLS
