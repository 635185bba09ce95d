/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xaso-dossier-flow.h"
#include "xaso-dossier-forms-private.h"
#include "xaso-print-layout.h"

G_DEFINE_QUARK (xaso-dossier-form-error-quark, xaso_dossier_form_error)

static const char * const titles[] = {
  NULL,
  "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
  "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
  "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
  "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
  "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
  "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
};

gboolean
xaso_dossier_form_from_string (const char      *text,
                               XasoDossierForm *form)
{
  char *end = NULL;
  guint64 n;

  if (text == NULL || *text == '\0')
    return FALSE;
  n = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || n < XASO_DOSSIER_FORM_RECEIPT || n > XASO_DOSSIER_FORM_CONTROL)
    return FALSE;
  *form = (XasoDossierForm)n;
  return TRUE;
}

const char *
xaso_dossier_form_title (XasoDossierForm form)
{
  g_return_val_if_fail (form >= XASO_DOSSIER_FORM_RECEIPT && form <= XASO_DOSSIER_FORM_CONTROL, NULL);
  return titles[form];
}

static void
form_data_clear (XasoFormData *data)
{
  g_clear_object (&data->dossier);
  g_clear_pointer (&data->procedure, xaso_procedure_unref);
  g_clear_pointer (&data->commune, xaso_commune_free);
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_clear_pointer (&data->fold, g_free);
  xaso_dossier_state_clear (&data->state);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoFormData, form_data_clear)

static gboolean
form_data_load (XasoFormData  *data,
                XasoDatabase  *db,
                const char    *dossier_id,
                GError       **error)
{
  if ((data->dossier = xaso_dossier_load (db, dossier_id, error)) == NULL ||
      (data->procedure = xaso_procedure_load (db, xaso_form_get (data, XASO_DOSSIER_PROCEDURE_ID), error)) == NULL ||
      (data->commune = xaso_commune_load (db, error)) == NULL ||
      (data->events = xaso_dossier_event_list (db, dossier_id, error)) == NULL)
    return FALSE;
  data->fold = xaso_dossier_event_to_fold (data->events);
  xaso_dossier_fold (&data->state, data->fold, data->events->len, data->procedure,
                     xaso_form_get (data, XASO_DOSSIER_CHANNEL), xaso_form_get (data, XASO_DOSSIER_RECEIVED_AT),
                     xaso_dossier_calendar (), TRUE);
  return TRUE;
}

/* The latest event of @kind (or of @other), or -1. */
static int
find_last (XasoFormData *data,
           const char   *kind,
           const char   *other)
{
  for (guint i = data->events->len; i > 0; i--)
    {
      XasoDossierEvent *e = g_ptr_array_index (data->events, i - 1);

      if (g_strcmp0 (e->kind, kind) == 0 || (other != NULL && g_strcmp0 (e->kind, other) == 0))
        return (int)i - 1;
    }
  return -1;
}

#define NOT_APPLICABLE(msg) \
  g_set_error (error, XASO_DOSSIER_FORM_ERROR, XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE, msg, code)

/* Why @form does not apply to the dossier @code. */
static void
not_applicable (XasoDossierForm   form,
                const char       *code,
                GError          **error)
{
  switch (form)
    {
    case XASO_DOSSIER_FORM_SUPPLEMENT:
      NOT_APPLICABLE (_("No supplement was requested for dossier %s: form 02 does not apply."));
      break;
    case XASO_DOSSIER_FORM_REFUSAL:
      NOT_APPLICABLE (_("Dossier %s was not refused: form 03 does not apply."));
      break;
    case XASO_DOSSIER_FORM_APOLOGY:
      NOT_APPLICABLE (_("No apology was made for dossier %s: form 04 does not apply."));
      break;
    case XASO_DOSSIER_FORM_STOP:
      NOT_APPLICABLE (_("Processing of dossier %s was not stopped: form 05 does not apply."));
      break;
    case XASO_DOSSIER_FORM_RECEIPT:
    case XASO_DOSSIER_FORM_CONTROL:
    default:
      NOT_APPLICABLE (_("Dossier %s has not been received at the counter yet: the form does not apply."));
      break;
    }
}

/* The event a form reports, and the date it bears. Forms 01 and 06 are
 * dated the day of reception; the others the day of what they report. */
static int
form_event (XasoFormData    *data,
            XasoDossierForm  form,
            GError         **error)
{
  static const char * const kinds[] = { NULL, "received", "supplement_requested", "refused", "apologized",
                                        "stopped", "received" };
  int found = find_last (data, kinds[form], form == XASO_DOSSIER_FORM_REFUSAL ? "rejected" : NULL);

  if (found < 0)
    not_applicable (form, xaso_form_get (data, XASO_DOSSIER_CODE), error);
  return found;
}

static void
print_body (XasoPrintForm   *form,
            XasoFormData    *data,
            XasoDossierForm  which,
            guint            event)
{
  switch (which)
    {
    case XASO_DOSSIER_FORM_RECEIPT:
      xaso_form_print_receipt (form, data, event);
      break;
    case XASO_DOSSIER_FORM_SUPPLEMENT:
      xaso_form_print_supplement (form, data, event);
      break;
    case XASO_DOSSIER_FORM_REFUSAL:
      xaso_form_print_refusal (form, data, event);
      break;
    case XASO_DOSSIER_FORM_APOLOGY:
      xaso_form_print_apology (form, data, event);
      break;
    case XASO_DOSSIER_FORM_STOP:
      xaso_form_print_stop (form, data, event);
      break;
    case XASO_DOSSIER_FORM_CONTROL:
    default:
      xaso_form_print_control (form, data);
      break;
    }
}

static gboolean
write_form (XasoFormData     *data,
            XasoDossierForm   which,
            guint             event,
            const char       *output,
            GError          **error)
{
  g_autoptr(XasoPrintForm) form = xaso_print_form_new (output, error);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_line = NULL;

  if (form == NULL)
    return FALSE;
  date = xaso_dossier_parse_time (xaso_form_event (data, event)->at);
  date_line = date != NULL ? xaso_print_date_line (data->commune->name, date) : NULL;
  xaso_print_form_header (form, data->commune->name, NULL, date_line);
  print_body (form, data, which, event);
  return xaso_print_form_finish (form, error);
}

gboolean
xaso_dossier_form_print (XasoDatabase     *db,
                         XasoUser         *actor,
                         const char       *dossier_id,
                         XasoDossierForm   form,
                         const char       *output,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_auto(XasoFormData) data = { 0 };
  g_autofree char *what = NULL;
  int event;

  g_return_val_if_fail (form >= XASO_DOSSIER_FORM_RECEIPT && form <= XASO_DOSSIER_FORM_CONTROL, FALSE);
  if (!xaso_user_check_right (actor, XASO_RIGHT_PROCESS_DOSSIER, error) ||
      !form_data_load (&data, db, dossier_id, error) || (event = form_event (&data, form, error)) < 0 ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  what = g_strdup_printf ("form %02d", form);
  if (!write_form (&data, form, (guint)event, output, error) ||
      !xaso_dossier_note_access (db, actor, dossier_id, "printed", what, error))
    {
      g_unlink (output);
      return FALSE;
    }
  return TRUE;
}
