/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-csv.h"

/* An RFC 4180 reader that streams, so a 100 MB export from the provincial
 * system never has to sit in memory at once.  Beyond the RFC it accepts LF
 * and lone CR line ends and a leading UTF-8 byte-order mark (Excel writes
 * one for "CSV UTF-8"), and it skips empty lines.  A quote inside an
 * unquoted field is kept as text, as spreadsheets do.
 */

G_DEFINE_QUARK (xaso-csv-error-quark, xaso_csv_error)

#define BUFFER_SIZE (64 * 1024)

/* What peek_byte() returns besides a byte. */
#define END_OF_INPUT (-1)
#define READ_FAILED  (-2)

typedef enum
{
  FIELD_ENDS_ROW,
  FIELD_ENDS_WITH_COMMA,
} FieldEnd;

struct _XasoCsvReader
{
  GInputStream *stream;
  GCancellable *cancellable;
  GString      *field;
  GError       *failure;        /* sticky: once broken, the reader stays broken */
  gsize         pos;
  gsize         len;
  guint         line;           /* line of the next unread byte */
  guint         record_line;
  gboolean      at_eof;
  gboolean      started;
  guint8        buf[BUFFER_SIZE];
};

/**
 * xaso_csv_reader_new:
 * @stream: the CSV bytes, in UTF-8
 *
 * Returns: (transfer full): a reader positioned before the first record
 */
XasoCsvReader *
xaso_csv_reader_new (GInputStream *stream)
{
  XasoCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (XasoCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->field = g_string_sized_new (256);
  self->line = 1;

  return self;
}

/**
 * xaso_csv_reader_new_from_data:
 * @data: CSV text; copied
 * @len: length of @data in bytes, or -1 if it is nul-terminated
 *
 * Returns: (transfer full): a reader positioned before the first record
 */
XasoCsvReader *
xaso_csv_reader_new_from_data (const char *data,
                               gssize      len)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (data);

  bytes = g_bytes_new (data, len);
  stream = g_memory_input_stream_new_from_bytes (bytes);

  return xaso_csv_reader_new (stream);
}

static GBytes *
read_all (GInputStream  *stream,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buf[BUFFER_SIZE];
  gssize n;

  while ((n = g_input_stream_read (stream, buf, sizeof buf, cancellable, error)) > 0)
    {
      if (data->len + n > XASO_CSV_MAX_FILE_SIZE)
        {
          g_set_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_FILE_TOO_LARGE,
                       _("The file is larger than %u MB; split it into smaller files."),
                       XASO_CSV_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, buf, n);
    }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * xaso_csv_reader_new_decoded:
 * @stream: a CSV file in any encoding xaso_text_decode_auto() knows
 * @decoding: (out): what was found and converted
 *
 * Reads the whole file first: its encoding is decided over all its lines,
 * before any row is read.
 *
 * Returns: (transfer full) (nullable): a reader of the file in Unicode
 */
XasoCsvReader *
xaso_csv_reader_new_decoded (GInputStream      *stream,
                             XasoTextDecoding  *decoding,
                             GCancellable      *cancellable,
                             GError           **error)
{
  g_autoptr(GBytes) bytes = read_all (stream, cancellable, error);
  g_autoptr(GBytes) unicode = NULL;
  g_autoptr(GInputStream) decoded = NULL;
  char *text;
  XasoCsvReader *self;

  if (bytes == NULL)
    return NULL;
  text = xaso_text_decode_auto (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), decoding, error);
  if (text == NULL)
    return NULL;
  unicode = g_bytes_new_take (text, strlen (text));
  decoded = g_memory_input_stream_new_from_bytes (unicode);
  self = xaso_csv_reader_new (decoded);
  xaso_csv_reader_set_cancellable (self, cancellable);
  return self;
}

void
xaso_csv_reader_free (XasoCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->failure);
  g_string_free (self->field, TRUE);
  g_free (self);
}

/**
 * xaso_csv_reader_set_cancellable:
 * @self: a reader
 * @cancellable: (nullable): used for every read from the stream
 */
void
xaso_csv_reader_set_cancellable (XasoCsvReader *self,
                                 GCancellable  *cancellable)
{
  g_return_if_fail (self != NULL);

  g_set_object (&self->cancellable, cancellable);
}

/**
 * xaso_csv_reader_get_line:
 * @self: a reader
 *
 * Returns: the 1-based line on which the record last returned by
 *   xaso_csv_reader_next() starts, or 0 before the first record
 */
guint
xaso_csv_reader_get_line (XasoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/* Appends to the buffer until it holds at least @want bytes or the stream
 * ends.  Only used at the start, where the byte-order mark may arrive split
 * over several short reads.
 */
static gboolean
fill_at_least (XasoCsvReader  *self,
               gsize           want,
               GError        **error)
{
  while (self->len < want && !self->at_eof)
    {
      gssize n;

      /* Memory streams never look at the cancellable themselves. */
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      n = g_input_stream_read (self->stream, self->buf + self->len,
                               BUFFER_SIZE - self->len,
                               self->cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        self->at_eof = TRUE;
      self->len += n;
    }

  return TRUE;
}

static int
peek_byte (XasoCsvReader  *self,
           GError        **error)
{
  if (self->pos == self->len)
    {
      self->pos = self->len = 0;
      if (!fill_at_least (self, 1, error))
        return READ_FAILED;
      if (self->len == 0)
        return END_OF_INPUT;
    }

  return self->buf[self->pos];
}

static gboolean
skip_byte_order_mark (XasoCsvReader  *self,
                      GError        **error)
{
  static const guint8 bom[] = { 0xEF, 0xBB, 0xBF };

  if (!fill_at_least (self, sizeof bom, error))
    return FALSE;

  if (self->len >= sizeof bom && memcmp (self->buf, bom, sizeof bom) == 0)
    self->pos = sizeof bom;

  return TRUE;
}

/* Consumes a line end whose first byte is @c, counting CR LF as one. */
static gboolean
consume_line_end (XasoCsvReader  *self,
                  int             c,
                  GError        **error)
{
  self->pos++;
  self->line++;

  if (c == '\r')
    {
      int next = peek_byte (self, error);

      if (next == READ_FAILED)
        return FALSE;
      if (next == '\n')
        self->pos++;
    }

  return TRUE;
}

static gboolean
append_byte (XasoCsvReader  *self,
             int             c,
             GError        **error)
{
  if (self->field->len >= XASO_CSV_MAX_FIELD_SIZE)
    {
      g_set_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_FIELD_TOO_LARGE,
                   /* Translators: %u is a line number in the imported file. */
                   _("Line %u: a field is larger than 1 MiB. The file is probably not a CSV file."),
                   self->line);
      return FALSE;
    }

  g_string_append_c (self->field, (char) c);
  return TRUE;
}

/* Reads the rest of a quoted field after its opening quote, up to and
 * including the closing quote.  A doubled quote stands for one quote; line
 * ends inside belong to the field but still advance the line count.
 */
static gboolean
read_quoted (XasoCsvReader  *self,
             guint           start_line,
             GError        **error)
{
  for (;;)
    {
      int c = peek_byte (self, error);

      if (c == READ_FAILED)
        return FALSE;

      if (c == END_OF_INPUT)
        {
          g_set_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_UNTERMINATED_QUOTE,
                       /* Translators: %u is a line number in the imported file. */
                       _("Line %u: a field opens a quote (\") that is never closed."),
                       start_line);
          return FALSE;
        }

      self->pos++;

      if (c == '"' || c == '\r')
        {
          int next = peek_byte (self, error);

          if (next == READ_FAILED)
            return FALSE;
          if (c == '"' && next != '"')
            return TRUE;
          if (c == '"')
            self->pos++;
          else if (next != '\n')
            self->line++;
        }
      else if (c == '\n')
        self->line++;

      if (!append_byte (self, c, error))
        return FALSE;
    }
}

/* After a field: a comma, a line end or the end of input. */
static gboolean
read_field_end (XasoCsvReader  *self,
                FieldEnd       *end,
                GError        **error)
{
  int c = peek_byte (self, error);

  if (c == READ_FAILED)
    return FALSE;

  if (c == ',')
    {
      self->pos++;
      *end = FIELD_ENDS_WITH_COMMA;
      return TRUE;
    }

  *end = FIELD_ENDS_ROW;

  if (c == END_OF_INPUT)
    return TRUE;
  if (c == '\r' || c == '\n')
    return consume_line_end (self, c, error);

  g_set_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_BAD_QUOTE,
               /* Translators: %u is a line number in the imported file. */
               _("Line %u: there is text after the closing quote of a field. "
                 "A quote inside a field must be written twice (\"\")."),
               self->line);
  return FALSE;
}

static gboolean
read_unquoted (XasoCsvReader  *self,
               GError        **error)
{
  for (;;)
    {
      int c = peek_byte (self, error);

      if (c == READ_FAILED)
        return FALSE;
      if (c == END_OF_INPUT || c == ',' || c == '\r' || c == '\n')
        return TRUE;

      self->pos++;
      if (!append_byte (self, c, error))
        return FALSE;
    }
}

static gboolean
check_utf8 (XasoCsvReader  *self,
            guint           start_line,
            GError        **error)
{
  const char *bad = NULL;
  guint line = start_line;

  if (g_utf8_validate_len (self->field->str, self->field->len, &bad))
    return TRUE;

  for (const char *p = self->field->str; p < bad; p++)
    if (*p == '\n')
      line++;

  g_set_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_INVALID_UTF8,
               /* Translators: %u is a line number. "CSV UTF-8" is the name of
                * the format in the spreadsheet's "Save as" dialog. */
               _("Line %u is not UTF-8 text. Save the file as “CSV UTF-8” and try again."),
               line);
  return FALSE;
}

static char *
read_field (XasoCsvReader  *self,
            FieldEnd       *end,
            GError        **error)
{
  guint start_line = self->line;
  int c;

  g_string_truncate (self->field, 0);

  c = peek_byte (self, error);
  if (c == READ_FAILED)
    return NULL;

  if (c == '"')
    {
      self->pos++;
      if (!read_quoted (self, start_line, error) ||
          !read_field_end (self, end, error))
        return NULL;
    }
  else
    {
      if (!read_unquoted (self, error) ||
          !read_field_end (self, end, error))
        return NULL;
    }

  if (!check_utf8 (self, start_line, error))
    return NULL;

  return g_strndup (self->field->str, self->field->len);
}

/* Empty lines carry no record; skipping them also drops the final line
 * end.  Returns END_OF_INPUT, READ_FAILED or the first byte of a record.
 */
static int
skip_empty_lines (XasoCsvReader  *self,
                  GError        **error)
{
  for (;;)
    {
      int c = peek_byte (self, error);

      if (c != '\r' && c != '\n')
        return c;
      if (!consume_line_end (self, c, error))
        return READ_FAILED;
    }
}

static GPtrArray *
read_record (XasoCsvReader  *self,
             GError        **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  FieldEnd end = FIELD_ENDS_WITH_COMMA;

  while (end == FIELD_ENDS_WITH_COMMA)
    {
      char *field;

      if (fields->len == XASO_CSV_MAX_FIELDS)
        {
          g_set_error (error, XASO_CSV_ERROR, XASO_CSV_ERROR_TOO_MANY_FIELDS,
                       /* Translators: %u is a line number, %d a count. */
                       _("Line %u has more than %d columns."),
                       self->record_line, XASO_CSV_MAX_FIELDS);
          return NULL;
        }

      field = read_field (self, &end, error);
      if (field == NULL)
        return NULL;
      g_ptr_array_add (fields, field);
    }

  return g_steal_pointer (&fields);
}

/**
 * xaso_csv_reader_next:
 * @self: a reader
 * @fields_out: (out) (transfer full): the record's fields as UTF-8 strings
 * @error: return location for an error
 *
 * Reads the next record.  At the end of the input it returns %FALSE without
 * setting @error.  After an error every further call fails with the same
 * error.
 *
 * Returns: %TRUE if a record was read
 */
gboolean
xaso_csv_reader_next (XasoCsvReader  *self,
                      GPtrArray     **fields_out,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields = NULL;
  int c;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields_out != NULL, FALSE);

  *fields_out = NULL;

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  if (!self->started)
    {
      self->started = TRUE;
      if (!skip_byte_order_mark (self, &local_error))
        goto failed;
    }

  c = skip_empty_lines (self, &local_error);
  if (c == READ_FAILED)
    goto failed;
  if (c == END_OF_INPUT)
    return FALSE;

  self->record_line = self->line;
  fields = read_record (self, &local_error);
  if (fields == NULL)
    goto failed;

  *fields_out = fields;
  return TRUE;

failed:
  self->failure = g_error_copy (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * xaso_csv_write_bom:
 * @out: where to append
 *
 * Appends the UTF-8 byte-order mark.  Spreadsheet programs on Windows need
 * it to read Vietnamese letters correctly.
 */
void
xaso_csv_write_bom (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append (out, "\xEF\xBB\xBF");
}

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;

  /* Spreadsheets trim unquoted spaces at either end, so keep them quoted. */
  if (g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1]))
    return TRUE;

  return strpbrk (field, ",\"\r\n") != NULL;
}

static void
write_field (GString    *out,
             const char *field)
{
  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * xaso_csv_write_row:
 * @out: where to append
 * @fields: (array length=n) (nullable): the fields; a %NULL field is empty
 * @n: the number of fields
 *
 * Appends one record with a CR LF line end, quoting fields as RFC 4180
 * requires.
 */
void
xaso_csv_write_row (GString            *out,
                    const char * const *fields,
                    guint               n)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');

      /* A row of one empty field would be an empty line, which readers
       * skip; quoting keeps the row.
       */
      if (n == 1 && *field == '\0')
        g_string_append (out, "\"\"");
      else
        write_field (out, field);
    }

  g_string_append (out, "\r\n");
}
