/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "xaso-pdf-serialize.h"

static gboolean
name_byte_is_plain (guint8 c)
{
  /* Delimiters, white space, '#' and bytes outside the printable range must
   * be written as #xx (ISO 32000-1 §7.3.5). */
  if (c < 0x21 || c > 0x7e || c == '#')
    return FALSE;
  return strchr ("()<>[]{}/%", c) == NULL;
}

static void
serialize_name (GString    *out,
                const char *name)
{
  g_string_append_c (out, '/');
  for (const guint8 *p = (const guint8 *)name; *p != 0; p++)
    {
      if (name_byte_is_plain (*p))
        g_string_append_c (out, (char)*p);
      else
        g_string_append_printf (out, "#%02X", *p);
    }
}

static gboolean
looks_binary (const guint8 *data,
              gsize         len)
{
  gsize odd = 0;

  for (gsize i = 0; i < len; i++)
    if (data[i] < 0x20 || data[i] > 0x7e)
      odd++;
  return odd * 4 > len;
}

static void
serialize_string (GString      *out,
                  const guint8 *data,
                  gsize         len)
{
  /* Mostly binary strings (IDs, UTF-16 text) are shorter and safer as hex;
   * text stays readable as a literal. */
  if (looks_binary (data, len))
    {
      g_string_append_c (out, '<');
      for (gsize i = 0; i < len; i++)
        g_string_append_printf (out, "%02X", data[i]);
      g_string_append_c (out, '>');
      return;
    }
  g_string_append_c (out, '(');
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];

      if (c == '(' || c == ')' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20 || c > 0x7e)
        g_string_append_printf (out, "\\%03o", c);
      else
        g_string_append_c (out, (char)c);
    }
  g_string_append_c (out, ')');
}

static void
serialize_real (GString *out,
                double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  /* PDF has no exponent notation: fixed point, trailing zeros trimmed. */
  if (!isfinite (value))
    value = 0;
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = 0;
  if (*end == '.')
    *end = 0;
  if (g_str_equal (buf, "-0"))
    strcpy (buf, "0");
  g_string_append (out, buf);
}

static void
serialize_dict (GString             *out,
                const XasoPdfObject *dict)
{
  g_string_append (out, "<<");
  for (guint i = 0; i < xaso_pdf_object_dict_get_size (dict); i++)
    {
      serialize_name (out, xaso_pdf_object_dict_get_key_at (dict, i));
      g_string_append_c (out, ' ');
      xaso_pdf_serialize (out, xaso_pdf_object_dict_get_value_at (dict, i));
    }
  g_string_append (out, ">>");
}

void
xaso_pdf_serialize (GString             *out,
                    const XasoPdfObject *object)
{
  gsize len = 0;
  const guint8 *data;

  switch (xaso_pdf_object_get_kind (object))
    {
    case XASO_PDF_NULL:
      g_string_append (out, "null");
      break;
    case XASO_PDF_BOOL:
      g_string_append (out, xaso_pdf_object_get_bool (object) ? "true" : "false");
      break;
    case XASO_PDF_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, xaso_pdf_object_get_int (object));
      break;
    case XASO_PDF_REAL:
      {
        double value = 0;

        xaso_pdf_object_get_number (object, &value);
        serialize_real (out, value);
      }
      break;
    case XASO_PDF_STRING:
      data = xaso_pdf_object_get_string (object, &len);
      serialize_string (out, data, len);
      break;
    case XASO_PDF_NAME:
      serialize_name (out, xaso_pdf_object_get_name (object));
      break;
    case XASO_PDF_ARRAY:
      g_string_append_c (out, '[');
      for (guint i = 0; i < xaso_pdf_object_array_get_length (object); i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          xaso_pdf_serialize (out, xaso_pdf_object_array_get (object, i));
        }
      g_string_append_c (out, ']');
      break;
    case XASO_PDF_DICT:
    case XASO_PDF_STREAM:
      serialize_dict (out, object);
      break;
    case XASO_PDF_REF:
      g_string_append_printf (out, "%u %u R", xaso_pdf_object_ref_get_num (object),
                              xaso_pdf_object_ref_get_gen (object));
      break;
    }
}

gboolean
xaso_pdf_serialize_indirect (GString          *out,
                             guint32           num,
                             guint16           gen,
                             XasoPdfObject    *object,
                             XasoPdfDocument  *source,
                             GError          **error)
{
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(XasoPdfObject) dict = NULL;
  gsize len = 0;
  const guint8 *data;

  g_string_append_printf (out, "%u %u obj\n", num, gen);
  if (xaso_pdf_object_get_kind (object) != XASO_PDF_STREAM)
    {
      xaso_pdf_serialize (out, object);
      g_string_append (out, "\nendobj\n");
      return TRUE;
    }
  if (xaso_pdf_object_stream_get_data (object) != NULL)
    raw = g_bytes_ref (xaso_pdf_object_stream_get_data (object));
  else if (source != NULL)
    raw = xaso_pdf_document_get_stream_raw (source, object, error);
  if (raw == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, XASO_PDF_ERROR, XASO_PDF_ERROR_DAMAGED,
                             "a stream without its document");
      return FALSE;
    }
  data = g_bytes_get_data (raw, &len);
  dict = xaso_pdf_object_copy (xaso_pdf_object_stream_get_dict (object));
  xaso_pdf_object_dict_set (dict, "Length", xaso_pdf_object_new_int ((gint64)len));
  xaso_pdf_serialize (out, dict);
  g_string_append (out, "\nstream\n");
  g_string_append_len (out, (const char *)data, (gssize)len);
  g_string_append (out, "\nendstream\nendobj\n");
  return TRUE;
}

XasoPdfObject *
xaso_pdf_object_copy (const XasoPdfObject *object)
{
  XasoPdfObject *copy;

  switch (xaso_pdf_object_get_kind (object))
    {
    case XASO_PDF_ARRAY:
      copy = xaso_pdf_object_new_array ();
      for (guint i = 0; i < xaso_pdf_object_array_get_length (object); i++)
        xaso_pdf_object_array_append (copy, xaso_pdf_object_copy (xaso_pdf_object_array_get (object, i)));
      return copy;
    case XASO_PDF_DICT:
      copy = xaso_pdf_object_new_dict ();
      for (guint i = 0; i < xaso_pdf_object_dict_get_size (object); i++)
        xaso_pdf_object_dict_set (copy, xaso_pdf_object_dict_get_key_at (object, i),
                                  xaso_pdf_object_copy (xaso_pdf_object_dict_get_value_at (object, i)));
      return copy;
    case XASO_PDF_STREAM:
      {
        XasoPdfObject *dict = xaso_pdf_object_copy (xaso_pdf_object_stream_get_dict (object));
        GBytes *data = xaso_pdf_object_stream_get_data (object);

        if (data != NULL)
          return xaso_pdf_object_new_stream_with_data (dict, data);
        return xaso_pdf_object_new_stream (dict, xaso_pdf_object_stream_get_offset (object),
                                           xaso_pdf_object_stream_get_length (object));
      }
    case XASO_PDF_NULL:
      return object != NULL ? xaso_pdf_object_ref ((XasoPdfObject *)object) : xaso_pdf_object_new_null ();
    default:
      return xaso_pdf_object_ref ((XasoPdfObject *)object);
    }
}

void
xaso_pdf_append_number (GString *out,
                        double   value)
{
  serialize_real (out, value);
}

char *
xaso_pdf_format_date (GDateTime *time)
{
  g_autofree char *base = g_date_time_format (time, "D:%Y%m%d%H%M%S");
  gint64 offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  char sign = offset < 0 ? '-' : '+';

  if (offset == 0)
    return g_strconcat (base, "Z", NULL);
  offset = ABS (offset);
  return g_strdup_printf ("%s%c%02d'%02d'", base, sign, (int)(offset / 60), (int)(offset % 60));
}
