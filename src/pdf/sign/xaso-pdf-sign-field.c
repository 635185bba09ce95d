/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-form.h"
#include "xaso-pdf-serialize.h"
#include "xaso-pdf-sign-private.h"

/* "[0 1234 5678 9012" padded with spaces: ten digits each gives room for
 * files of 10 GB (pyHanko #336 broke at 100 MB with eight). */
#define BYTE_RANGE_WIDTH (1 + 4 * 11)

static XasoPdfObject *
ref_to (guint32 num,
        guint16 gen)
{
  return xaso_pdf_object_new_ref (num, gen);
}

/* PDF text strings: PDFDocEncoding for ASCII, else UTF-16BE with a BOM. */
static XasoPdfObject *
text_string (const char *utf8)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  g_autofree guint8 *be = NULL;

  if (g_str_is_ascii (utf8))
    return xaso_pdf_object_new_string ((const guint8 *)utf8, strlen (utf8));
  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  be = g_malloc (2 * (gsize)n + 2);
  be[0] = 0xfe, be[1] = 0xff;
  for (glong i = 0; i < n; i++)
    {
      be[2 + 2 * i] = (guint8)(utf16[i] >> 8);
      be[3 + 2 * i] = (guint8)(utf16[i] & 0xff);
    }
  return xaso_pdf_object_new_string (be, 2 * (gsize)n + 2);
}

static void
append_text_key (GString    *out,
                 const char *key,
                 const char *value)
{
  g_autoptr(XasoPdfObject) string = NULL;

  if (value == NULL || *value == 0)
    return;
  string = text_string (value);
  g_string_append_printf (out, "/%s ", key);
  xaso_pdf_serialize (out, string);
  g_string_append_c (out, ' ');
}

static void
add_signature_dict (XasoPdfUpdate            *update,
                    XasoPdfIdentity          *identity,
                    const XasoPdfSignOptions *options,
                    GDateTime                *time,
                    gsize                     cms_reserve,
                    XasoPdfSigPlaceholders   *out)
{
  g_autoptr(GString) body = g_string_new ("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ");
  g_autofree char *date = xaso_pdf_format_date (time);
  g_autofree char *name = xaso_pdf_identity_dup_name (identity);

  g_string_append_printf (body, "/M (%s) ", date);
  append_text_key (body, "Name", name);
  append_text_key (body, "Reason", options->reason);
  append_text_key (body, "Location", options->location);
  append_text_key (body, "ContactInfo", options->contact);
  g_string_append (body, "/ByteRange ");
  out->byte_range_at = body->len;
  out->byte_range_len = BYTE_RANGE_WIDTH;
  g_string_append_printf (body, "%-*s]", BYTE_RANGE_WIDTH - 1, "[0 0 0 0");
  g_string_append (body, " /Contents ");
  out->contents_at = body->len;
  out->contents_len = 2 * cms_reserve;
  g_string_append_c (body, '<');
  for (gsize i = 0; i < out->contents_len; i++)
    g_string_append_c (body, '0');
  g_string_append (body, ">>>");
  out->sig_num = xaso_pdf_update_reserve (update);
  xaso_pdf_update_set_raw (update, out->sig_num, body->str, body->len);
}

static char *
unique_field_name (XasoPdfDocument *document)
{
  g_autoptr(GPtrArray) fields = xaso_pdf_document_list_fields (document);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf ("Signature%u", n);
      gboolean taken = FALSE;

      for (guint i = 0; i < fields->len && !taken; i++)
        taken = g_strcmp0 (((XasoPdfField *)g_ptr_array_index (fields, i))->name, name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static XasoPdfObject *
rect_array (const double rect[4])
{
  XasoPdfObject *array = xaso_pdf_object_new_array ();
  double box[4] = { rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3] };

  if (rect[2] <= 0 || rect[3] <= 0)
    box[0] = box[1] = box[2] = box[3] = 0;
  for (guint i = 0; i < 4; i++)
    xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (box[i]));
  return array;
}

/* Appends @item to the array @key of @dict, following an indirect array
 * (then that array gets a new version). */
static gboolean
append_to_array (XasoPdfUpdate  *update,
                 XasoPdfObject  *dict,
                 const char     *key,
                 XasoPdfObject  *item,
                 GError        **error)
{
  XasoPdfObject *value = xaso_pdf_object_dict_get (dict, key);
  XasoPdfObject *array = value;

  if (xaso_pdf_object_get_kind (value) == XASO_PDF_REF)
    {
      array = xaso_pdf_update_edit (update, xaso_pdf_object_ref_get_num (value),
                                    xaso_pdf_object_ref_get_gen (value), error);
      if (array == NULL)
        return FALSE;
    }
  if (xaso_pdf_object_get_kind (array) != XASO_PDF_ARRAY)
    {
      array = xaso_pdf_object_new_array ();
      xaso_pdf_object_dict_set (dict, key, array);
    }
  xaso_pdf_object_array_append (array, item);
  return TRUE;
}

static guint32
add_widget (XasoPdfUpdate            *update,
            const double              rect[4],
            const char               *name,
            guint32                   sig_num,
            guint32                   page_num,
            guint16                   page_gen,
            guint32                   appearance)
{
  XasoPdfObject *widget = xaso_pdf_object_new_dict ();

  xaso_pdf_object_dict_set (widget, "Type", xaso_pdf_object_new_name ("Annot"));
  xaso_pdf_object_dict_set (widget, "Subtype", xaso_pdf_object_new_name ("Widget"));
  xaso_pdf_object_dict_set (widget, "FT", xaso_pdf_object_new_name ("Sig"));
  xaso_pdf_object_dict_set (widget, "T", text_string (name));
  xaso_pdf_object_dict_set (widget, "V", ref_to (sig_num, 0));
  xaso_pdf_object_dict_set (widget, "F", xaso_pdf_object_new_int (4));   /* Print */
  xaso_pdf_object_dict_set (widget, "P", ref_to (page_num, page_gen));
  xaso_pdf_object_dict_set (widget, "Rect", rect_array (rect));
  if (appearance != 0)
    {
      XasoPdfObject *ap = xaso_pdf_object_new_dict ();

      xaso_pdf_object_dict_set (ap, "N", ref_to (appearance, 0));
      xaso_pdf_object_dict_set (widget, "AP", ap);
    }
  return xaso_pdf_update_add (update, widget);
}

/* The catalog's /AcroForm gets the field and /SigFlags 3 (SignaturesExist
 * | AppendOnly); an indirect AcroForm gets a new version, a direct one a
 * new catalog. Existing fields stay. */
static gboolean
add_to_acroform (XasoPdfUpdate  *update,
                 guint32         widget,
                 GError        **error)
{
  XasoPdfDocument *document = xaso_pdf_update_get_document (update);
  XasoPdfObject *root = xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (document), "Root");
  XasoPdfObject *catalog, *form, *flags;

  catalog = xaso_pdf_update_edit (update, xaso_pdf_object_ref_get_num (root), xaso_pdf_object_ref_get_gen (root), error);
  if (catalog == NULL)
    return FALSE;
  form = xaso_pdf_object_dict_get (catalog, "AcroForm");
  if (xaso_pdf_object_get_kind (form) == XASO_PDF_REF)
    form = xaso_pdf_update_edit (update, xaso_pdf_object_ref_get_num (form), xaso_pdf_object_ref_get_gen (form), error);
  if (form == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (xaso_pdf_object_get_kind (form) != XASO_PDF_DICT)
    {
      form = xaso_pdf_object_new_dict ();
      xaso_pdf_object_dict_set (catalog, "AcroForm", form);
    }
  flags = xaso_pdf_object_dict_get (form, "SigFlags");
  xaso_pdf_object_dict_set (form, "SigFlags",
                            xaso_pdf_object_new_int ((xaso_pdf_object_get_kind (flags) == XASO_PDF_INT
                                                      ? xaso_pdf_object_get_int (flags) : 0) | 3));
  return append_to_array (update, form, "Fields", ref_to (widget, 0), error);
}

static gboolean
check_doc_mdp (XasoPdfDocument  *document,
               GError          **error)
{
  XasoPdfObject *perms = xaso_pdf_document_dict_get (document, xaso_pdf_document_get_catalog (document), "Perms");
  XasoPdfObject *sig = xaso_pdf_document_dict_get (document, perms, "DocMDP");
  XasoPdfObject *refs = xaso_pdf_document_dict_get (document, sig, "Reference");

  for (guint i = 0; i < xaso_pdf_object_array_get_length (refs); i++)
    {
      XasoPdfObject *ref = xaso_pdf_document_resolve (document, xaso_pdf_object_array_get (refs, i), NULL);
      XasoPdfObject *params = xaso_pdf_document_dict_get (document, ref, "TransformParams");

      if (xaso_pdf_object_get_int (xaso_pdf_document_dict_get (document, params, "P")) == 1)
        {
          g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_REFUSED,
                               _("The document was certified with “no changes allowed”: another signature would invalidate it."));
          return FALSE;
        }
    }
  return TRUE;
}

/* The page's /Rotate as 0, 90, 180 or 270. */
static int
page_rotation (XasoPdfDocument *document,
               guint            index)
{
  XasoPdfObject *rotate = xaso_pdf_document_get_page_attribute (document, index, "Rotate");

  if (xaso_pdf_object_get_kind (rotate) != XASO_PDF_INT)
    return 0;
  return (((int)xaso_pdf_object_get_int (rotate) % 360) + 360) % 360 / 90 * 90;
}

gboolean
xaso_pdf_sign_add_field (XasoPdfUpdate            *update,
                         XasoPdfIdentity          *identity,
                         const XasoPdfSignOptions *options,
                         gsize                     cms_reserve,
                         XasoPdfSigPlaceholders   *out,
                         GError                  **error)
{
  XasoPdfDocument *document = xaso_pdf_update_get_document (update);
  guint n_pages = xaso_pdf_document_get_n_pages (document);
  double rect[4] = { 0 };
  int place_page = -1;
  guint index;
  g_autoptr(GDateTime) time = options->time ? g_date_time_ref (options->time) : g_date_time_new_now_local ();
  g_autofree char *name = options->field_name ? g_strdup (options->field_name) : unique_field_name (document);
  guint32 page_num = 0, appearance = 0, widget;
  guint16 page_gen = 0;
  XasoPdfObject *page;

  if (!check_doc_mdp (document, error))
    return FALSE;
  if (n_pages > 0 && !xaso_pdf_sign_resolve_place (document, options, &place_page, rect, error))
    return FALSE;
  index = place_page < 0 ? n_pages - 1 : (guint)place_page;
  if (n_pages == 0)
    {
      g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
                           _("The document has no readable page to put the signature on."));
      return FALSE;
    }
  if (index >= n_pages || xaso_pdf_document_get_page (document, index, &page_num, &page_gen) == NULL ||
      page_num == 0)
    {
      g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
                   _("The document has no page %u to put the signature on."), index + 1);
      return FALSE;
    }
  add_signature_dict (update, identity, options, time, cms_reserve, out);
  if (rect[2] > 0 && rect[3] > 0)
    {
      appearance = xaso_pdf_sign_add_appearance (update, identity, options, rect,
                                                 page_rotation (document, index), time, error);
      if (appearance == 0)
        return FALSE;
    }
  widget = add_widget (update, rect, name, out->sig_num, page_num, page_gen, appearance);
  page = xaso_pdf_update_edit (update, page_num, page_gen, error);
  if (page == NULL || !append_to_array (update, page, "Annots", ref_to (widget, 0), error))
    return FALSE;
  return add_to_acroform (update, widget, error);
}
