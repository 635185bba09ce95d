/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"
#include "xaso-record.h"

G_BEGIN_DECLS

#define XASO_TYPE_RECORD_EDITOR (xaso_record_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (XasoRecordEditor, xaso_record_editor, XASO, RECORD_EDITOR, AdwWindow)

/* The window a record is edited in: Cancel and Save, the saving spinner,
 * the error of the last try, the record's loading, and the save itself.
 * A subclass puts its form in through the "form" property of its template
 * and fills in the class below. */
struct _XasoRecordEditorClass
{
  AdwWindowClass      parent_class;

  /* Reads the form into a job for save_func, or says what is wrong with it. */
  gpointer          (*make_save_job) (XasoRecordEditor  *self,
                                      GError           **error);
  /* Shows what the function given to xaso_record_editor_load() returned,
   * and takes it. The form is already on screen, so focus can move into it. */
  void              (*show_loaded)   (XasoRecordEditor  *self,
                                      gpointer           loaded);

  /* Runs on the worker thread; returns the saved record's id. */
  XasoContextFunc     save_func;
  GDestroyNotify      save_job_free;
  /* NULL-terminated: the tables a save changes, for the lists to refresh. */
  const char * const *changed_tables;
  /* Shown when a save fails without a reason; marked with N_(). */
  const char         *save_error;
};

/* A field of a record shown in an entry row of a subclass's form: the row
 * is found at @offset in the subclass's instance struct. Dates are typed
 * dd/mm/yyyy and stored as ISO dates or years; ID numbers are stored
 * without the spaces people type in them. */
typedef enum
{
  XASO_FORM_TEXT,
  XASO_FORM_DATE,
  XASO_FORM_ID_NUMBER,
} XasoFormKind;

typedef struct
{
  guint        field;
  gsize        offset;
  XasoFormKind kind;
} XasoFormRow;

#define XASO_FORM_ROW(Type, field, member, kind) \
  { field, G_STRUCT_OFFSET (Type, member), XASO_FORM_##kind }

/* What a save takes to the worker thread. A subclass that takes more puts
 * this first in a struct of its own and frees it with
 * xaso_record_job_clear(); one that does not leaves save_job_free NULL. */
typedef struct
{
  XasoRecord *original;   /* as loaded and never changed; NULL for a new record */
  XasoRecord *form;       /* what the form says */
  char       *actor;
} XasoRecordJob;

gpointer     xaso_record_editor_new_job         (XasoRecordEditor   *self,
                                                 gsize               size,
                                                 XasoRecord         *original,
                                                 XasoRecord         *form);
void         xaso_record_job_clear              (XasoRecordJob      *job);
char        *xaso_record_job_save_edits         (XasoRecordJob      *job,
                                                 XasoDatabase       *db,
                                                 GError            **error);

/* For subclasses. */
XasoContext *xaso_record_editor_get_context     (XasoRecordEditor   *self);
void         xaso_record_editor_set_heading     (XasoRecordEditor   *self,
                                                 const char         *title,
                                                 const char         *subtitle);
/* "Register", "Save Draft"… in place of "Save". */
void         xaso_record_editor_set_save_label  (XasoRecordEditor   *self,
                                                 const char         *label);
void         xaso_record_editor_show_error      (XasoRecordEditor   *self,
                                                 const char         *message);
void         xaso_record_editor_hide_error      (XasoRecordEditor   *self);
void         xaso_record_editor_load            (XasoRecordEditor   *self,
                                                 XasoContextFunc     func,
                                                 gpointer            job,
                                                 GDestroyNotify      job_free,
                                                 GDestroyNotify      loaded_free);
void         xaso_record_editor_set_suggestions (GtkMenuButton      *button,
                                                 const char         *action_name,
                                                 const char * const *values);
const char  *xaso_record_editor_selected_value  (AdwComboRow        *row,
                                                 const char * const *values,
                                                 guint               n_values);
gboolean     xaso_record_editor_read_date       (AdwEntryRow        *row,
                                                 char              **date,
                                                 GError            **error);
void         xaso_record_editor_select_value    (AdwComboRow        *row,
                                                 const char * const *values,
                                                 guint               n_values,
                                                 const char         *value);
void         xaso_record_editor_fill_rows       (XasoRecordEditor   *self,
                                                 const XasoFormRow  *rows,
                                                 guint               n_rows,
                                                 XasoRecord         *record,
                                                 gboolean            only_given);
gboolean     xaso_record_editor_read_rows       (XasoRecordEditor   *self,
                                                 const XasoFormRow  *rows,
                                                 guint               n_rows,
                                                 XasoRecord         *into,
                                                 GError            **error);

G_END_DECLS
