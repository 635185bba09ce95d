/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-document.h"
#include "xaso-fold.h"

struct _XasoDocument
{
  XasoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (XasoDocument, xaso_document, XASO_TYPE_RECORD)
G_DEFINE_QUARK (xaso-document-error-quark, xaso_document_error)

static const XasoRecordField document_fields[] = {
  { "direction" }, { "register_id" }, { "number" }, { "notation" }, { "type_code" }, { "issuer" },
  { "issued_date" }, { "received_date" }, { "subject" }, { "urgency" }, { "confidentiality" }, { "signer" },
  { "recipients" }, { "status" }, { "deadline" }, { "lead_user_id" }, { "reply_to_id" }, { "copies" },
  { "notes" }, { "page_count" }, { "recipient_unit" }, { "lead_unit" }, { "co_handlers" }, { "directive" },
  { "progress" }, { "signed_date" }, { "transferred_date" }, { "sealed_date" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (document_fields) == XASO_DOCUMENT_N_FIELDS);

enum {
  PROP_NUMBER_DISPLAY = XASO_DOCUMENT_N_FIELDS + 1,
  PROP_STATUS_LABEL,
  PROP_URGENCY_LABEL,
  PROP_DATE_DISPLAY,
  PROP_DEADLINE_DISPLAY,
  PROP_DUE_LABEL,
};

static const char * const statuses[] = {
  XASO_DOCUMENT_REGISTERED, XASO_DOCUMENT_PRESENTED, XASO_DOCUMENT_DIRECTED, XASO_DOCUMENT_IN_PROGRESS,
  XASO_DOCUMENT_DONE, XASO_DOCUMENT_DRAFT, XASO_DOCUMENT_REVIEWING, XASO_DOCUMENT_SIGNING,
  XASO_DOCUMENT_SIGNED, XASO_DOCUMENT_ISSUED, XASO_DOCUMENT_REVOKED, XASO_DOCUMENT_RECEIVED, NULL
};

const char *
xaso_document_status_label (const char *status)
{
  static const char * const labels[] = {
    N_("Registered"), N_("Presented"), N_("Directed"), N_("In progress"), N_("Done"), N_("Draft"),
    N_("In review"), N_("Waiting for signature"), N_("Signed"), N_("Issued"), N_("Revoked"),
    /* Translators: an incoming document received but not yet given its số đến ("Chờ vào sổ"). */
    N_("Waiting to be registered"),
  };

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (status, statuses[i]) == 0)
      return _(labels[i]);
  return status != NULL ? status : "";
}

static const char * const urgencies[] = { "normal", "urgent", "very_urgent", "flash", NULL };
static const char * const secrecies[] = { "none", "confidential", "secret", "top_secret", NULL };

const char *
xaso_document_urgency_label (const char *urgency)
{
  /* Decree 30: Khẩn, Thượng khẩn, Hỏa tốc. */
  static const char * const labels[] = { N_("Normal"), N_("Urgent"), N_("Very urgent"), N_("Flash") };

  for (guint i = 0; urgencies[i] != NULL; i++)
    if (g_strcmp0 (urgency, urgencies[i]) == 0)
      return _(labels[i]);
  return "";
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_iso_date (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *midnight = NULL;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10)
    return FALSE;
  midnight = g_strconcat (text, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (midnight, NULL);
  return dt != NULL;
}

static gboolean
xaso_document_validate (XasoRecord    *record,
                        XasoDatabase  *db,
                        GError       **error)
{
  XasoDocument *self = XASO_DOCUMENT (record);
  static const XasoDocumentField dates[] = {
    XASO_DOCUMENT_ISSUED_DATE, XASO_DOCUMENT_RECEIVED_DATE, XASO_DOCUMENT_DEADLINE, XASO_DOCUMENT_SIGNED_DATE,
    XASO_DOCUMENT_TRANSFERRED_DATE,
  };
  const char *subject = xaso_document_get (self, XASO_DOCUMENT_SUBJECT);

  if (!g_strv_contains ((const char * const[]){ "incoming", "outgoing", NULL },
                        xaso_document_get (self, XASO_DOCUMENT_DIRECTION) ?: ""))
    return invalid (error, _("A document is either incoming or outgoing."));
  if (subject == NULL || *subject == '\0')
    return invalid (error, _("Enter the subject (trích yếu) of the document."));
  if (!g_strv_contains (urgencies, xaso_document_get (self, XASO_DOCUMENT_URGENCY) ?: "normal"))
    return invalid (error, _("Choose the urgency: normal, urgent, very urgent or flash."));
  if (!g_strv_contains (secrecies, xaso_document_get (self, XASO_DOCUMENT_CONFIDENTIALITY) ?: "none"))
    return invalid (error, _("Choose the confidentiality level."));
  if (!g_strv_contains (statuses, xaso_document_get (self, XASO_DOCUMENT_STATUS) ?: XASO_DOCUMENT_DRAFT))
    return invalid (error, _("This document status is unknown."));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!is_iso_date (xaso_document_get (self, dates[i])))
      return invalid (error, _("Dates are written as YYYY-MM-DD, for example 2026-01-05."));
  return TRUE;
}

static void
xaso_document_prepare_save (XasoRecord *record,
                            XasoChange *change)
{
  g_autofree char *folded = xaso_fold (xaso_document_get (XASO_DOCUMENT (record), XASO_DOCUMENT_SUBJECT));

  xaso_change_set_text (change, "subject_folded", folded);
}

static char *
display_date (const char *iso)
{
  if (iso == NULL || strlen (iso) < 10)
    return g_strdup (iso);
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

static char *
number_display (XasoDocument *self)
{
  const char *number = xaso_document_get (self, XASO_DOCUMENT_NUMBER);

  if (number == NULL)
    return NULL;
  return g_strdup_printf ("%02d", atoi (number));
}

static gboolean
is_open (XasoDocument *self)
{
  static const char * const open[] = { XASO_DOCUMENT_REGISTERED, XASO_DOCUMENT_PRESENTED, XASO_DOCUMENT_DIRECTED,
                                       XASO_DOCUMENT_IN_PROGRESS, NULL };

  return g_strv_contains (open, xaso_document_get (self, XASO_DOCUMENT_STATUS) ?: "");
}

/* What needs attention at a glance: the urgency when not normal, and an
 * open document's deadline when it is today or past. */
static char *
due_label (XasoDocument *self)
{
  const char *urgency = xaso_document_get (self, XASO_DOCUMENT_URGENCY);
  const char *deadline = xaso_document_get (self, XASO_DOCUMENT_DEADLINE);
  g_autoptr(GDateTime) now = xaso_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *due = NULL;

  if (is_open (self) && deadline != NULL && strcmp (deadline, today) < 0)
    due = _("Overdue");
  else if (is_open (self) && g_strcmp0 (deadline, today) == 0)
    due = _("Due today");
  if (g_strcmp0 (urgency ?: "normal", "normal") == 0)
    return g_strdup (due);
  return g_strjoin (" · ", xaso_document_urgency_label (urgency), due, NULL);
}

static void
xaso_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XasoDocument *self = XASO_DOCUMENT (object);
  gboolean incoming = xaso_document_is_incoming (self);

  switch (prop_id)
    {
    case PROP_NUMBER_DISPLAY:
      g_value_take_string (value, number_display (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, xaso_document_status_label (xaso_document_get (self, XASO_DOCUMENT_STATUS)));
      break;
    case PROP_URGENCY_LABEL:
      g_value_set_string (value, xaso_document_urgency_label (xaso_document_get (self, XASO_DOCUMENT_URGENCY)));
      break;
    case PROP_DATE_DISPLAY:
      g_value_take_string (value, display_date (xaso_document_get (self, incoming ? XASO_DOCUMENT_RECEIVED_DATE
                                                                                  : XASO_DOCUMENT_ISSUED_DATE)));
      break;
    case PROP_DEADLINE_DISPLAY:
      g_value_take_string (value, display_date (xaso_document_get (self, XASO_DOCUMENT_DEADLINE)));
      break;
    case PROP_DUE_LABEL:
      g_value_take_string (value, due_label (self));
      break;
    default:
      G_OBJECT_CLASS (xaso_document_parent_class)->get_property (object, prop_id, value, pspec);
    }
}

static void
install_string (GObjectClass *object_class,
                guint         prop_id,
                const char   *name)
{
  g_object_class_install_property (object_class, prop_id,
    g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
xaso_document_class_init (XasoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  XasoRecordClass *record_class = XASO_RECORD_CLASS (klass);

  xaso_record_class_set_fields (record_class, "document", document_fields, G_N_ELEMENTS (document_fields));
  object_class->get_property = xaso_document_get_property;
  record_class->validate = xaso_document_validate;
  record_class->prepare_save = xaso_document_prepare_save;

  install_string (object_class, PROP_NUMBER_DISPLAY, "number-display");
  install_string (object_class, PROP_STATUS_LABEL, "status-label");
  install_string (object_class, PROP_URGENCY_LABEL, "urgency-label");
  install_string (object_class, PROP_DATE_DISPLAY, "date-display");
  install_string (object_class, PROP_DEADLINE_DISPLAY, "deadline-display");
  install_string (object_class, PROP_DUE_LABEL, "due-label");
}

static void
xaso_document_init (XasoDocument *self)
{
}

XasoDocument *
xaso_document_new (const char *direction)
{
  XasoDocument *self = g_object_new (XASO_TYPE_DOCUMENT, NULL);

  xaso_document_set (self, XASO_DOCUMENT_DIRECTION, direction);
  xaso_document_set (self, XASO_DOCUMENT_URGENCY, "normal");
  xaso_document_set (self, XASO_DOCUMENT_CONFIDENTIALITY, "none");
  return self;
}

XasoDocument *
xaso_document_load (XasoDatabase  *db,
                    const char    *id,
                    GError       **error)
{
  return xaso_record_load (XASO_TYPE_DOCUMENT, db, id, error);
}

const char *
xaso_document_get (XasoDocument      *self,
                   XasoDocumentField  field)
{
  return xaso_record_get (XASO_RECORD (self), field);
}

void
xaso_document_set (XasoDocument      *self,
                   XasoDocumentField  field,
                   const char        *value)
{
  xaso_record_set (XASO_RECORD (self), field, value);
}

gboolean
xaso_document_is_incoming (XasoDocument *self)
{
  return g_strcmp0 (xaso_document_get (self, XASO_DOCUMENT_DIRECTION), "incoming") == 0;
}

gboolean
xaso_document_is_sealed (XasoDocument *self)
{
  return xaso_document_get (self, XASO_DOCUMENT_SEALED_DATE) != NULL;
}

gboolean
xaso_document_is_secret (XasoDocument *self)
{
  return g_strcmp0 (xaso_document_get (self, XASO_DOCUMENT_CONFIDENTIALITY) ?: "none", "none") != 0;
}

gboolean
xaso_document_is_overdue (XasoDocument *self,
                          const char   *today)
{
  const char *deadline = xaso_document_get (self, XASO_DOCUMENT_DEADLINE);

  return deadline != NULL && is_open (self) && strcmp (deadline, today) < 0;
}
