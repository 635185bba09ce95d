/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-chip-qr.h"
#include "xaso-fold.h"

G_DEFINE_QUARK (xaso-chip-qr-error-quark, xaso_chip_qr_error)

enum {
  FIELD_ID,
  FIELD_OLD_ID,
  FIELD_NAME,
  FIELD_BIRTH_DATE,
  FIELD_SEX,
  FIELD_ADDRESS,
  FIELD_ISSUE_DATE,
  N_FIELDS
};

void
xaso_chip_qr_free (XasoChipQr *qr)
{
  if (qr == NULL)
    return;

  g_free (qr->id_number);
  g_free (qr->old_id_number);
  g_free (qr->full_name);
  g_free (qr->address);
  g_free (qr);
}

/* Scanners differ in what they add around the text: a byte-order mark,
 * a line end, spaces.  None of it belongs to the fields.
 */
static char *
strip_scanner_noise (const char *text)
{
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;

  return g_strstrip (g_strdup (text));
}

/* Parses ddMMyyyy; returns FALSE unless it is exactly 8 digits making a
 * real date.
 */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int digits[8];
  int day, month, year;

  if (strlen (text) != 8)
    return FALSE;
  for (int i = 0; i < 8; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      digits[i] = text[i] - '0';
    }

  day = digits[0] * 10 + digits[1];
  month = digits[2] * 10 + digits[3];
  year = digits[4] * 1000 + digits[5] * 100 + digits[6] * 10 + digits[7];

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
parse_dates (XasoChipQr  *qr,
             char       **fields,
             GError     **error)
{
  if (!parse_date (fields[FIELD_BIRTH_DATE], &qr->birth_date))
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_BAD_DATE,
                   /* Translators: %s is what the QR code holds instead. */
                   _("The birth date in the QR code (“%s”) is not a date written as ddMMyyyy."),
                   fields[FIELD_BIRTH_DATE]);
      return FALSE;
    }

  if (!parse_date (fields[FIELD_ISSUE_DATE], &qr->issue_date))
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_BAD_DATE,
                   /* Translators: %s is what the QR code holds instead. */
                   _("The issue date in the QR code (“%s”) is not a date written as ddMMyyyy."),
                   fields[FIELD_ISSUE_DATE]);
      return FALSE;
    }

  if (g_date_compare (&qr->issue_date, &qr->birth_date) < 0)
    {
      g_set_error_literal (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_INCONSISTENT,
                           _("The QR code is inconsistent: the card was issued before "
                             "the birth date."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_sex (XasoChipQr  *qr,
           const char  *field,
           GError     **error)
{
  g_autofree char *folded = xaso_fold (field);

  /* Folding accepts "NAM", "nữ" and decomposed "Nữ" alike. */
  if (strcmp (folded, "nam") == 0)
    qr->sex = XASO_SEX_MALE;
  else if (strcmp (folded, "nu") == 0)
    qr->sex = XASO_SEX_FEMALE;
  else
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_BAD_SEX,
                   /* Translators: %s is what the QR code holds; "Nam" and "Nữ"
                    * are printed on the card in Vietnamese and must stay so. */
                   _("The QR code gives the sex as “%s” instead of “Nam” or “Nữ”."),
                   field);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_numbers (XasoChipQr  *qr,
               char       **fields,
               XasoIdInfo  *info,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!xaso_id_number_decode (fields[FIELD_ID], info, &local_error))
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_ID_NUMBER,
                   /* Translators: %s explains what is wrong with the number. */
                   _("The ID number in the QR code is not valid: %s"),
                   local_error->message);
      return FALSE;
    }
  qr->id_number = g_strdup (fields[FIELD_ID]);

  if (*fields[FIELD_OLD_ID] == '\0')
    return TRUE;

  if (!xaso_id_old_number_validate (fields[FIELD_OLD_ID], &local_error))
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_OLD_ID_NUMBER,
                   /* Translators: %s explains what is wrong with the number. */
                   _("The old ID card number in the QR code is not valid: %s"),
                   local_error->message);
      return FALSE;
    }
  qr->old_id_number = g_strdup (fields[FIELD_OLD_ID]);

  return TRUE;
}

/* The ID number encodes the sex and the birth year; a card whose fields
 * disagree with it was misread or is not genuine.
 */
static gboolean
check_consistency (XasoChipQr        *qr,
                   const XasoIdInfo  *info,
                   GError           **error)
{
  int birth_year = g_date_get_year (&qr->birth_date);

  if (info->sex != qr->sex && info->sex == XASO_SEX_FEMALE)
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_INCONSISTENT,
                   /* Translators: %c is the 4th digit of the ID number. */
                   _("The QR code is inconsistent: its ID number says female "
                     "(4th digit %c) but its sex field says male."),
                   qr->id_number[3]);
      return FALSE;
    }

  if (info->sex != qr->sex)
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_INCONSISTENT,
                   /* Translators: %c is the 4th digit of the ID number. */
                   _("The QR code is inconsistent: its ID number says male "
                     "(4th digit %c) but its sex field says female."),
                   qr->id_number[3]);
      return FALSE;
    }

  if (info->birth_year != birth_year)
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_INCONSISTENT,
                   /* Translators: both %d are years. */
                   _("The QR code is inconsistent: its ID number says born in %d "
                     "but its birth date is in %d."),
                   info->birth_year, birth_year);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_fields (XasoChipQr  *qr,
              char       **fields,
              GError     **error)
{
  XasoIdInfo info;

  for (guint i = 0; i < N_FIELDS; i++)
    g_strstrip (fields[i]);

  if (!parse_numbers (qr, fields, &info, error))
    return FALSE;

  if (*fields[FIELD_NAME] == '\0')
    {
      g_set_error_literal (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_NAME_MISSING,
                           _("The QR code holds no full name."));
      return FALSE;
    }

  /* Some phone scanners hand over decomposed (NFD) letters; the register
   * stores composed ones.
   */
  qr->full_name = g_utf8_normalize (fields[FIELD_NAME], -1, G_NORMALIZE_NFC);
  qr->address = g_utf8_normalize (fields[FIELD_ADDRESS], -1, G_NORMALIZE_NFC);

  return parse_dates (qr, fields, error) &&
         parse_sex (qr, fields[FIELD_SEX], error) &&
         check_consistency (qr, &info, error);
}

/**
 * xaso_chip_qr_parse:
 * @text: the text a scanner read from the card's QR code
 * @error: return location for an error in %XASO_CHIP_QR_ERROR
 *
 * Splits and checks the text: the ID number must be valid and agree with
 * the sex and birth date on the card.
 *
 * Returns: (transfer full) (nullable): the card's data, or %NULL on error
 */
XasoChipQr *
xaso_chip_qr_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(XasoChipQr) qr = NULL;
  g_autofree char *stripped = NULL;
  g_auto(GStrv) fields = NULL;
  guint n_fields;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_NOT_TEXT,
                           _("The scanned QR code is not readable text. Scan it again."));
      return NULL;
    }

  stripped = strip_scanner_noise (text);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_FIELD_COUNT,
                           _("The scanned QR code is empty."));
      return NULL;
    }

  fields = g_strsplit (stripped, "|", -1);
  n_fields = g_strv_length (fields);

  if (n_fields < N_FIELDS)
    {
      g_set_error (error, XASO_CHIP_QR_ERROR, XASO_CHIP_QR_ERROR_FIELD_COUNT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This is not the QR code of a chip ID card: it has %u field "
                                "separated by “|” instead of 7.",
                                "This is not the QR code of a chip ID card: it has %u fields "
                                "separated by “|” instead of 7.",
                                n_fields),
                   n_fields);
      return NULL;
    }

  qr = g_new0 (XasoChipQr, 1);
  g_date_clear (&qr->birth_date, 1);
  g_date_clear (&qr->issue_date, 1);

  if (!parse_fields (qr, fields, error))
    return NULL;

  return g_steal_pointer (&qr);
}
