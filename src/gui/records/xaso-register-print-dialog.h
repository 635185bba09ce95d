/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* Prints a register: of @direction's documents ("incoming", "outgoing"),
 * or the follow-up register of one-stop dossiers ("dossiers", Mẫu 07).
 * Asks which register and for what period, writes the PDF on the worker
 * (with its progress and a way to stop), and opens it in the document
 * window, which prints it. */
void xaso_register_print_dialog_start (GtkWindow   *parent,
                                       XasoContext *context,
                                       const char  *direction);

G_END_DECLS
