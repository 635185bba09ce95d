/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A register or list printed as a PDF on A4 landscape (Decree 30's
 * registers): a cover page, then a table whose column headings and their
 * numbers (1), (2)… repeat on every page, rows as tall as their wrapped
 * text, and the page number at the foot. Vietnamese text in a serif face
 * with full coverage, embedded in the file. */
typedef struct
{
  const char *heading;
  double      width;      /* share of the table's width */
  gboolean    centered;
} XasoPrintColumn;

typedef struct _XasoPrintTable XasoPrintTable;

XasoPrintTable *xaso_print_table_new    (const char            *path,
                                         GError               **error);
/* A table inside a page laid out by someone else, a form: it starts at
 * @top on @cr's current page and opens new pages of the same size when it
 * runs over, its headings repeated, without column or page numbers. Do not
 * finish it: the page stays the caller's, who goes on below
 * xaso_print_table_get_y (). */
XasoPrintTable *xaso_print_table_new_in_page (cairo_t          *cr,
                                              double            page_width,
                                              double            page_height,
                                              double            left,
                                              double            right,
                                              double            top);
double          xaso_print_table_get_y  (XasoPrintTable        *self);
/* The cover: the agency's name at the top, the register's title, then
 * lines such as the year, the period and the numbers it holds. */
void            xaso_print_table_cover  (XasoPrintTable        *self,
                                         const char            *agency,
                                         const char            *title,
                                         const char * const    *lines);
void            xaso_print_table_begin  (XasoPrintTable        *self,
                                         const XasoPrintColumn *columns,
                                         guint                  n_columns);
/* One row: as many cells as columns, NULL for an empty one. */
void            xaso_print_table_row    (XasoPrintTable        *self,
                                         const char * const    *cells);
guint           xaso_print_table_get_n_pages (XasoPrintTable  *self);
gboolean        xaso_print_table_finish (XasoPrintTable        *self,
                                         GError               **error);
void            xaso_print_table_free   (XasoPrintTable        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPrintTable, xaso_print_table_free)

G_END_DECLS
