/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-inbox.h"
#include "xaso-sync-protocol.h"

void
xaso_inbox_submission_free (XasoInboxSubmission *s)
{
  if (s == NULL)
    return;
  g_free (s->commune);
  g_free (s->external_id);
  g_free (s->procedure_code);
  g_free (s->applicant_name);
  g_free (s->applicant_folded);
  g_free (s->applicant_id_number);
  g_free (s->applicant_phone);
  g_free (s->applicant_address);
  g_free (s->notes);
  g_clear_pointer (&s->submitted_at, g_date_time_unref);
  g_free (s);
}

static gboolean
bad (GError     **error,
     const char  *message)
{
  g_set_error_literal (error, XASO_SYNC_ERROR, XASO_SYNC_ERROR_BAD_REQUEST, message);
  return FALSE;
}

static gboolean
all_in (const char *text,
        const char *allowed)
{
  return strspn (text, allowed) == strlen (text);
}

/* "1.001193": the national code of a procedure. */
static gboolean
procedure_code_valid (const char *code)
{
  const char *dot = code ? strchr (code, '.') : NULL;

  return dot != NULL && dot - code >= 1 && dot - code <= 2 && strlen (dot + 1) == 6 &&
         all_in (code, "0123456789.") && strchr (dot + 1, '.') == NULL;
}

static gboolean
external_id_valid (const char *id)
{
  return id != NULL && *id != '\0' && strlen (id) <= XASO_INBOX_MAX_EXTERNAL_ID &&
         all_in (id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_/") &&
         g_ascii_isalnum (id[0]);
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* An optional text member: absent or null is NULL; otherwise a string,
 * stripped, in NFC as the desktops keep text, within @max characters and
 * without control characters (but newlines where @lines). */
static gboolean
read_text (JsonObject  *object,
           const char  *name,
           guint        max,
           gboolean     lines,
           char       **out,
           const char  *message,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *text = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return bad (error, message);
  text = g_utf8_normalize (json_node_get_string (node), -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (text == NULL)
    return bad (error, message);
  g_strstrip (text);
  if (g_utf8_strlen (text, -1) > max)
    return bad (error, message);
  if (lines)
    g_strdelimit (text, "\r\n\t", ' ');
  if (has_control (text))
    return bad (error, message);
  if (*text != '\0')
    *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_applicant (JsonObject           *body,
                XasoInboxSubmission  *s,
                GError              **error)
{
  JsonNode *node = json_object_get_member (body, "applicant");
  JsonObject *applicant;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad (error, "Thiếu “applicant”: một đối tượng với “name” và có thể “id_number”, “phone”, “address”.");
  applicant = json_node_get_object (node);
  if (!read_text (applicant, "name", XASO_INBOX_MAX_NAME, FALSE, &s->applicant_name,
                  "“applicant.name” phải là họ tên, tối đa 200 ký tự.", error) ||
      !read_text (applicant, "id_number", 12, FALSE, &s->applicant_id_number,
                  "“applicant.id_number” phải là số định danh cá nhân 12 chữ số.", error) ||
      !read_text (applicant, "phone", 16, FALSE, &s->applicant_phone,
                  "“applicant.phone” phải là số điện thoại: 9 đến 15 chữ số, có thể có “+” ở đầu.", error) ||
      !read_text (applicant, "address", XASO_INBOX_MAX_ADDRESS, TRUE, &s->applicant_address,
                  "“applicant.address” phải là địa chỉ, tối đa 500 ký tự.", error))
    return FALSE;
  if (s->applicant_name == NULL)
    return bad (error, "“applicant.name” phải là họ tên, tối đa 200 ký tự.");
  if (s->applicant_id_number != NULL &&
      (strlen (s->applicant_id_number) != 12 || !all_in (s->applicant_id_number, "0123456789")))
    return bad (error, "“applicant.id_number” phải là số định danh cá nhân 12 chữ số.");
  if (s->applicant_phone != NULL)
    {
      const char *digits = s->applicant_phone + (s->applicant_phone[0] == '+');

      if (strlen (digits) < 9 || strlen (digits) > 15 || !all_in (digits, "0123456789"))
        return bad (error, "“applicant.phone” phải là số điện thoại: 9 đến 15 chữ số, có thể có “+” ở đầu.");
    }
  return TRUE;
}

static gboolean
read_time (JsonObject           *body,
           XasoInboxSubmission  *s,
           GError              **error)
{
  const char *text = xaso_sync_member_string (body, "submitted_at");
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) commune = g_time_zone_new_offset (7 * 3600);
  static const char message[] = "“submitted_at” phải là thời điểm nộp theo ISO 8601 có múi giờ "
                                "(2026-12-07T08:15:00+07:00), không ở tương lai.";

  /* Without a zone the time would be read in the server's own. */
  if (text == NULL || strlen (text) < 20 || strlen (text) > 40 ||
      (text[strlen (text) - 1] != 'Z' && strchr (text + 19, '+') == NULL && strchr (text + 19, '-') == NULL))
    return bad (error, message);
  at = g_date_time_new_from_iso8601 (text, NULL);
  if (at == NULL || g_date_time_difference (at, now) > (GTimeSpan) XASO_INBOX_FUTURE_SLACK_S * G_TIME_SPAN_SECOND ||
      g_date_time_get_year (at) < 2000)
    return bad (error, message);
  s->submitted_at = g_date_time_to_timezone (at, commune);
  return TRUE;
}

XasoInboxSubmission *
xaso_inbox_submission_read (JsonObject  *body,
                            GError     **error)
{
  g_autoptr(XasoInboxSubmission) s = g_new0 (XasoInboxSubmission, 1);
  const char *commune = xaso_sync_member_string (body, "commune");
  const char *external_id = xaso_sync_member_string (body, "external_id");
  const char *procedure = xaso_sync_member_string (body, "procedure_code");

  if (!xaso_sync_commune_code_valid (commune))
    return bad (error, "“commune” phải là mã xã 5 chữ số."), NULL;
  if (!external_id_valid (external_id))
    return bad (error, "“external_id” phải là mã hồ sơ của hệ thống gửi: 1 đến 64 ký tự chữ, số, "
                "“.”, “-”, “_” hoặc “/”, bắt đầu bằng chữ hoặc số."), NULL;
  if (!procedure_code_valid (procedure))
    return bad (error, "“procedure_code” phải là mã thủ tục quốc gia, như 1.001193."), NULL;
  s->commune = g_strdup (commune);
  s->external_id = g_strdup (external_id);
  s->procedure_code = g_strdup (procedure);
  if (!read_applicant (body, s, error) || !read_time (body, s, error) ||
      !read_text (body, "notes", XASO_INBOX_MAX_NOTES, TRUE, &s->notes,
                  "“notes” phải là văn bản, tối đa 2000 ký tự.", error))
    return NULL;
  s->applicant_folded = xaso_inbox_fold_name (s->applicant_name);
  return g_steal_pointer (&s);
}

char *
xaso_inbox_fold_name (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c == 0x0110 || c == 0x0111 ? 'd' : g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

char *
xaso_inbox_format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}
