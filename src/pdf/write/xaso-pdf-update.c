/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-document-private.h"
#include "xaso-pdf-serialize.h"
#include "xaso-pdf-update.h"
#include "xaso-pdf-xref-writer-private.h"

G_DEFINE_QUARK (xaso-pdf-write-error-quark, xaso_pdf_write_error)

typedef struct
{
  guint32          num;
  guint16          gen;
  XasoPdfObject   *object;      /* NULL while reserved, or when raw is set */
  GBytes          *raw;
  XasoPdfDocument *source;      /* where a stream's bytes are; NULL = ours */
  guint64          body_offset; /* after a build */
} Entry;

struct _XasoPdfUpdate
{
  GObject          parent_instance;

  XasoPdfDocument *document;
  guint32          next_num;
  GArray          *entries;     /* of Entry, in the order they were made */
  GHashTable      *index;       /* num → position in entries + 1 */
  guint64          base;        /* where the tail starts in the new file */
};

G_DEFINE_FINAL_TYPE (XasoPdfUpdate, xaso_pdf_update, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->object, xaso_pdf_object_unref);
  g_clear_pointer (&entry->raw, g_bytes_unref);
  g_clear_object (&entry->source);
}

static void
xaso_pdf_update_finalize (GObject *object)
{
  XasoPdfUpdate *self = XASO_PDF_UPDATE (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  G_OBJECT_CLASS (xaso_pdf_update_parent_class)->finalize (object);
}

static void
xaso_pdf_update_class_init (XasoPdfUpdateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_pdf_update_finalize;
}

static void
xaso_pdf_update_init (XasoPdfUpdate *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->index = g_hash_table_new (NULL, NULL);
}

XasoPdfUpdate *
xaso_pdf_update_new (XasoPdfDocument *document)
{
  XasoPdfUpdate *self;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (document), NULL);
  self = g_object_new (XASO_TYPE_PDF_UPDATE, NULL);
  self->document = g_object_ref (document);
  self->next_num = xaso_pdf_document_get_next_object_number (document);
  return self;
}

XasoPdfDocument *
xaso_pdf_update_get_document (XasoPdfUpdate *self)
{
  g_return_val_if_fail (XASO_IS_PDF_UPDATE (self), NULL);
  return self->document;
}

static Entry *
find_entry (XasoPdfUpdate *self,
            guint32        num)
{
  guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, GUINT_TO_POINTER (num)));

  return pos > 0 ? &g_array_index (self->entries, Entry, pos - 1) : NULL;
}

static Entry *
ensure_entry (XasoPdfUpdate *self,
              guint32        num,
              guint16        gen)
{
  Entry *entry = find_entry (self, num);
  Entry fresh = { num, gen, NULL, NULL, NULL, 0 };

  if (entry != NULL)
    {
      entry_clear (entry);
      entry->gen = gen;
      return entry;
    }
  g_array_append_val (self->entries, fresh);
  g_hash_table_insert (self->index, GUINT_TO_POINTER (num), GUINT_TO_POINTER (self->entries->len));
  return &g_array_index (self->entries, Entry, self->entries->len - 1);
}

guint32
xaso_pdf_update_reserve (XasoPdfUpdate *self)
{
  g_return_val_if_fail (XASO_IS_PDF_UPDATE (self), 0);
  ensure_entry (self, self->next_num, 0);
  return self->next_num++;
}

guint32
xaso_pdf_update_add (XasoPdfUpdate *self,
                     XasoPdfObject *object)
{
  guint32 num = xaso_pdf_update_reserve (self);

  xaso_pdf_update_set (self, num, 0, object, NULL);
  return num;
}

void
xaso_pdf_update_set (XasoPdfUpdate   *self,
                     guint32          num,
                     guint16          gen,
                     XasoPdfObject   *object,
                     XasoPdfDocument *source)
{
  Entry *entry;

  g_return_if_fail (XASO_IS_PDF_UPDATE (self));
  g_return_if_fail (object != NULL && num > 0);
  entry = ensure_entry (self, num, gen);
  entry->object = object;
  entry->source = source != NULL && source != self->document ? g_object_ref (source) : NULL;
  if (num >= self->next_num)
    self->next_num = num + 1;
}

void
xaso_pdf_update_set_raw (XasoPdfUpdate *self,
                         guint32        num,
                         const char    *body,
                         gsize          len)
{
  Entry *entry;

  g_return_if_fail (XASO_IS_PDF_UPDATE (self));
  entry = ensure_entry (self, num, 0);
  entry->raw = g_bytes_new (body, len);
  if (num >= self->next_num)
    self->next_num = num + 1;
}

XasoPdfObject *
xaso_pdf_update_lookup (XasoPdfUpdate  *self,
                        guint32         num,
                        guint16         gen,
                        GError        **error)
{
  Entry *entry;

  g_return_val_if_fail (XASO_IS_PDF_UPDATE (self), NULL);
  entry = find_entry (self, num);
  if (entry != NULL && entry->object != NULL)
    return entry->object;
  return xaso_pdf_document_lookup (self->document, num, gen, error);
}

XasoPdfObject *
xaso_pdf_update_edit (XasoPdfUpdate  *self,
                      guint32         num,
                      guint16         gen,
                      GError        **error)
{
  XasoPdfObject *current = xaso_pdf_update_lookup (self, num, gen, error);
  Entry *entry;

  if (current == NULL)
    return NULL;
  entry = find_entry (self, num);
  if (entry != NULL && entry->object == current)
    return current;
  xaso_pdf_update_set (self, num, gen, xaso_pdf_object_copy (current), NULL);
  return find_entry (self, num)->object;
}

gboolean
xaso_pdf_update_get_body_offset (XasoPdfUpdate *self,
                                 guint32        num,
                                 guint64       *offset)
{
  Entry *entry = find_entry (self, num);

  if (entry == NULL || entry->body_offset == 0)
    return FALSE;
  *offset = entry->body_offset;
  return TRUE;
}

static gboolean
write_entry (XasoPdfUpdate  *self,
             GString        *out,
             Entry          *entry,
             GError        **error)
{
  gsize header_end;

  if (entry->raw != NULL)
    {
      gsize len = 0;
      const char *body = g_bytes_get_data (entry->raw, &len);

      g_string_append_printf (out, "%u %u obj\n", entry->num, entry->gen);
      entry->body_offset = self->base + out->len;
      g_string_append_len (out, body, (gssize)len);
      g_string_append (out, "\nendobj\n");
      return TRUE;
    }
  header_end = out->len;
  if (!xaso_pdf_serialize_indirect (out, entry->num, entry->gen, entry->object,
                                    entry->source != NULL ? entry->source : self->document, error))
    return FALSE;
  entry->body_offset = self->base + header_end +
                       (gsize)g_snprintf (NULL, 0, "%u %u obj\n", entry->num, entry->gen);
  return TRUE;
}

static gint
row_compare (gconstpointer a,
             gconstpointer b)
{
  guint32 x = ((const XasoPdfXrefRow *)a)->num, y = ((const XasoPdfXrefRow *)b)->num;

  return x < y ? -1 : x > y;
}

/* A repaired file's own xref cannot be trusted, so the update lists every
 * object the scan found, and needs no /Prev. */
static void
add_document_rows (XasoPdfUpdate *self,
                   GArray        *rows)
{
  XasoPdfXrefRow head = { 0, 65535, 0, 0, 0 };

  g_array_append_val (rows, head);
  for (guint32 num = 1; num < self->next_num; num++)
    {
      const XasoPdfXrefEntry *e = xaso_pdf_document_get_entry (self->document, num);
      XasoPdfXrefRow row = { num, 0, 0, 0, 0 };

      if (e == NULL || e->type == XASO_PDF_ENTRY_ABSENT || e->type == XASO_PDF_ENTRY_FREE ||
          find_entry (self, num) != NULL)
        continue;
      row.gen = e->gen;
      row.type = e->type == XASO_PDF_ENTRY_IN_USE ? 1 : 2;
      row.offset = e->offset;
      row.index = e->index;
      g_array_append_val (rows, row);
    }
}

static gboolean
has_compressed (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, XasoPdfXrefRow, i).type == 2)
      return TRUE;
  return FALSE;
}

static XasoPdfObject *
make_id (XasoPdfUpdate *self)
{
  XasoPdfObject *old = xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (self->document), "ID");
  XasoPdfObject *first = xaso_pdf_object_array_get (old, 0);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_MD5);
  gint64 now = g_get_real_time ();
  guint8 digest[16];
  gsize len = sizeof digest;
  XasoPdfObject *id = xaso_pdf_object_new_array ();

  /* The second half changes with each revision (§14.4); the first stays. */
  g_checksum_update (sum, (const guint8 *)&now, sizeof now);
  g_checksum_update (sum, (const guint8 *)&self->base, sizeof self->base);
  g_checksum_update (sum, (const guint8 *)&self->next_num, sizeof self->next_num);
  g_checksum_get_digest (sum, digest, &len);
  if (xaso_pdf_object_get_kind (first) == XASO_PDF_STRING)
    xaso_pdf_object_array_append (id, xaso_pdf_object_ref (first));
  else
    xaso_pdf_object_array_append (id, xaso_pdf_object_new_string (digest, len));
  xaso_pdf_object_array_append (id, xaso_pdf_object_new_string (digest, len));
  return id;
}

static XasoPdfObject *
make_trailer (XasoPdfUpdate *self,
              gboolean       with_prev)
{
  XasoPdfObject *merged = xaso_pdf_document_get_trailer (self->document);
  guint n = xaso_pdf_document_get_n_revisions (self->document);
  XasoPdfObject *trailer = xaso_pdf_object_new_dict ();

  xaso_pdf_object_dict_set (trailer, "Size", xaso_pdf_object_new_int (self->next_num));
  xaso_pdf_object_dict_set (trailer, "Root", xaso_pdf_object_copy (xaso_pdf_object_dict_get (merged, "Root")));
  if (xaso_pdf_object_dict_get (merged, "Info") != NULL)
    xaso_pdf_object_dict_set (trailer, "Info", xaso_pdf_object_copy (xaso_pdf_object_dict_get (merged, "Info")));
  xaso_pdf_object_dict_set (trailer, "ID", make_id (self));
  if (with_prev && n > 0)
    xaso_pdf_object_dict_set (trailer, "Prev",
                              xaso_pdf_object_new_int ((gint64)xaso_pdf_document_get_revision (self->document, n - 1)->startxref));
  return trailer;
}

static gboolean
ends_with_eol (XasoPdfDocument *document)
{
  gsize len = 0;
  const guint8 *data = xaso_pdf_document_get_data (document, &len);

  return len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r');
}

GBytes *
xaso_pdf_update_build (XasoPdfUpdate  *self,
                       GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (XasoPdfXrefRow));
  g_autoptr(XasoPdfObject) trailer = NULL;
  gboolean full = xaso_pdf_document_was_repaired (self->document) ||
                  xaso_pdf_document_get_n_revisions (self->document) == 0;
  gsize len = 0;
  guint32 xref_num;

  g_return_val_if_fail (XASO_IS_PDF_UPDATE (self), NULL);
  if (xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (self->document), "Root") == NULL)
    {
      g_set_error_literal (error, XASO_PDF_WRITE_ERROR, XASO_PDF_WRITE_ERROR_NO_CATALOG,
                           _("The PDF has no document catalog to update."));
      return NULL;
    }
  xaso_pdf_document_get_data (self->document, &len);
  self->base = len;
  if (!ends_with_eol (self->document))
    g_string_append_c (out, '\n');
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      XasoPdfXrefRow row = { entry->num, entry->gen, 1, 0, 0 };

      if (entry->object == NULL && entry->raw == NULL)
        continue;               /* reserved, never filled */
      row.offset = self->base + out->len;
      if (!write_entry (self, out, entry, error))
        return NULL;
      g_array_append_val (rows, row);
    }
  if (full)
    add_document_rows (self, rows);
  g_array_sort (rows, row_compare);
  xref_num = self->next_num;
  if (xaso_pdf_document_get_last_xref_kind (self->document) == XASO_PDF_XREF_STREAM || has_compressed (rows))
    {
      /* The stream's own number is taken before the trailer records /Size. */
      self->next_num++;
      trailer = make_trailer (self, !full);
      xaso_pdf_xref_write_stream (out, self->base, rows, trailer, xref_num);
    }
  else
    {
      trailer = make_trailer (self, !full);
      xaso_pdf_xref_write_table (out, self->base, rows, trailer);
    }
  self->next_num = xref_num;
  return g_bytes_new (out->str, out->len);
}

gboolean
xaso_pdf_update_write (XasoPdfUpdate        *self,
                       GBytes               *tail,
                       GOutputStream        *out,
                       GCancellable         *cancellable,
                       XasoPdfProgressFunc   progress,
                       gpointer              user_data,
                       GError              **error)
{
  const gsize chunk = 4 << 20;
  gsize len = 0, tail_len = 0;
  const guint8 *data = xaso_pdf_document_get_data (self->document, &len);
  const guint8 *tail_data = g_bytes_get_data (tail, &tail_len);

  for (gsize at = 0; at < len; at += chunk)
    {
      if (!g_output_stream_write_all (out, data + at, MIN (chunk, len - at), NULL, cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress ((double)(at + MIN (chunk, len - at)) / (double)(len + tail_len), user_data);
    }
  return g_output_stream_write_all (out, tail_data, tail_len, NULL, cancellable, error);
}
