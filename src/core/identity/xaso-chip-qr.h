/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "xaso-id-number.h"

G_BEGIN_DECLS

#define XASO_CHIP_QR_ERROR (xaso_chip_qr_error_quark ())

typedef enum
{
  XASO_CHIP_QR_ERROR_NOT_TEXT,
  XASO_CHIP_QR_ERROR_FIELD_COUNT,
  XASO_CHIP_QR_ERROR_ID_NUMBER,
  XASO_CHIP_QR_ERROR_OLD_ID_NUMBER,
  XASO_CHIP_QR_ERROR_NAME_MISSING,
  XASO_CHIP_QR_ERROR_BAD_DATE,
  XASO_CHIP_QR_ERROR_BAD_SEX,
  XASO_CHIP_QR_ERROR_INCONSISTENT,
} XasoChipQrError;

/* What the QR code on a chip citizen card holds, in this order, separated
 * by "|":  ID number | old ID card number (may be empty) | full name |
 * birth date ddMMyyyy | sex "Nam" or "Nữ" | permanent address | issue date
 * ddMMyyyy.  Newer cards may append more fields; they are ignored.
 */
typedef struct
{
  char    *id_number;
  char    *old_id_number;   /* %NULL when the card shows none */
  char    *full_name;       /* NFC */
  GDate    birth_date;
  XasoSex  sex;
  char    *address;         /* NFC; may be empty */
  GDate    issue_date;
} XasoChipQr;

GQuark      xaso_chip_qr_error_quark (void);

XasoChipQr *xaso_chip_qr_parse       (const char  *text,
                                      GError     **error);
void        xaso_chip_qr_free        (XasoChipQr  *qr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoChipQr, xaso_chip_qr_free)

G_END_DECLS
