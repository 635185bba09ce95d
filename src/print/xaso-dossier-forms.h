/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

#define XASO_DOSSIER_FORM_ERROR (xaso_dossier_form_error_quark ())

typedef enum
{
  XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE,   /* the dossier's history holds nothing the form reports */
} XasoDossierFormError;

/* The one-stop forms of Circular 03/2025/TT-VPCP, Appendix I, that print
 * one dossier (Mẫu 07, the follow-up register, is xaso-dossier-book.h). */
typedef enum
{
  XASO_DOSSIER_FORM_RECEIPT = 1,     /* 01 giấy tiếp nhận hồ sơ và hẹn trả kết quả */
  XASO_DOSSIER_FORM_SUPPLEMENT,      /* 02 phiếu yêu cầu bổ sung, hoàn thiện hồ sơ */
  XASO_DOSSIER_FORM_REFUSAL,         /* 03 phiếu từ chối tiếp nhận, giải quyết hồ sơ */
  XASO_DOSSIER_FORM_APOLOGY,         /* 04 văn bản xin lỗi và hẹn lại ngày trả kết quả */
  XASO_DOSSIER_FORM_STOP,            /* 05 thông báo dừng giải quyết hồ sơ */
  XASO_DOSSIER_FORM_CONTROL,         /* 06 phiếu kiểm soát quá trình giải quyết hồ sơ */
} XasoDossierForm;

GQuark      xaso_dossier_form_error_quark  (void);
/* "01"…"06" (or "1"…"6"). */
gboolean    xaso_dossier_form_from_string  (const char       *text,
                                            XasoDossierForm  *form);
/* The form's title as the circular prints it. */
const char *xaso_dossier_form_title        (XasoDossierForm   form);

/* Writes @form of the dossier @dossier_id as an A4 PDF to @output and
 * records that @actor printed it (an audited "printed" event). A form the
 * dossier's history does not call for (a supplement request without any
 * request…) is refused with XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE; on any
 * error no file is left. */
gboolean    xaso_dossier_form_print        (XasoDatabase     *db,
                                            XasoUser         *actor,
                                            const char       *dossier_id,
                                            XasoDossierForm   form,
                                            const char       *output,
                                            GCancellable     *cancellable,
                                            GError          **error);

G_END_DECLS
