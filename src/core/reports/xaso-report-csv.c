/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-reports"

#include "config.h"

#include <string.h>

#include "xaso-report-table.h"

/* A report as delimited text: CSV for spreadsheet programs, TSV for
 * scripts. */

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A TSV field has no quoting: what would split it becomes a space. */
static void
append_tsv_field (GString    *out,
                  const char *text)
{
  gsize start = out->len;

  g_string_append (out, text);
  for (gsize i = start; i < out->len; i++)
    if (out->str[i] == '\t' || out->str[i] == '\n' || out->str[i] == '\r')
      out->str[i] = ' ';
}

typedef struct
{
  char        separator;
  const char *line_end;
  void      (*append) (GString *out, const char *text);
} Dialect;

static void
append_cells (GString              *out,
              const Dialect        *dialect,
              guint                 n,
              const XasoReportCell *cells)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = xaso_report_cell_format (&cells[i]);

      if (i > 0)
        g_string_append_c (out, dialect->separator);
      dialect->append (out, text);
    }
  g_string_append (out, dialect->line_end);
}

static char *
to_text (const XasoReportTable *self,
         const Dialect         *dialect,
         const char            *start)
{
  GString *out = g_string_new (start);
  guint n = xaso_report_table_get_n_columns (self);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, dialect->separator);
      dialect->append (out, xaso_report_table_get_column (self, i)->heading);
    }
  g_string_append (out, dialect->line_end);
  for (guint r = 0; r < self->rows->len; r++)
    append_cells (out, dialect, n, g_ptr_array_index (self->rows, r));
  if (self->totals != NULL)
    append_cells (out, dialect, n, self->totals);
  return g_string_free (out, FALSE);
}

char *
xaso_report_table_to_csv (const XasoReportTable *self)
{
  static const Dialect csv = { ',', "\r\n", append_csv_field };

  return to_text (self, &csv, "\xEF\xBB\xBF");
}

char *
xaso_report_table_to_tsv (const XasoReportTable *self)
{
  static const Dialect tsv = { '\t', "\n", append_tsv_field };

  return to_text (self, &tsv, NULL);
}
