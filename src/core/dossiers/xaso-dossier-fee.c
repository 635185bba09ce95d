/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-dossier-fee.h"

static const char * const names[] = { "none", "meritorious", "poor", "disabled" };

const char *
xaso_exemption_to_string (XasoExemption exemption)
{
  g_return_val_if_fail (exemption < G_N_ELEMENTS (names), NULL);
  return exemption == XASO_EXEMPTION_NONE ? NULL : names[exemption];
}

gboolean
xaso_exemption_from_string (const char    *text,
                            XasoExemption *exemption)
{
  *exemption = XASO_EXEMPTION_NONE;
  if (text == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *exemption = i;
        return TRUE;
      }
  return FALSE;
}

const char *
xaso_exemption_label (XasoExemption exemption)
{
  static const char * const labels[] = {
    N_("No exemption"), N_("Family of a person with meritorious services"), N_("Poor household"),
    N_("Person with a disability"),
  };

  g_return_val_if_fail (exemption < G_N_ELEMENTS (labels), "");
  return _(labels[exemption]);
}

static gboolean
is_civil_status (XasoProcedure *procedure)
{
  return g_strcmp0 (procedure->field, "Hộ tịch") == 0;
}

gint64
xaso_dossier_fee (XasoProcedure  *procedure,
                  XasoExemption   exemption,
                  char          **note)
{
  if (exemption != XASO_EXEMPTION_NONE && is_civil_status (procedure))
    {
      if (note != NULL)
        /* Translators: %s is who is exempt, e.g. "Poor household". */
        *note = g_strdup_printf (_("Exempt from the fee (Law on Civil Status, Art. 11): %s"),
                                 xaso_exemption_label (exemption));
      return 0;
    }
  if (note != NULL)
    *note = procedure->fee_by_province ? g_strdup (_("Fee set by the provincial People’s Council"))
                                       : g_strdup (procedure->fee_note);
  return procedure->fee_by_province ? 0 : procedure->fee_amount;
}

char *
xaso_format_money (gint64 amount)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (amount));
  gsize n = strlen (plain);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (digits, '.');
      g_string_append_c (digits, plain[i]);
    }
  return g_strdup_printf ("%s%s đồng", amount < 0 ? "-" : "", digits->str);
}
