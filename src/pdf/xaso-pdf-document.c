/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-document-private.h"
#include "xaso-pdf-filter-private.h"

G_DEFINE_QUARK (xaso-pdf-error-quark, xaso_pdf_error)

G_DEFINE_FINAL_TYPE (XasoPdfDocument, xaso_pdf_document, G_TYPE_OBJECT)

/* Keys of a trailer that describe one xref section, not the document. */
static const char * const section_keys[] = {
  "Prev", "XRefStm", "Type", "W", "Index", "Filter", "DecodeParms", "Length", NULL,
};

static void
cache_slot_free (gpointer data)
{
  XasoPdfCacheSlot *slot = data;

  g_clear_pointer (&slot->object, xaso_pdf_object_unref);
  g_free (slot);
}

static void
revision_free (gpointer data)
{
  XasoPdfRevision *revision = data;

  g_clear_pointer (&revision->trailer, xaso_pdf_object_unref);
  g_free (revision);
}

static void
xaso_pdf_document_finalize (GObject *object)
{
  XasoPdfDocument *self = XASO_PDF_DOCUMENT (object);

  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->in_progress, g_hash_table_unref);
  g_clear_pointer (&self->objstm_state, g_hash_table_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_pointer (&self->trailer, xaso_pdf_object_unref);
  g_clear_pointer (&self->null_object, xaso_pdf_object_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  G_OBJECT_CLASS (xaso_pdf_document_parent_class)->finalize (object);
}

static void
xaso_pdf_document_class_init (XasoPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xaso_pdf_document_finalize;
}

static void
xaso_pdf_document_init (XasoPdfDocument *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (XasoPdfXrefEntry));
  self->revisions = g_ptr_array_new_with_free_func (revision_free);
  self->null_object = xaso_pdf_object_new_null ();
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, cache_slot_free);
  self->in_progress = g_hash_table_new (NULL, NULL);
  self->objstm_state = g_hash_table_new (NULL, NULL);
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_pdf_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
}

void
xaso_pdf_document_add_warning (XasoPdfDocument *self,
                               const char      *message)
{
  for (guint i = 0; i + 1 < self->warnings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->warnings, i), message) == 0)
      return;
  g_ptr_array_insert (self->warnings, (gint)self->warnings->len - 1, g_strdup (message));
}

void
xaso_pdf_document_set_entry (XasoPdfDocument        *self,
                             guint64                 num,
                             const XasoPdfXrefEntry *entry,
                             gboolean                overwrite)
{
  XasoPdfXrefEntry *slot;

  if (num >= self->max_entries)
    return;
  if (num >= self->entries->len)
    g_array_set_size (self->entries, (guint)num + 1);
  slot = &g_array_index (self->entries, XasoPdfXrefEntry, num);
  if (slot->type == XASO_PDF_ENTRY_ABSENT || overwrite)
    *slot = *entry;
}

const XasoPdfXrefEntry *
xaso_pdf_document_get_entry (XasoPdfDocument *self,
                             guint32          num)
{
  if (num >= self->entries->len)
    return NULL;
  return &g_array_index (self->entries, XasoPdfXrefEntry, num);
}

void
xaso_pdf_document_cache_put (XasoPdfDocument *self,
                             guint32          num,
                             guint16          gen,
                             XasoPdfObject   *object,
                             gboolean         in_objstm,
                             guint64          start,
                             guint64          end)
{
  XasoPdfCacheSlot *old = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
  XasoPdfCacheSlot *slot = g_new0 (XasoPdfCacheSlot, 1);

  if (old != NULL && old->object != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&old->object));
  slot->object = object != NULL ? xaso_pdf_object_ref (object) : NULL;
  slot->gen = gen;
  slot->in_objstm = in_objstm;
  slot->start = start;
  slot->end = end;
  g_hash_table_replace (self->cache, GUINT_TO_POINTER (num), slot);
}

static gboolean
length_cb (gpointer  user_data,
           guint32   num,
           guint16   gen,
           gint64   *length)
{
  XasoPdfObject *value = xaso_pdf_document_lookup (user_data, num, gen, NULL);

  if (value == NULL || xaso_pdf_object_get_kind (value) != XASO_PDF_INT)
    return FALSE;
  *length = xaso_pdf_object_get_int (value);
  return TRUE;
}

static XasoPdfObject *
load_direct (XasoPdfDocument  *self,
             guint32           num,
             guint16           gen,
             guint64           offset,
             GError          **error)
{
  XasoPdfIndirect indirect;

  if (offset >= self->len || !xaso_pdf_parse_indirect (&self->ctx, (gsize)offset, &indirect, error))
    {
      if (offset >= self->len)
        g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                     _("Damaged PDF: object %u points past the end of the file."), num);
      return NULL;
    }
  if (indirect.num != num || indirect.gen != gen)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                   _("Damaged PDF: object %u is not where the cross-reference table says."), num);
      xaso_pdf_indirect_clear (&indirect);
      return NULL;
    }
  xaso_pdf_document_cache_put (self, num, gen, indirect.object, FALSE, indirect.start, indirect.end);
  xaso_pdf_indirect_clear (&indirect);
  return ((XasoPdfCacheSlot *)g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num)))->object;
}

static XasoPdfObject *
lookup_entry (XasoPdfDocument  *self,
              guint32           num,
              guint16           gen,
              GError          **error)
{
  const XasoPdfXrefEntry *entry = xaso_pdf_document_get_entry (self, num);
  XasoPdfCacheSlot *slot;

  if (entry == NULL || entry->type == XASO_PDF_ENTRY_ABSENT || entry->type == XASO_PDF_ENTRY_FREE)
    return self->null_object;
  if (entry->type == XASO_PDF_ENTRY_IN_USE)
    return entry->gen == gen ? load_direct (self, num, gen, entry->offset, error) : self->null_object;
  if (gen != 0)
    return self->null_object;
  if (!xaso_pdf_objstm_load (self, (guint32)entry->offset, error))
    return NULL;
  slot = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
  if (slot != NULL && slot->object != NULL)
    return slot->object;
  /* Not in the stream its entry names: null, remembered so that the
   * stream is not decoded again for it. */
  xaso_pdf_document_cache_put (self, num, gen, self->null_object, TRUE, 0, 0);
  return self->null_object;
}

static gboolean
drop_failed (gpointer key,
             gpointer value,
             gpointer user_data)
{
  return ((XasoPdfCacheSlot *)value)->object == NULL;
}

/* A wrong xref entry is the sign of a damaged table: rebuild it once by
 * scanning, then trust the scan. */
static gboolean
repair_once (XasoPdfDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (self->repaired || self->repairing)
    return FALSE;
  if (!xaso_pdf_recover (self, &error))
    {
      g_debug ("Repair failed: %s", error->message);
      return FALSE;
    }
  g_hash_table_foreach_remove (self->cache, drop_failed, NULL);
  return TRUE;
}

static XasoPdfObject *
cached (XasoPdfDocument  *self,
        XasoPdfCacheSlot *slot,
        guint32           num,
        guint16           gen,
        GError          **error)
{
  if (slot->gen != gen)
    return self->null_object;
  if (slot->object == NULL)
    g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                 _("Damaged PDF: object %u cannot be read."), num);
  return slot->object;
}

XasoPdfObject *
xaso_pdf_document_lookup (XasoPdfDocument  *self,
                          guint32           num,
                          guint16           gen,
                          GError          **error)
{
  g_autoptr(GError) local = NULL;
  XasoPdfCacheSlot *slot;
  XasoPdfObject *object;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  slot = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
  if (slot != NULL)
    return cached (self, slot, num, gen, error);
  if (g_hash_table_contains (self->in_progress, GUINT_TO_POINTER (num)))
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                   _("Damaged PDF: object %u refers to itself."), num);
      return NULL;
    }
  /* Each object being read may need another first (a /Length, the object
   * stream holding it): a chain of them must not exhaust the stack. */
  if (g_hash_table_size (self->in_progress) >= XASO_PDF_MAX_LOOKUP_DEPTH)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_TOO_LARGE,
                   _("Damaged PDF: a chain of references does not end."));
      return NULL;
    }
  g_hash_table_add (self->in_progress, GUINT_TO_POINTER (num));
  object = lookup_entry (self, num, gen, &local);
  if (object == NULL && local != NULL && local->code == XASO_PDF_ERROR_DAMAGED && repair_once (self))
    {
      g_clear_error (&local);
      object = lookup_entry (self, num, gen, &local);
    }
  g_hash_table_remove (self->in_progress, GUINT_TO_POINTER (num));
  if (object == NULL && !self->repairing)
    xaso_pdf_document_cache_put (self, num, gen, NULL, FALSE, 0, 0);
  if (object == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return object;
}

XasoPdfObject *
xaso_pdf_document_resolve (XasoPdfDocument  *self,
                           XasoPdfObject    *object,
                           GError          **error)
{
  /* A chain of references to references is legal but short in practice;
   * the bound stops cycles the cache would not see. */
  for (guint i = 0; object != NULL && xaso_pdf_object_get_kind (object) == XASO_PDF_REF; i++)
    {
      if (i >= 32)
        {
          g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                       _("Damaged PDF: a chain of references does not end."));
          return NULL;
        }
      object = xaso_pdf_document_lookup (self, xaso_pdf_object_ref_get_num (object),
                                         xaso_pdf_object_ref_get_gen (object), error);
    }
  return object;
}

XasoPdfObject *
xaso_pdf_document_dict_get (XasoPdfDocument *self,
                            XasoPdfObject   *dict,
                            const char      *key)
{
  XasoPdfObject *value = xaso_pdf_object_dict_get (dict, key);

  if (value == NULL)
    return NULL;
  value = xaso_pdf_document_resolve (self, value, NULL);
  return xaso_pdf_object_is_null (value) ? NULL : value;
}

static XasoPdfObject *
resolve_or_null (gpointer       user_data,
                 XasoPdfObject *object)
{
  XasoPdfDocument *self = user_data;
  XasoPdfObject *value = xaso_pdf_document_resolve (self, object, NULL);

  return value != NULL ? value : self->null_object;
}

GBytes *
xaso_pdf_document_get_stream_raw (XasoPdfDocument  *self,
                                  XasoPdfObject    *stream,
                                  GError          **error)
{
  guint64 offset, length;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (xaso_pdf_object_get_kind (stream) == XASO_PDF_STREAM, NULL);
  if (xaso_pdf_object_stream_get_data (stream) != NULL)
    return g_bytes_ref (xaso_pdf_object_stream_get_data (stream));
  offset = xaso_pdf_object_stream_get_offset (stream);
  length = xaso_pdf_object_stream_get_length (stream);
  if (offset > self->len || length > self->len - offset)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                   _("Damaged PDF: a stream extends past the end of the file."));
      return NULL;
    }
  return g_bytes_new_from_bytes (self->bytes, (gsize)offset, (gsize)length);
}

GBytes *
xaso_pdf_document_decode_stream (XasoPdfDocument  *self,
                                 XasoPdfObject    *stream,
                                 gsize             max_size,
                                 GError          **error)
{
  g_autoptr(GBytes) raw = xaso_pdf_document_get_stream_raw (self, stream, error);
  gsize len = 0;
  const guint8 *data;

  if (raw == NULL)
    return NULL;
  data = g_bytes_get_data (raw, &len);
  return xaso_pdf_filter_decode (data, len, xaso_pdf_object_stream_get_dict (stream),
                                 resolve_or_null, self,
                                 max_size != 0 ? max_size : XASO_PDF_MAX_DECODED_SIZE, error);
}

GBytes *
xaso_pdf_document_decode_struct (XasoPdfDocument  *self,
                                 XasoPdfObject    *stream,
                                 GError          **error)
{
  return xaso_pdf_document_decode_stream (self, stream, XASO_PDF_MAX_STRUCT_SIZE, error);
}

static gboolean
is_section_key (const char *key)
{
  return g_strv_contains (section_keys, key);
}

/* The newest value of each key wins. */
static void
merge_trailers (XasoPdfDocument *self)
{
  XasoPdfObject *merged = xaso_pdf_object_new_dict ();

  for (guint r = self->revisions->len; r > 0; r--)
    {
      XasoPdfRevision *revision = g_ptr_array_index (self->revisions, r - 1);

      for (guint i = 0; i < xaso_pdf_object_dict_get_size (revision->trailer); i++)
        {
          const char *key = xaso_pdf_object_dict_get_key_at (revision->trailer, i);

          if (!is_section_key (key) && xaso_pdf_object_dict_get (merged, key) == NULL)
            xaso_pdf_object_dict_set (merged, key, xaso_pdf_object_ref (xaso_pdf_object_dict_get (revision->trailer, key)));
        }
    }
  g_clear_pointer (&self->trailer, xaso_pdf_object_unref);
  self->trailer = merged;
}

static gboolean
refuse_encrypted (XasoPdfDocument  *self,
                  GError          **error)
{
  if (xaso_pdf_object_dict_get (self->trailer, "Encrypt") == NULL)
    return TRUE;
  g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_ENCRYPTED,
               _("This PDF is encrypted. Encrypted documents cannot be opened or signed here; "
                 "ask the sender for an unprotected copy."));
  return FALSE;
}

static gboolean
read_header (XasoPdfDocument  *self,
             GError          **error)
{
  const guint8 *hit = xaso_pdf_find (self->data, MIN (self->len, 1024), "%PDF-");
  gsize pos;

  if (hit == NULL)
    {
      g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_NOT_PDF, _("This file is not a PDF document."));
      return FALSE;
    }
  pos = (gsize)(hit - self->data) + 5;
  if (pos + 3 <= self->len && g_ascii_isdigit (self->data[pos]) && self->data[pos + 1] == '.'
      && g_ascii_isdigit (self->data[pos + 2]))
    self->version = g_strndup ((const char *)self->data + pos, 3);
  else
    self->version = g_strdup ("1.0");
  return TRUE;
}

static gboolean
catalog_ok (XasoPdfDocument *self)
{
  XasoPdfObject *root = xaso_pdf_document_dict_get (self, self->trailer, "Root");

  return root != NULL && xaso_pdf_object_get_kind (root) == XASO_PDF_DICT;
}

static void
raise_version (XasoPdfDocument *self)
{
  const char *version = xaso_pdf_object_get_name (
    xaso_pdf_document_dict_get (self, xaso_pdf_document_get_catalog (self), "Version"));

  if (version != NULL && strlen (version) == 3 && g_ascii_isdigit (version[0]) && version[1] == '.'
      && g_ascii_isdigit (version[2]) && strcmp (version, self->version) > 0)
    {
      g_free (self->version);
      self->version = g_strdup (version);
    }
}

static gboolean
load_structure (XasoPdfDocument  *self,
                GError          **error)
{
  g_autoptr(GError) local = NULL;

  if (!read_header (self, error))
    return FALSE;
  self->max_entries = (guint32)MIN ((guint64)XASO_PDF_MAX_OBJECT_NUMBER + 1, (1u << 20) + (guint64)self->len);
  xaso_pdf_parse_context_init (&self->ctx, self->data, self->len);
  self->ctx.length_func = length_cb;
  self->ctx.user_data = self;
  if (xaso_pdf_xref_read (self, &local))
    merge_trailers (self);
  else if (g_error_matches (local, XASO_PDF_ERROR, XASO_PDF_ERROR_ENCRYPTED))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  else
    {
      g_debug ("Cross-reference data unusable: %s", local->message);
      if (!xaso_pdf_recover (self, error))
        return FALSE;
    }
  if (!refuse_encrypted (self, error))
    return FALSE;
  if (!catalog_ok (self) && (!repair_once (self) || !refuse_encrypted (self, error) || !catalog_ok (self)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                     _("This PDF is damaged beyond repair: its document catalog is missing."));
      return FALSE;
    }
  raise_version (self);
  return TRUE;
}

XasoPdfDocument *
xaso_pdf_document_new_from_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_autoptr(XasoPdfDocument) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  self = g_object_new (XASO_TYPE_PDF_DOCUMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->len);
  if (self->data == NULL)
    self->data = (const guint8 *)"";
  if (!load_structure (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

XasoPdfDocument *
xaso_pdf_document_new_from_file (const char  *path,
                                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  XasoPdfDocument *self;

  g_return_val_if_fail (path != NULL, NULL);
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  self = xaso_pdf_document_new_from_bytes (bytes, error);
  if (self != NULL)
    self->mapped = g_steal_pointer (&mapped);
  return self;
}

GBytes *
xaso_pdf_document_get_bytes (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  return self->bytes;
}

const guint8 *
xaso_pdf_document_get_data (XasoPdfDocument *self,
                            gsize           *len)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  if (len != NULL)
    *len = self->len;
  return self->data;
}

const char *
xaso_pdf_document_get_version (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  return self->version;
}

guint
xaso_pdf_document_get_n_revisions (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), 0);
  return self->revisions->len;
}

const XasoPdfRevision *
xaso_pdf_document_get_revision (XasoPdfDocument *self,
                                guint            index)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->revisions->len, NULL);
  return g_ptr_array_index (self->revisions, index);
}

XasoPdfXrefKind
xaso_pdf_document_get_last_xref_kind (XasoPdfDocument *self)
{
  const XasoPdfRevision *last;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), XASO_PDF_XREF_TABLE);
  if (self->revisions->len == 0)
    return self->scanned_kind;
  last = g_ptr_array_index (self->revisions, self->revisions->len - 1);
  return last->kind;
}

XasoPdfObject *
xaso_pdf_document_get_trailer (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  return self->trailer;
}

XasoPdfObject *
xaso_pdf_document_get_last_trailer (XasoPdfDocument *self)
{
  const XasoPdfRevision *last;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  if (self->revisions->len == 0)
    return self->trailer;
  last = g_ptr_array_index (self->revisions, self->revisions->len - 1);
  return last->trailer;
}

XasoPdfObject *
xaso_pdf_document_get_catalog (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  return xaso_pdf_document_dict_get (self, self->trailer, "Root");
}

guint32
xaso_pdf_document_get_next_object_number (XasoPdfDocument *self)
{
  gint64 size;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), 0);
  size = xaso_pdf_object_get_int (xaso_pdf_object_dict_get (self->trailer, "Size"));
  /* A /Size smaller than the objects really there is a known kind of
   * damage; never reuse a number. */
  return (guint32)CLAMP (MAX (size, (gint64)self->entries->len), 1, (gint64)XASO_PDF_MAX_OBJECT_NUMBER);
}

gboolean
xaso_pdf_document_was_repaired (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), FALSE);
  return self->repaired;
}

const char * const *
xaso_pdf_document_get_warnings (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), NULL);
  return (const char * const *)self->warnings->pdata;
}

gboolean
xaso_pdf_document_get_object_span (XasoPdfDocument *self,
                                   guint32          num,
                                   guint16          gen,
                                   guint64         *start,
                                   guint64         *end,
                                   guint32         *objstm)
{
  const XasoPdfXrefEntry *entry;
  XasoPdfCacheSlot *slot;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), FALSE);
  if (xaso_pdf_document_lookup (self, num, gen, NULL) == NULL)
    return FALSE;
  entry = xaso_pdf_document_get_entry (self, num);
  slot = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
  if (entry != NULL && entry->type == XASO_PDF_ENTRY_COMPRESSED && objstm != NULL)
    *objstm = (guint32)entry->offset;
  if (slot == NULL || slot->object == NULL || slot->in_objstm || slot->gen != gen)
    return FALSE;
  if (start != NULL)
    *start = slot->start;
  if (end != NULL)
    *end = slot->end;
  return TRUE;
}

static gboolean
skip_to_key (XasoPdfLexer  *lexer,
             const char    *key,
             GError       **error)
{
  XasoPdfToken token = { 0 };

  for (;;)
    {
      g_autoptr(XasoPdfObject) skipped = NULL;
      gboolean found;

      if (!xaso_pdf_lexer_next (lexer, &token, error))
        return FALSE;
      if (token.kind != XASO_PDF_TOKEN_NAME)
        {
          xaso_pdf_token_clear (&token);
          return FALSE;
        }
      found = strcmp ((const char *)token.bytes, key) == 0;
      xaso_pdf_token_clear (&token);
      if (found)
        return TRUE;
      skipped = xaso_pdf_parse_object (lexer, error);
      if (skipped == NULL)
        return FALSE;
    }
}

gboolean
xaso_pdf_document_find_value_span (XasoPdfDocument  *self,
                                   guint32           num,
                                   guint16           gen,
                                   const char       *key,
                                   guint64          *start,
                                   guint64          *end,
                                   GError          **error)
{
  g_autoptr(XasoPdfObject) value = NULL;
  XasoPdfToken token = { 0 };
  XasoPdfLexer lexer;
  guint64 obj_start = 0;
  gsize pos;
  guint32 n;
  guint16 g;

  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), FALSE);
  if (!xaso_pdf_document_get_object_span (self, num, gen, &obj_start, NULL, NULL))
    return FALSE;
  pos = (gsize)obj_start;
  if (!xaso_pdf_parse_obj_header (self->data, self->len, &pos, &n, &g))
    return FALSE;
  xaso_pdf_lexer_init (&lexer, self->data, self->len, pos);
  if (!xaso_pdf_lexer_next (&lexer, &token, error) || token.kind != XASO_PDF_TOKEN_DICT_OPEN
      || !skip_to_key (&lexer, key, error))
    {
      xaso_pdf_token_clear (&token);
      return FALSE;
    }
  xaso_pdf_lexer_skip_space (&lexer);
  *start = lexer.pos;
  value = xaso_pdf_parse_object (&lexer, error);
  *end = lexer.pos;
  return value != NULL;
}

void
xaso_pdf_document_count_objects (XasoPdfDocument *self,
                                 guint           *n_direct,
                                 guint           *n_compressed)
{
  guint direct = 0, compressed = 0;

  g_return_if_fail (XASO_IS_PDF_DOCUMENT (self));
  for (guint i = 1; i < self->entries->len; i++)
    {
      guint8 type = g_array_index (self->entries, XasoPdfXrefEntry, i).type;

      direct += type == XASO_PDF_ENTRY_IN_USE;
      compressed += type == XASO_PDF_ENTRY_COMPRESSED;
    }
  if (n_direct != NULL)
    *n_direct = direct;
  if (n_compressed != NULL)
    *n_compressed = compressed;
}
