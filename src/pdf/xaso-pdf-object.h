/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One PDF value (ISO 32000-1 §7.3). Values are immutable once they are in a
 * document's cache and reference-counted, so a caller may keep one past the
 * call that returned it by taking a reference. The constructors and the
 * append/set functions are there for the incremental writer, which builds new
 * objects before serialising them. */
typedef enum
{
  XASO_PDF_NULL,
  XASO_PDF_BOOL,
  XASO_PDF_INT,
  XASO_PDF_REAL,
  XASO_PDF_STRING,
  XASO_PDF_NAME,
  XASO_PDF_ARRAY,
  XASO_PDF_DICT,
  XASO_PDF_STREAM,
  XASO_PDF_REF,
} XasoPdfKind;

typedef struct _XasoPdfObject XasoPdfObject;

#define XASO_TYPE_PDF_OBJECT (xaso_pdf_object_get_type ())
GType           xaso_pdf_object_get_type        (void) G_GNUC_CONST;

XasoPdfObject  *xaso_pdf_object_ref             (XasoPdfObject        *object);
void            xaso_pdf_object_unref           (XasoPdfObject        *object);

XasoPdfObject  *xaso_pdf_object_new_null        (void);
XasoPdfObject  *xaso_pdf_object_new_bool        (gboolean              value);
XasoPdfObject  *xaso_pdf_object_new_int         (gint64                value);
XasoPdfObject  *xaso_pdf_object_new_real        (double                value);
/* Strings are raw bytes: PDF strings are not text until a caller decides
 * how to decode them (PDFDocEncoding or UTF-16BE). */
XasoPdfObject  *xaso_pdf_object_new_string      (const guint8         *data,
                                                 gsize                 len);
XasoPdfObject  *xaso_pdf_object_new_name        (const char           *name);
XasoPdfObject  *xaso_pdf_object_new_array       (void);
XasoPdfObject  *xaso_pdf_object_new_dict        (void);
/* @dict is taken over. @offset is where the stream's data starts in the
 * file and @length its encoded length. */
XasoPdfObject  *xaso_pdf_object_new_stream      (XasoPdfObject        *dict,
                                                 guint64               offset,
                                                 guint64               length);
/* A stream whose encoded bytes are in memory (for the writer): @dict is
 * taken over, @data is referenced; its /Length is written from @data. */
XasoPdfObject  *xaso_pdf_object_new_stream_with_data (XasoPdfObject *dict,
                                                      GBytes        *data);
XasoPdfObject  *xaso_pdf_object_new_ref         (guint32               num,
                                                 guint16               gen);

/* NULL (an absent value) reads as XASO_PDF_NULL. */
XasoPdfKind     xaso_pdf_object_get_kind        (const XasoPdfObject  *object);
const char     *xaso_pdf_kind_to_string         (XasoPdfKind           kind);

gboolean        xaso_pdf_object_is_null         (const XasoPdfObject  *object);
gboolean        xaso_pdf_object_get_bool        (const XasoPdfObject  *object);
gint64          xaso_pdf_object_get_int         (const XasoPdfObject  *object);
/* An integer or a real, as a double (PDF uses both for numbers). */
gboolean        xaso_pdf_object_get_number      (const XasoPdfObject  *object,
                                                 double               *value);
const guint8   *xaso_pdf_object_get_string      (const XasoPdfObject  *object,
                                                 gsize                *len);
GBytes         *xaso_pdf_object_dup_string_bytes (const XasoPdfObject *object);
const char     *xaso_pdf_object_get_name        (const XasoPdfObject  *object);
gboolean        xaso_pdf_object_is_name         (const XasoPdfObject  *object,
                                                 const char           *name);

guint           xaso_pdf_object_array_get_length (const XasoPdfObject *array);
/* Borrowed; NULL when @index is out of range. */
XasoPdfObject  *xaso_pdf_object_array_get       (const XasoPdfObject  *array,
                                                 guint                 index);
/* @item is taken over. */
void            xaso_pdf_object_array_append    (XasoPdfObject        *array,
                                                 XasoPdfObject        *item);

/* A stream's dictionary answers the dict functions too. Entries keep the
 * order of the file; when a key repeats, the last one counts. */
guint           xaso_pdf_object_dict_get_size   (const XasoPdfObject  *dict);
XasoPdfObject  *xaso_pdf_object_dict_get        (const XasoPdfObject  *dict,
                                                 const char           *key);
const char     *xaso_pdf_object_dict_get_key_at (const XasoPdfObject  *dict,
                                                 guint                 index);
XasoPdfObject  *xaso_pdf_object_dict_get_value_at (const XasoPdfObject *dict,
                                                   guint                index);
/* @value is taken over; replaces an existing entry of the same key. */
void            xaso_pdf_object_dict_set        (XasoPdfObject        *dict,
                                                 const char           *key,
                                                 XasoPdfObject        *value);
gboolean        xaso_pdf_object_dict_remove     (XasoPdfObject        *dict,
                                                 const char           *key);

XasoPdfObject  *xaso_pdf_object_stream_get_dict (const XasoPdfObject  *stream);
guint64         xaso_pdf_object_stream_get_offset (const XasoPdfObject *stream);
guint64         xaso_pdf_object_stream_get_length (const XasoPdfObject *stream);
/* The in-memory bytes of a stream made with _new_stream_with_data(), else NULL. */
GBytes         *xaso_pdf_object_stream_get_data (const XasoPdfObject *stream);

guint32         xaso_pdf_object_ref_get_num     (const XasoPdfObject  *ref);
guint16         xaso_pdf_object_ref_get_gen     (const XasoPdfObject  *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPdfObject, xaso_pdf_object_unref)

G_END_DECLS
