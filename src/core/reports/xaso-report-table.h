/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A report as a table, whatever it is written to (CSV, XLSX, PDF): a
 * title, lines under it (the period, the unit, "as of"), columns, rows of
 * cells and a totals row. Counts in the totals row are the sums of their
 * column; a rate is never summed or averaged but divided again from the
 * totals of the columns it is made of, so that the writers (an XLSX
 * formula among them) and the reader agree. */
typedef enum
{
  XASO_REPORT_CELL_TEXT,
  XASO_REPORT_CELL_COUNT,
  XASO_REPORT_CELL_PERCENT,   /* 0–100, or negative when there is nothing to divide */
} XasoReportCellKind;

typedef struct
{
  char               *heading;
  XasoReportCellKind  kind;
  /* A rate column: the count columns added up above the line (the second
   * -1 when there is one), and the count column below it. */
  int                 parts[2];
  int                 whole;
} XasoReportColumn;

typedef struct
{
  XasoReportCellKind  kind;
  char               *text;    /* a text cell */
  double              value;   /* a count or a percent */
} XasoReportCell;

typedef struct
{
  char           *title;
  char           *sheet_name;   /* a spreadsheet's tab: at most 31 characters, none of []:*?/\ */
  GPtrArray      *lines;        /* char *, under the title */
  GArray         *columns;      /* XasoReportColumn */
  GPtrArray      *rows;         /* XasoReportCell[columns->len] */
  XasoReportCell *totals;       /* NULL when the report has no totals row */
  gboolean        personal;     /* it lists persons: exporting it is audited */
} XasoReportTable;

XasoReportTable *xaso_report_table_new        (const char       *title,
                                               const char       *sheet_name);
void             xaso_report_table_free       (XasoReportTable  *self);
void             xaso_report_table_add_line   (XasoReportTable  *self,
                                               const char       *line);
/* Returns the new column's index. */
guint            xaso_report_table_add_column (XasoReportTable  *self,
                                               const char       *heading,
                                               XasoReportCellKind kind);
/* A rate column: (@part + @other_part) ÷ @whole, @other_part -1 when
 * there is only one part. Its cells are filled by
 * xaso_report_table_add_totals (), for every row. */
guint            xaso_report_table_add_rate   (XasoReportTable  *self,
                                               const char       *heading,
                                               int               part,
                                               int               other_part,
                                               int               whole);
/* A new row of empty cells of the columns' kinds, to fill with the
 * setters below. */
XasoReportCell  *xaso_report_table_add_row    (XasoReportTable  *self);
void             xaso_report_cell_set_text    (XasoReportCell   *cell,
                                               const char       *text);
void             xaso_report_cell_set_count   (XasoReportCell   *cell,
                                               guint64           count);
void             xaso_report_cell_set_percent (XasoReportCell   *cell,
                                               double            percent);
/* Fills the rate cells of every row, and when @label is not NULL adds the
 * totals row, @label in the first column. Call it once, after the rows. */
void             xaso_report_table_add_totals (XasoReportTable  *self,
                                               const char       *label);
guint            xaso_report_table_get_n_columns (const XasoReportTable *self);
const XasoReportColumn *xaso_report_table_get_column (const XasoReportTable *self,
                                                      guint                  column);
/* A cell as text: counts in digits, rates with one decimal ("66.7", ""
 * when there is nothing to divide), as the CSV and the PDF write them. */
char            *xaso_report_cell_format      (const XasoReportCell *cell);

/* The writers. CSV: UTF-8 with a BOM (so spreadsheet programs read it as
 * UTF-8), quoted as RFC 4180 says, CRLF line ends, a header row, the rows
 * and the totals row. TSV: the same rows tab-separated with LF, no BOM,
 * tabs and line breaks in text turned to spaces. Neither writes the title:
 * the first line is the header, for tools. */
char            *xaso_report_table_to_csv     (const XasoReportTable *self);
char            *xaso_report_table_to_tsv     (const XasoReportTable *self);
/* A workbook of one sheet at @path: the title and its lines, a bold header
 * row frozen above the rows, numbers as numbers, rates in a percent
 * format, the totals row as formulas (SUM for counts, the rate again from
 * the totals for rates), the columns as wide as their text. */
gboolean         xaso_report_table_write_xlsx (const XasoReportTable *self,
                                               const char            *path,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoReportTable, xaso_report_table_free)

G_END_DECLS
