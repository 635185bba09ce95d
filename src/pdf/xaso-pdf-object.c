/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <string.h>

#include "xaso-pdf-object-private.h"

typedef struct
{
  char          *key;
  XasoPdfObject *value;
} DictEntry;

struct _XasoPdfObject
{
  gatomicrefcount ref_count;
  XasoPdfKind     kind;
  union
  {
    gboolean  boolean;
    gint64    integer;
    double    real;
    struct
    {
      guint8 *data;
      gsize   len;
    } bytes;                    /* strings and names (names NUL-terminated) */
    GPtrArray *array;
    GArray    *dict;            /* of DictEntry */
    struct
    {
      XasoPdfObject *dict;
      guint64        offset;
      guint64        length;
      GBytes        *data;     /* in memory (new objects), else NULL */
    } stream;
    struct
    {
      guint32 num;
      guint16 gen;
    } ref;
  } u;
};

G_DEFINE_BOXED_TYPE (XasoPdfObject, xaso_pdf_object, xaso_pdf_object_ref, xaso_pdf_object_unref)

static XasoPdfObject *
object_new (XasoPdfKind kind)
{
  XasoPdfObject *object = g_new0 (XasoPdfObject, 1);

  g_atomic_ref_count_init (&object->ref_count);
  object->kind = kind;
  return object;
}

XasoPdfObject *
xaso_pdf_object_ref (XasoPdfObject *object)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_atomic_ref_count_inc (&object->ref_count);
  return object;
}

static void
dict_entry_clear (gpointer data)
{
  DictEntry *entry = data;

  g_free (entry->key);
  xaso_pdf_object_unref (entry->value);
}

void
xaso_pdf_object_unref (XasoPdfObject *object)
{
  g_return_if_fail (object != NULL);
  if (!g_atomic_ref_count_dec (&object->ref_count))
    return;
  switch (object->kind)
    {
    case XASO_PDF_STRING:
    case XASO_PDF_NAME:
      g_free (object->u.bytes.data);
      break;
    case XASO_PDF_ARRAY:
      g_ptr_array_unref (object->u.array);
      break;
    case XASO_PDF_DICT:
      g_array_unref (object->u.dict);
      break;
    case XASO_PDF_STREAM:
      xaso_pdf_object_unref (object->u.stream.dict);
      g_clear_pointer (&object->u.stream.data, g_bytes_unref);
      break;
    default:
      break;
    }
  g_free (object);
}

XasoPdfObject *
xaso_pdf_object_new_null (void)
{
  return object_new (XASO_PDF_NULL);
}

XasoPdfObject *
xaso_pdf_object_new_bool (gboolean value)
{
  XasoPdfObject *object = object_new (XASO_PDF_BOOL);

  object->u.boolean = !!value;
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_int (gint64 value)
{
  XasoPdfObject *object = object_new (XASO_PDF_INT);

  object->u.integer = value;
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_real (double value)
{
  XasoPdfObject *object = object_new (XASO_PDF_REAL);

  object->u.real = value;
  return object;
}

static XasoPdfObject *
bytes_new (XasoPdfKind   kind,
           const guint8 *data,
           gsize         len)
{
  XasoPdfObject *object = object_new (kind);

  /* One extra NUL so names can be used as C strings. */
  object->u.bytes.data = g_malloc (len + 1);
  if (len > 0)
    memcpy (object->u.bytes.data, data, len);
  object->u.bytes.data[len] = 0;
  object->u.bytes.len = len;
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_string (const guint8 *data,
                            gsize         len)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  return bytes_new (XASO_PDF_STRING, data, len);
}

XasoPdfObject *
xaso_pdf_object_new_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  return bytes_new (XASO_PDF_NAME, (const guint8 *)name, strlen (name));
}

XasoPdfObject *
xaso_pdf_object_new_array (void)
{
  XasoPdfObject *object = object_new (XASO_PDF_ARRAY);

  object->u.array = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_pdf_object_unref);
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_dict (void)
{
  XasoPdfObject *object = object_new (XASO_PDF_DICT);

  object->u.dict = g_array_new (FALSE, FALSE, sizeof (DictEntry));
  g_array_set_clear_func (object->u.dict, dict_entry_clear);
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_stream (XasoPdfObject *dict,
                            guint64        offset,
                            guint64        length)
{
  XasoPdfObject *object;

  g_return_val_if_fail (dict != NULL && dict->kind == XASO_PDF_DICT, NULL);
  object = object_new (XASO_PDF_STREAM);
  object->u.stream.dict = dict;
  object->u.stream.offset = offset;
  object->u.stream.length = length;
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_stream_with_data (XasoPdfObject *dict,
                                      GBytes        *data)
{
  XasoPdfObject *object;

  g_return_val_if_fail (data != NULL, NULL);
  object = xaso_pdf_object_new_stream (dict, 0, g_bytes_get_size (data));
  if (object != NULL)
    object->u.stream.data = g_bytes_ref (data);
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_ref (guint32 num,
                         guint16 gen)
{
  XasoPdfObject *object = object_new (XASO_PDF_REF);

  object->u.ref.num = num;
  object->u.ref.gen = gen;
  return object;
}

XasoPdfKind
xaso_pdf_object_get_kind (const XasoPdfObject *object)
{
  /* NULL reads as null: lookups of absent keys chain without checks. */
  return object != NULL ? object->kind : XASO_PDF_NULL;
}

const char *
xaso_pdf_kind_to_string (XasoPdfKind kind)
{
  static const char * const names[] = {
    "null", "bool", "int", "real", "string", "name", "array", "dict", "stream", "ref",
  };

  g_return_val_if_fail (kind <= XASO_PDF_REF, NULL);
  return names[kind];
}

gboolean
xaso_pdf_object_is_null (const XasoPdfObject *object)
{
  return object == NULL || object->kind == XASO_PDF_NULL;
}

gboolean
xaso_pdf_object_get_bool (const XasoPdfObject *object)
{
  return object != NULL && object->kind == XASO_PDF_BOOL && object->u.boolean;
}

gint64
xaso_pdf_object_get_int (const XasoPdfObject *object)
{
  if (object == NULL)
    return 0;
  if (object->kind == XASO_PDF_INT)
    return object->u.integer;
  /* Some writers put 612.0 where an integer belongs; truncation is what
   * other readers do. */
  if (object->kind == XASO_PDF_REAL && object->u.real > (double)G_MININT64
      && object->u.real < (double)G_MAXINT64)
    return (gint64)object->u.real;
  return 0;
}

gboolean
xaso_pdf_object_get_number (const XasoPdfObject *object,
                            double              *value)
{
  if (object != NULL && object->kind == XASO_PDF_INT)
    *value = (double)object->u.integer;
  else if (object != NULL && object->kind == XASO_PDF_REAL)
    *value = object->u.real;
  else
    return FALSE;
  return TRUE;
}

const guint8 *
xaso_pdf_object_get_string (const XasoPdfObject *object,
                            gsize               *len)
{
  if (object == NULL || object->kind != XASO_PDF_STRING)
    {
      if (len != NULL)
        *len = 0;
      return NULL;
    }
  if (len != NULL)
    *len = object->u.bytes.len;
  return object->u.bytes.data;
}

GBytes *
xaso_pdf_object_dup_string_bytes (const XasoPdfObject *object)
{
  if (object == NULL || object->kind != XASO_PDF_STRING)
    return NULL;
  return g_bytes_new (object->u.bytes.data, object->u.bytes.len);
}

const char *
xaso_pdf_object_get_name (const XasoPdfObject *object)
{
  if (object == NULL || object->kind != XASO_PDF_NAME)
    return NULL;
  return (const char *)object->u.bytes.data;
}

gboolean
xaso_pdf_object_is_name (const XasoPdfObject *object,
                         const char          *name)
{
  const char *value = xaso_pdf_object_get_name (object);

  return value != NULL && strcmp (value, name) == 0;
}

guint
xaso_pdf_object_array_get_length (const XasoPdfObject *array)
{
  if (array == NULL || array->kind != XASO_PDF_ARRAY)
    return 0;
  return array->u.array->len;
}

XasoPdfObject *
xaso_pdf_object_array_get (const XasoPdfObject *array,
                           guint                index)
{
  if (array == NULL || array->kind != XASO_PDF_ARRAY || index >= array->u.array->len)
    return NULL;
  return g_ptr_array_index (array->u.array, index);
}

void
xaso_pdf_object_array_append (XasoPdfObject *array,
                              XasoPdfObject *item)
{
  g_return_if_fail (array != NULL && array->kind == XASO_PDF_ARRAY);
  g_return_if_fail (item != NULL);
  g_ptr_array_add (array->u.array, item);
}

static const GArray *
dict_entries (const XasoPdfObject *dict)
{
  if (dict == NULL)
    return NULL;
  if (dict->kind == XASO_PDF_STREAM)
    dict = dict->u.stream.dict;
  if (dict->kind != XASO_PDF_DICT)
    return NULL;
  return dict->u.dict;
}

guint
xaso_pdf_object_dict_get_size (const XasoPdfObject *dict)
{
  const GArray *entries = dict_entries (dict);

  return entries ? entries->len : 0;
}

static gint
dict_find (const GArray *entries,
           const char   *key)
{
  /* From the end: the last of repeated keys wins, as in other readers. */
  for (guint i = entries->len; i > 0; i--)
    {
      const DictEntry *entry = &g_array_index (entries, DictEntry, i - 1);

      if (strcmp (entry->key, key) == 0)
        return (gint)(i - 1);
    }
  return -1;
}

XasoPdfObject *
xaso_pdf_object_dict_get (const XasoPdfObject *dict,
                          const char          *key)
{
  const GArray *entries = dict_entries (dict);
  gint i;

  g_return_val_if_fail (key != NULL, NULL);
  if (entries == NULL)
    return NULL;
  i = dict_find (entries, key);
  return i < 0 ? NULL : g_array_index (entries, DictEntry, i).value;
}

const char *
xaso_pdf_object_dict_get_key_at (const XasoPdfObject *dict,
                                 guint                index)
{
  const GArray *entries = dict_entries (dict);

  if (entries == NULL || index >= entries->len)
    return NULL;
  return g_array_index (entries, DictEntry, index).key;
}

XasoPdfObject *
xaso_pdf_object_dict_get_value_at (const XasoPdfObject *dict,
                                   guint                index)
{
  const GArray *entries = dict_entries (dict);

  if (entries == NULL || index >= entries->len)
    return NULL;
  return g_array_index (entries, DictEntry, index).value;
}

void
xaso_pdf_object_dict_set (XasoPdfObject *dict,
                          const char    *key,
                          XasoPdfObject *value)
{
  GArray *entries;
  DictEntry entry;
  gint i;

  g_return_if_fail (dict != NULL && key != NULL && value != NULL);
  entries = (GArray *)dict_entries (dict);
  g_return_if_fail (entries != NULL);
  i = dict_find (entries, key);
  if (i >= 0)
    {
      DictEntry *old = &g_array_index (entries, DictEntry, i);

      xaso_pdf_object_unref (old->value);
      old->value = value;
      return;
    }
  entry.key = g_strdup (key);
  entry.value = value;
  g_array_append_val (entries, entry);
}

gboolean
xaso_pdf_object_dict_remove (XasoPdfObject *dict,
                             const char    *key)
{
  GArray *entries = (GArray *)dict_entries (dict);
  gboolean removed = FALSE;
  gint i;

  g_return_val_if_fail (entries != NULL && key != NULL, FALSE);
  while ((i = dict_find (entries, key)) >= 0)
    {
      g_array_remove_index (entries, i);
      removed = TRUE;
    }
  return removed;
}

XasoPdfObject *
xaso_pdf_object_stream_get_dict (const XasoPdfObject *stream)
{
  if (stream == NULL || stream->kind != XASO_PDF_STREAM)
    return NULL;
  return stream->u.stream.dict;
}

guint64
xaso_pdf_object_stream_get_offset (const XasoPdfObject *stream)
{
  g_return_val_if_fail (stream != NULL && stream->kind == XASO_PDF_STREAM, 0);
  return stream->u.stream.offset;
}

GBytes *
xaso_pdf_object_stream_get_data (const XasoPdfObject *stream)
{
  if (stream == NULL || stream->kind != XASO_PDF_STREAM)
    return NULL;
  return stream->u.stream.data;
}

guint64
xaso_pdf_object_stream_get_length (const XasoPdfObject *stream)
{
  g_return_val_if_fail (stream != NULL && stream->kind == XASO_PDF_STREAM, 0);
  return stream->u.stream.length;
}

guint32
xaso_pdf_object_ref_get_num (const XasoPdfObject *ref)
{
  g_return_val_if_fail (ref != NULL && ref->kind == XASO_PDF_REF, 0);
  return ref->u.ref.num;
}

guint16
xaso_pdf_object_ref_get_gen (const XasoPdfObject *ref)
{
  g_return_val_if_fail (ref != NULL && ref->kind == XASO_PDF_REF, 0);
  return ref->u.ref.gen;
}

void
xaso_pdf_object_dict_append_take (XasoPdfObject *dict,
                                  char          *key,
                                  XasoPdfObject *value)
{
  DictEntry entry = { key, value };

  g_return_if_fail (dict != NULL && dict->kind == XASO_PDF_DICT);
  g_array_append_val (dict->u.dict, entry);
}

static XasoPdfObject *
bytes_take (XasoPdfKind kind,
            guint8     *data,
            gsize       len)
{
  XasoPdfObject *object = object_new (kind);

  object->u.bytes.data = data;
  object->u.bytes.len = len;
  return object;
}

XasoPdfObject *
xaso_pdf_object_new_string_take (guint8 *data,
                                 gsize   len)
{
  return bytes_take (XASO_PDF_STRING, data, len);
}

XasoPdfObject *
xaso_pdf_object_new_name_take (char  *name,
                               gsize  len)
{
  return bytes_take (XASO_PDF_NAME, (guint8 *)name, len);
}
