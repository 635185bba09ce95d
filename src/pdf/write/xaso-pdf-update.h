/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-pdf-document.h"

G_BEGIN_DECLS

#define XASO_PDF_WRITE_ERROR (xaso_pdf_write_error_quark ())
GQuark xaso_pdf_write_error_quark (void);

typedef enum
{
  XASO_PDF_WRITE_ERROR_NO_CATALOG,      /* the document has no /Root to update */
  XASO_PDF_WRITE_ERROR_UNSUPPORTED,     /* e.g. a page we cannot graft */
  XASO_PDF_WRITE_ERROR_TOO_LARGE,       /* past the object-number limit */
} XasoPdfWriteError;

/* Reports how far a long job went, from 0 to 1. Called in the thread that
 * runs the job. */
typedef void (*XasoPdfProgressFunc) (double    fraction,
                                     gpointer  user_data);

/* An incremental update of a document (ISO 32000-1 §7.5.6): new objects
 * and new versions of existing ones, appended after the original bytes,
 * which are never changed. The xref section is of the kind the file's
 * last one was (a table for hybrid files), with /Prev; the trailer keeps
 * /Root, /Info and the first half of /ID. */
#define XASO_TYPE_PDF_UPDATE (xaso_pdf_update_get_type ())
G_DECLARE_FINAL_TYPE (XasoPdfUpdate, xaso_pdf_update, XASO, PDF_UPDATE, GObject)

XasoPdfUpdate   *xaso_pdf_update_new          (XasoPdfDocument  *document);
XasoPdfDocument *xaso_pdf_update_get_document (XasoPdfUpdate    *self);

/* A fresh object number (generation 0) to fill with _set() later; lets
 * objects refer to each other before they exist. */
guint32          xaso_pdf_update_reserve      (XasoPdfUpdate    *self);
/* Reserves a number and sets @object (taken over) there. */
guint32          xaso_pdf_update_add          (XasoPdfUpdate    *self,
                                               XasoPdfObject    *object);
/* Sets object @num (new, reserved, or a new version of an existing one)
 * to @object, taken over. A stream's bytes are its in-memory data, or read
 * from @source (the document the stream came from; NULL: this update's
 * document). */
void             xaso_pdf_update_set          (XasoPdfUpdate    *self,
                                               guint32           num,
                                               guint16           gen,
                                               XasoPdfObject    *object,
                                               XasoPdfDocument  *source);
/* Sets object @num to bytes already in PDF syntax, written as they are
 * between "obj" and "endobj": the signer places fixed-width placeholders
 * it patches later. */
void             xaso_pdf_update_set_raw      (XasoPdfUpdate    *self,
                                               guint32           num,
                                               const char       *body,
                                               gsize             len);
/* The newest version of @num: this update's, else the document's.
 * Borrowed; NULL only with @error set. */
XasoPdfObject   *xaso_pdf_update_lookup       (XasoPdfUpdate    *self,
                                               guint32           num,
                                               guint16           gen,
                                               GError          **error);
/* A private copy of the newest version of @num, put in the update as its
 * new version and returned (borrowed) for the caller to change. */
XasoPdfObject   *xaso_pdf_update_edit         (XasoPdfUpdate    *self,
                                               guint32           num,
                                               guint16           gen,
                                               GError          **error);

/* Serialises the update: the bytes that follow the original file (a line
 * break first when the file does not end with one). After a build,
 * _get_body_offset() tells where an object's value starts in the whole
 * new file. */
GBytes          *xaso_pdf_update_build        (XasoPdfUpdate    *self,
                                               GError          **error);
gboolean         xaso_pdf_update_get_body_offset (XasoPdfUpdate *self,
                                                  guint32        num,
                                                  guint64       *offset);

/* Writes the original bytes then @tail (from _build()) to @out. */
gboolean         xaso_pdf_update_write        (XasoPdfUpdate       *self,
                                               GBytes              *tail,
                                               GOutputStream       *out,
                                               GCancellable        *cancellable,
                                               XasoPdfProgressFunc  progress,
                                               gpointer             user_data,
                                               GError             **error);

G_END_DECLS
