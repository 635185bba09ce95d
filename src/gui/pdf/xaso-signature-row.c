/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-signature-row.h"

/* One signature of the signatures panel: who signed, and our verdict —
 * never poppler's — with the certificate's details when expanded. */

struct _XasoSignatureRow
{
  AdwExpanderRow  parent_instance;

  GtkImage       *status_icon;
  GtkLabel       *status_label;
  AdwActionRow   *organization_row;
  AdwActionRow   *time_row;
  AdwActionRow   *after_row;
  AdwActionRow   *trust_row;
  AdwActionRow   *revocation_row;
  AdwActionRow   *problems_row;
  AdwActionRow   *subject_row;
  AdwActionRow   *issuer_row;
  AdwActionRow   *serial_row;
  AdwActionRow   *validity_row;
};

G_DEFINE_FINAL_TYPE (XasoSignatureRow, xaso_signature_row, ADW_TYPE_EXPANDER_ROW)

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (_("Unknown"));
  local = g_date_time_to_local (time);
  /* Translators: a signing time, see g_date_time_format(). */
  return g_date_time_format (local, _("%H:%M:%S, %d/%m/%Y"));
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && text[0] != '\0' ? text : _("Unknown"));
}

static void
show_status (XasoSignatureRow             *self,
             const XasoPdfSignatureReport *report)
{
  const char *text, *icon, *style;

  if (!xaso_pdf_signature_report_is_valid (report))
    text = _("Not valid"), icon = "dialog-error-symbolic", style = "error";
  else if (!report->trusted)
    text = _("Valid, but the certificate is not trusted"), icon = "dialog-warning-symbolic", style = "warning";
  else
    text = _("Valid"), icon = "emblem-ok-symbolic", style = "success";
  gtk_label_set_label (self->status_label, text);
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
show_time (XasoSignatureRow             *self,
           const XasoPdfSignatureReport *report)
{
  g_autofree char *claimed = format_time (report->claimed_time);
  g_autofree char *stamped = NULL;
  g_autofree char *text = NULL;

  if (!report->has_timestamp)
    /* Translators: the time the signer's own computer gave. */
    text = g_strdup_printf (_("%s (from the signer’s computer, no time-stamp)"), claimed);
  else if (report->timestamp_ok && report->timestamp_trusted)
    text = g_strdup_printf (_("%s (trusted time-stamp)"), stamped = format_time (report->timestamp_time));
  else if (report->timestamp_ok)
    text = g_strdup_printf (_("%s (time-stamp from an untrusted authority)"),
                            stamped = format_time (report->timestamp_time));
  else
    text = g_strdup_printf (_("%s (the time-stamp is not valid)"), claimed);
  adw_action_row_set_subtitle (self->time_row, text);
}

static const char *
describe_after (const XasoPdfSignatureReport *report)
{
  switch (report->after)
    {
    case XASO_PDF_AFTER_NOTHING:
      return _("None: the signature covers the whole document");
    case XASO_PDF_AFTER_SIGNATURES:
      return _("Only later signatures were added");
    case XASO_PDF_AFTER_CHANGES:
    default:
      return _("The document was changed after this signature");
    }
}

static void
show_details (XasoSignatureRow             *self,
              const XasoPdfSignatureReport *report)
{
  g_autofree char *from = format_time (report->not_before);
  g_autofree char *until = format_time (report->not_after);
  g_autofree char *validity = g_strdup_printf (_("From %s to %s"), from, until);

  set_subtitle (self->organization_row, report->organization);
  adw_action_row_set_subtitle (self->after_row, describe_after (report));
  adw_action_row_set_subtitle (self->trust_row, report->trusted ? _("Chains to a trusted root certificate")
                                                                : report->trust_problem);
  adw_action_row_set_subtitle (self->revocation_row, xaso_pdf_signature_report_revocation (report));
  set_subtitle (self->subject_row, report->subject);
  set_subtitle (self->issuer_row, report->issuer);
  set_subtitle (self->serial_row, report->serial);
  adw_action_row_set_subtitle (self->validity_row, validity);
  if (report->problems != NULL && report->problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < report->problems->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *) report->problems->pdata[i]);
      adw_action_row_set_subtitle (self->problems_row, text->str);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_row), TRUE);
    }
}

static void
xaso_signature_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XASO_TYPE_SIGNATURE_ROW);
  G_OBJECT_CLASS (xaso_signature_row_parent_class)->dispose (object);
}

static void
xaso_signature_row_class_init (XasoSignatureRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_signature_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-signature-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, organization_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, time_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, after_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, trust_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, revocation_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, problems_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, subject_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, serial_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignatureRow, validity_row);
}

static void
xaso_signature_row_init (XasoSignatureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->status_icon));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->status_label));
}

GtkWidget *
xaso_signature_row_new (const XasoPdfSignatureReport *report)
{
  XasoSignatureRow *self = g_object_new (XASO_TYPE_SIGNATURE_ROW, NULL);
  const char *name = report->signer_name != NULL ? report->signer_name : report->field_name;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name != NULL ? name : _("Unknown signer"));
  show_status (self, report);
  /* The verdict in the subtitle too, so it is read with the signer's name. */
  subtitle = g_strdup_printf ("%s · %s", gtk_label_get_label (self->status_label),
                              report->after == XASO_PDF_AFTER_CHANGES ? describe_after (report)
                              : report->organization ? report->organization : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  show_time (self, report);
  show_details (self, report);
  return GTK_WIDGET (self);
}
