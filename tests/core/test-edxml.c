/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gnutls/crypto.h>
#include <string.h>

#include "xaso-attachment.h"
#include "xaso-document-actions.h"
#include "xaso-document-event.h"
#include "xaso-document-queue.h"
#include "xaso-edxml.h"
#include "xaso-test-util.h"

/* edXML (QCVN 102:2016): packages built here from the structure in the
 * reference are imported as registered incoming documents; an issued
 * outgoing document exported and imported elsewhere keeps its fields and
 * its file; hostile packages are refused by name, leaving nothing. */

#define NS "http://www.mic.gov.vn/TBT/QCVN_102_2016"

typedef struct
{
  char         *path;
  XasoDatabase *db;
  XasoUser     *clerk;
  XasoUser     *leader;
  XasoUser     *officer;
} Office;

static void
office_set_up (Office        *o,
               gconstpointer  data)
{
  o->path = xaso_test_temp_path ("edxml.db");
  o->db = xaso_test_open_commune (o->path);
  o->clerk = xaso_test_add_user (o->db, "vanthu", "Lê Thị Thư", "van_thu", NULL);
  o->leader = xaso_test_add_user (o->db, "chutich", "Nguyễn Văn Chủ", "lanh_dao", NULL);
  o->officer = xaso_test_add_user (o->db, "tuphap", "Phạm Thị Pháp", "chuyen_vien", NULL);
}

static void
office_tear_down (Office        *o,
                  gconstpointer  data)
{
  g_clear_object (&o->clerk);
  g_clear_object (&o->leader);
  g_clear_object (&o->officer);
  g_clear_object (&o->db);
  g_free (o->path);
}

static char *
sha256_of (const void *data,
           gsize       len)
{
  guint8 digest[32];
  GString *hex = g_string_new (NULL);

  gnutls_hash_fast (GNUTLS_DIG_SHA256, data, len, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return sha256_of (data, len);
}

static const char pdf_text[] = "%PDF-1.7\n% công văn đến qua trục liên thông\n%%EOF\n";

/* A package as the reference draws it, with @attachments (the
 * <Attachment> elements) after the envelope. */
static char *
package_with (const char *ns,
              const char *notation,
              const char *attachments)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<edXML xmlns=\"%s\" xmlns:edXML=\"%s\">\n"
    " <edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader>\n"
    "  <edXML:From><edXML:OrganId>000.00.31.H56</edXML:OrganId>"
    "<edXML:OrganName>Sở Nội vụ tỉnh Bắc Ninh</edXML:OrganName></edXML:From>\n"
    "  <edXML:To><edXML:OrganId>000.00.12.H56</edXML:OrganId><edXML:OrganName>UBND xã Thử</edXML:OrganName>"
    "</edXML:To>\n"
    "  <edXML:Code><edXML:CodeNumber>%s</edXML:CodeNumber><edXML:CodeNotation>SNV-CCHC</edXML:CodeNotation>"
    "</edXML:Code>\n"
    "  <edXML:PromulgationInfo><edXML:Place>Bắc Ninh</edXML:Place>"
    "<edXML:PromulgationDate>2026/03/02</edXML:PromulgationDate></edXML:PromulgationInfo>\n"
    "  <edXML:DocumentType><edXML:Type>18</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>\n"
    "  <edXML:Subject>V/v báo cáo công tác cải cách hành chính quý I &amp; kế hoạch quý II</edXML:Subject>\n"
    "  <edXML:SignerInfo><edXML:Position>Giám đốc</edXML:Position><edXML:FullName>Trần Văn Ký</edXML:FullName>"
    "</edXML:SignerInfo>\n"
    "  <edXML:DueDate>2026/03/20</edXML:DueDate>\n"
    "  <edXML:ToPlaces><edXML:Place>UBND các xã</edXML:Place><edXML:Place>Lưu: VT</edXML:Place></edXML:ToPlaces>\n"
    "  <edXML:OtherInfo><edXML:Priority>1</edXML:Priority><edXML:PromulgationAmount>3</edXML:PromulgationAmount>"
    "<edXML:PageAmount>2</edXML:PageAmount></edXML:OtherInfo>\n"
    "  <edXML:SteeringType>0</edXML:SteeringType>\n"
    "  <edXML:DocumentId>000.00.31.H56,2026/03/02,%s/SNV-CCHC</edXML:DocumentId>\n"
    " </edXML:MessageHeader>\n"
    " <edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>000.00.31.H56</edXML:OrganId>"
    "<edXML:Timestamp>2026/03/02 09:15:00</edXML:Timestamp></edXML:TraceHeader>"
    "<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType><edXML:Paper>0</edXML:Paper>"
    "</edXML:Bussiness></edXML:TraceHeaderList>\n"
    " </edXML:edXMLHeader>\n"
    " <edXML:edXMLBody><edXML:edXMLManifest><edXML:Reference><edXML:ContentId>1</edXML:ContentId>"
    "</edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>\n"
    " </edXML:edXMLEnvelope>\n"
    " <AttachmentEncoded>%s</AttachmentEncoded>\n"
    "</edXML>\n", ns, ns, notation, notation, attachments);
}

static char *
attachment (const char *name,
            const char *type,
            const char *base64)
{
  return g_strdup_printf ("<Attachment><ContentId>%s</ContentId><ContentType>%s</ContentType>"
                          "<AttachmentName>%s</AttachmentName><ContentTransferEncoded>%s</ContentTransferEncoded>"
                          "</Attachment>", name, type, name, base64);
}

static char *
good_package (const char *number)
{
  g_autofree char *pdf64 = g_base64_encode ((const guchar *)pdf_text, strlen (pdf_text));
  g_autofree char *txt64 = g_base64_encode ((const guchar *)"Phụ lục", strlen ("Phụ lục"));
  g_autofree char *a = attachment ("bao-cao.pdf", "application/pdf", pdf64);
  g_autofree char *b = attachment ("phu-luc.txt", "text/plain", txt64);
  g_autofree char *both = g_strconcat (b, a, NULL);

  return package_with (NS, number, both);
}

static char *
write_package (Office     *o,
               const char *name,
               const char *xml)
{
  g_autofree char *dir = g_path_get_dirname (o->path);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return path;
}

static void
test_import (Office        *o,
             gconstpointer  data)
{
  g_autofree char *xml = good_package ("45");
  g_autofree char *path = write_package (o, "goi.xml", xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoDocument) doc = NULL, again = NULL;
  g_autoptr(GPtrArray) appendixes = NULL;
  g_autofree char *file = NULL, *sha = NULL, *expected = sha256_of (pdf_text, strlen (pdf_text));

  /* Registering is the văn thư's. */
  g_assert_null (xaso_edxml_import_file (o->db, o->officer, path, XASO_EDXML_IMPORT_REGISTER, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  doc = xaso_edxml_import_file (o->db, o->clerk, path, XASO_EDXML_IMPORT_REGISTER, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_NUMBER), ==, "1");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_REGISTERED);
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_ISSUER), ==, "Sở Nội vụ tỉnh Bắc Ninh");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_NOTATION), ==, "45/SNV-CCHC");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_ISSUED_DATE), ==, "2026-03-02");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_SUBJECT), ==,
                   "V/v báo cáo công tác cải cách hành chính quý I & kế hoạch quý II");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_URGENCY), ==, "urgent");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_DEADLINE), ==, "2026-03-20");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_SIGNER), ==, "Trần Văn Ký");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_RECIPIENTS), ==, "UBND các xã\nLưu: VT");
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_PAGE_COUNT), ==, "2");
  /* The PDF is the document's file, whatever its place; the rest is kept beside. */
  file = xaso_document_get_file (o->db, doc);
  sha = sha256_of_file (file);
  g_assert_cmpstr (sha, ==, expected);
  appendixes = xaso_edxml_list_appendixes (o->db, xaso_record_get_id (XASO_RECORD (doc)), &error);
  g_assert_cmpuint (appendixes->len, ==, 1);
  g_assert_cmpstr (((XasoAttachment *)g_ptr_array_index (appendixes, 0))->file_name, ==, "phu-luc.txt");
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_exchange "
                                           "WHERE from_organ_id = '000.00.31.H56'"), ==, 1);

  /* The same package twice is refused. */
  again = xaso_edxml_import_file (o->db, o->clerk, path, XASO_EDXML_IMPORT_REGISTER, &error);
  g_assert_null (again);
  g_assert_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_DUPLICATE);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document"), ==, 1);
}

static void
test_import_dir (Office        *o,
                 gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (o->path);
  g_autofree char *dir = g_build_filename (parent, "hop-thu", NULL);
  g_autofree char *broken = g_build_filename (dir, "hong.xml", NULL);
  g_autofree char *note = g_build_filename (dir, "ghi-chu.txt", NULL);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  const char *numbers[] = { "7", "8" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *xml = good_package (numbers[i]);
      g_autofree char *name = g_strdup_printf ("%s/goi-%u.xml", dir, i);

      g_assert_true (g_file_set_contents (name, xml, -1, NULL));
    }
  g_assert_true (g_file_set_contents (broken, "<edXML", -1, NULL));
  g_assert_true (g_file_set_contents (note, "không phải gói", -1, NULL));
  docs = xaso_edxml_import_dir (o->db, o->clerk, dir, XASO_EDXML_IMPORT_REGISTER, failures, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (failures, 0), "hong.xml"));
  g_assert_cmpstr (xaso_document_get (g_ptr_array_index (docs, 1), XASO_DOCUMENT_NUMBER), ==, "2");
}

/* ---- Waiting for the văn thư ---- */

/* The kinds of the document's events, in order, comma-separated. */
static char *
history_of (Office     *o,
            const char *id)
{
  g_autoptr(GPtrArray) events = xaso_document_event_list (o->db, id, NULL);
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (kinds, "%s%s", i > 0 ? "," : "",
                            ((XasoDocumentEvent *)g_ptr_array_index (events, i))->kind);
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static gboolean
in_queue (Office     *o,
          XasoQueue   queue,
          const char *id)
{
  g_autoptr(XasoDocumentFilter) filter = xaso_queue_filter (queue, "incoming", o->clerk);
  g_autoptr(GPtrArray) docs = NULL;

  /* After the packages' due date (2026-03-20), whenever the test runs. */
  filter->today = g_strdup ("2026-12-31");
  docs = xaso_document_search (o->db, filter, 0, NULL);

  for (guint i = 0; i < docs->len; i++)
    if (g_strcmp0 (xaso_record_get_id (g_ptr_array_index (docs, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static XasoDocument *
import_numbered (Office          *o,
                 XasoUser        *actor,
                 const char      *number,
                 XasoEdxmlImport  mode)
{
  g_autofree char *xml = good_package (number);
  g_autofree char *name = g_strdup_printf ("goi-%s.xml", number);
  g_autofree char *path = write_package (o, name, xml);
  g_autoptr(GError) error = NULL;
  XasoDocument *doc = xaso_edxml_import_file (o->db, actor, path, mode, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_import_pending (Office        *o,
                     gconstpointer  data)
{
  g_autoptr(XasoUser) reception = xaso_test_add_user (o->db, "tiepnhan", "Đỗ Văn Nhận", "tiep_nhan", NULL);
  g_autoptr(XasoDocument) paper = NULL;
  g_autofree char *xml = good_package ("70");
  g_autofree char *path = write_package (o, "cho.xml", xml);
  g_autoptr(XasoDocument) doc = NULL;
  g_autoptr(GPtrArray) appendixes = NULL;
  g_autofree char *file = NULL, *history = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  /* Taking a document in is the front desk's or the văn thư's, not an officer's. */
  g_assert_null (xaso_edxml_import_file (o->db, o->officer, path, XASO_EDXML_IMPORT_PENDING, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (xaso_edxml_import_file (o->db, reception, path, XASO_EDXML_IMPORT_REGISTER, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  doc = xaso_edxml_import_file (o->db, reception, path, XASO_EDXML_IMPORT_PENDING, &error);
  g_assert_no_error (error);
  id = xaso_record_get_id (XASO_RECORD (doc));
  g_assert_cmpstr (xaso_document_get (doc, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_RECEIVED);
  g_assert_null (xaso_document_get (doc, XASO_DOCUMENT_NUMBER));
  g_assert_null (xaso_document_get (doc, XASO_DOCUMENT_REGISTER_ID));
  g_assert_nonnull (xaso_document_get (doc, XASO_DOCUMENT_RECEIVED_DATE));
  g_assert_cmpstr (xaso_document_status_label (XASO_DOCUMENT_RECEIVED), ==, "Waiting to be registered");
  /* No number was taken from any register. */
  g_assert_cmpint (xaso_test_count (o->db, "SELECT coalesce (sum (last_number), 0) FROM register"), ==, 0);
  /* Its file, its appendix, its sender and its history are kept. */
  file = xaso_document_get_file (o->db, doc);
  g_assert_nonnull (file);
  appendixes = xaso_edxml_list_appendixes (o->db, id, &error);
  g_assert_cmpuint (appendixes->len, ==, 1);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_exchange"), ==, 1);
  history = history_of (o, id);
  g_assert_cmpstr (history, ==, "received,file_attached,edxml_imported");

  /* The same package again is refused, while it waits and once registered. */
  g_assert_null (xaso_edxml_import_file (o->db, reception, path, XASO_EDXML_IMPORT_PENDING, &error));
  g_assert_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (xaso_edxml_import_file (o->db, o->clerk, path, XASO_EDXML_IMPORT_REGISTER, &error));
  g_assert_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* Typed in by hand, it is a duplicate of the one waiting, said so. */
  paper = xaso_document_new ("incoming");
  xaso_document_set (paper, XASO_DOCUMENT_ISSUER, "Sở Nội vụ tỉnh Bắc Ninh");
  xaso_document_set (paper, XASO_DOCUMENT_NOTATION, "70/SNV-CCHC");
  xaso_document_set (paper, XASO_DOCUMENT_ISSUED_DATE, "2026-03-02");
  xaso_document_set (paper, XASO_DOCUMENT_SUBJECT, "Bản giấy");
  g_assert_null (xaso_document_register_incoming (o->db, o->clerk, paper, NULL, FALSE, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "waits to be registered"));
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document"), ==, 1);
}

static void
test_register_received (Office        *o,
                        gconstpointer  data)
{
  g_autoptr(XasoDocument) first = import_numbered (o, o->clerk, "80", XASO_EDXML_IMPORT_REGISTER);
  g_autoptr(XasoDocument) waiting = import_numbered (o, o->clerk, "81", XASO_EDXML_IMPORT_PENDING);
  g_autoptr(XasoDocument) registered = NULL, next = NULL;
  g_autofree char *history = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = xaso_record_get_id (XASO_RECORD (waiting));

  g_assert_cmpstr (xaso_document_get (first, XASO_DOCUMENT_NUMBER), ==, "1");
  /* Waiting: the văn thư's queue and step, nobody else's. */
  g_assert_true (in_queue (o, XASO_QUEUE_TO_REGISTER, id));
  g_assert_false (in_queue (o, XASO_QUEUE_TO_PRESENT, id));
  g_assert_false (in_queue (o, XASO_QUEUE_OVERDUE, id));
  g_assert_true (in_queue (o, XASO_QUEUE_ALL, id));
  g_assert_false (in_queue (o, XASO_QUEUE_TO_REGISTER, xaso_record_get_id (XASO_RECORD (first))));
  g_assert_true (in_queue (o, XASO_QUEUE_OVERDUE, xaso_record_get_id (XASO_RECORD (first))));
  g_assert_true (xaso_document_can (waiting, o->clerk, XASO_ACTION_REGISTER));
  g_assert_false (xaso_document_can (waiting, o->officer, XASO_ACTION_REGISTER));
  g_assert_false (xaso_document_can (waiting, o->clerk, XASO_ACTION_PRESENT));
  g_assert_false (xaso_document_can (waiting, o->leader, XASO_ACTION_DIRECT));
  g_assert_false (xaso_document_can (first, o->clerk, XASO_ACTION_REGISTER));

  /* A chuyên viên cannot register it, nor can it be presented first. */
  g_assert_null (xaso_document_register_received (o->db, o->officer, id, &error));
  g_assert_error (error, XASO_USER_ERROR, XASO_USER_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (xaso_document_present (o->db, o->clerk, id, o->leader, NULL, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);

  /* The văn thư registers it with the next số đến. */
  registered = xaso_document_register_received (o->db, o->clerk, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xaso_document_get (registered, XASO_DOCUMENT_NUMBER), ==, "2");
  g_assert_cmpstr (xaso_document_get (registered, XASO_DOCUMENT_STATUS), ==, XASO_DOCUMENT_REGISTERED);
  g_assert_cmpstr (xaso_document_get (registered, XASO_DOCUMENT_REGISTER_ID), ==,
                   xaso_document_get (first, XASO_DOCUMENT_REGISTER_ID));
  history = history_of (o, id);
  g_assert_true (g_str_has_suffix (history, ",registered"));
  g_assert_false (in_queue (o, XASO_QUEUE_TO_REGISTER, id));
  g_assert_true (in_queue (o, XASO_QUEUE_TO_PRESENT, id));
  g_assert_true (in_queue (o, XASO_QUEUE_OVERDUE, id));
  g_assert_true (xaso_document_can (registered, o->clerk, XASO_ACTION_PRESENT));

  /* Once only; the next document takes the number after. */
  g_assert_null (xaso_document_register_received (o->db, o->clerk, id, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  next = import_numbered (o, o->clerk, "82", XASO_EDXML_IMPORT_REGISTER);
  g_assert_cmpstr (xaso_document_get (next, XASO_DOCUMENT_NUMBER), ==, "3");
}

static void
test_queue_for_clerk_only (Office        *o,
                           gconstpointer  data)
{
  XasoQueue queues[XASO_N_QUEUES];
  guint n = xaso_queue_list ("incoming", XASO_ROLE_VAN_THU, queues);
  gboolean found = FALSE;

  for (guint i = 0; i < n; i++)
    found |= queues[i] == XASO_QUEUE_TO_REGISTER;
  g_assert_true (found);
  g_assert_cmpstr (xaso_queue_label (XASO_QUEUE_TO_REGISTER), ==, "To register");
  n = xaso_queue_list ("incoming", XASO_ROLE_CHUYEN_VIEN | XASO_ROLE_LANH_DAO, queues);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (queues[i], !=, XASO_QUEUE_TO_REGISTER);
  n = xaso_queue_list ("outgoing", XASO_ROLE_VAN_THU, queues);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (queues[i], !=, XASO_QUEUE_TO_REGISTER);
}

/* ---- Refused packages leave the database as it was ---- */

static void
assert_refused (Office     *o,
                GBytes     *package,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_package (o, "xau.xml", "");
  gint64 documents = xaso_test_count (o->db, "SELECT count(*) FROM document");
  gint64 numbers = xaso_test_count (o->db, "SELECT coalesce (sum (last_number), 0) FROM register");
  gint64 files = xaso_test_count (o->db, "SELECT count(*) FROM attachment");

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package), NULL));
  g_assert_null (xaso_edxml_import_file (o->db, o->clerk, path, XASO_EDXML_IMPORT_REGISTER, &error));
  g_assert_error (error, XASO_EDXML_ERROR, code);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document"), ==, documents);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT coalesce (sum (last_number), 0) FROM register"), ==, numbers);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM attachment"), ==, files);
  g_assert_cmpint (xaso_test_count (o->db, "SELECT count(*) FROM document_exchange"), ==, documents);
  g_unlink (path);
}

static void
assert_refused_text (Office     *o,
                     const char *xml,
                     int         code,
                     const char *words)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  assert_refused (o, bytes, code, words);
}

static void
test_refuse_malformed (Office        *o,
                       gconstpointer  data)
{
  g_autofree char *good = good_package ("50");
  g_autofree char *truncated = g_strndup (good, strlen (good) * 2 / 3);
  g_autofree char *wrong_ns = package_with ("http://example.com/edXML", "50", "");
  g_autofree char *bad = attachment ("hong.pdf", "application/pdf", "JVBERi0x*LjcK");
  g_autofree char *bad_package = package_with (NS, "50", bad);
  g_autofree char *padding = attachment ("dem.pdf", "application/pdf", "JV==BERi");
  g_autofree char *padding_package = package_with (NS, "50", padding);
  g_autofree char *short64 = attachment ("ngan.pdf", "application/pdf", "JVBERi0");
  g_autofree char *short_package = package_with (NS, "50", short64);
  g_autofree char *no_code = package_with (NS, "", "");
  /* The fuzzer's first find: a number with a letter read past its end. */
  g_autofree char *letters = package_with (NS, "4a5", "");
  g_autoptr(XasoDocument) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_package (o, "tot.xml", good);

  /* One good package first, so "unchanged" is measured on something. */
  first = xaso_edxml_import_file (o->db, o->clerk, path, XASO_EDXML_IMPORT_REGISTER, &error);
  g_assert_no_error (error);

  assert_refused_text (o, truncated, XASO_EDXML_ERROR_MALFORMED, NULL);
  assert_refused_text (o, "", XASO_EDXML_ERROR_MALFORMED, NULL);
  assert_refused_text (o, "không phải XML", XASO_EDXML_ERROR_MALFORMED, NULL);
  assert_refused_text (o, wrong_ns, XASO_EDXML_ERROR_NAMESPACE, "http://example.com/edXML");
  assert_refused_text (o, "<edXML><x/></edXML>", XASO_EDXML_ERROR_NAMESPACE, NULL);
  assert_refused_text (o, bad_package, XASO_EDXML_ERROR_BASE64, "hong.pdf");
  assert_refused_text (o, padding_package, XASO_EDXML_ERROR_BASE64, "dem.pdf");
  assert_refused_text (o, short_package, XASO_EDXML_ERROR_BASE64, "ngan.pdf");
  assert_refused_text (o, no_code, XASO_EDXML_ERROR_MISSING, "Code");
  assert_refused_text (o, letters, XASO_EDXML_ERROR_INVALID, "4a5");
}

static void
test_refuse_hostile (Office        *o,
                     gconstpointer  data)
{
  GString *deep = g_string_new ("<edXML xmlns=\"" NS "\">");
  g_autoptr(GBytes) deep_bytes = NULL;
  const char *laughs =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
    "<edXML xmlns=\"" NS "\">&lol3;</edXML>\n";
  const char *external =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE edXML SYSTEM \"file:///etc/passwd\">\n<edXML xmlns=\"" NS "\"/>\n";
  const char *undeclared = "<edXML xmlns=\"" NS "\">&lol;</edXML>";

  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "<a>");
  deep_bytes = g_string_free_to_bytes (deep);
  assert_refused (o, deep_bytes, XASO_EDXML_ERROR_TOO_DEEP, NULL);
  assert_refused_text (o, laughs, XASO_EDXML_ERROR_FORBIDDEN, "DOCTYPE");
  assert_refused_text (o, external, XASO_EDXML_ERROR_FORBIDDEN, "DOCTYPE");
  assert_refused_text (o, undeclared, XASO_EDXML_ERROR_MALFORMED, NULL);
}

/* 100 MB of attachment (133 MB of base64): refused once it passes the
 * limit, before the rest is decoded. */
static void
test_refuse_huge_attachment (Office        *o,
                             gconstpointer  data)
{
  gsize n = (gsize)100 * 1024 * 1024 / 3 * 4;
  g_autofree char *head = attachment ("to.pdf", "application/pdf", "@");
  g_autofree char *package = package_with (NS, "51", head);
  const char *at = strchr (package, '@');
  GByteArray *bytes = g_byte_array_sized_new (strlen (package) + n);
  g_autoptr(GBytes) huge = NULL;

  g_byte_array_append (bytes, (const guint8 *)package, at - package);
  g_byte_array_set_size (bytes, bytes->len + n);
  memset (bytes->data + bytes->len - n, 'A', n);
  g_byte_array_append (bytes, (const guint8 *)at + 1, strlen (at + 1));
  huge = g_byte_array_free_to_bytes (bytes);
  assert_refused (o, huge, XASO_EDXML_ERROR_TOO_LARGE, "to.pdf");
}

static char *
issue_outgoing (Office *o)
{
  g_autofree char *dir = g_path_get_dirname (o->path);
  g_autofree char *draft = g_build_filename (dir, "du-thao.pdf", NULL);
  g_autofree char *signed_pdf = g_build_filename (dir, "da-ky.pdf", NULL);
  g_autoptr(XasoDocument) doc = xaso_document_new ("outgoing");
  g_autoptr(XasoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  g_assert_true (g_file_set_contents (draft, "%PDF-1.7 bản dự thảo", -1, NULL));
  g_assert_true (g_file_set_contents (signed_pdf, pdf_text, -1, NULL));
  xaso_document_set (doc, XASO_DOCUMENT_TYPE_CODE, "QĐ");
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "Về việc thành lập Tổ công tác chuyển đổi số <năm 2026>");
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, "chutich");
  xaso_document_set (doc, XASO_DOCUMENT_URGENCY, "very_urgent");
  xaso_document_set (doc, XASO_DOCUMENT_RECIPIENTS, "Sở Nội vụ tỉnh Bắc Ninh\nLưu: VT");
  xaso_document_set (doc, XASO_DOCUMENT_PAGE_COUNT, "3");
  saved = xaso_document_save_draft (o->db, o->officer, doc, draft, &error);
  g_assert_no_error (error);
  id = g_strdup (xaso_record_get_id (XASO_RECORD (saved)));
  g_assert_true (xaso_document_submit (o->db, o->officer, id, TRUE, &error));
  g_assert_true (xaso_document_record_signature (o->db, o->leader, id, signed_pdf, &error));
  g_assert_true (xaso_document_issue (o->db, o->clerk, id, "2026-03-10", FALSE, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_round_trip (Office        *o,
                 gconstpointer  data)
{
  g_autofree char *id = issue_outgoing (o);
  g_autofree char *dir = g_path_get_dirname (o->path);
  g_autofree char *out = g_build_filename (dir, "di.edxml", NULL);
  g_autofree char *other_path = xaso_test_temp_path ("noi-nhan.db");
  g_autoptr(XasoDatabase) other = xaso_test_open_commune (other_path);
  g_autoptr(XasoUser) clerk = xaso_test_add_user (other, "vanthu", "Lê Thị Thư", "van_thu", NULL);
  g_autoptr(XasoDocument) sent = xaso_document_load (o->db, id, NULL);
  g_autoptr(XasoDocument) received = NULL;
  g_autoptr(XasoEdxmlPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL, *sha = NULL, *expected = sha256_of (pdf_text, strlen (pdf_text));

  g_assert_true (xaso_edxml_write_document (o->db, o->clerk, id, out, &error));
  g_assert_no_error (error);
  package = xaso_edxml_read_file (out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (package->from.organ_id, ==, "000.00.12.H56");
  g_assert_cmpuint (package->attachments->len, ==, 1);

  received = xaso_edxml_import_file (other, clerk, out, XASO_EDXML_IMPORT_REGISTER, &error);
  g_assert_no_error (error);
  for (XasoDocumentField f = XASO_DOCUMENT_NOTATION; f <= XASO_DOCUMENT_SUBJECT; f++)
    if (f != XASO_DOCUMENT_RECEIVED_DATE && f != XASO_DOCUMENT_ISSUER)
      g_assert_cmpstr (xaso_document_get (received, f), ==, xaso_document_get (sent, f));
  g_assert_cmpstr (xaso_document_get (received, XASO_DOCUMENT_URGENCY), ==, "very_urgent");
  g_assert_cmpstr (xaso_document_get (received, XASO_DOCUMENT_RECIPIENTS), ==, "Sở Nội vụ tỉnh Bắc Ninh\nLưu: VT");
  g_assert_cmpstr (xaso_document_get (received, XASO_DOCUMENT_PAGE_COUNT), ==, "3");
  g_assert_cmpstr (xaso_document_get (received, XASO_DOCUMENT_SIGNER), ==, "Nguyễn Văn Chủ");
  file = xaso_document_get_file (other, received);
  sha = sha256_of_file (file);
  g_assert_cmpstr (sha, ==, expected);
}

static void
test_export_refuses_draft (Office        *o,
                           gconstpointer  data)
{
  g_autoptr(XasoDocument) doc = xaso_document_new ("outgoing");
  g_autoptr(XasoDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = xaso_test_temp_path ("nhap.edxml");

  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, "Dự thảo");
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, "chutich");
  saved = xaso_document_save_draft (o->db, o->officer, doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (xaso_edxml_write_document (o->db, o->clerk, xaso_record_get_id (XASO_RECORD (saved)), out,
                                             &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Each status package written, and only those, is in the history: its
 * code and words in the note, by whom, translatable. */
static void
assert_statuses_noted (Office     *o,
                       const char *id,
                       const char *expected)
{
  g_autoptr(GPtrArray) events = xaso_document_event_list (o->db, id, NULL);
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      XasoDocumentEvent *e = g_ptr_array_index (events, i);

      if (g_strcmp0 (e->kind, "edxml_status") != 0)
        continue;
      g_string_append_printf (notes, "%s%s", notes->len > 0 ? "|" : "", e->note);
      g_assert_cmpstr (e->actor, ==, "Lê Thị Thư");
      g_assert_nonnull (strstr (e->data, "\"code\""));
    }
  g_assert_cmpstr (notes->str, ==, expected);
  g_assert_cmpstr (xaso_document_event_label ("edxml_status"), ==, "Status sent to the sender (edXML)");
}

static void
test_status (Office        *o,
             gconstpointer  data)
{
  g_autofree char *xml = good_package ("60");
  g_autofree char *path = write_package (o, "goi.xml", xml);
  g_autofree char *out = xaso_test_temp_path ("trang-thai.xml");
  g_autofree char *text = NULL;
  g_autoptr(XasoDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  XasoDirective directive = { .lead = o->officer, .deadline = "2026-03-20" };
  const char *id;

  doc = xaso_edxml_import_file (o->db, o->clerk, path, XASO_EDXML_IMPORT_REGISTER, &error);
  g_assert_no_error (error);
  id = xaso_record_get_id (XASO_RECORD (doc));
  g_assert_true (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_DELIVERED, out, &error));
  g_assert_true (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_REGISTERED, out, &error));
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<edXML:StatusCode>03</edXML:StatusCode>"));
  g_assert_nonnull (strstr (text, "<edXML:DocumentId>000.00.31.H56,2026/03/02,60/SNV-CCHC</edXML:DocumentId>"));
  g_assert_nonnull (strstr (text, "<edXML:OrganId>000.00.12.H56</edXML:OrganId>"));
  /* Not assigned yet, not done yet. */
  g_assert_false (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_ASSIGNED, out, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (xaso_document_direct (o->db, o->leader, id, &directive, &error));
  g_assert_no_error (error);
  g_assert_true (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_ASSIGNED, out, &error));
  g_assert_false (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_DONE, out, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (xaso_document_finish (o->db, o->officer, id, NULL, "Đã báo cáo", &error));
  g_assert_no_error (error);
  g_assert_true (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_DONE, out, &error));
  g_assert_no_error (error);
  assert_statuses_noted (o, id, "01 Đã đến|03 Đã tiếp nhận|04 Phân công|06 Hoàn thành");
}

/* A pending document has arrived (01) but is not registered (03) yet. */
static void
test_status_pending (Office        *o,
                     gconstpointer  data)
{
  g_autoptr(XasoDocument) doc = import_numbered (o, o->clerk, "61", XASO_EDXML_IMPORT_PENDING);
  g_autoptr(XasoDocument) registered = NULL;
  g_autofree char *out = xaso_test_temp_path ("trang-thai-cho.xml");
  g_autoptr(GError) error = NULL;
  const char *id = xaso_record_get_id (XASO_RECORD (doc));

  g_assert_true (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_DELIVERED, out, &error));
  g_assert_no_error (error);
  g_assert_false (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_REGISTERED, out, &error));
  g_assert_error (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE);
  g_clear_error (&error);
  registered = xaso_document_register_received (o->db, o->clerk, id, &error);
  g_assert_no_error (error);
  g_assert_true (xaso_edxml_write_status (o->db, o->clerk, id, XASO_EDXML_STATUS_REGISTERED, out, &error));
  g_assert_no_error (error);
  assert_statuses_noted (o, id, "01 Đã đến|03 Đã tiếp nhận");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/edxml/" path, Office, NULL, office_set_up, func, office_tear_down)
  ADD ("import/registers-with-attachments", test_import);
  ADD ("import/folder", test_import_dir);
  ADD ("refuse/malformed", test_refuse_malformed);
  ADD ("refuse/hostile", test_refuse_hostile);
  ADD ("refuse/huge-attachment", test_refuse_huge_attachment);
  ADD ("export/round-trip", test_round_trip);
  ADD ("export/refuses-draft", test_export_refuses_draft);
  ADD ("status/codes-follow-the-flow", test_status);
  ADD ("status/pending-not-registered-yet", test_status_pending);
  ADD ("pending/import-without-number", test_import_pending);
  ADD ("pending/register-takes-next-number", test_register_received);
  ADD ("pending/queue-for-the-clerk", test_queue_for_clerk_only);
#undef ADD
  return g_test_run ();
}
