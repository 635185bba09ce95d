/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "xaso-edxml-reader-private.h"

/* Reads an edXML package as a stream of SAX events: libxml2 checks it is
 * well-formed, and this file keeps only the fields it knows, decoding
 * each attachment's base64 as it arrives, so a package is never held
 * twice in memory and every limit is checked before the bytes it guards
 * are kept. A DOCTYPE stops the reading at once: a package has no use for
 * one, and entities are how XML bombs and external reads come in. */

#define CHUNK_SIZE (64 * 1024)

/* libxml2 2.12 made the structured error const (newer runtimes). */
#if LIBXML_VERSION >= 21200
typedef const xmlError *XmlErrorArg;
#else
typedef xmlErrorPtr XmlErrorArg;
#endif

G_DEFINE_QUARK (xaso-edxml-error-quark, xaso_edxml_error)

static void
organ_clear (XasoEdxmlOrgan *organ)
{
  g_clear_pointer (&organ->organ_id, g_free);
  g_clear_pointer (&organ->organ_name, g_free);
}

static void
organ_free (XasoEdxmlOrgan *organ)
{
  organ_clear (organ);
  g_free (organ);
}

static void
attachment_free (XasoEdxmlAttachment *attachment)
{
  g_free (attachment->content_id);
  g_free (attachment->content_type);
  g_free (attachment->name);
  g_free (attachment->description);
  g_clear_pointer (&attachment->data, g_bytes_unref);
  g_free (attachment);
}

void
xaso_edxml_package_free (XasoEdxmlPackage *package)
{
  char **strings[] = {
    &package->document_id, &package->code_number, &package->code_notation, &package->place,
    &package->promulgation_date, &package->type, &package->type_name, &package->subject, &package->content,
    &package->signer_position, &package->signer_name, &package->due_date, &package->priority,
    &package->promulgation_amount, &package->page_amount, &package->steering_type, &package->business_type,
  };

  if (package == NULL)
    return;
  organ_clear (&package->from);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&package->to, g_ptr_array_unref);
  g_clear_pointer (&package->to_places, g_ptr_array_unref);
  g_clear_pointer (&package->attachments, g_ptr_array_unref);
  g_free (package);
}

static XasoEdxmlPackage *
package_new (void)
{
  XasoEdxmlPackage *package = g_new0 (XasoEdxmlPackage, 1);

  package->to = g_ptr_array_new_with_free_func ((GDestroyNotify)organ_free);
  package->to_places = g_ptr_array_new_with_free_func (g_free);
  package->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify)attachment_free);
  return package;
}

char *
xaso_edxml_package_get_notation (const XasoEdxmlPackage *package)
{
  return g_strdup_printf ("%s/%s", package->code_number, package->code_notation);
}

XasoEdxmlAttachment *
xaso_edxml_package_get_main (const XasoEdxmlPackage *package)
{
  for (guint i = 0; i < package->attachments->len; i++)
    {
      XasoEdxmlAttachment *a = g_ptr_array_index (package->attachments, i);

      if (g_strcmp0 (a->content_type, "application/pdf") == 0 ||
          (a->name != NULL && g_str_has_suffix (a->name, ".pdf")) ||
          (a->name != NULL && g_str_has_suffix (a->name, ".PDF")))
        return a;
    }
  return NULL;
}

/* ---- The fields kept, by their path under the root ---- */

#define HEADER "edXMLEnvelope/edXMLHeader/MessageHeader/"
#define ATTACHMENT "AttachmentEncoded/Attachment"

typedef enum
{
  KIND_FIELD,        /* a string of the package */
  KIND_TO,           /* a string of the last To */
  KIND_PLACE,        /* one more ToPlaces/Place */
  KIND_ATTACHMENT,   /* a string of the current attachment */
  KIND_BASE64,       /* the current attachment's bytes */
} Kind;

typedef struct
{
  const char *path;
  Kind        kind;
  gsize       offset;
} Field;

#define PACKAGE_FIELD(path, member) { path, KIND_FIELD, G_STRUCT_OFFSET (XasoEdxmlPackage, member) }
#define TO_FIELD(path, member) { path, KIND_TO, G_STRUCT_OFFSET (XasoEdxmlOrgan, member) }
#define ATTACHMENT_FIELD(path, member) { path, KIND_ATTACHMENT, G_STRUCT_OFFSET (XasoEdxmlAttachment, member) }

static const Field fields[] = {
  PACKAGE_FIELD (HEADER "From/OrganId", from.organ_id),
  PACKAGE_FIELD (HEADER "From/OrganName", from.organ_name),
  TO_FIELD (HEADER "To/OrganId", organ_id),
  TO_FIELD (HEADER "To/OrganName", organ_name),
  PACKAGE_FIELD (HEADER "Code/CodeNumber", code_number),
  PACKAGE_FIELD (HEADER "Code/CodeNotation", code_notation),
  PACKAGE_FIELD (HEADER "PromulgationInfo/Place", place),
  PACKAGE_FIELD (HEADER "PromulgationInfo/PromulgationDate", promulgation_date),
  PACKAGE_FIELD (HEADER "DocumentType/Type", type),
  PACKAGE_FIELD (HEADER "DocumentType/TypeName", type_name),
  PACKAGE_FIELD (HEADER "Subject", subject),
  PACKAGE_FIELD (HEADER "Content", content),
  PACKAGE_FIELD (HEADER "SignerInfo/Position", signer_position),
  PACKAGE_FIELD (HEADER "SignerInfo/FullName", signer_name),
  PACKAGE_FIELD (HEADER "DueDate", due_date),
  { HEADER "ToPlaces/Place", KIND_PLACE, 0 },
  PACKAGE_FIELD (HEADER "OtherInfo/Priority", priority),
  PACKAGE_FIELD (HEADER "OtherInfo/PromulgationAmount", promulgation_amount),
  PACKAGE_FIELD (HEADER "OtherInfo/PageAmount", page_amount),
  PACKAGE_FIELD (HEADER "SteeringType", steering_type),
  PACKAGE_FIELD (HEADER "DocumentId", document_id),
  PACKAGE_FIELD ("edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/BussinessDocType", business_type),
  ATTACHMENT_FIELD (ATTACHMENT "/ContentId", content_id),
  ATTACHMENT_FIELD (ATTACHMENT "/ContentType", content_type),
  ATTACHMENT_FIELD (ATTACHMENT "/AttachmentName", name),
  ATTACHMENT_FIELD (ATTACHMENT "/Description", description),
  { ATTACHMENT "/ContentTransferEncoded", KIND_BASE64, 0 },
};

/* ---- The reader's state between SAX events ---- */

typedef struct
{
  XasoEdxmlPackage    *package;
  xmlParserCtxtPtr     ctxt;
  GError              *error;
  char                *parse_error;   /* libxml2's first complaint */
  GPtrArray           *stack;         /* element names under the root */
  guint                depth;
  guint                elements;
  const Field         *field;         /* being read, or NULL */
  guint                field_depth;
  GString             *text;
  XasoEdxmlAttachment *attachment;    /* being read, or NULL */
  XasoEdxmlBase64      base64;
  gsize                total;         /* decoded bytes of all attachments */
} Reader;

static void
fail (Reader     *r,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Reader     *r,
      int         code,
      const char *format,
      ...)
{
  va_list ap;

  if (r->error != NULL)
    return;
  va_start (ap, format);
  r->error = g_error_new_valist (XASO_EDXML_ERROR, code, format, ap);
  va_end (ap);
  xmlStopParser (r->ctxt);
}

static char *
current_path (Reader *r)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < r->stack->len; i++)
    {
      if (i > 0)
        g_string_append_c (path, '/');
      g_string_append (path, g_ptr_array_index (r->stack, i));
    }
  return g_string_free (path, FALSE);
}

static const Field *
find_field (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].path, path))
      return &fields[i];
  return NULL;
}

/* An attachment's name for a message, before its name may have come. */
const char *
_xaso_edxml_attachment_label (const XasoEdxmlAttachment *a,
                              guint                      index)
{
  static char label[32];

  if (a->name != NULL && *a->name != '\0')
    return a->name;
  if (a->content_id != NULL && *a->content_id != '\0')
    return a->content_id;
  g_snprintf (label, sizeof label, "#%u", index + 1);
  return label;
}

static void
check_root (Reader        *r,
            const xmlChar *localname,
            const xmlChar *uri)
{
  if (g_strcmp0 ((const char *)uri, XASO_EDXML_NAMESPACE) != 0)
    fail (r, XASO_EDXML_ERROR_NAMESPACE,
          _("The edXML package is not in the QCVN 102:2016 namespace (%s); it has “%s”."),
          XASO_EDXML_NAMESPACE, uri != NULL ? (const char *)uri : _("no namespace"));
  else if (!g_str_equal ((const char *)localname, "edXML"))
    fail (r, XASO_EDXML_ERROR_NAMESPACE, _("This is not an edXML package: its root element is “%s”."),
          (const char *)localname);
}

static void
begin_field (Reader      *r,
             const Field *field)
{
  r->field = field;
  r->field_depth = r->depth;
  g_string_truncate (r->text, 0);
  if (field->kind == KIND_TO && r->package->to->len == 0)
    g_ptr_array_add (r->package->to, g_new0 (XasoEdxmlOrgan, 1));
  if (field->kind == KIND_BASE64)
    _xaso_edxml_base64_init (&r->base64);
}

static void
begin_element (Reader     *r,
               const char *path)
{
  const Field *field = find_field (path);

  if (g_str_equal (path, HEADER "To"))
    {
      if (r->package->to->len >= XASO_EDXML_MAX_REPEATS)
        return fail (r, XASO_EDXML_ERROR_TOO_LARGE, _("The edXML package has too many recipients (To)."));
      g_ptr_array_add (r->package->to, g_new0 (XasoEdxmlOrgan, 1));
    }
  else if (g_str_equal (path, ATTACHMENT))
    {
      if (r->package->attachments->len >= XASO_EDXML_MAX_ATTACHMENTS)
        return fail (r, XASO_EDXML_ERROR_TOO_LARGE, _("The edXML package has more than %d attachments."),
                     XASO_EDXML_MAX_ATTACHMENTS);
      r->attachment = g_new0 (XasoEdxmlAttachment, 1);
      g_ptr_array_add (r->package->attachments, r->attachment);
    }
  if (field != NULL && (field->kind < KIND_ATTACHMENT || r->attachment != NULL))
    begin_field (r, field);
}

static void
start_element_cb (void           *data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  Reader *r = data;
  g_autofree char *path = NULL;

  if (r->error != NULL)
    return;
  if (++r->depth > XASO_EDXML_MAX_DEPTH)
    return fail (r, XASO_EDXML_ERROR_TOO_DEEP, _("The edXML package is nested too deeply (more than %d levels)."),
                 XASO_EDXML_MAX_DEPTH);
  if (++r->elements > XASO_EDXML_MAX_ELEMENTS)
    return fail (r, XASO_EDXML_ERROR_TOO_LARGE, _("The edXML package has too many elements."));
  if (r->depth == 1)
    return check_root (r, localname, uri);
  /* Elements of other vocabularies (the XML signature) are not ours. */
  g_ptr_array_add (r->stack, g_strdup (uri == NULL || g_str_equal ((const char *)uri, XASO_EDXML_NAMESPACE)
                                         ? (const char *)localname : "-"));
  if (r->field != NULL)
    return;   /* markup inside a field we read: its text still counts */
  path = current_path (r);
  begin_element (r, path);
}

static void
characters_cb (void          *data,
               const xmlChar *text,
               int            len)
{
  Reader *r = data;
  guint index = r->package->attachments->len - 1;

  if (r->error != NULL || r->field == NULL)
    return;
  if (r->field->kind != KIND_BASE64)
    {
      if (r->text->len + len > XASO_EDXML_MAX_FIELD)
        return fail (r, XASO_EDXML_ERROR_TOO_LARGE, _("The field “%s” of the edXML package is too long."),
                     (const char *)g_ptr_array_index (r->stack, r->stack->len - 1));
      g_string_append_len (r->text, (const char *)text, len);
      return;
    }
  switch (_xaso_edxml_base64_feed (&r->base64, (const char *)text, len, XASO_EDXML_MAX_TOTAL_SIZE - r->total))
    {
    case XASO_EDXML_BASE64_OK:
      break;
    case XASO_EDXML_BASE64_INVALID:
      return fail (r, XASO_EDXML_ERROR_BASE64, _("The attachment “%s” is not valid base64."),
                   _xaso_edxml_attachment_label (r->attachment, index));
    case XASO_EDXML_BASE64_TOO_LARGE:
      return fail (r, XASO_EDXML_ERROR_TOO_LARGE,
                   _("The attachment “%s” is larger than %d MB, or the attachments together exceed %d MB."),
                   _xaso_edxml_attachment_label (r->attachment, index), XASO_EDXML_MAX_ATTACHMENT_SIZE >> 20,
                   XASO_EDXML_MAX_TOTAL_SIZE >> 20);
    }
}

static void
store_text (Reader *r,
            char  **target)
{
  const char *text = g_strstrip (r->text->str);

  /* An empty element says nothing: the writers of packages leave them. */
  g_free (*target);
  *target = *text != '\0' ? g_strdup (text) : NULL;
}

static void
end_field (Reader *r)
{
  const Field *field = r->field;
  guint index = r->package->attachments->len - 1;

  r->field = NULL;
  switch (field->kind)
    {
    case KIND_FIELD:
      return store_text (r, G_STRUCT_MEMBER_P (r->package, field->offset));
    case KIND_TO:
      return store_text (r, G_STRUCT_MEMBER_P (g_ptr_array_index (r->package->to, r->package->to->len - 1),
                                               field->offset));
    case KIND_ATTACHMENT:
      return store_text (r, G_STRUCT_MEMBER_P (r->attachment, field->offset));
    case KIND_PLACE:
      if (r->package->to_places->len >= XASO_EDXML_MAX_REPEATS)
        return fail (r, XASO_EDXML_ERROR_TOO_LARGE, _("The edXML package names too many places (ToPlaces)."));
      if (*g_strstrip (r->text->str) != '\0')
        g_ptr_array_add (r->package->to_places, g_strdup (r->text->str));
      return;
    case KIND_BASE64:
      if (r->attachment->data != NULL)
        return fail (r, XASO_EDXML_ERROR_INVALID, _("The attachment “%s” has its content twice."),
                     _xaso_edxml_attachment_label (r->attachment, index));
      r->attachment->data = _xaso_edxml_base64_finish (&r->base64);
      if (r->attachment->data == NULL)
        return fail (r, XASO_EDXML_ERROR_BASE64, _("The attachment “%s” is not valid base64."),
                     _xaso_edxml_attachment_label (r->attachment, index));
      r->total += g_bytes_get_size (r->attachment->data);
      return;
    }
}

static void
end_element_cb (void          *data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Reader *r = data;

  if (r->error != NULL)
    return;
  if (r->field != NULL && r->depth == r->field_depth)
    end_field (r);
  if (r->stack->len > 0 && r->depth > 1)
    {
      g_autofree char *path = current_path (r);

      if (g_str_equal (path, ATTACHMENT))
        r->attachment = NULL;
      g_ptr_array_set_size (r->stack, r->stack->len - 1);
    }
  r->depth--;
}

static void
doctype_cb (void          *data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  fail (data, XASO_EDXML_ERROR_FORBIDDEN,
        _("The edXML package declares a DOCTYPE; packages may not carry a DTD or entities."));
}

static void
entity_decl_cb (void          *data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  fail (data, XASO_EDXML_ERROR_FORBIDDEN, _("The edXML package declares the entity “%s”; packages may not."),
        (const char *)name);
}

static xmlEntityPtr
get_entity_cb (void          *data,
               const xmlChar *name)
{
  return NULL;
}

static void
structured_error_cb (void        *data,
                     XmlErrorArg  error)
{
  Reader *r = data;

  if (r->parse_error == NULL && error != NULL && error->level >= XML_ERR_ERROR)
    r->parse_error = g_strdup_printf (_("line %d: %s"), error->line,
                                      error->message ? g_strchomp (error->message) : "?");
}

static void
init_handler (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->characters = characters_cb;
  sax->cdataBlock = characters_cb;
  sax->internalSubset = doctype_cb;
  sax->externalSubset = doctype_cb;
  sax->entityDecl = entity_decl_cb;
  sax->getEntity = get_entity_cb;
  sax->getParameterEntity = get_entity_cb;
  sax->serror = structured_error_cb;
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->package, xaso_edxml_package_free);
  g_clear_error (&r->error);
  g_clear_pointer (&r->parse_error, g_free);
  g_clear_pointer (&r->stack, g_ptr_array_unref);
  if (r->text != NULL)
    g_string_free (g_steal_pointer (&r->text), TRUE);
  _xaso_edxml_base64_clear (&r->base64);
  if (r->ctxt != NULL)
    xmlFreeParserCtxt (g_steal_pointer (&r->ctxt));
}

static gboolean
feed (Reader        *r,
      GInputStream  *stream,
      GError       **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  gssize n;

  do
    {
      n = g_input_stream_read (stream, buffer, CHUNK_SIZE, NULL, error);
      if (n < 0)
        return FALSE;
      if (xmlParseChunk (r->ctxt, buffer, (int)n, n == 0) != 0 || r->error != NULL)
        break;
    }
  while (n > 0);
  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return FALSE;
    }
  if (!r->ctxt->wellFormed || r->depth != 0 || r->parse_error != NULL)
    {
      g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_MALFORMED,
                   _("The edXML package is not well-formed XML, or is cut short (%s)."),
                   r->parse_error ? r->parse_error : _("it ends before its last element closes"));
      return FALSE;
    }
  return TRUE;
}

static XasoEdxmlPackage *
read_stream (GInputStream  *stream,
             GError       **error)
{
  Reader r = { 0 };
  xmlSAXHandler sax;
  XasoEdxmlPackage *package;

  init_handler (&sax);
  r.package = package_new ();
  r.stack = g_ptr_array_new_with_free_func (g_free);
  r.text = g_string_new (NULL);
  r.ctxt = xmlCreatePushParserCtxt (&sax, &r, NULL, 0, "edxml");
  if (r.ctxt == NULL)
    {
      g_set_error_literal (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_MALFORMED, _("Could not start reading XML."));
      reader_clear (&r);
      return NULL;
    }
  /* No XML_PARSE_NOENT, DTDLOAD or HUGE: no entity is expanded, no DTD
   * read, and libxml2's own limits stay on behind ours. */
  xmlCtxtUseOptions (r.ctxt, XML_PARSE_NONET);
  if (!feed (&r, stream, error) || !_xaso_edxml_check_package (r.package, error))
    {
      reader_clear (&r);
      return NULL;
    }
  package = g_steal_pointer (&r.package);
  reader_clear (&r);
  return package;
}

XasoEdxmlPackage *
xaso_edxml_read_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return read_stream (stream, error);
}

XasoEdxmlPackage *
xaso_edxml_read_file (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;
  return read_stream (G_INPUT_STREAM (stream), error);
}
