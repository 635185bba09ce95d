/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <xlsxwriter.h>

#include "xaso-report-table.h"

/* A report as a workbook of one sheet, for officials who go on with it in
 * a spreadsheet program: figures stay numbers they can add up, and the
 * totals row stays right when they correct a figure, being formulas. */

#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define HEADING_WIDTH 14   /* longer headings wrap rather than widen their column */

typedef struct
{
  lxw_workbook  *book;
  lxw_worksheet *sheet;
  lxw_format    *title, *heading, *percent, *bold, *bold_percent;
  lxw_row_t      header;   /* the header row's index */
} Sheet;

static void
add_formats (Sheet *s)
{
  s->title = workbook_add_format (s->book);
  format_set_bold (s->title);
  format_set_font_size (s->title, 14);
  s->heading = workbook_add_format (s->book);
  format_set_bold (s->heading);
  format_set_text_wrap (s->heading);
  format_set_align (s->heading, LXW_ALIGN_CENTER);
  format_set_align (s->heading, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (s->heading, LXW_BORDER_THIN);
  s->percent = workbook_add_format (s->book);
  format_set_num_format (s->percent, "0.0%");
  s->bold = workbook_add_format (s->book);
  format_set_bold (s->bold);
  s->bold_percent = workbook_add_format (s->book);
  format_set_bold (s->bold_percent);
  format_set_num_format (s->bold_percent, "0.0%");
}

static void
write_cell (Sheet                *s,
            lxw_row_t             row,
            lxw_col_t             col,
            const XasoReportCell *cell,
            gboolean              bold)
{
  switch (cell->kind)
    {
    case XASO_REPORT_CELL_COUNT:
      worksheet_write_number (s->sheet, row, col, cell->value, bold ? s->bold : NULL);
      break;
    case XASO_REPORT_CELL_PERCENT:
      if (cell->value >= 0)
        worksheet_write_number (s->sheet, row, col, cell->value / 100, bold ? s->bold_percent : s->percent);
      break;
    case XASO_REPORT_CELL_TEXT:
    default:
      if (cell->text != NULL && *cell->text != '\0')
        worksheet_write_string (s->sheet, row, col, cell->text, bold ? s->bold : NULL);
      break;
    }
}

static char *
cell_name (lxw_row_t row,
           int       col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, (lxw_col_t)col);
  return g_strdup (name);
}

/* =SUM(B7:B12) for a count; for a rate its parts over its whole again,
 * blank when the whole is 0, as the rows show it. */
static void
write_total (Sheet                  *s,
             const XasoReportTable  *t,
             lxw_row_t               row,
             lxw_col_t               col)
{
  const XasoReportColumn *c = xaso_report_table_get_column (t, col);
  const XasoReportCell *cell = &t->totals[col];
  g_autofree char *first = cell_name (s->header + 1, col), *last = cell_name (row - 1, col);
  g_autofree char *formula = NULL;

  if (cell->kind == XASO_REPORT_CELL_COUNT && t->rows->len > 0)
    formula = g_strdup_printf ("=SUM(%s:%s)", first, last);
  else if (cell->kind == XASO_REPORT_CELL_PERCENT && c->whole >= 0)
    {
      g_autofree char *part = cell_name (row, c->parts[0]), *whole = cell_name (row, c->whole);
      g_autofree char *other = c->parts[1] >= 0 ? cell_name (row, c->parts[1]) : NULL;
      g_autofree char *parts = other != NULL ? g_strdup_printf ("(%s+%s)", part, other) : g_strdup (part);

      formula = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", whole, parts, whole);
    }
  if (formula == NULL)
    write_cell (s, row, col, cell, TRUE);
  else if (cell->kind == XASO_REPORT_CELL_PERCENT && cell->value < 0)
    worksheet_write_formula_str (s->sheet, row, col, formula, s->bold_percent, "");
  else
    worksheet_write_formula_num (s->sheet, row, col, formula,
                                 cell->kind == XASO_REPORT_CELL_PERCENT ? s->bold_percent : s->bold,
                                 cell->kind == XASO_REPORT_CELL_PERCENT ? cell->value / 100 : cell->value);
}

/* How many characters wide a column must be for its cells. */
static double
column_width (const XasoReportTable *t,
              guint                  col)
{
  glong width = MIN (g_utf8_strlen (xaso_report_table_get_column (t, col)->heading, -1), HEADING_WIDTH);

  for (guint r = 0; r <= t->rows->len; r++)
    {
      const XasoReportCell *cells = r < t->rows->len ? g_ptr_array_index (t->rows, r) : t->totals;
      g_autofree char *text = cells != NULL ? xaso_report_cell_format (&cells[col]) : NULL;

      if (text != NULL)
        width = MAX (width, g_utf8_strlen (text, -1) + (cells[col].kind == XASO_REPORT_CELL_PERCENT ? 1 : 0));
    }
  return CLAMP (width + 2, MIN_WIDTH, MAX_WIDTH);
}

static void
write_sheet (Sheet                 *s,
             const XasoReportTable *t)
{
  guint n = xaso_report_table_get_n_columns (t);
  lxw_row_t row = 0;

  worksheet_write_string (s->sheet, row++, 0, t->title, s->title);
  for (guint i = 0; i < t->lines->len; i++)
    worksheet_write_string (s->sheet, row++, 0, g_ptr_array_index (t->lines, i), NULL);
  s->header = ++row;
  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (s->sheet, s->header, (lxw_col_t)c, xaso_report_table_get_column (t, c)->heading,
                              s->heading);
      worksheet_set_column (s->sheet, (lxw_col_t)c, (lxw_col_t)c, column_width (t, c), NULL);
    }
  worksheet_freeze_panes (s->sheet, s->header + 1, 0);
  for (guint r = 0; r < t->rows->len; r++)
    for (guint c = 0; c < n; c++)
      write_cell (s, s->header + 1 + r, (lxw_col_t)c, &((XasoReportCell *)g_ptr_array_index (t->rows, r))[c],
                  FALSE);
  if (t->totals == NULL)
    return;
  row = s->header + 1 + t->rows->len;
  for (guint c = 0; c < n; c++)
    write_total (s, t, row, (lxw_col_t)c);
}

static gboolean
write_xlsx (const XasoReportTable  *self,
            const char             *path,
            GError                **error)
{
  Sheet s = { workbook_new (path) };
  lxw_error rc;

  if (s.book == NULL || (s.sheet = workbook_add_worksheet (s.book, self->sheet_name)) == NULL)
    {
      if (s.book != NULL)
        workbook_close (s.book);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the spreadsheet “%s”."), path);
      return FALSE;
    }
  add_formats (&s);
  write_sheet (&s, self);
  if ((rc = workbook_close (s.book)) != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

/* libxlsxwriter prints numbers with the C library, in the locale's way:
 * under vi_VN 0.35 would be written "0,35", which no spreadsheet reads.
 * The file is written under the C locale's numbers, on this thread only. */
gboolean
xaso_report_table_write_xlsx (const XasoReportTable  *self,
                              const char             *path,
                              GError                **error)
{
  locale_t c_numbers = newlocale (LC_NUMERIC_MASK, "C", duplocale (uselocale ((locale_t)0)));
  locale_t previous = uselocale (c_numbers);
  gboolean written = write_xlsx (self, path, error);

  uselocale (previous);
  freelocale (c_numbers);
  return written;
}
