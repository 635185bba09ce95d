/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-document-private.h"

/* How far from a wrong startxref offset we look for the section. */
#define NEARBY 1024

typedef struct
{
  XasoPdfDocument *doc;
  /* Entries a hybrid file's table marks free; its /XRefStm may give them a
   * place in an object stream (ISO 32000-1 §7.5.8.4). */
  GHashTable      *weak_free;
} Reader;

static gboolean
find_startxref (XasoPdfDocument *doc,
                guint64         *offset)
{
  gsize tail = MIN (doc->len, 2048);
  const guint8 *hit = xaso_pdf_rfind (doc->data + doc->len - tail, tail, "startxref");
  gsize pos;

  if (hit == NULL)
    return FALSE;
  pos = (gsize)(hit - doc->data) + 9;
  while (pos < doc->len && xaso_pdf_is_space (doc->data[pos]))
    pos++;
  return xaso_pdf_parse_uint (doc->data, doc->len, &pos, offset);
}

static void
put (Reader           *reader,
     guint64           num,
     XasoPdfXrefEntry *entry,
     gboolean          from_xrefstm)
{
  const XasoPdfXrefEntry *old;
  gboolean overwrite = FALSE;

  if (num >= reader->doc->max_entries)
    return;
  old = xaso_pdf_document_get_entry (reader->doc, (guint32)num);
  if (from_xrefstm)
    overwrite = g_hash_table_remove (reader->weak_free, GSIZE_TO_POINTER ((gsize)num));
  else if (entry->type == XASO_PDF_ENTRY_FREE && (old == NULL || old->type == XASO_PDF_ENTRY_ABSENT))
    g_hash_table_add (reader->weak_free, GSIZE_TO_POINTER ((gsize)num));
  xaso_pdf_document_set_entry (reader->doc, num, entry, overwrite);
}

static gboolean
next_uint (XasoPdfLexer  *lexer,
           guint64       *value,
           GError       **error)
{
  XasoPdfToken token = { 0 };
  gboolean ok = xaso_pdf_lexer_next (lexer, &token, error);

  ok = ok && token.kind == XASO_PDF_TOKEN_INT && token.integer >= 0;
  if (ok)
    *value = (guint64)token.integer;
  else if (error != NULL && *error == NULL)
    xaso_pdf_set_damaged (error, _("invalid cross-reference entry"), token.start);
  xaso_pdf_token_clear (&token);
  return ok;
}

static gboolean
read_table_entry (Reader        *reader,
                  XasoPdfLexer  *lexer,
                  guint64        num,
                  gboolean       may_shift,
                  guint64       *shift,
                  GError       **error)
{
  XasoPdfXrefEntry entry = { 0 };
  XasoPdfToken token = { 0 };
  guint64 offset, gen;
  gboolean in_use;

  if (!next_uint (lexer, &offset, error) || !next_uint (lexer, &gen, error)
      || !xaso_pdf_lexer_next (lexer, &token, error))
    return FALSE;
  in_use = xaso_pdf_token_is_keyword (lexer, &token, "n");
  if (!in_use && !xaso_pdf_token_is_keyword (lexer, &token, "f"))
    {
      xaso_pdf_token_clear (&token);
      return xaso_pdf_set_damaged (error, _("invalid cross-reference entry"), token.start);
    }
  xaso_pdf_token_clear (&token);
  /* A table that starts "1 N" with object 0's free head is a common
   * off-by-one of old writers: it really starts at 0. */
  if (may_shift && !in_use && gen == 65535 && offset == 0)
    *shift = 1;
  entry.type = in_use ? XASO_PDF_ENTRY_IN_USE : XASO_PDF_ENTRY_FREE;
  entry.offset = offset;
  entry.gen = (guint16)MIN (gen, G_MAXUINT16);
  if (num - *shift > 0 || !in_use)
    put (reader, num - *shift, &entry, FALSE);
  return TRUE;
}

static gboolean
read_subsection (Reader        *reader,
                 XasoPdfLexer  *lexer,
                 guint64        first,
                 GError       **error)
{
  guint64 count, shift = 0;

  if (!next_uint (lexer, &count, error))
    return FALSE;
  /* Each entry takes at least six bytes: a count beyond that is a lie. */
  if (count > (lexer->len - lexer->pos) / 6 + 1 || first > G_MAXUINT32)
    return xaso_pdf_set_damaged (error, _("invalid cross-reference subsection"), lexer->pos);
  for (guint64 i = 0; i < count; i++)
    if (!read_table_entry (reader, lexer, first + i, first == 1 && i == 0 && count > 1, &shift, error))
      return FALSE;
  return TRUE;
}

static XasoPdfObject *
read_table (Reader        *reader,
            gsize          offset,
            gsize         *end,
            GError       **error)
{
  XasoPdfDocument *doc = reader->doc;
  XasoPdfToken token = { 0 };
  XasoPdfLexer lexer;
  XasoPdfObject *trailer;

  xaso_pdf_lexer_init (&lexer, doc->data, doc->len, offset + 4);
  for (;;)
    {
      if (!xaso_pdf_lexer_next (&lexer, &token, error))
        return NULL;
      if (xaso_pdf_token_is_keyword (&lexer, &token, "trailer"))
        break;
      if (token.kind != XASO_PDF_TOKEN_INT || token.integer < 0
          || !read_subsection (reader, &lexer, (guint64)token.integer, error))
        {
          if (error != NULL && *error == NULL)
            xaso_pdf_set_damaged (error, _("invalid cross-reference table"), token.start);
          xaso_pdf_token_clear (&token);
          return NULL;
        }
    }
  xaso_pdf_token_clear (&token);
  trailer = xaso_pdf_parse_object (&lexer, error);
  if (trailer != NULL && xaso_pdf_object_get_kind (trailer) != XASO_PDF_DICT)
    {
      g_clear_pointer (&trailer, xaso_pdf_object_unref);
      xaso_pdf_set_damaged (error, _("the trailer is not a dictionary"), lexer.pos);
    }
  *end = lexer.pos;
  return trailer;
}

static guint64
field (const guint8 *p,
       gint64        width)
{
  guint64 value = 0;

  for (gint64 i = 0; i < width; i++)
    value = value << 8 | p[i];
  return value;
}

static void
stream_entry (Reader       *reader,
              guint64       num,
              const guint8 *p,
              const gint64  w[3])
{
  XasoPdfXrefEntry entry = { 0 };
  guint64 type = w[0] == 0 ? 1 : field (p, w[0]);
  guint64 f2 = field (p + w[0], w[1]);
  guint64 f3 = field (p + w[0] + w[1], w[2]);

  if (type == 0)
    entry.type = XASO_PDF_ENTRY_FREE;
  else if (type == 1)
    {
      entry.type = XASO_PDF_ENTRY_IN_USE;
      entry.offset = f2;
      entry.gen = (guint16)MIN (f3, G_MAXUINT16);
    }
  else if (type == 2 && f2 <= G_MAXUINT32 && f3 <= G_MAXUINT32)
    {
      entry.type = XASO_PDF_ENTRY_COMPRESSED;
      entry.offset = f2;
      entry.index = (guint32)f3;
    }
  else
    return;                     /* unknown types read as null (§7.5.8.3) */
  put (reader, num, &entry, TRUE);
}

static gboolean
read_widths (XasoPdfObject  *dict,
             gint64          w[3],
             GError        **error)
{
  XasoPdfObject *array = xaso_pdf_object_dict_get (dict, "W");

  if (xaso_pdf_object_array_get_length (array) < 3)
    return xaso_pdf_set_damaged (error, _("invalid cross-reference stream"), 0);
  for (guint i = 0; i < 3; i++)
    {
      XasoPdfObject *item = xaso_pdf_object_array_get (array, i);

      w[i] = xaso_pdf_object_get_kind (item) == XASO_PDF_INT ? xaso_pdf_object_get_int (item) : -1;
      if (w[i] < 0 || w[i] > 8)
        return xaso_pdf_set_damaged (error, _("invalid cross-reference stream"), 0);
    }
  if (w[1] == 0)
    return xaso_pdf_set_damaged (error, _("invalid cross-reference stream"), 0);
  return TRUE;
}

static gboolean
read_stream_entries (Reader         *reader,
                     XasoPdfObject  *stream,
                     GBytes         *decoded,
                     GError        **error)
{
  XasoPdfObject *index = xaso_pdf_object_dict_get (stream, "Index");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (decoded, &len);
  gint64 w[3];
  gsize row, pos = 0;
  guint n_pairs;

  if (!read_widths (stream, w, error))
    return FALSE;
  row = (gsize)(w[0] + w[1] + w[2]);
  n_pairs = index != NULL ? xaso_pdf_object_array_get_length (index) / 2 : 1;
  for (guint i = 0; i < n_pairs; i++)
    {
      gint64 first = index ? xaso_pdf_object_get_int (xaso_pdf_object_array_get (index, 2 * i)) : 0;
      gint64 count = index ? xaso_pdf_object_get_int (xaso_pdf_object_array_get (index, 2 * i + 1))
                           : xaso_pdf_object_get_int (xaso_pdf_object_dict_get (stream, "Size"));

      if (first < 0 || count < 0)
        return xaso_pdf_set_damaged (error, _("invalid cross-reference stream"), 0);
      /* Rows missing at the end are tolerated: entries stop there. */
      for (gint64 k = 0; k < count && len - pos >= row; k++, pos += row)
        stream_entry (reader, (guint64)first + (guint64)k, data + pos, w);
    }
  return TRUE;
}

static XasoPdfObject *
read_xref_stream (Reader   *reader,
                  gsize     offset,
                  gsize    *end,
                  GError  **error)
{
  XasoPdfIndirect indirect;
  g_autoptr(GBytes) decoded = NULL;
  XasoPdfObject *dict;

  if (!xaso_pdf_parse_indirect (&reader->doc->ctx, offset, &indirect, error))
    return NULL;
  if (xaso_pdf_object_get_kind (indirect.object) != XASO_PDF_STREAM)
    {
      xaso_pdf_indirect_clear (&indirect);
      xaso_pdf_set_damaged (error, _("no cross-reference section where “startxref” points"), offset);
      return NULL;
    }
  *end = (gsize)indirect.end;
  decoded = xaso_pdf_document_decode_struct (reader->doc, indirect.object, error);
  dict = xaso_pdf_object_ref (xaso_pdf_object_stream_get_dict (indirect.object));
  xaso_pdf_indirect_clear (&indirect);
  if (decoded == NULL || !read_stream_entries (reader, dict, decoded, error))
    g_clear_pointer (&dict, xaso_pdf_object_unref);
  return dict;
}

static gboolean
at_table (XasoPdfDocument *doc,
          gsize            offset)
{
  return doc->len - offset >= 4 && memcmp (doc->data + offset, "xref", 4) == 0
         && (offset == 0 || !g_ascii_isalpha (doc->data[offset - 1]));
}

static gboolean
at_object (XasoPdfDocument *doc,
           gsize            offset)
{
  gsize pos = offset;
  guint32 num;
  guint16 gen;

  return (offset == 0 || !g_ascii_isdigit (doc->data[offset - 1]))
         && xaso_pdf_parse_obj_header (doc->data, doc->len, &pos, &num, &gen);
}

static gsize
skip_space (XasoPdfDocument *doc,
            gsize            pos)
{
  while (pos < doc->len && xaso_pdf_is_space (doc->data[pos]))
    pos++;
  return pos;
}

/* "startxref" off by a few bytes is a known writer bug (and a test case
 * of pyHanko): look for the nearest section start around it. */
static gboolean
find_nearby (XasoPdfDocument *doc,
             guint64          offset,
             gsize           *found)
{
  for (gsize d = 1; d <= NEARBY; d++)
    {
      if (offset >= d && offset - d < doc->len
          && (at_table (doc, (gsize)offset - d) || at_object (doc, (gsize)offset - d)))
        {
          *found = (gsize)offset - d;
          return TRUE;
        }
      if (offset + d < doc->len && (at_table (doc, (gsize)offset + d) || at_object (doc, (gsize)offset + d)))
        {
          *found = (gsize)offset + d;
          return TRUE;
        }
    }
  return FALSE;
}

static gsize
revision_end (XasoPdfDocument *doc,
              gsize            section_end)
{
  gsize window = MIN (doc->len - section_end, 1024);
  const guint8 *eof = xaso_pdf_find (doc->data + section_end, window, "%%EOF");
  gsize end;

  if (eof == NULL)
    return section_end;
  end = (gsize)(eof - doc->data) + 5;
  if (end < doc->len && doc->data[end] == '\r')
    end++;
  if (end < doc->len && doc->data[end] == '\n')
    end++;
  return end;
}

static XasoPdfRevision *
read_section (Reader   *reader,
              gsize     offset,
              GError  **error)
{
  XasoPdfDocument *doc = reader->doc;
  g_autofree XasoPdfRevision *revision = g_new0 (XasoPdfRevision, 1);
  gsize start = skip_space (doc, offset);
  gsize end = start;

  revision->startxref = offset;
  revision->xref_stream = -1;
  if (at_table (doc, start))
    {
      revision->kind = XASO_PDF_XREF_TABLE;
      revision->trailer = read_table (reader, start, &end, error);
    }
  else if (at_object (doc, start))
    {
      revision->kind = XASO_PDF_XREF_STREAM;
      revision->trailer = read_xref_stream (reader, start, &end, error);
    }
  else
    xaso_pdf_set_damaged (error, _("no cross-reference section where “startxref” points"), offset);
  if (revision->trailer == NULL)
    return NULL;
  revision->end = revision_end (doc, end);
  return g_steal_pointer (&revision);
}

static gboolean
read_hybrid (Reader           *reader,
             XasoPdfRevision  *revision,
             GError          **error)
{
  XasoPdfObject *xrefstm = xaso_pdf_object_dict_get (revision->trailer, "XRefStm");
  gint64 offset = xaso_pdf_object_get_int (xrefstm);
  g_autoptr(XasoPdfObject) dict = NULL;
  gsize end;

  if (xrefstm == NULL)
    return TRUE;
  if (xaso_pdf_object_get_kind (xrefstm) != XASO_PDF_INT || offset <= 0
      || (guint64)offset >= reader->doc->len)
    return xaso_pdf_set_damaged (error, _("invalid /XRefStm offset"), 0);
  revision->xref_stream = offset;
  dict = read_xref_stream (reader, (gsize)offset, &end, error);
  return dict != NULL;
}

static gboolean
check_prev (XasoPdfDocument  *doc,
            XasoPdfObject    *trailer,
            GHashTable       *seen,
            gint64           *prev,
            GError          **error)
{
  XasoPdfObject *value = xaso_pdf_object_dict_get (trailer, "Prev");

  *prev = -1;
  if (value == NULL)
    return TRUE;
  *prev = xaso_pdf_object_get_int (value);
  if (*prev < 0 || (guint64)*prev >= doc->len || g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize)*prev)))
    return xaso_pdf_set_damaged (error, _("invalid /Prev offset"), 0);
  if (g_hash_table_size (seen) >= XASO_PDF_MAX_REVISIONS)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE,
                   _("This PDF has too many revisions to be read safely."));
      return FALSE;
    }
  return TRUE;
}

static XasoPdfRevision *
read_first_section (Reader   *reader,
                    guint64   offset,
                    GError  **error)
{
  XasoPdfRevision *revision = NULL;
  gsize found;

  if (offset < reader->doc->len)
    revision = read_section (reader, (gsize)offset, NULL);
  if (revision != NULL)
    return revision;
  if (!find_nearby (reader->doc, offset, &found) || (revision = read_section (reader, found, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        xaso_pdf_set_damaged (error, _("no cross-reference section where “startxref” points"), (gsize)offset);
      return NULL;
    }
  xaso_pdf_document_add_warning (reader->doc,
                                 _("The end of this PDF points to the wrong place; "
                                   "its cross-reference section was found nearby."));
  reader->doc->repaired = TRUE;
  return revision;
}

static gboolean
read_chain (Reader   *reader,
            guint64   offset,
            GError  **error)
{
  XasoPdfDocument *doc = reader->doc;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gint64 prev = (gint64)offset;

  for (gboolean first = TRUE; prev >= 0; first = FALSE)
    {
      XasoPdfRevision *revision;

      g_hash_table_remove_all (reader->weak_free);
      revision = first ? read_first_section (reader, (guint64)prev, error)
                                        : read_section (reader, (gsize)prev, error);

      if (revision == NULL)
        return FALSE;
      g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize)prev));
      g_ptr_array_insert (doc->revisions, 0, revision);
      if (xaso_pdf_object_dict_get (revision->trailer, "Encrypt") != NULL)
        {
          g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_ENCRYPTED,
                       _("This PDF is encrypted. Encrypted documents cannot be opened or signed here; "
                         "ask the sender for an unprotected copy."));
          return FALSE;
        }
      if (!read_hybrid (reader, revision, error) || !check_prev (doc, revision->trailer, seen, &prev, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
xaso_pdf_xref_read (XasoPdfDocument  *self,
                    GError          **error)
{
  g_autoptr(GHashTable) weak_free = g_hash_table_new (NULL, NULL);
  Reader reader = { self, weak_free };
  guint64 offset;

  if (!find_startxref (self, &offset))
    return xaso_pdf_set_damaged (error, _("no “startxref” at the end of the file"), self->len);
  return read_chain (&reader, offset, error);
}
