/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-record-editor.h"

G_BEGIN_DECLS

#define XASO_TYPE_RECORD_VIEW (xaso_record_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (XasoRecordView, xaso_record_view, XASO, RECORD_VIEW, AdwBin)

/* A record shown read-only: a placeholder until there is one, a spinner
 * while it is read on the worker thread (where the look goes into the audit
 * log), the error if it cannot be read, else the subclass's content, which
 * its template puts in through the "content" property. */
struct _XasoRecordViewClass
{
  AdwBinClass      parent_class;

  /* Runs on the worker thread: reads record @id and what is shown with it. */
  gpointer       (*load)        (XasoDatabase    *db,
                                 const char      *id,
                                 GError         **error);
  /* Shows what load returned, and takes it. */
  void           (*show_loaded) (XasoRecordView  *self,
                                 gpointer         loaded);
  /* Forgets the record shown, as another one is read. */
  void           (*clear)       (XasoRecordView  *self);

  GDestroyNotify   loaded_free;
  /* A look at the record is written to the audit log with these. */
  const char      *audit_table;
  const char      *audit_purpose;
};

void         xaso_record_view_show           (XasoRecordView   *self,
                                              XasoContext      *ctx,
                                              const char       *id);
const char  *xaso_record_view_get_record_id  (XasoRecordView   *self);
/* Reads the record shown again, keeping it on screen meanwhile: a change
 * made here or elsewhere, not a new look at it. */
void         xaso_record_view_reload         (XasoRecordView   *self);

/* For subclasses. */
XasoContext *xaso_record_view_get_context    (XasoRecordView   *self);
GtkWindow   *xaso_record_view_get_window     (XasoRecordView   *self);
void         xaso_record_view_present_editor (XasoRecordView   *self,
                                              XasoRecordEditor *editor);
void         xaso_record_view_set_value      (GtkLabel         *label,
                                              const char       *value);

G_END_DECLS
