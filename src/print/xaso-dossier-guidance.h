/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-dossier-flow.h"

G_BEGIN_DECLS

/* The written guidance the counter hands an applicant whose papers are
 * incomplete (Law on Civil Status, Art. 9(3); Decree 118/2025): the
 * request to supplement and complete the dossier (Mẫu 02) made at the
 * stage of reception, before any dossier exists, naming every missing
 * paper at once.
 *
 * Writes it for @reception as an A4 PDF to @output and records that
 * @actor printed it (an audited print of the procedure). When no
 * required paper is missing it is refused with
 * XASO_DOSSIER_FORM_ERROR_NOT_APPLICABLE: the dossier can be received.
 * On any error no file is left. */
gboolean  xaso_dossier_guidance_print  (XasoDatabase         *db,
                                        XasoUser             *actor,
                                        const XasoReception  *reception,
                                        const char           *output,
                                        GCancellable         *cancellable,
                                        GError              **error);

G_END_DECLS
