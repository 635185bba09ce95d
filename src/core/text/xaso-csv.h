/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-text-decode.h"

G_BEGIN_DECLS

#define XASO_CSV_ERROR (xaso_csv_error_quark ())

typedef enum
{
  XASO_CSV_ERROR_INVALID_UTF8,
  XASO_CSV_ERROR_UNTERMINATED_QUOTE,
  XASO_CSV_ERROR_BAD_QUOTE,
  XASO_CSV_ERROR_FIELD_TOO_LARGE,
  XASO_CSV_ERROR_TOO_MANY_FIELDS,
  XASO_CSV_ERROR_FILE_TOO_LARGE,
} XasoCsvError;

/* Limits that keep a damaged or hostile file from exhausting memory. */
#define XASO_CSV_MAX_FIELD_SIZE (1024 * 1024)
#define XASO_CSV_MAX_FIELDS     1000
#define XASO_CSV_MAX_FILE_SIZE  (512 * 1024 * 1024)

typedef struct _XasoCsvReader XasoCsvReader;

GQuark         xaso_csv_error_quark            (void);

XasoCsvReader *xaso_csv_reader_new             (GInputStream  *stream);
XasoCsvReader *xaso_csv_reader_new_from_data   (const char    *data,
                                                gssize         len);
XasoCsvReader *xaso_csv_reader_new_decoded     (GInputStream      *stream,
                                                XasoTextDecoding  *decoding,
                                                GCancellable      *cancellable,
                                                GError           **error);
void           xaso_csv_reader_free            (XasoCsvReader *self);
void           xaso_csv_reader_set_cancellable (XasoCsvReader *self,
                                                GCancellable  *cancellable);
gboolean       xaso_csv_reader_next            (XasoCsvReader *self,
                                                GPtrArray    **fields_out,
                                                GError       **error);
guint          xaso_csv_reader_get_line        (XasoCsvReader *self);

void           xaso_csv_write_bom              (GString            *out);
void           xaso_csv_write_row              (GString            *out,
                                                const char * const *fields,
                                                guint               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoCsvReader, xaso_csv_reader_free)

G_END_DECLS
