/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <string.h>

#include "xaso-pdf-document-private.h"
#include "xaso-pdf-form.h"

#define MAX_FIELD_DEPTH 32

typedef struct
{
  XasoPdfDocument *doc;
  GHashTable      *visited;
  GPtrArray       *fields;
} Walk;

char *
xaso_pdf_text_string_to_utf8 (const guint8 *data,
                              gsize         len)
{
  char *text = NULL;

  if (len >= 2 && data[0] == 0xfe && data[1] == 0xff)
    text = g_convert ((const char *)data + 2, (gssize)(len - 2), "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  else if (len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    text = g_utf8_make_valid ((const char *)data + 3, (gssize)(len - 3));
  /* PDFDocEncoding agrees with Latin-1 on the characters names use. */
  if (text == NULL)
    text = g_convert ((const char *)data, (gssize)len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  return text != NULL ? text : g_strdup ("");
}

static void
field_clear (XasoPdfField *field)
{
  g_free (field->name);
  g_free (field->type);
}

static void
field_free (gpointer data)
{
  field_clear (data);
  g_free (data);
}

static void
signature_free (gpointer data)
{
  XasoPdfSignature *signature = data;

  field_clear (&signature->field);
  g_free (signature->sub_filter);
  g_free (signature->byte_range);
  g_clear_pointer (&signature->contents, g_bytes_unref);
  g_free (signature);
}

XasoPdfObject *
xaso_pdf_document_get_acroform (XasoPdfDocument *self)
{
  XasoPdfObject *form;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  form = xaso_pdf_document_dict_get (self, xaso_pdf_document_get_catalog (self), "AcroForm");
  return xaso_pdf_object_get_kind (form) == XASO_PDF_DICT ? form : NULL;
}

static char *
qualified_name (const char    *prefix,
                XasoPdfObject *dict)
{
  gsize len = 0;
  const guint8 *t = xaso_pdf_object_get_string (xaso_pdf_object_dict_get (dict, "T"), &len);
  g_autofree char *part = t != NULL ? xaso_pdf_text_string_to_utf8 (t, len) : NULL;

  if (part == NULL)
    return g_strdup (prefix);
  if (prefix == NULL || *prefix == 0)
    return g_steal_pointer (&part);
  return g_strconcat (prefix, ".", part, NULL);
}

static gboolean
has_field_kids (XasoPdfDocument *doc,
                XasoPdfObject   *kids)
{
  /* Kids without /T are the field's widgets, not fields of their own. */
  for (guint i = 0; i < xaso_pdf_object_array_get_length (kids); i++)
    {
      XasoPdfObject *kid = xaso_pdf_document_resolve (doc, xaso_pdf_object_array_get (kids, i), NULL);

      if (xaso_pdf_object_dict_get (kid, "T") != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
add_field (Walk          *walk,
           XasoPdfObject *ref,
           XasoPdfObject *dict,
           const char    *name,
           const char    *type)
{
  XasoPdfField *field = g_new0 (XasoPdfField, 1);
  XasoPdfObject *v = xaso_pdf_object_dict_get (dict, "V");

  field->name = g_strdup (name != NULL ? name : "");
  field->type = g_strdup (type);
  field->dict = dict;
  if (xaso_pdf_object_get_kind (ref) == XASO_PDF_REF)
    {
      field->num = xaso_pdf_object_ref_get_num (ref);
      field->gen = xaso_pdf_object_ref_get_gen (ref);
    }
  if (xaso_pdf_object_get_kind (v) == XASO_PDF_REF)
    {
      field->value_num = xaso_pdf_object_ref_get_num (v);
      field->value_gen = xaso_pdf_object_ref_get_gen (v);
    }
  field->value = xaso_pdf_document_dict_get (walk->doc, dict, "V");
  g_ptr_array_add (walk->fields, field);
}

static void
walk_field (Walk          *walk,
            XasoPdfObject *ref,
            const char    *prefix,
            const char    *inherited_type,
            guint          depth)
{
  XasoPdfObject *dict, *kids;
  g_autofree char *name = NULL;
  const char *type;

  if (depth > MAX_FIELD_DEPTH)
    return;
  if (xaso_pdf_object_get_kind (ref) == XASO_PDF_REF)
    {
      gpointer key = GUINT_TO_POINTER (xaso_pdf_object_ref_get_num (ref));

      if (g_hash_table_contains (walk->visited, key))
        return;
      g_hash_table_add (walk->visited, key);
    }
  dict = xaso_pdf_document_resolve (walk->doc, ref, NULL);
  if (xaso_pdf_object_get_kind (dict) != XASO_PDF_DICT)
    return;
  name = qualified_name (prefix, dict);
  type = xaso_pdf_object_get_name (xaso_pdf_document_dict_get (walk->doc, dict, "FT"));
  type = type != NULL ? type : inherited_type;
  kids = xaso_pdf_document_dict_get (walk->doc, dict, "Kids");
  if (!has_field_kids (walk->doc, kids))
    {
      add_field (walk, ref, dict, name, type);
      return;
    }
  for (guint i = 0; i < xaso_pdf_object_array_get_length (kids); i++)
    walk_field (walk, xaso_pdf_object_array_get (kids, i), name, type, depth + 1);
}

GPtrArray *
xaso_pdf_document_list_fields (XasoPdfDocument *self)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  Walk walk = { self, visited, g_ptr_array_new_with_free_func (field_free) };
  XasoPdfObject *fields;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  fields = xaso_pdf_document_dict_get (self, xaso_pdf_document_get_acroform (self), "Fields");
  for (guint i = 0; i < xaso_pdf_object_array_get_length (fields); i++)
    walk_field (&walk, xaso_pdf_object_array_get (fields, i), NULL, NULL, 0);
  return walk.fields;
}

static void
read_byte_range (XasoPdfDocument  *doc,
                 XasoPdfSignature *signature)
{
  XasoPdfObject *range = xaso_pdf_document_dict_get (doc, signature->field.value, "ByteRange");
  guint n = xaso_pdf_object_array_get_length (range);

  signature->byte_range = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      XasoPdfObject *item = xaso_pdf_document_resolve (doc, xaso_pdf_object_array_get (range, i), NULL);

      signature->byte_range[i] = xaso_pdf_object_get_int (item);
    }
  signature->n_byte_range = n;
}

/* Only an indirect signature dict can be located: an inline /V would
 * need the field's object re-read, and no signer writes one. */
static void
locate_contents (XasoPdfDocument  *doc,
                 XasoPdfSignature *signature)
{
  const XasoPdfField *field = &signature->field;

  if (field->value_num != 0)
    signature->contents_located =
      xaso_pdf_document_find_value_span (doc, field->value_num, field->value_gen, "Contents",
                                         &signature->contents_start, &signature->contents_end, NULL);
}

static XasoPdfSignature *
signature_new (XasoPdfDocument *doc,
               XasoPdfField    *field)
{
  XasoPdfSignature *signature = g_new0 (XasoPdfSignature, 1);
  XasoPdfObject *value;

  signature->field = *field;
  field->name = NULL;
  field->type = NULL;
  value = signature->field.value;
  if (xaso_pdf_object_get_kind (value) != XASO_PDF_DICT)
    {
      signature->field.value = NULL;
      return signature;
    }
  signature->sub_filter = g_strdup (xaso_pdf_object_get_name (xaso_pdf_document_dict_get (doc, value, "SubFilter")));
  signature->contents = xaso_pdf_object_dup_string_bytes (xaso_pdf_document_dict_get (doc, value, "Contents"));
  read_byte_range (doc, signature);
  locate_contents (doc, signature);
  return signature;
}

GPtrArray *
xaso_pdf_document_list_signatures (XasoPdfDocument *self)
{
  g_autoptr(GPtrArray) fields = xaso_pdf_document_list_fields (self);
  GPtrArray *signatures = g_ptr_array_new_with_free_func (signature_free);

  for (guint i = 0; i < fields->len; i++)
    {
      XasoPdfField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->type, "Sig") == 0)
        g_ptr_array_add (signatures, signature_new (self, field));
    }
  return signatures;
}
