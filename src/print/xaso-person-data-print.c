/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xaso-audit.h"
#include "xaso-commune.h"
#include "xaso-commune-calendar.h"
#include "xaso-csv.h"
#include "xaso-dossier.h"
#include "xaso-person-data-print.h"
#include "xaso-print-form.h"
#include "xaso-print-layout.h"

#define MM XASO_PRINT_MM

/* Why the report was made, kept in the audit log in Vietnamese whatever
 * the screen speaks, as the log's other purposes are. */
#define PURPOSE "Cung cấp dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu"

/* The share of the table's width each column of a section takes. */
static const double widths[XASO_PERSON_DATA_N_SECTIONS][6] = {
  [XASO_PERSON_DATA_IDENTITY] = { 35, 65 },
  [XASO_PERSON_DATA_HOUSEHOLD] = { 35, 65 },
  [XASO_PERSON_DATA_CIVIL_EVENTS] = { 16, 13, 17, 22, 14, 18 },
  [XASO_PERSON_DATA_DOSSIERS] = { 20, 27, 14.5, 12.8, 12.8, 12.9 },
  [XASO_PERSON_DATA_OTHER] = { 22, 60, 18 },
  [XASO_PERSON_DATA_ACCESSES] = { 14, 21, 9, 24, 32 },
};

gboolean
xaso_person_data_format_from_string (const char           *text,
                                     XasoPersonDataFormat *format)
{
  if (g_strcmp0 (text, "pdf") == 0)
    *format = XASO_PERSON_DATA_PDF;
  else if (g_strcmp0 (text, "csv") == 0)
    *format = XASO_PERSON_DATA_CSV;
  else
    return FALSE;
  return TRUE;
}

static void
print_intro (XasoPrintForm              *form,
             const XasoPersonDataReport *report)
{
  g_autofree char *made = xaso_dossier_display_time (report->made_at);
  g_autofree char *who = g_markup_printf_escaped ("Chủ thể dữ liệu: <b>%s</b>", report->full_name);
  g_autofree char *facts = g_markup_printf_escaped (
    "Số định danh cá nhân: %s\nNgày, tháng, năm sinh: %s\nDữ liệu tính đến: %s",
    report->id_number ? report->id_number : "không có", report->birth ? report->birth : "không rõ", made);

  xaso_print_form_paragraph (form, "Bold 14", XASO_PRINT_CENTER, "BÁO CÁO DỮ LIỆU CÁ NHÂN");
  xaso_print_form_paragraph (form, "Italic 12", XASO_PRINT_CENTER,
                             "(Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15: dữ liệu Ủy ban nhân dân "
                             "đang lưu giữ về chủ thể dữ liệu và mọi lần truy cập, xử lý dữ liệu đó)");
  xaso_print_form_space (form, 3 * MM);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, who);
  xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, facts);
  xaso_print_form_space (form, 3 * MM);
}

static void
print_section (XasoPrintForm               *form,
               const XasoPersonDataSection *section)
{
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", section->title);
  g_autofree XasoPrintColumn *columns = g_new0 (XasoPrintColumn, section->n_columns);
  g_autoptr(XasoPrintTable) table = NULL;

  xaso_print_form_paragraph (form, "12", XASO_PRINT_LEFT, title);
  if (section->rows->len == 0)
    {
      xaso_print_form_paragraph (form, "Italic 12", XASO_PRINT_LEFT, "Không có dữ liệu.");
      xaso_print_form_space (form, 2 * MM);
      return;
    }
  for (guint i = 0; i < section->n_columns; i++)
    {
      columns[i].heading = section->columns[i];
      columns[i].width = widths[section->kind][i];
    }
  table = xaso_print_form_table (form);
  xaso_print_table_begin (table, columns, section->n_columns);
  for (guint r = 0; r < section->rows->len; r++)
    xaso_print_table_row (table, g_ptr_array_index (section->rows, r));
  xaso_print_form_end_table (form, table);
}

/* The mark of who made this copy and when (DOMAIN.md: printed copies of
 * personal data say so), then the place to sign. */
static void
print_closing (XasoPrintForm              *form,
               const XasoPersonDataReport *report,
               XasoUser                   *actor)
{
  const char *name = xaso_user_get (actor, XASO_USER_FULL_NAME);
  const char *username = xaso_user_get (actor, XASO_USER_USERNAME);
  g_autofree char *made = xaso_dossier_display_time (report->made_at);
  g_autofree char *mark = g_markup_printf_escaped ("Báo cáo do %s (%s) lập lúc %s.", name ? name : username,
                                                   username, made);

  xaso_print_form_paragraph (form, "Italic 11", XASO_PRINT_LEFT, mark);
  xaso_print_form_signatures (form, "CHỦ THỂ DỮ LIỆU", report->full_name, "NGƯỜI LẬP BÁO CÁO",
                              name ? name : username);
}

gboolean
xaso_person_data_write_pdf (const XasoPersonDataReport  *report,
                            const char                  *commune_name,
                            XasoUser                    *actor,
                            const char                  *path,
                            GError                     **error)
{
  g_autoptr(XasoPrintForm) form = xaso_print_form_new (path, error);
  g_autoptr(GDateTime) now = xaso_commune_now ();
  g_autofree char *date_line = NULL;

  if (form == NULL)
    return FALSE;
  date_line = xaso_print_date_line (commune_name, now);
  xaso_print_form_header (form, commune_name, NULL, date_line);
  print_intro (form, report);
  for (guint i = 0; i < XASO_PERSON_DATA_N_SECTIONS; i++)
    print_section (form, &report->sections[i]);
  print_closing (form, report, actor);
  return xaso_print_form_finish (form, error);
}

static void
csv_line (GString    *out,
          const char *first,
          const char *second)
{
  const char *fields[] = { first, second };

  xaso_csv_write_row (out, fields, second != NULL ? 2 : 1);
}

/* Each section: its title on a line, its headings, its rows, a blank
 * line; a spreadsheet shows them one under the other. */
char *
xaso_person_data_to_csv (const XasoPersonDataReport *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *made = xaso_dossier_display_time (report->made_at);

  xaso_csv_write_bom (out);
  csv_line (out, "BÁO CÁO DỮ LIỆU CÁ NHÂN", NULL);
  csv_line (out, "Chủ thể dữ liệu", report->full_name);
  csv_line (out, "Số định danh cá nhân", report->id_number ? report->id_number : "");
  csv_line (out, "Dữ liệu tính đến", made);
  for (guint i = 0; i < XASO_PERSON_DATA_N_SECTIONS; i++)
    {
      const XasoPersonDataSection *section = &report->sections[i];

      g_string_append (out, "\r\n");
      csv_line (out, section->title, NULL);
      xaso_csv_write_row (out, section->columns, section->n_columns);
      for (guint r = 0; r < section->rows->len; r++)
        xaso_csv_write_row (out, g_ptr_array_index (section->rows, r), section->n_columns);
    }
  return g_string_free (out, FALSE);
}

/* Writes the report beside @output, under a name no one else uses. */
static char *
write_aside (XasoDatabase                *db,
             const XasoPersonDataReport  *report,
             XasoUser                    *actor,
             XasoPersonDataFormat         format,
             const char                  *output,
             GError                     **error)
{
  g_autofree char *temp = g_strconcat (output, ".XXXXXX", NULL);
  g_autoptr(XasoCommune) commune = NULL;
  g_autofree char *csv = NULL;
  int fd = g_mkstemp (temp);
  gboolean ok;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), output,
                   g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  if (format == XASO_PERSON_DATA_CSV)
    ok = g_file_set_contents (temp, (csv = xaso_person_data_to_csv (report)), -1, error);
  else
    ok = (commune = xaso_commune_load (db, error)) != NULL &&
         xaso_person_data_write_pdf (report, commune->name, actor, temp, error);
  if (!ok)
    {
      g_unlink (temp);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

typedef struct
{
  XasoUser             *actor;
  const char           *person_id;
  XasoPersonDataFormat  format;
  const char           *temp;
  const char           *output;
  gboolean              renamed;
} Publish;

/* The log and the file go together: the rename is the last step of the
 * transaction that logs it. */
static gboolean
log_and_publish (XasoDatabase  *db,
                 gpointer       data,
                 GError       **error)
{
  Publish *p = data;
  gboolean pdf = p->format == XASO_PERSON_DATA_PDF;

  if (!xaso_audit_append (db, xaso_user_get (p->actor, XASO_USER_USERNAME),
                          pdf ? XASO_AUDIT_PRINT : XASO_AUDIT_EXPORT, "person", p->person_id, PURPOSE,
                          pdf ? "báo cáo dữ liệu cá nhân, pdf" : "báo cáo dữ liệu cá nhân, csv", error))
    return FALSE;
  if (g_rename (p->temp, p->output) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), p->output,
                   g_strerror (saved));
      return FALSE;
    }
  p->renamed = TRUE;
  return TRUE;
}

gboolean
xaso_person_data_print (XasoDatabase          *db,
                        XasoUser              *actor,
                        const char            *person,
                        XasoPersonDataFormat   format,
                        const char            *output,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(XasoPersonDataReport) report = NULL;
  g_autofree char *temp = NULL;
  Publish publish = { actor, NULL, format, NULL, output, FALSE };

  if ((report = xaso_person_data_report_collect (db, actor, person, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (temp = write_aside (db, report, actor, format, output, error)) == NULL)
    return FALSE;
  publish.person_id = report->person_id;
  publish.temp = temp;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !xaso_database_run_atomically (db, log_and_publish, &publish, error))
    {
      /* A rename whose log could not be committed takes its file away. */
      g_unlink (publish.renamed ? output : temp);
      return FALSE;
    }
  return TRUE;
}
