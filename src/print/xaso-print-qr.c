/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <qrencode.h>

#include "xaso-print-qr.h"

/* The four modules of light margin the standard asks for: scanners find
 * the code by it. */
#define QUIET_ZONE 4

/* One rectangle per run of dark modules in a row: neighbouring squares
 * drawn one by one leave hairlines between them in some viewers. */
static void
draw_modules (cairo_t  *cr,
              QRcode   *code,
              double    x,
              double    y,
              double    module)
{
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width;)
      {
        int start = col;

        while (col < code->width && (code->data[row * code->width + col] & 1))
          col++;
        if (col > start)
          cairo_rectangle (cr, x + (start + QUIET_ZONE) * module, y + (row + QUIET_ZONE) * module,
                           (col - start) * module, module);
        else
          col++;
      }
  cairo_fill (cr);
}

gboolean
xaso_print_qr (cairo_t    *cr,
               const char *text,
               double      x,
               double      y,
               double      size)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (code == NULL)
    return FALSE;
  module = size / (code->width + 2 * QUIET_ZONE);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  draw_modules (cr, code, x, y, module);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}
