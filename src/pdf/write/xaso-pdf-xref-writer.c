/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include "xaso-pdf-serialize.h"
#include "xaso-pdf-xref-writer-private.h"

/* Runs of consecutive numbers become one subsection each. */
static guint
run_length (GArray *rows,
            guint   from)
{
  guint n = 1;

  while (from + n < rows->len &&
         g_array_index (rows, XasoPdfXrefRow, from + n).num ==
         g_array_index (rows, XasoPdfXrefRow, from + n - 1).num + 1)
    n++;
  return n;
}

static void
finish (GString *out,
        guint64  startxref)
{
  g_string_append_printf (out, "startxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n", startxref);
}

void
xaso_pdf_xref_write_table (GString       *out,
                           guint64        base,
                           GArray        *rows,
                           XasoPdfObject *trailer)
{
  guint64 startxref = base + out->len;

  g_string_append (out, "xref\n");
  for (guint i = 0; i < rows->len;)
    {
      guint n = run_length (rows, i);

      g_string_append_printf (out, "%u %u\n", g_array_index (rows, XasoPdfXrefRow, i).num, n);
      for (guint k = i; k < i + n; k++)
        {
          const XasoPdfXrefRow *row = &g_array_index (rows, XasoPdfXrefRow, k);

          /* Exactly 20 bytes per entry (§7.5.4): the EOL is "\r\n". */
          g_string_append_printf (out, "%010" G_GUINT64_FORMAT " %05u %c\r\n",
                                  row->type == 1 ? row->offset : 0, row->gen,
                                  row->type == 1 ? 'n' : 'f');
        }
      i += n;
    }
  g_string_append (out, "trailer\n");
  xaso_pdf_serialize (out, trailer);
  g_string_append_c (out, '\n');
  finish (out, startxref);
}

static guint
bytes_for (guint64 value)
{
  guint n = 1;

  while (value >>= 8)
    n++;
  return n;
}

static void
put_be (GByteArray *data,
        guint64     value,
        guint       width)
{
  for (guint i = width; i > 0; i--)
    {
      guint8 b = (guint8)(value >> (8 * (i - 1)));

      g_byte_array_append (data, &b, 1);
    }
}

static XasoPdfObject *
int_array (const gint64 *values,
           guint         n)
{
  XasoPdfObject *array = xaso_pdf_object_new_array ();

  for (guint i = 0; i < n; i++)
    xaso_pdf_object_array_append (array, xaso_pdf_object_new_int (values[i]));
  return array;
}

static XasoPdfObject *
stream_index (GArray *rows)
{
  XasoPdfObject *index = xaso_pdf_object_new_array ();

  for (guint i = 0; i < rows->len;)
    {
      guint n = run_length (rows, i);

      xaso_pdf_object_array_append (index, xaso_pdf_object_new_int (g_array_index (rows, XasoPdfXrefRow, i).num));
      xaso_pdf_object_array_append (index, xaso_pdf_object_new_int (n));
      i += n;
    }
  return index;
}

static gint
row_compare (gconstpointer a,
             gconstpointer b)
{
  guint32 x = ((const XasoPdfXrefRow *)a)->num, y = ((const XasoPdfXrefRow *)b)->num;

  return x < y ? -1 : x > y;
}

void
xaso_pdf_xref_write_stream (GString       *out,
                            guint64        base,
                            GArray        *rows,
                            XasoPdfObject *trailer,
                            guint32        num)
{
  guint64 startxref = base + out->len;
  XasoPdfXrefRow self_row = { num, 0, 1, startxref, 0 };
  g_autoptr(GArray) all = g_array_copy (rows);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XasoPdfObject) stream = NULL;
  XasoPdfObject *dict = xaso_pdf_object_copy (trailer);
  guint64 widest = startxref;
  gint64 w[3];

  g_array_append_val (all, self_row);
  g_array_sort (all, row_compare);
  for (guint i = 0; i < all->len; i++)
    widest = MAX (widest, g_array_index (all, XasoPdfXrefRow, i).offset);
  w[0] = 1, w[1] = MAX (4, bytes_for (widest)), w[2] = 2;
  for (guint i = 0; i < all->len; i++)
    {
      const XasoPdfXrefRow *row = &g_array_index (all, XasoPdfXrefRow, i);

      put_be (data, row->type, 1);
      put_be (data, row->offset, (guint)w[1]);
      put_be (data, row->type == 2 ? row->index : row->gen, 2);
    }
  xaso_pdf_object_dict_set (dict, "Type", xaso_pdf_object_new_name ("XRef"));
  xaso_pdf_object_dict_set (dict, "W", int_array (w, 3));
  xaso_pdf_object_dict_set (dict, "Index", stream_index (all));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  stream = xaso_pdf_object_new_stream_with_data (dict, bytes);
  /* Uncompressed on purpose: the section is small, and every reader
   * handles an unfiltered xref stream. */
  xaso_pdf_serialize_indirect (out, num, 0, stream, NULL, NULL);
  finish (out, startxref);
}
