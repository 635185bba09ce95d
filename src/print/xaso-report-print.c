/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-commune-calendar.h"
#include "xaso-commune.h"
#include "xaso-print-form.h"
#include "xaso-print-layout.h"
#include "xaso-report-print.h"

/* A report on paper, as the commune sends it up or keeps it: a form's
 * heading over a register's table, both laid out by what they share. */

/* About how many characters of the table's type fit across the page. */
#define LINE_CHARACTERS 125

static glong
longest_word (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  glong longest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (words[i], -1));
  return longest;
}

/* How wide a column would like to be, in characters: a figure's as its
 * heading's longest word, so that headings wrap between words; a text's
 * as its longest cell, within bounds, and never narrower than a word. */
static double
column_want (const XasoReportTable *t,
             guint                  col,
             double                *least)
{
  const XasoReportColumn *c = xaso_report_table_get_column (t, col);
  glong longest = 0, word = longest_word (c->heading);

  if (c->kind != XASO_REPORT_CELL_TEXT)
    return *least = MAX (word + 2, 6);
  for (guint r = 0; r < t->rows->len; r++)
    {
      const char *text = ((XasoReportCell *)g_ptr_array_index (t->rows, r))[col].text;

      longest = MAX (longest, g_utf8_strlen (text != NULL ? text : "", -1));
      word = MAX (word, longest_word (text));
    }
  /* A word of digits (a dossier's code) is wider than most. */
  *least = word + 3;
  return MAX (CLAMP (longest, 10, 30), *least);
}

/* The figures get what they want; the text columns share the rest, none
 * narrower than its longest word. */
static void
column_shares (const XasoReportTable *t,
               XasoPrintColumn       *columns,
               guint                  n)
{
  g_autofree double *least = g_new0 (double, n);
  double figures = 0, texts = 0, scale;

  for (guint i = 0; i < n; i++)
    {
      columns[i].width = column_want (t, i, &least[i]);
      if (columns[i].centered)
        figures += columns[i].width;
      else
        texts += columns[i].width;
    }
  scale = texts > 0 && figures + texts > LINE_CHARACTERS ? MAX (LINE_CHARACTERS - figures, texts / 2) / texts : 1;
  for (guint i = 0; i < n; i++)
    if (!columns[i].centered)
      columns[i].width = MAX (columns[i].width * scale, least[i]);
}

/* Printed figures are for Vietnamese readers: "66,7", not "66.7". */
static char *
printed_cell (const XasoReportCell *cell)
{
  char *text = xaso_report_cell_format (cell);

  if (cell->kind == XASO_REPORT_CELL_PERCENT)
    g_strdelimit (text, ".", ',');
  return text;
}

static void
print_row (XasoPrintTable       *table,
           guint                 n,
           const XasoReportCell *cells)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, printed_cell (&cells[i]));
  xaso_print_table_row (table, (const char * const *)texts->pdata);
}

static gboolean
print_table (XasoPrintForm          *form,
             const XasoReportTable  *t,
             GCancellable           *cancellable,
             GError                **error)
{
  guint n = xaso_report_table_get_n_columns (t);
  g_autofree XasoPrintColumn *columns = g_new0 (XasoPrintColumn, n);
  g_autoptr(XasoPrintTable) table = xaso_print_form_table (form);

  for (guint i = 0; i < n; i++)
    {
      const XasoReportColumn *c = xaso_report_table_get_column (t, i);

      columns[i] = (XasoPrintColumn) { c->heading, 0, c->kind != XASO_REPORT_CELL_TEXT };
    }
  column_shares (t, columns, n);
  xaso_print_table_begin (table, columns, n);
  for (guint r = 0; r < t->rows->len; r++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      print_row (table, n, g_ptr_array_index (t->rows, r));
    }
  if (t->totals != NULL)
    print_row (table, n, t->totals);
  xaso_print_form_end_table (form, table);
  return TRUE;
}

static void
print_heading (XasoPrintForm         *form,
               XasoDatabase          *db,
               const XasoReportTable *t,
               GDateTime             *now)
{
  g_autoptr(XasoCommune) commune = xaso_commune_load (db, NULL);
  const char *name = commune != NULL ? commune->name : "";
  g_autoptr(GDateTime) local = now != NULL ? g_date_time_to_timezone (now, xaso_calendar_get_time_zone (
                                                xaso_commune_calendar ())) : xaso_commune_now ();
  g_autofree char *date_line = xaso_print_date_line (name, local);
  g_autofree char *upper = g_utf8_strup (t->title, -1);
  g_autofree char *title = g_markup_escape_text (upper, -1);

  xaso_print_form_header (form, name, NULL, date_line);
  xaso_print_form_paragraph (form, "Bold 14", XASO_PRINT_CENTER, title);
  for (guint i = 0; i < t->lines->len; i++)
    {
      g_autofree char *line = g_markup_printf_escaped ("<i>%s</i>", (char *)g_ptr_array_index (t->lines, i));

      xaso_print_form_paragraph (form, "12", XASO_PRINT_CENTER, line);
    }
  xaso_print_form_space (form, 4 * XASO_PRINT_MM);
}

gboolean
xaso_report_print (XasoDatabase           *db,
                   const XasoReportTable  *table,
                   GDateTime              *now,
                   const char             *path,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(XasoPrintForm) form = xaso_print_form_new_landscape (path, error);

  if (form == NULL)
    return FALSE;
  print_heading (form, db, table, now);
  if (!print_table (form, table, cancellable, error))
    return FALSE;
  xaso_print_form_signatures (form, C_("report", "PREPARED BY"), NULL, C_("report", "HEAD OF THE AGENCY"), NULL);
  return xaso_print_form_finish (form, error);
}
