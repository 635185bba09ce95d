/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "xaso-pdf-graft.h"
#include "xaso-pdf-serialize.h"

typedef struct
{
  XasoPdfUpdate   *update;
  XasoPdfDocument *source;
  GHashTable      *numbers;     /* source number → new number */
  GQueue           pending;     /* source numbers still to copy */
} Graft;

static XasoPdfObject *
renumber (Graft               *graft,
          const XasoPdfObject *object)
{
  XasoPdfObject *copy;
  guint32 num;
  gpointer mapped;

  switch (xaso_pdf_object_get_kind (object))
    {
    case XASO_PDF_REF:
      num = xaso_pdf_object_ref_get_num (object);
      if (!g_hash_table_lookup_extended (graft->numbers, GUINT_TO_POINTER (num), NULL, &mapped))
        {
          mapped = GUINT_TO_POINTER (xaso_pdf_update_reserve (graft->update));
          g_hash_table_insert (graft->numbers, GUINT_TO_POINTER (num), mapped);
          g_queue_push_tail (&graft->pending, GUINT_TO_POINTER (num));
        }
      return xaso_pdf_object_new_ref (GPOINTER_TO_UINT (mapped), 0);
    case XASO_PDF_ARRAY:
      copy = xaso_pdf_object_new_array ();
      for (guint i = 0; i < xaso_pdf_object_array_get_length (object); i++)
        xaso_pdf_object_array_append (copy, renumber (graft, xaso_pdf_object_array_get (object, i)));
      return copy;
    case XASO_PDF_DICT:
      copy = xaso_pdf_object_new_dict ();
      for (guint i = 0; i < xaso_pdf_object_dict_get_size (object); i++)
        {
          const char *key = xaso_pdf_object_dict_get_key_at (object, i);

          /* A /Parent would drag the whole page tree of the source along. */
          if (g_str_equal (key, "Parent"))
            continue;
          xaso_pdf_object_dict_set (copy, key, renumber (graft, xaso_pdf_object_dict_get_value_at (object, i)));
        }
      return copy;
    case XASO_PDF_STREAM:
      {
        XasoPdfObject *dict = renumber (graft, xaso_pdf_object_stream_get_dict (object));

        return xaso_pdf_object_new_stream (dict, xaso_pdf_object_stream_get_offset (object),
                                           xaso_pdf_object_stream_get_length (object));
      }
    default:
      return xaso_pdf_object_copy (object);
    }
}

static gboolean
copy_pending (Graft   *graft,
              GError **error)
{
  while (!g_queue_is_empty (&graft->pending))
    {
      guint32 num = GPOINTER_TO_UINT (g_queue_pop_head (&graft->pending));
      guint32 target = GPOINTER_TO_UINT (g_hash_table_lookup (graft->numbers, GUINT_TO_POINTER (num)));
      XasoPdfObject *object = xaso_pdf_document_lookup (graft->source, num, 0, error);

      if (object == NULL)
        return FALSE;
      xaso_pdf_update_set (graft->update, target, 0, renumber (graft, object), graft->source);
    }
  return TRUE;
}

GBytes *
xaso_pdf_deflate (const guint8 *data,
                  gsize         len)
{
  uLongf out_len = compressBound ((uLong)len);
  guint8 *out = g_malloc (out_len);

  if (compress2 (out, &out_len, data, (uLong)len, Z_BEST_COMPRESSION) != Z_OK)
    {
      g_free (out);
      return NULL;
    }
  return g_bytes_new_take (out, out_len);
}

/* The page's content streams, decoded and joined: the XObject has one. */
static GBytes *
page_content (XasoPdfDocument  *source,
              XasoPdfObject    *page,
              GError          **error)
{
  XasoPdfObject *contents = xaso_pdf_document_dict_get (source, page, "Contents");
  g_autoptr(GByteArray) joined = g_byte_array_new ();
  guint n = xaso_pdf_object_get_kind (contents) == XASO_PDF_ARRAY ? xaso_pdf_object_array_get_length (contents) : 1;

  for (guint i = 0; i < n && contents != NULL; i++)
    {
      XasoPdfObject *part = n > 1 || xaso_pdf_object_get_kind (contents) == XASO_PDF_ARRAY
                            ? xaso_pdf_document_resolve (source, xaso_pdf_object_array_get (contents, i), error)
                            : contents;
      g_autoptr(GBytes) decoded = NULL;

      if (part == NULL)
        return NULL;
      if (xaso_pdf_object_get_kind (part) != XASO_PDF_STREAM)
        continue;
      decoded = xaso_pdf_document_decode_stream (source, part, 0, error);
      if (decoded == NULL)
        return NULL;
      g_byte_array_append (joined, g_bytes_get_data (decoded, NULL), (guint)g_bytes_get_size (decoded));
      g_byte_array_append (joined, (const guint8 *)"\n", 1);
    }
  return xaso_pdf_deflate (joined->data, joined->len);
}

static gboolean
read_box (XasoPdfObject *box,
          double         out[4])
{
  for (guint i = 0; i < 4; i++)
    if (!xaso_pdf_object_get_number (xaso_pdf_object_array_get (box, i), &out[i]))
      return FALSE;
  return out[2] > out[0] && out[3] > out[1];
}

static XasoPdfObject *
box_array (const double box[4])
{
  XasoPdfObject *array = xaso_pdf_object_new_array ();

  for (guint i = 0; i < 4; i++)
    xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (box[i]));
  return array;
}

guint32
xaso_pdf_graft_page (XasoPdfUpdate    *update,
                     XasoPdfDocument  *source,
                     guint             index,
                     double            bbox[4],
                     GError          **error)
{
  Graft graft = { update, source, g_hash_table_new (NULL, NULL), G_QUEUE_INIT };
  XasoPdfObject *page = xaso_pdf_document_get_page (source, index, NULL, NULL);
  XasoPdfObject *resources = xaso_pdf_document_get_page_attribute (source, index, "Resources");
  g_autoptr(GBytes) content = NULL;
  XasoPdfObject *dict;
  guint32 num = 0;

  if (page == NULL || !read_box (xaso_pdf_document_get_page_attribute (source, index, "MediaBox"), bbox))
    {
      g_set_error_literal (error, XASO_PDF_WRITE_ERROR, XASO_PDF_WRITE_ERROR_UNSUPPORTED,
                           _("The signature appearance is not a usable PDF page."));
      goto out;
    }
  content = page_content (source, page, error);
  if (content == NULL)
    goto out;
  dict = xaso_pdf_object_new_dict ();
  xaso_pdf_object_dict_set (dict, "Type", xaso_pdf_object_new_name ("XObject"));
  xaso_pdf_object_dict_set (dict, "Subtype", xaso_pdf_object_new_name ("Form"));
  xaso_pdf_object_dict_set (dict, "BBox", box_array (bbox));
  xaso_pdf_object_dict_set (dict, "Resources",
                            resources != NULL ? renumber (&graft, resources) : xaso_pdf_object_new_dict ());
  xaso_pdf_object_dict_set (dict, "Filter", xaso_pdf_object_new_name ("FlateDecode"));
  if (!copy_pending (&graft, error))
    {
      xaso_pdf_object_unref (dict);
      goto out;
    }
  num = xaso_pdf_update_add (update, xaso_pdf_object_new_stream_with_data (dict, content));
out:
  g_hash_table_unref (graft.numbers);
  g_queue_clear (&graft.pending);
  return num;
}
