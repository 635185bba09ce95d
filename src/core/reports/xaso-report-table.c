/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <string.h>

#include "xaso-kpi.h"
#include "xaso-report-table.h"

#define SHEET_NAME_MAX 31

/* Spreadsheet programs refuse a sheet named with []:*?/\ or longer than
 * 31 characters: a translation must not make the file unreadable. */
static char *
sheet_name (const char *name)
{
  g_autofree char *cut = NULL;
  char *clean;

  if (g_utf8_strlen (name, -1) > SHEET_NAME_MAX)
    name = cut = g_utf8_substring (name, 0, SHEET_NAME_MAX);
  clean = g_strdup (name);
  g_strdelimit (clean, "[]:*?/\\", ' ');
  return clean;
}

XasoReportTable *
xaso_report_table_new (const char *title,
                       const char *name)
{
  XasoReportTable *self = g_new0 (XasoReportTable, 1);

  self->title = g_strdup (title);
  self->sheet_name = sheet_name (name);
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (XasoReportColumn));
  self->rows = g_ptr_array_new ();
  return self;
}

static void
cells_free (XasoReportCell *cells,
            guint           n)
{
  if (cells == NULL)
    return;
  for (guint i = 0; i < n; i++)
    g_free (cells[i].text);
  g_free (cells);
}

void
xaso_report_table_free (XasoReportTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    cells_free (g_ptr_array_index (self->rows, i), self->columns->len);
  cells_free (self->totals, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    g_free (g_array_index (self->columns, XasoReportColumn, i).heading);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->lines);
  g_free (self->title);
  g_free (self->sheet_name);
  g_free (self);
}

void
xaso_report_table_add_line (XasoReportTable *self,
                            const char      *line)
{
  g_ptr_array_add (self->lines, g_strdup (line));
}

guint
xaso_report_table_add_column (XasoReportTable    *self,
                              const char         *heading,
                              XasoReportCellKind  kind)
{
  XasoReportColumn column = { g_strdup (heading), kind, { -1, -1 }, -1 };

  g_return_val_if_fail (self->rows->len == 0, 0);
  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

guint
xaso_report_table_add_rate (XasoReportTable *self,
                            const char      *heading,
                            int              part,
                            int              other_part,
                            int              whole)
{
  guint i = xaso_report_table_add_column (self, heading, XASO_REPORT_CELL_PERCENT);
  XasoReportColumn *column = &g_array_index (self->columns, XasoReportColumn, i);

  column->parts[0] = part;
  column->parts[1] = other_part;
  column->whole = whole;
  return i;
}

static XasoReportCell *
cells_new (const XasoReportTable *self)
{
  XasoReportCell *cells = g_new0 (XasoReportCell, MAX (self->columns->len, 1));

  for (guint i = 0; i < self->columns->len; i++)
    cells[i].kind = g_array_index (self->columns, XasoReportColumn, i).kind;
  return cells;
}

XasoReportCell *
xaso_report_table_add_row (XasoReportTable *self)
{
  XasoReportCell *cells = cells_new (self);

  g_ptr_array_add (self->rows, cells);
  return cells;
}

void
xaso_report_cell_set_text (XasoReportCell *cell,
                           const char     *text)
{
  g_free (cell->text);
  cell->kind = XASO_REPORT_CELL_TEXT;
  cell->text = g_strdup (text);
}

void
xaso_report_cell_set_count (XasoReportCell *cell,
                            guint64         count)
{
  cell->kind = XASO_REPORT_CELL_COUNT;
  cell->value = (double)count;
}

void
xaso_report_cell_set_percent (XasoReportCell *cell,
                              double          percent)
{
  cell->kind = XASO_REPORT_CELL_PERCENT;
  cell->value = percent;
}

/* The rates of a row from its own counts, so that a row and the totals
 * row are divided the same way. */
static void
fill_rates (const XasoReportTable *self,
            XasoReportCell        *cells)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      const XasoReportColumn *c = &g_array_index (self->columns, XasoReportColumn, i);
      double part;

      if (c->kind != XASO_REPORT_CELL_PERCENT || c->whole < 0)
        continue;
      part = cells[c->parts[0]].value + (c->parts[1] >= 0 ? cells[c->parts[1]].value : 0);
      xaso_report_cell_set_percent (&cells[i], xaso_kpi_rate ((guint)part, (guint)cells[c->whole].value));
    }
}

void
xaso_report_table_add_totals (XasoReportTable *self,
                              const char      *label)
{
  for (guint r = 0; r < self->rows->len; r++)
    fill_rates (self, g_ptr_array_index (self->rows, r));
  if (label == NULL)
    return;
  self->totals = cells_new (self);
  for (guint r = 0; r < self->rows->len; r++)
    {
      XasoReportCell *cells = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < self->columns->len; i++)
        if (self->totals[i].kind == XASO_REPORT_CELL_COUNT)
          self->totals[i].value += cells[i].value;
    }
  xaso_report_cell_set_text (&self->totals[0], label);
  fill_rates (self, self->totals);
}

guint
xaso_report_table_get_n_columns (const XasoReportTable *self)
{
  return self->columns->len;
}

const XasoReportColumn *
xaso_report_table_get_column (const XasoReportTable *self,
                              guint                  column)
{
  return &g_array_index (self->columns, XasoReportColumn, column);
}

char *
xaso_report_cell_format (const XasoReportCell *cell)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE] = "";

  switch (cell->kind)
    {
    case XASO_REPORT_CELL_COUNT:
      return g_strdup_printf ("%.0f", cell->value);
    case XASO_REPORT_CELL_PERCENT:
      if (cell->value >= 0)
        g_ascii_formatd (text, sizeof text, "%.1f", cell->value);
      return g_strdup (text);
    case XASO_REPORT_CELL_TEXT:
    default:
      return g_strdup (cell->text != NULL ? cell->text : "");
    }
}
