/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-edxml-reader-private.h"

/* What a package must say for the văn thư to register it, checked once it
 * is read: the sender, the number and notation, the date and the subject;
 * dates come to the register's YYYY-MM-DD. */

static gboolean
missing (GError    **error,
         const char *what)
{
  g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_MISSING,
               _("The edXML package does not give %s."), what);
  return FALSE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "2026/03/02" (QCVN 102) or "2026-03-02", maybe followed by a time. */
static char *
normalize_date (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) < 10 || (text[10] != '\0' && text[10] != ' ' && text[10] != 'T'))
    return NULL;
  if (!g_ascii_isdigit (text[0]) || (text[4] != '/' && text[4] != '-') || text[7] != text[4])
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static gboolean
check_date (char       **date,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  char *normal;

  if (is_empty (*date))
    {
      g_clear_pointer (date, g_free);
      return !required || missing (error, what);
    }
  normal = normalize_date (*date);
  if (normal == NULL)
    {
      g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_INVALID,
                   _("The date “%s” of the edXML package is not a date (yyyy/MM/dd)."), *date);
      return FALSE;
    }
  g_free (*date);
  *date = normal;
  return TRUE;
}

static gboolean
check_number (const char  *text,
              guint        max_digits,
              const char  *what,
              GError     **error)
{
  gsize len = text != NULL ? strlen (text) : 0;
  gboolean digits = len > 0 && len <= max_digits;

  for (gsize i = 0; digits && i < len; i++)
    digits = g_ascii_isdigit (text[i]);
  if (text == NULL || digits)
    return TRUE;
  g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_INVALID,
               _("The %s of the edXML package is not a number: “%s”."), what, text);
  return FALSE;
}

static gboolean
check_attachments (XasoEdxmlPackage  *package,
                   GError           **error)
{
  for (guint i = 0; i < package->attachments->len; i++)
    {
      XasoEdxmlAttachment *a = g_ptr_array_index (package->attachments, i);

      if (a->data == NULL)
        {
          g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_MISSING,
                       _("The attachment “%s” has no content (ContentTransferEncoded)."),
                       _xaso_edxml_attachment_label (a, i));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_business (XasoEdxmlPackage  *package,
                GError           **error)
{
  if (is_empty (package->business_type) || g_str_equal (package->business_type, "0"))
    return TRUE;
  g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_UNSUPPORTED,
               _("The edXML package revokes, updates or replaces a document (BussinessDocType %s); only new "
                 "documents can be imported."), package->business_type);
  return FALSE;
}

gboolean
_xaso_edxml_check_package (XasoEdxmlPackage  *package,
                           GError           **error)
{
  if (is_empty (package->from.organ_id))
    return missing (error, _("the sender’s electronic id (From/OrganId)"));
  if (is_empty (package->from.organ_name))
    return missing (error, _("the sender’s name (From/OrganName)"));
  if (is_empty (package->code_number) || is_empty (package->code_notation))
    return missing (error, _("the document’s number and notation (Code)"));
  if (is_empty (package->subject))
    return missing (error, _("the subject (Subject)"));
  if (!check_date (&package->promulgation_date, TRUE, _("the document’s date (PromulgationDate)"), error) ||
      !check_date (&package->due_date, FALSE, NULL, error) ||
      !check_number (package->code_number, 11, _("document number (CodeNumber)"), error) ||
      !check_number (package->priority, 1, _("priority (Priority)"), error) ||
      !check_number (package->page_amount, 5, _("page count (PageAmount)"), error) ||
      !check_number (package->promulgation_amount, 5, _("number of copies (PromulgationAmount)"), error))
    return FALSE;
  if (!check_business (package, error) || !check_attachments (package, error))
    return FALSE;
  if (is_empty (package->document_id))
    {
      g_free (package->document_id);
      package->document_id = g_strdup_printf ("%s,%s,%s/%s", package->from.organ_id, package->promulgation_date,
                                              package->code_number, package->code_notation);
    }
  return TRUE;
}
