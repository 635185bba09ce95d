/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-document.h"
#include "xaso-document-types.h"
#include "xaso-notation.h"

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID, message);
  return FALSE;
}

/* Digits at *p, moved past; FALSE if there are none. */
static gboolean
read_number (const char **p,
             guint64     *value)
{
  char *end = NULL;

  if (!g_ascii_isdigit (**p))
    return FALSE;
  *value = g_ascii_strtoull (*p, &end, 10);
  *p = end;
  return TRUE;
}

static gboolean
parse_parts (const char   *rest,
             XasoNotation *notation,
             GError      **error)
{
  const char *dash = strchr (rest, '-');
  g_autofree char *left = NULL;
  const XasoDocumentType *type;

  if (dash == NULL || dash == rest || dash[1] == '\0')
    return invalid (error, _("After the number, write the type and the issuer joined by a dash, "
                             "as in 15/QĐ-UBND, or the issuer and the unit for a công văn, as in 12/UBND-VP."));
  left = g_strndup (rest, dash - rest);
  type = xaso_document_type_find (left);
  if (type != NULL)
    {
      notation->type_abbr = g_strdup (type->abbr);
      notation->issuer_abbr = g_strdup (dash + 1);
    }
  else
    {
      notation->issuer_abbr = g_steal_pointer (&left);
      notation->unit_abbr = g_strdup (dash + 1);
    }
  return TRUE;
}

gboolean
xaso_notation_parse (const char    *text,
                     XasoNotation  *notation,
                     GError       **error)
{
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  const char *p = g_strstrip (nfc);
  guint64 number = 0, year = 0;

  memset (notation, 0, sizeof *notation);
  if (*p == '\0')
    return invalid (error, _("Enter the number and notation, as in 15/QĐ-UBND."));
  if (!read_number (&p, &number) || number == 0 || number > 999999)
    return invalid (error, _("The notation starts with the document’s number, as in 15/QĐ-UBND."));
  if (*p++ != '/')
    return invalid (error, _("Put a slash after the number, as in 15/QĐ-UBND."));
  notation->number = (guint)number;
  if (g_ascii_isdigit (*p))
    {
      if (!read_number (&p, &year) || year < 1945 || year > 2100 || *p++ != '/')
        return invalid (error, _("A legal normative document’s notation has the year after the number, "
                                 "as in 15/2025/NQ-HĐND."));
      notation->year = (int)year;
    }
  if (!parse_parts (p, notation, error))
    {
      xaso_notation_clear (notation);
      return FALSE;
    }
  return TRUE;
}

void
xaso_notation_clear (XasoNotation *notation)
{
  g_clear_pointer (&notation->type_abbr, g_free);
  g_clear_pointer (&notation->issuer_abbr, g_free);
  g_clear_pointer (&notation->unit_abbr, g_free);
}

char *
xaso_notation_format (const XasoNotation *n)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%02u/", n->number);
  if (n->year > 0)
    g_string_append_printf (out, "%d/", n->year);
  if (n->type_abbr != NULL)
    g_string_append_printf (out, "%s-%s", n->type_abbr, n->issuer_abbr);
  else
    g_string_append_printf (out, "%s-%s", n->issuer_abbr, n->unit_abbr ? n->unit_abbr : "VP");
  return g_string_free (out, FALSE);
}
