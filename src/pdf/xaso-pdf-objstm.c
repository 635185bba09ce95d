/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-pdf-document-private.h"

/* Object streams (ISO 32000-1 §7.5.7): a header of "number offset" pairs,
 * then the objects themselves from /First on. */

enum
{
  OBJSTM_LOADED = 1,
  OBJSTM_FAILED = 2,
};

typedef XasoPdfObjstmPair Pair;

static gboolean
damaged (GError **error,
         guint32  num)
{
  g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
               _("Damaged PDF: object stream %u cannot be read."), num);
  return FALSE;
}

static gboolean
read_pairs (const guint8  *data,
            gsize          first,
            gint64         n,
            GArray        *pairs)
{
  XasoPdfLexer lexer;
  XasoPdfToken num = { 0 };
  XasoPdfToken offset = { 0 };
  gboolean ok = TRUE;

  xaso_pdf_lexer_init (&lexer, data, first, 0);
  for (gint64 i = 0; i < n && ok; i++)
    {
      ok = xaso_pdf_lexer_next (&lexer, &num, NULL) && xaso_pdf_lexer_next (&lexer, &offset, NULL)
           && num.kind == XASO_PDF_TOKEN_INT && offset.kind == XASO_PDF_TOKEN_INT
           && num.integer >= 0 && num.integer <= G_MAXUINT32 && offset.integer >= 0;
      if (ok)
        {
          Pair pair = { (guint32)num.integer, (gsize)offset.integer };

          g_array_append_val (pairs, pair);
        }
    }
  xaso_pdf_token_clear (&num);
  xaso_pdf_token_clear (&offset);
  return ok;
}

GArray *
xaso_pdf_objstm_read_header (XasoPdfDocument  *self,
                             XasoPdfObject    *stream,
                             GBytes          **decoded,
                             gsize            *first,
                             GError          **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  gint64 n = xaso_pdf_object_get_int (xaso_pdf_document_dict_get (self, stream, "N"));
  gint64 f = xaso_pdf_object_get_int (xaso_pdf_document_dict_get (self, stream, "First"));
  gsize len = 0;
  const guint8 *data;

  *decoded = xaso_pdf_document_decode_struct (self, stream, error);
  if (*decoded == NULL)
    return NULL;
  data = g_bytes_get_data (*decoded, &len);
  /* Each pair takes at least four bytes of the header. */
  if (n < 0 || f < 0 || (guint64)f > len || (guint64)n > (guint64)f / 4 + 1
      || !read_pairs (data, (gsize)f, n, pairs))
    {
      g_clear_pointer (decoded, g_bytes_unref);
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                   _("Damaged PDF: an object stream has an invalid header."));
      return NULL;
    }
  *first = (gsize)f;
  return g_steal_pointer (&pairs);
}

static gboolean
belongs_here (XasoPdfDocument *self,
              guint32          stream_num,
              const Pair      *pair)
{
  const XasoPdfXrefEntry *entry = xaso_pdf_document_get_entry (self, pair->num);

  return entry != NULL && entry->type == XASO_PDF_ENTRY_COMPRESSED && entry->offset == stream_num
         && !g_hash_table_contains (self->cache, GUINT_TO_POINTER (pair->num));
}

static void
parse_members (XasoPdfDocument *self,
               guint32          stream_num,
               GBytes          *decoded,
               gsize            first,
               GArray          *pairs)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (decoded, &len);

  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      g_autoptr(XasoPdfObject) object = NULL;
      XasoPdfLexer lexer;

      if (!belongs_here (self, stream_num, pair) || pair->offset > len - first)
        continue;
      xaso_pdf_lexer_init (&lexer, data, len, first + pair->offset);
      object = xaso_pdf_parse_object (&lexer, NULL);
      /* A member that does not parse is remembered as unreadable. */
      xaso_pdf_document_cache_put (self, pair->num, 0, object, TRUE, 0, 0);
    }
}

gboolean
xaso_pdf_objstm_load (XasoPdfDocument  *self,
                      guint32           num,
                      GError          **error)
{
  gint state = GPOINTER_TO_INT (g_hash_table_lookup (self->objstm_state, GUINT_TO_POINTER (num)));
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GArray) pairs = NULL;
  XasoPdfObject *stream;
  gsize first = 0;

  if (state == OBJSTM_LOADED)
    return TRUE;
  if (state == OBJSTM_FAILED)
    return damaged (error, num);
  stream = xaso_pdf_document_lookup (self, num, 0, error);
  if (stream != NULL && xaso_pdf_object_get_kind (stream) != XASO_PDF_STREAM)
    stream = NULL;
  if (stream != NULL)
    pairs = xaso_pdf_objstm_read_header (self, stream, &decoded, &first, NULL);
  if (pairs == NULL)
    {
      if (!self->repairing)
        g_hash_table_insert (self->objstm_state, GUINT_TO_POINTER (num), GINT_TO_POINTER (OBJSTM_FAILED));
      g_clear_error (error);
      return damaged (error, num);
    }
  parse_members (self, num, decoded, first, pairs);
  g_hash_table_insert (self->objstm_state, GUINT_TO_POINTER (num), GINT_TO_POINTER (OBJSTM_LOADED));
  return TRUE;
}
