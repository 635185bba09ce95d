/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-document-private.h"

/* When the cross-reference data cannot be trusted, the objects are found by
 * scanning the file for "N G obj" from start to end: a later definition of
 * a number replaces an earlier one, as an incremental update would. Stream
 * data is skipped over, so "1 0 obj" inside a content stream is not taken
 * for an object. */

typedef struct
{
  gsize          offset;
  XasoPdfObject *dict;          /* a trailer, or an xref stream's dict */
} TrailerAt;

typedef struct
{
  XasoPdfDocument *doc;
  GArray          *trailers;    /* of TrailerAt */
  GArray          *objstms;     /* object numbers of object streams */
  guint32          catalog;     /* the last /Type /Catalog seen, or 0 */
  guint16          catalog_gen;
} Scan;

static void
trailer_at_clear (gpointer data)
{
  g_clear_pointer (&((TrailerAt *)data)->dict, xaso_pdf_object_unref);
}

static gboolean
header_before (const guint8 *data,
               gsize         obj,
               gsize        *start)
{
  gsize p = obj;
  gsize digits;

  while (p > 0 && xaso_pdf_is_space (data[p - 1]))
    p--;
  for (digits = 0; p > 0 && g_ascii_isdigit (data[p - 1]) && digits < 6; digits++)
    p--;
  if (digits == 0 || p == 0 || !xaso_pdf_is_space (data[p - 1]))
    return FALSE;
  while (p > 0 && xaso_pdf_is_space (data[p - 1]))
    p--;
  for (digits = 0; p > 0 && g_ascii_isdigit (data[p - 1]) && digits < 11; digits++)
    p--;
  if (digits == 0 || (p > 0 && g_ascii_isdigit (data[p - 1])))
    return FALSE;
  *start = p;
  return TRUE;
}

static void
note_object (Scan            *scan,
             XasoPdfIndirect *indirect)
{
  XasoPdfObject *object = indirect->object;
  XasoPdfObject *type = xaso_pdf_object_dict_get (object, "Type");

  if (xaso_pdf_object_get_kind (object) == XASO_PDF_STREAM && xaso_pdf_object_is_name (type, "XRef"))
    {
      TrailerAt at = { (gsize)indirect->start,
                       xaso_pdf_object_ref (xaso_pdf_object_stream_get_dict (object)) };

      g_array_append_val (scan->trailers, at);
    }
  else if (xaso_pdf_object_get_kind (object) == XASO_PDF_STREAM && xaso_pdf_object_is_name (type, "ObjStm"))
    g_array_append_val (scan->objstms, indirect->num);
  else if (xaso_pdf_object_get_kind (object) == XASO_PDF_DICT && xaso_pdf_object_is_name (type, "Catalog"))
    {
      scan->catalog = indirect->num;
      scan->catalog_gen = indirect->gen;
    }
}

static gsize
take_object (Scan  *scan,
             gsize  start,
             gsize  obj_end)
{
  XasoPdfDocument *doc = scan->doc;
  XasoPdfIndirect indirect;
  XasoPdfXrefEntry entry = { 0 };

  gsize pos = start;

  if (!xaso_pdf_parse_indirect (&doc->ctx, start, &indirect, NULL))
    {
      /* Kept, so that looking it up reports why it cannot be read. */
      entry.type = XASO_PDF_ENTRY_IN_USE;
      entry.offset = start;
      if (xaso_pdf_parse_obj_header (doc->data, doc->len, &pos, &indirect.num, &entry.gen) && indirect.num > 0)
        xaso_pdf_document_set_entry (doc, indirect.num, &entry, TRUE);
      return obj_end;
    }
  entry.type = XASO_PDF_ENTRY_IN_USE;
  entry.offset = indirect.start;
  entry.gen = indirect.gen;
  if (indirect.num > 0)
    {
      xaso_pdf_document_set_entry (doc, indirect.num, &entry, TRUE);
      if (indirect.num < doc->max_entries)
        xaso_pdf_document_cache_put (doc, indirect.num, indirect.gen, indirect.object, FALSE,
                                     indirect.start, indirect.end);
      note_object (scan, &indirect);
    }
  xaso_pdf_indirect_clear (&indirect);
  /* Continue after the object, stream data included. */
  return MAX ((gsize)indirect.end, obj_end);
}

static void
scan_objects (Scan *scan)
{
  XasoPdfDocument *doc = scan->doc;
  gsize pos = 0;
  const guint8 *hit;

  while ((hit = xaso_pdf_find (doc->data + pos, doc->len - pos, "obj")) != NULL)
    {
      gsize at = (gsize)(hit - doc->data);
      gsize start;

      pos = at + 3;
      if (at >= 3 && memcmp (hit - 3, "end", 3) == 0)
        continue;
      if (header_before (doc->data, at, &start))
        pos = take_object (scan, start, pos);
    }
}

static void
scan_trailers (Scan *scan)
{
  XasoPdfDocument *doc = scan->doc;
  gsize pos = 0;
  const guint8 *hit;

  while ((hit = xaso_pdf_find (doc->data + pos, doc->len - pos, "trailer")) != NULL)
    {
      XasoPdfLexer lexer;
      TrailerAt at = { (gsize)(hit - doc->data), NULL };

      xaso_pdf_lexer_init (&lexer, doc->data, doc->len, at.offset + 7);
      at.dict = xaso_pdf_parse_object (&lexer, NULL);
      pos = at.offset + 7;
      if (at.dict != NULL && xaso_pdf_object_get_kind (at.dict) == XASO_PDF_DICT)
        g_array_append_val (scan->trailers, at);
      else
        g_clear_pointer (&at.dict, xaso_pdf_object_unref);
    }
}

static void
add_objstm_members (Scan    *scan,
                    guint32  num)
{
  XasoPdfDocument *doc = scan->doc;
  XasoPdfObject *stream = xaso_pdf_document_lookup (doc, num, 0, NULL);
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GArray) pairs = NULL;
  gsize first;

  if (stream == NULL || xaso_pdf_object_get_kind (stream) != XASO_PDF_STREAM)
    return;
  pairs = xaso_pdf_objstm_read_header (doc, stream, &decoded, &first, NULL);
  for (guint i = 0; pairs != NULL && i < pairs->len; i++)
    {
      guint32 member = g_array_index (pairs, XasoPdfObjstmPair, i).num;
      XasoPdfXrefEntry entry = { num, i, 0, XASO_PDF_ENTRY_COMPRESSED };

      if (member > 0)
        xaso_pdf_document_set_entry (doc, member, &entry, FALSE);
    }
}

static gint
by_offset (gconstpointer a,
           gconstpointer b)
{
  gsize x = ((const TrailerAt *)a)->offset, y = ((const TrailerAt *)b)->offset;

  return x < y ? -1 : x > y;
}

/* Later trailers win key by key, as later updates would. */
static XasoPdfObject *
merge_trailers (Scan *scan)
{
  XasoPdfObject *merged = xaso_pdf_object_new_dict ();
  static const char * const keys[] = { "Root", "Info", "ID", "Encrypt", "Size", NULL };

  g_array_sort (scan->trailers, by_offset);
  for (guint i = 0; i < scan->trailers->len; i++)
    {
      XasoPdfObject *dict = g_array_index (scan->trailers, TrailerAt, i).dict;

      for (guint k = 0; keys[k] != NULL; k++)
        {
          XasoPdfObject *value = xaso_pdf_object_dict_get (dict, keys[k]);

          if (value != NULL)
            xaso_pdf_object_dict_set (merged, keys[k], xaso_pdf_object_ref (value));
        }
      scan->doc->scanned_kind = xaso_pdf_object_dict_get (dict, "W") != NULL ? XASO_PDF_XREF_STREAM
                                                                             : XASO_PDF_XREF_TABLE;
    }
  return merged;
}

static void
fix_root (Scan          *scan,
          XasoPdfObject *trailer)
{
  XasoPdfObject *root = xaso_pdf_document_dict_get (scan->doc, trailer, "Root");

  if (root != NULL && xaso_pdf_object_get_kind (root) == XASO_PDF_DICT)
    return;
  if (scan->catalog != 0)
    xaso_pdf_object_dict_set (trailer, "Root", xaso_pdf_object_new_ref (scan->catalog, scan->catalog_gen));
}

static void
install_trailer (XasoPdfDocument *self,
                 XasoPdfObject   *trailer)
{
  /* Callers may still borrow the old merged trailer. */
  if (self->trailer != NULL)
    g_ptr_array_add (self->retired, self->trailer);
  self->trailer = trailer;
}

gboolean
xaso_pdf_recover (XasoPdfDocument  *self,
                  GError          **error)
{
  g_autoptr(GArray) trailers = g_array_new (FALSE, FALSE, sizeof (TrailerAt));
  g_autoptr(GArray) objstms = g_array_new (FALSE, FALSE, sizeof (guint32));
  Scan scan = { self, trailers, objstms, 0, 0 };
  XasoPdfObject *trailer;

  g_array_set_clear_func (trailers, trailer_at_clear);
  self->repairing = TRUE;
  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->objstm_state);
  scan_objects (&scan);
  for (guint i = 0; i < objstms->len; i++)
    add_objstm_members (&scan, g_array_index (objstms, guint32, i));
  scan_trailers (&scan);
  trailer = merge_trailers (&scan);
  install_trailer (self, trailer);
  fix_root (&scan, trailer);
  self->repairing = FALSE;
  self->repaired = TRUE;
  xaso_pdf_document_add_warning (self, _("This PDF is damaged: its cross-reference table was rebuilt "
                                         "by scanning the file. Some content may be missing."));
  if (xaso_pdf_object_dict_get (trailer, "Root") == NULL)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                   _("This PDF is damaged beyond repair: its document catalog is missing."));
      return FALSE;
    }
  return TRUE;
}
