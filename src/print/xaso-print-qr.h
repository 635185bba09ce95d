/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws @text as a QR code whose square, quiet zone included, is @size
 * points wide with its top left corner at @x, @y. Modules are filled
 * rectangles, so the code stays sharp at any zoom and on any printer.
 * FALSE when the text cannot be encoded. */
gboolean xaso_print_qr (cairo_t    *cr,
                        const char *text,
                        double      x,
                        double      y,
                        double      size);

G_END_DECLS
