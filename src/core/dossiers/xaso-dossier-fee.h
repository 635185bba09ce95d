/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-procedure.h"

G_BEGIN_DECLS

/* Who the Law on Civil Status (Art. 11) exempts from its fees: families of
 * people with meritorious services, poor households, people with
 * disabilities. Other fields' fees are not waived by these. */
typedef enum
{
  XASO_EXEMPTION_NONE,
  XASO_EXEMPTION_MERITORIOUS,   /* người có công với cách mạng */
  XASO_EXEMPTION_POOR,          /* hộ nghèo */
  XASO_EXEMPTION_DISABLED,      /* người khuyết tật */
} XasoExemption;

const char    *xaso_exemption_to_string   (XasoExemption  exemption);
gboolean       xaso_exemption_from_string (const char    *text,
                                           XasoExemption *exemption);
const char    *xaso_exemption_label       (XasoExemption  exemption);

/* The fee due at reception, in đồng; 0 when exempt. *@note (may be NULL)
 * says why, for the slip: the exemption, "set by the province", or the
 * procedure's fee note. */
gint64         xaso_dossier_fee           (XasoProcedure *procedure,
                                           XasoExemption  exemption,
                                           char         **note);
/* "8.000 đồng", the way amounts are written in Vietnam. */
char          *xaso_format_money          (gint64         amount);

G_END_DECLS
