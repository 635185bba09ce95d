/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* What every printed page shares: text in points in a serif face with full
 * Vietnamese coverage, and the way official papers write dates. */
#define XASO_PRINT_MM (72.0 / 25.4)
#define XASO_PRINT_FONT "Noto Serif, Times New Roman, serif"

/* A PDF surface of @width × @height points written to @path, signed as
 * made by Xã Số; NULL with @error set when the file cannot be made. */
cairo_surface_t *xaso_print_pdf_new    (const char       *path,
                                        double            width,
                                        double            height,
                                        GError          **error);
/* Writes the file out; FALSE with @error set if it could not be. */
gboolean         xaso_print_pdf_finish (cairo_surface_t  *surface,
                                        const char       *path,
                                        GError          **error);

/* A layout for @cr in @font ("Bold 10" after XASO_PRINT_FONT), wrapping at
 * words. */
PangoLayout *xaso_print_layout_new  (cairo_t    *cr,
                                     const char *font);

/* "ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 with a
 * leading zero, other months not (Decree 30, Appendix I). */
char        *xaso_print_date_words  (GDateTime  *date);
/* "Xã Tân Lập, ngày 05 tháng 01 năm 2026", the date line under the
 * national motto. */
char        *xaso_print_date_line   (const char *place,
                                     GDateTime  *date);
/* "16 giờ 00 phút, ngày 09 tháng 12 năm 2026", as one-stop forms write
 * times. */
char        *xaso_print_time_words  (GDateTime  *time);

/* "Ủy ban nhân dân xã Tân Lập" for "UBND xã Tân Lập": prose and covers
 * spell the agency out. */
char        *xaso_print_agency_words (const char *agency);

/* "05/01/2026" for "2026-01-05", as registers write days. */
char        *xaso_print_day          (const char *iso);
/* The cover's lines for a period: "Năm 2026" when it is a whole year,
 * then "Từ ngày 01/01/2026 đến ngày 31/12/2026". */
void         xaso_print_period_lines (GStrvBuilder *lines,
                                      const char   *from,
                                      const char   *to);

G_END_DECLS
