/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-pdf-appearance.h"
#include "xaso-sign-placement.h"

G_BEGIN_DECLS

/* Called on the main thread with how far signing went, 0 to 1. */
typedef void (*XasoSignProgressFunc) (GObject *target,
                                      double   fraction);

/* Everything one signature needs, gathered by the signing dialog before
 * the work starts (the PIN or password included: it is asked once,
 * before, never from inside the work). */
typedef struct
{
  XasoPdfAppearanceKind kind;
  char                 *pkcs11_url;    /* a token certificate… */
  char                 *pkcs12_path;   /* …or a PKCS#12 file */
  char                 *secret;        /* PIN or password; wiped when freed */
  char                 *input;
  char                 *output;
  XasoSignPlacement     placement;
  char                 *reason;
  char                 *location;
  char                 *tsa_url;       /* NULL or empty: no time-stamp */
  char                 *text_template; /* a person's signature; NULL or empty: the default */
  char                 *document_number; /* the organization's, once issued: "15/QĐ-UBND" */
  GBytes               *image;         /* the person's signature (PNG) */
  GBytes               *seal;          /* the organization's seal (PNG) */
} XasoSignJob;

XasoSignJob *xaso_sign_job_new          (void);
void         xaso_sign_job_free         (XasoSignJob          *job);

/* Opens the identity, places and draws the appearance and signs @job's
 * input into its output, on a worker thread; @job is taken. A wrong PIN
 * or password fails with XASO_PDF_SIGN_ERROR_WRONG_PIN / _WRONG_PASSWORD
 * before anything is written. */
void         xaso_sign_job_run_async    (XasoSignJob          *job,
                                         XasoSignProgressFunc  progress,
                                         GObject              *target,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     xaso_sign_job_run_finish   (GAsyncResult         *result,
                                         GError              **error);

/* A PNG of the appearance @spec at @width × @height points, drawn on a
 * worker thread. @spec's pointers are copied. */
void         xaso_sign_preview_async    (const XasoPdfAppearance *spec,
                                         double                width,
                                         double                height,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes      *xaso_sign_preview_finish   (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
