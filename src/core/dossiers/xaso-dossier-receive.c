/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "xaso-commune.h"
#include "xaso-dossier-code.h"
#include "xaso-dossier-event.h"
#include "xaso-dossier-fee.h"
#include "xaso-dossier-flow.h"
#include "xaso-id-number.h"

/* A paper asked for only in some cases: "(nếu nộp qua người được ủy
 * quyền)", "(đối với trẻ bị bỏ rơi)", "(trường hợp …)", "(khi các thành
 * viên cùng đăng ký)", or one that ends "… nếu có" (if there is one). */
static gboolean
is_conditional (const char *paper)
{
  return strstr (paper, "(nếu") != NULL || strstr (paper, "(đối với") != NULL ||
         strstr (paper, "(trường hợp") != NULL || strstr (paper, "(khi") != NULL ||
         g_str_has_suffix (paper, " nếu có");
}

static gboolean
handed_in (const XasoReception *r,
           guint                index)
{
  if (r->all_papers)
    return TRUE;
  for (guint i = 0; i < r->n_papers; i++)
    if (r->papers[i] == index)
      return TRUE;
  return FALSE;
}

static GStrv
missing_papers (XasoProcedure       *procedure,
                const XasoReception *r)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; procedure->papers[i] != NULL; i++)
    if (!handed_in (r, i) && !is_conditional (procedure->papers[i]))
      g_strv_builder_add (missing, procedure->papers[i]);
  return g_strv_builder_end (missing);
}

static GDateTime *
reception_time (const XasoReception  *r,
                GError              **error)
{
  g_autoptr(GDateTime) at = r->at != NULL ? xaso_dossier_parse_time (r->at) : xaso_now ();

  if (at == NULL)
    {
      g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_INVALID,
                   _("“%s” is not a time; write it as 2026-01-05T09:30:00+07:00."), r->at);
      return NULL;
    }
  /* In the commune's time, so the procedure's version is the one valid on
   * the commune's day, whatever zone the time was given in. */
  return g_date_time_to_timezone (at, xaso_calendar_get_time_zone (xaso_dossier_calendar ()));
}

static XasoProcedure *
find_procedure (XasoDatabase         *db,
                const XasoReception  *r,
                GDateTime            *at,
                GError              **error)
{
  g_autofree char *day = g_date_time_format (at, "%Y-%m-%d");

  return xaso_procedure_find (db, r->procedure_code, day, error);
}

static GStrv
handed_in_papers (XasoProcedure       *procedure,
                  const XasoReception *r)
{
  g_autoptr(GStrvBuilder) papers = g_strv_builder_new ();

  for (guint i = 0; procedure->papers[i] != NULL; i++)
    if (handed_in (r, i))
      g_strv_builder_add (papers, procedure->papers[i]);
  return g_strv_builder_end (papers);
}

gboolean
xaso_dossier_check_papers (XasoDatabase         *db,
                           const XasoReception  *reception,
                           XasoPaperCheck       *check,
                           GError              **error)
{
  memset (check, 0, sizeof *check);
  if ((check->at = reception_time (reception, error)) == NULL ||
      (check->procedure = find_procedure (db, reception, check->at, error)) == NULL)
    {
      xaso_paper_check_clear (check);
      return FALSE;
    }
  check->handed_in = handed_in_papers (check->procedure, reception);
  check->missing = missing_papers (check->procedure, reception);
  return TRUE;
}

void
xaso_paper_check_clear (XasoPaperCheck *check)
{
  g_clear_pointer (&check->procedure, xaso_procedure_unref);
  g_clear_pointer (&check->at, g_date_time_unref);
  g_clear_pointer (&check->handed_in, g_strfreev);
  g_clear_pointer (&check->missing, g_strfreev);
}

GStrv
xaso_dossier_missing_papers (XasoDatabase         *db,
                             const XasoReception  *reception,
                             GError              **error)
{
  g_auto(XasoPaperCheck) check = { 0 };

  if (!xaso_dossier_check_papers (db, reception, &check, error))
    return NULL;
  return g_steal_pointer (&check.missing);
}

typedef struct
{
  const XasoReception *r;
  XasoUser            *actor;
  XasoProcedure       *procedure;
  GDateTime           *at;
  const char          *unit_eid;
  char                *id;
} Receive;

static char *
papers_json (Receive *rc)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; rc->procedure->papers[i] != NULL; i++)
    if (handed_in (rc->r, i))
      json_builder_add_int_value (builder, i);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
check_reception (Receive  *rc,
                 GError  **error)
{
  const XasoReception *r = rc->r;
  XasoExemption exemption;
  g_auto(GStrv) missing = missing_papers (rc->procedure, r);
  g_autofree char *list = NULL;

  if (!xaso_exemption_from_string (r->fee_exemption, &exemption))
    {
      g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_INVALID,
                   _("Unknown fee exemption “%s”: meritorious, poor or disabled."), r->fee_exemption);
      return FALSE;
    }
  if (r->applicant_id_number != NULL && *r->applicant_id_number != '\0' &&
      !xaso_id_number_validate (r->applicant_id_number, XASO_SEX_UNKNOWN, 0, error))
    return FALSE;
  if (missing[0] == NULL)
    return TRUE;
  list = g_strjoinv ("\n", missing);
  g_set_error (error, XASO_DOSSIER_ERROR, XASO_DOSSIER_ERROR_PAPERS,
               _("The dossier lacks these papers; give the applicant the guidance form:\n%s"), list);
  return FALSE;
}

static XasoDossier *
fill_dossier (Receive    *rc,
              const char *code)
{
  const XasoReception *r = rc->r;
  XasoDossier *dossier = xaso_dossier_new ();
  g_autofree char *at = xaso_dossier_format_time (rc->at);
  g_autofree char *papers = papers_json (rc);
  g_autofree char *fee = NULL;
  XasoExemption exemption;

  xaso_exemption_from_string (r->fee_exemption, &exemption);
  fee = g_strdup_printf ("%" G_GINT64_FORMAT, xaso_dossier_fee (rc->procedure, exemption, NULL));
  xaso_dossier_set (dossier, XASO_DOSSIER_CODE, code);
  xaso_dossier_set (dossier, XASO_DOSSIER_PROCEDURE_ID, rc->procedure->id);
  xaso_dossier_set (dossier, XASO_DOSSIER_CHANNEL, r->channel != NULL ? r->channel : "direct");
  xaso_dossier_set (dossier, XASO_DOSSIER_APPLICANT_NAME, r->applicant_name);
  xaso_dossier_set (dossier, XASO_DOSSIER_APPLICANT_ID_NUMBER, r->applicant_id_number);
  xaso_dossier_set (dossier, XASO_DOSSIER_APPLICANT_PERSON_ID, r->applicant_person_id);
  xaso_dossier_set (dossier, XASO_DOSSIER_APPLICANT_PHONE, r->applicant_phone);
  xaso_dossier_set (dossier, XASO_DOSSIER_APPLICANT_ADDRESS, r->applicant_address);
  xaso_dossier_set (dossier, XASO_DOSSIER_SUMMARY, r->summary);
  xaso_dossier_set (dossier, XASO_DOSSIER_RECEIVED_AT, at);
  xaso_dossier_set (dossier, XASO_DOSSIER_PAPERS, papers);
  xaso_dossier_set (dossier, XASO_DOSSIER_FEE_AMOUNT, fee);
  xaso_dossier_set (dossier, XASO_DOSSIER_FEE_EXEMPTION, xaso_exemption_to_string (exemption));
  xaso_dossier_set (dossier, XASO_DOSSIER_DESK_DEVICE_ID, NULL);
  return dossier;
}

static gboolean
receive_in_transaction (XasoDatabase  *db,
                        gpointer       data,
                        GError       **error)
{
  Receive *rc = data;
  const char *username = xaso_user_get (rc->actor, XASO_USER_USERNAME);
  g_autofree char *code = xaso_dossier_code_next (db, rc->unit_eid, rc->at, username, error);
  g_autoptr(XasoDossier) dossier = NULL;
  g_autofree char *at = xaso_dossier_format_time (rc->at);

  if (code == NULL)
    return FALSE;
  dossier = fill_dossier (rc, code);
  xaso_dossier_set (dossier, XASO_DOSSIER_DESK_DEVICE_ID, xaso_database_get_device_id (db));
  if (!xaso_record_save (XASO_RECORD (dossier), db, username, error))
    return FALSE;
  rc->id = g_strdup (xaso_record_get_id (XASO_RECORD (dossier)));
  return xaso_dossier_event_append (db, rc->id, "received", at, rc->actor, NULL, NULL, NULL, error) &&
         xaso_dossier_refold (db, rc->id, error);
}

char *
xaso_dossier_receive (XasoDatabase         *db,
                      XasoUser             *actor,
                      const XasoReception  *reception,
                      GError              **error)
{
  g_autoptr(XasoCommune) commune = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(XasoProcedure) procedure = NULL;
  Receive rc = { reception, actor };

  if (!xaso_user_check_right (actor, XASO_RIGHT_RECEIVE_DOSSIER, error) ||
      (at = reception_time (reception, error)) == NULL ||
      (procedure = find_procedure (db, reception, at, error)) == NULL ||
      (commune = xaso_commune_load (db, error)) == NULL)
    return NULL;
  rc.procedure = procedure;
  rc.at = at;
  rc.unit_eid = commune->agency_eid;
  if (!check_reception (&rc, error) || !xaso_database_run_atomically (db, receive_in_transaction, &rc, error))
    {
      g_free (rc.id);
      return NULL;
    }
  return rc.id;
}
