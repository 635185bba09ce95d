/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xaso-commune.h"
#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

#define XASO_TYPE_CONTEXT (xaso_context_get_type ())
G_DECLARE_FINAL_TYPE (XasoContext, xaso_context, XASO, CONTEXT, GObject)

/* Work run on a worker thread with the writer connection. */
typedef gpointer (*XasoContextFunc) (XasoDatabase  *db,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

void               xaso_context_open_async     (const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
XasoContext       *xaso_context_open_finish    (GAsyncResult         *result,
                                                GError              **error);

const char        *xaso_context_get_path       (XasoContext          *self);
const XasoCommune *xaso_context_get_commune    (XasoContext          *self);
const char        *xaso_context_get_actor      (XasoContext          *self);
XasoDatabase      *xaso_context_get_reader     (XasoContext          *self);
/* The person record of the official using the app, when known: core refuses
 * civil-status events they record for themselves or their household. */
const char        *xaso_context_get_official_person_id (XasoContext  *self);

void               xaso_context_run_async      (XasoContext          *self,
                                                XasoContextFunc       func,
                                                gpointer              data,
                                                GDestroyNotify        data_free,
                                                GDestroyNotify        result_free,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gpointer           xaso_context_run_finish     (XasoContext          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void               xaso_context_notify_changed (XasoContext          *self,
                                                const char           *table);

/* Who is signed in (an XasoUser), or NULL. While someone is, the actor of
 * every write is their username and the official's person record theirs. */
XasoUser          *xaso_context_get_user       (XasoContext          *self);
/* Whether the commune has accounts at all: a database made before them
 * is used without signing in until its administrator is created. */
gboolean           xaso_context_has_accounts   (XasoContext          *self);
void               xaso_context_sign_in_async  (XasoContext          *self,
                                                const char           *username,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean           xaso_context_sign_in_finish (XasoContext          *self,
                                                GAsyncResult         *result,
                                                GError              **error);
void               xaso_context_sign_out       (XasoContext          *self);

G_END_DECLS
