/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-print-table.h"

G_BEGIN_DECLS

/* A form on A4 portrait (or landscape), written from the top down: the header block of
 * Decree 30 (the agency on the left, the national name and motto on the
 * right, the date line under them), a title, paragraphs, tables and the
 * signature places. Text is Pango markup: escape what users typed with
 * g_markup_printf_escaped (). A paragraph that does not fit goes on a new
 * page. */
typedef struct _XasoPrintForm XasoPrintForm;

typedef enum
{
  XASO_PRINT_LEFT,
  XASO_PRINT_CENTER,
  XASO_PRINT_JUSTIFY,
} XasoPrintAlign;

XasoPrintForm  *xaso_print_form_new        (const char      *path,
                                            GError         **error);
/* The same on A4 landscape, for a report whose table is wide. */
XasoPrintForm  *xaso_print_form_new_landscape (const char   *path,
                                               GError      **error);
/* "ỦY BAN NHÂN DÂN / XÃ TÂN LẬP" for @commune_name "Xã Tân Lập", @number
 * ("Số: …") under it when not NULL, and @date_line under the motto. */
void            xaso_print_form_header     (XasoPrintForm   *self,
                                            const char      *commune_name,
                                            const char      *number,
                                            const char      *date_line);
/* Keeps @width points at the right free for @height points from here on,
 * for a QR code; returns the left edge of that room. */
double          xaso_print_form_reserve_right (XasoPrintForm *self,
                                               double         width,
                                               double         height);
/* @markup in a box @width wide at @x, @y, outside the flow of
 * paragraphs (a caption in the reserved room); returns its height. */
double          xaso_print_form_show_at    (XasoPrintForm   *self,
                                            const char      *font,
                                            XasoPrintAlign   align,
                                            const char      *markup,
                                            double           x,
                                            double           y,
                                            double           width);
cairo_t        *xaso_print_form_get_cairo  (XasoPrintForm   *self);
double          xaso_print_form_get_y      (XasoPrintForm   *self);
void            xaso_print_form_space      (XasoPrintForm   *self,
                                            double           points);
/* @font after the face: "12", "Bold 14", "Italic 12". */
void            xaso_print_form_paragraph  (XasoPrintForm   *self,
                                            const char      *font,
                                            XasoPrintAlign   align,
                                            const char      *markup);
/* The signature places side by side: a bold title, "(Ký và ghi rõ họ
 * tên)", room to sign, then the name. A NULL @left_title leaves the left
 * empty. */
void            xaso_print_form_signatures (XasoPrintForm   *self,
                                            const char      *left_title,
                                            const char      *left_name,
                                            const char      *right_title,
                                            const char      *right_name);
/* A table from here down; end it with xaso_print_form_end_table (). */
XasoPrintTable *xaso_print_form_table      (XasoPrintForm   *self);
void            xaso_print_form_end_table  (XasoPrintForm   *self,
                                            XasoPrintTable  *table);
gboolean        xaso_print_form_finish     (XasoPrintForm   *self,
                                            GError         **error);
void            xaso_print_form_free       (XasoPrintForm   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPrintForm, xaso_print_form_free)

G_END_DECLS
