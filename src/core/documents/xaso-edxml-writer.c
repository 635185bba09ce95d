/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-document-event.h"
#include "xaso-document-types.h"
#include "xaso-edxml-writer-private.h"

/* An issued outgoing document as an edXML package for the document axis:
 * the MessageHeader from the register's fields, a TraceHeader, the
 * manifest, and the signed file base64-encoded as its one attachment. */

#define CONTENT_ID "1"

static const char *
priority_of (const char *urgency)
{
  static const char * const urgencies[] = { "normal", "urgent", "very_urgent", "flash" };

  for (guint i = 0; i < G_N_ELEMENTS (urgencies); i++)
    if (g_strcmp0 (urgency, urgencies[i]) == 0)
      return (const char *[]){ "0", "1", "2", "3" }[i];
  return "0";
}

static void
write_recipients (XasoEdxmlWriter *writer,
                  XasoDocument    *doc)
{
  g_auto(GStrv) lines = g_strsplit (xaso_document_get (doc, XASO_DOCUMENT_RECIPIENTS) ?: "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      {
        _xaso_edxml_start (writer, "To");
        _xaso_edxml_text (writer, "OrganId", NULL);
        _xaso_edxml_text (writer, "OrganName", lines[i]);
        _xaso_edxml_end (writer);
      }
}

static void
write_places (XasoEdxmlWriter *writer,
              XasoDocument    *doc)
{
  g_auto(GStrv) lines = g_strsplit (xaso_document_get (doc, XASO_DOCUMENT_RECIPIENTS) ?: "", "\n", -1);

  _xaso_edxml_start (writer, "ToPlaces");
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      _xaso_edxml_text (writer, "Place", lines[i]);
  _xaso_edxml_end (writer);
}

static char *
signer_name (XasoDatabase *db,
             XasoDocument *doc)
{
  const char *signer = xaso_document_get (doc, XASO_DOCUMENT_SIGNER);
  g_autoptr(XasoUser) user = signer != NULL ? xaso_user_find (db, signer, NULL) : NULL;

  return g_strdup (user != NULL ? xaso_user_get (user, XASO_USER_FULL_NAME) : signer);
}

static void
write_code_and_type (XasoEdxmlWriter *writer,
                     XasoDocument    *doc,
                     const char      *date)
{
  const char *notation = xaso_document_get (doc, XASO_DOCUMENT_NOTATION);
  const char *slash = strchr (notation, '/');
  g_autofree char *number = g_strndup (notation, slash - notation);
  const char *type_code = xaso_document_get (doc, XASO_DOCUMENT_TYPE_CODE);

  _xaso_edxml_start (writer, "Code");
  _xaso_edxml_text (writer, "CodeNumber", number);
  _xaso_edxml_text (writer, "CodeNotation", slash + 1);
  _xaso_edxml_end (writer);
  _xaso_edxml_start (writer, "PromulgationInfo");
  _xaso_edxml_text (writer, "Place", NULL);
  _xaso_edxml_text (writer, "PromulgationDate", date);
  _xaso_edxml_end (writer);
  _xaso_edxml_start (writer, "DocumentType");
  /* Only công văn has a type number known here (18). */
  _xaso_edxml_text (writer, "Type", type_code == NULL || *type_code == '\0' ? "18" : NULL);
  _xaso_edxml_text (writer, "TypeName", xaso_document_type_name (type_code));
  _xaso_edxml_end (writer);
}

static void
write_message_header (XasoEdxmlWriter *writer,
                      XasoDatabase    *db,
                      XasoDocument    *doc,
                      const char      *organ_id)
{
  g_autofree char *date = _xaso_edxml_date (xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE));
  g_autofree char *due = _xaso_edxml_date (xaso_document_get (doc, XASO_DOCUMENT_DEADLINE));
  g_autofree char *signer = signer_name (db, doc);
  g_autofree char *document_id = g_strdup_printf ("%s,%s,%s", organ_id, date,
                                                  xaso_document_get (doc, XASO_DOCUMENT_NOTATION));

  write_recipients (writer, doc);
  write_code_and_type (writer, doc, date);
  _xaso_edxml_text (writer, "Subject", xaso_document_get (doc, XASO_DOCUMENT_SUBJECT));
  _xaso_edxml_text (writer, "Content", NULL);
  _xaso_edxml_start (writer, "SignerInfo");
  _xaso_edxml_text (writer, "Competence", NULL);
  _xaso_edxml_text (writer, "Position", NULL);
  _xaso_edxml_text (writer, "FullName", signer);
  _xaso_edxml_end (writer);
  _xaso_edxml_text (writer, "DueDate", due);
  write_places (writer, doc);
  _xaso_edxml_start (writer, "OtherInfo");
  _xaso_edxml_text (writer, "Priority", priority_of (xaso_document_get (doc, XASO_DOCUMENT_URGENCY)));
  _xaso_edxml_text (writer, "SphereOfPromulgation", NULL);
  _xaso_edxml_text (writer, "TyperNotation", NULL);
  _xaso_edxml_text (writer, "PromulgationAmount", xaso_document_get (doc, XASO_DOCUMENT_COPIES));
  _xaso_edxml_text (writer, "PageAmount", xaso_document_get (doc, XASO_DOCUMENT_PAGE_COUNT));
  _xaso_edxml_end (writer);
  _xaso_edxml_text (writer, "SteeringType", "0");
  _xaso_edxml_text (writer, "DocumentId", document_id);
}

static void
write_trace (XasoEdxmlWriter *writer,
             const char      *organ_id,
             XasoUser        *actor)
{
  g_autofree char *now = _xaso_edxml_timestamp ();

  _xaso_edxml_start (writer, "TraceHeaderList");
  _xaso_edxml_start (writer, "TraceHeader");
  _xaso_edxml_text (writer, "OrganId", organ_id);
  _xaso_edxml_text (writer, "Timestamp", now);
  _xaso_edxml_end (writer);
  _xaso_edxml_start (writer, "Bussiness");
  _xaso_edxml_text (writer, "BussinessDocType", "0");
  _xaso_edxml_text (writer, "BussinessDocReason", NULL);
  _xaso_edxml_start (writer, "StaffInfo");
  _xaso_edxml_text (writer, "Department", NULL);
  _xaso_edxml_text (writer, "Staff", actor != NULL ? xaso_user_get (actor, XASO_USER_FULL_NAME) : NULL);
  _xaso_edxml_end (writer);
  _xaso_edxml_text (writer, "Paper", "0");
  _xaso_edxml_end (writer);
  _xaso_edxml_end (writer);
}

static void
write_attachment (XasoEdxmlWriter *writer,
                  const char      *name,
                  GBytes          *bytes)
{
  _xaso_edxml_start (writer, "edXMLBody");
  _xaso_edxml_start (writer, "edXMLManifest");
  _xaso_edxml_start (writer, "Reference");
  if (!writer->failed)
    xmlTextWriterWriteAttribute (writer->w, BAD_CAST "xlink:href", BAD_CAST "cid:" CONTENT_ID);
  _xaso_edxml_text (writer, "ContentId", CONTENT_ID);
  _xaso_edxml_text (writer, "ContentType", "application/pdf");
  _xaso_edxml_text (writer, "AttachmentName", name);
  _xaso_edxml_text (writer, "Description", NULL);
  _xaso_edxml_end (writer);
  _xaso_edxml_end (writer);
  _xaso_edxml_end (writer);
  _xaso_edxml_end (writer);   /* edXMLEnvelope */
  /* The attachments follow the envelope, unprefixed in the same namespace. */
  if (!writer->failed)
    {
      xmlTextWriterStartElement (writer->w, BAD_CAST "AttachmentEncoded");
      xmlTextWriterStartElement (writer->w, BAD_CAST "Attachment");
      xmlTextWriterWriteElement (writer->w, BAD_CAST "ContentId", BAD_CAST CONTENT_ID);
      xmlTextWriterWriteElement (writer->w, BAD_CAST "ContentType", BAD_CAST "application/pdf");
      xmlTextWriterWriteElement (writer->w, BAD_CAST "AttachmentName", BAD_CAST name);
      xmlTextWriterWriteElement (writer->w, BAD_CAST "Description", BAD_CAST "");
      xmlTextWriterStartElement (writer->w, BAD_CAST "ContentTransferEncoded");
      if (xmlTextWriterWriteBase64 (writer->w, g_bytes_get_data (bytes, NULL), 0,
                                    (int)g_bytes_get_size (bytes)) < 0)
        writer->failed = TRUE;
      xmlTextWriterEndElement (writer->w);
      xmlTextWriterEndElement (writer->w);
      xmlTextWriterEndElement (writer->w);
    }
}

static gboolean
check_sendable (XasoDocument  *doc,
                GError       **error)
{
  const char *notation = xaso_document_get (doc, XASO_DOCUMENT_NOTATION);

  if (xaso_document_is_incoming (doc) ||
      g_strcmp0 (xaso_document_get (doc, XASO_DOCUMENT_STATUS), XASO_DOCUMENT_ISSUED) != 0)
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE,
                           _("Only an issued outgoing document can be sent as an edXML package."));
      return FALSE;
    }
  if (xaso_document_is_secret (doc))
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE,
                           _("A confidential (mật) document is never sent over the document axis."));
      return FALSE;
    }
  if (notation == NULL || strchr (notation, '/') == NULL || xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE) == NULL)
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_INVALID,
                           _("The document has no number, notation or date to send."));
      return FALSE;
    }
  return TRUE;
}

static GMappedFile *
map_file (XasoDatabase  *db,
          XasoDocument  *doc,
          char         **name,
          GError       **error)
{
  g_autofree char *path = xaso_document_get_file (db, doc);
  g_autofree char *notation = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_FILE,
                           _("The document has no signed file to send."));
      return NULL;
    }
  /* The attachment is named after the notation: "15-UBND-VP.pdf". */
  notation = g_strdup (xaso_document_get (doc, XASO_DOCUMENT_NOTATION));
  g_strdelimit (notation, "/\\", '-');
  *name = g_strconcat (notation, ".pdf", NULL);
  return g_mapped_file_new (path, FALSE, error);
}

gboolean
xaso_edxml_write_document (XasoDatabase  *db,
                           XasoUser      *actor,
                           const char    *document_id,
                           const char    *out_path,
                           GError       **error)
{
  g_autoptr(XasoDocument) doc = xaso_document_load (db, document_id, error);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XasoCommune) commune = NULL;
  g_autofree char *name = NULL;
  g_auto(XasoEdxmlWriter) writer = { 0 };

  if (doc == NULL || !check_sendable (doc, error) || (commune = xaso_commune_load (db, error)) == NULL)
    return FALSE;
  if ((mapped = map_file (db, doc, &name, error)) == NULL)
    return FALSE;
  bytes = g_mapped_file_get_bytes (mapped);
  if (!_xaso_edxml_writer_open (&writer, out_path, error))
    return FALSE;
  _xaso_edxml_start (&writer, "edXMLEnvelope");
  _xaso_edxml_start (&writer, "edXMLHeader");
  _xaso_edxml_start (&writer, "MessageHeader");
  if (!_xaso_edxml_from_commune (&writer, db, error))
    return FALSE;
  write_message_header (&writer, db, doc, commune->agency_eid);
  _xaso_edxml_end (&writer);
  write_trace (&writer, commune->agency_eid, actor);
  _xaso_edxml_end (&writer);
  write_attachment (&writer, name, bytes);
  if (!_xaso_edxml_writer_close (&writer, error))
    return FALSE;
  /* Sent: in the document's history, with where it was written, when
   * someone signed in sent it (a script without --as is not a person). */
  return actor == NULL ||
         xaso_document_event_append (db, document_id, "edxml_exported", actor, NULL, out_path, NULL, error);
}
