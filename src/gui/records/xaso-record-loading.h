/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* What the editors and views of records share when they read one: a
 * spinner page while the worker reads, the error page with the reason if
 * it could not, else the page that shows it, filled by @show. A load that
 * was cancelled (the user moved on, the window closed) shows nothing. */
typedef void (*XasoLoadedFunc) (gpointer owner,
                                gpointer loaded);

typedef struct
{
  GtkStack      *stack;         /* with pages "loading" and "error" */
  AdwStatusPage *error_page;
  const char    *shown_page;    /* the page that shows the record */
  gboolean       quietly;       /* keep what is shown until it is read again */
} XasoRecordPages;

void xaso_record_loading_start (const XasoRecordPages *pages,
                                XasoContext           *context,
                                XasoContextFunc        func,
                                gpointer               job,
                                GDestroyNotify         job_free,
                                GDestroyNotify         loaded_free,
                                GCancellable          *cancellable,
                                gpointer               owner,
                                XasoLoadedFunc         show);

G_END_DECLS
