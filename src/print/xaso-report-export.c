/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xaso-audit.h"
#include "xaso-report-builders.h"
#include "xaso-report-export.h"
#include "xaso-report-print.h"

typedef XasoReportTable *(*Builder) (XasoDatabase *db, const char *from, const char *to, const char *unit,
                                     GDateTime *now, GError **error);

static const struct { const char *name, *title; Builder build; } kinds[] = {
  [XASO_REPORT_KPI] = { "kpi", N_("Summary of the period’s figures"), xaso_report_build_kpi },
  [XASO_REPORT_DOSSIERS] = { "dossiers", N_("Dossiers received and resolved by unit"), xaso_report_build_dossiers },
  [XASO_REPORT_DOCUMENTS] = { "documents", N_("Incoming documents being handled, by lead person"),
                              xaso_report_build_documents },
  [XASO_REPORT_POPULATION] = { "population", N_("Population by hamlet"), xaso_report_build_population },
  [XASO_REPORT_OVERDUE] = { "overdue", N_("Dossiers past their appointment"), xaso_report_build_overdue },
};

static const char * const format_names[] = { "tsv", "csv", "xlsx", "pdf" };

gboolean
xaso_report_kind_from_string (const char     *text,
                              XasoReportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
xaso_report_kind_to_string (XasoReportKind kind)
{
  return kinds[kind].name;
}

const char *
xaso_report_kind_title (XasoReportKind kind)
{
  return _(kinds[kind].title);
}

gboolean
xaso_report_format_from_string (const char       *text,
                                XasoReportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

XasoReportTable *
xaso_report_build (XasoDatabase    *db,
                   XasoReportKind   kind,
                   const char      *from,
                   const char      *to,
                   const char      *unit,
                   GDateTime       *now,
                   GError         **error)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].build (db, from, to, unit, now, error);
}

static gboolean
write_table (XasoDatabase           *db,
             const XasoReportTable  *t,
             XasoReportFormat        format,
             GDateTime              *now,
             const char             *path,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autofree char *text = NULL;

  switch (format)
    {
    case XASO_REPORT_FORMAT_XLSX:
      return xaso_report_table_write_xlsx (t, path, error);
    case XASO_REPORT_FORMAT_PDF:
      return xaso_report_print (db, t, now, path, cancellable, error);
    case XASO_REPORT_FORMAT_CSV:
      text = xaso_report_table_to_csv (t);
      break;
    case XASO_REPORT_FORMAT_TSV:
    default:
      text = xaso_report_table_to_tsv (t);
      break;
    }
  return g_file_set_contents (path, text, -1, error);
}

/* An empty file beside @output, on the same file system, so that the
 * rename at the end is a rename and not a copy; readable as any file the
 * user makes (the umask decides), not only by its owner. */
static char *
temp_beside (const char  *output,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (output), *base = g_path_get_basename (output);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (path, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), output,
                   g_strerror (saved));
      g_free (path);
      return NULL;
    }
  g_close (fd, NULL);
  return path;
}

/* Without anyone signed in (xasoctl without --as), the computer's account
 * is who did it, as the persons' CSV export logs it. */
static gboolean
audit (XasoDatabase           *db,
       XasoUser               *actor,
       XasoReportKind          kind,
       XasoReportFormat        format,
       const char             *from,
       const char             *to,
       const XasoReportTable  *t,
       GError                **error)
{
  g_autofree char *detail = g_strdup_printf ("%s %s %s..%s %u", kinds[kind].name, format_names[format], from, to,
                                             t->rows->len);
  const char *who = actor != NULL ? xaso_user_get (actor, XASO_USER_USERNAME) : g_get_user_name ();

  return xaso_audit_append (db, who, XASO_AUDIT_EXPORT, "dossier", NULL, "report", detail, error);
}

static gboolean
move_into_place (const char  *temp,
                 const char  *output,
                 GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (temp);
  g_autoptr(GFile) to = g_file_new_for_path (output);

  return g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

gboolean
xaso_report_export (XasoDatabase      *db,
                    XasoUser          *actor,
                    XasoReportKind     kind,
                    XasoReportFormat   format,
                    const char        *from,
                    const char        *to,
                    const char        *unit,
                    GDateTime         *now,
                    const char        *output,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(XasoReportTable) t = NULL;
  g_autofree char *temp = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (t = xaso_report_build (db, kind, from, to, unit, now, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error) || (temp = temp_beside (output, error)) == NULL)
    return FALSE;
  if (!write_table (db, t, format, now, temp, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (t->personal && !audit (db, actor, kind, format, from, to, t, error)) ||
      !move_into_place (temp, output, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

char *
xaso_report_export_text (XasoDatabase      *db,
                         XasoUser          *actor,
                         XasoReportKind     kind,
                         XasoReportFormat   format,
                         const char        *from,
                         const char        *to,
                         const char        *unit,
                         GDateTime         *now,
                         GError           **error)
{
  g_autoptr(XasoReportTable) t = NULL;

  g_return_val_if_fail (format == XASO_REPORT_FORMAT_TSV || format == XASO_REPORT_FORMAT_CSV, NULL);
  if ((t = xaso_report_build (db, kind, from, to, unit, now, error)) == NULL ||
      (t->personal && !audit (db, actor, kind, format, from, to, t, error)))
    return NULL;
  return format == XASO_REPORT_FORMAT_CSV ? xaso_report_table_to_csv (t) : xaso_report_table_to_tsv (t);
}
