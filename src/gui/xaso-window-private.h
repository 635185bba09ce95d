/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-accounts-page.h"
#include "xaso-citizens-page.h"
#include "xaso-documents-page.h"
#include "xaso-dossiers-page.h"
#include "xaso-reports-page.h"
#include "xaso-sync-page.h"
#include "xaso-context.h"
#include "xaso-idle-lock.h"
#include "xaso-setup-view.h"
#include "xaso-sign-in-view.h"
#include "xaso-window.h"

G_BEGIN_DECLS

struct _XasoWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  XasoSetupView        *setup_view;
  XasoSignInView       *sign_in_view;
  GtkMenuButton        *user_button;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *page_title;
  GtkStack             *pages;
  GtkWidget            *content_box;
  XasoSyncPage         *sync_page;
  GtkButton            *sync_status_button;
  GtkImage             *sync_status_icon;
  GtkLabel             *sync_status_label;

  /* Owned references */
  GSettings            *settings;
  XasoContext          *context;
  GCancellable         *cancellable;
  char                 *database_path;
  char                 *auto_user;      /* --user: a demo account to sign in as */
  XasoIdleLock         *idle_lock;
  gboolean              pages_ready;
};

/* xaso-window.c */
void _xaso_window_show_work    (XasoWindow *self);

/* xaso-window-session.c: signing in and out, the user menu, the lock. */
void _xaso_window_session_init (XasoWindow *self);
void _xaso_window_session_class_init (GtkWidgetClass *widget_class);
void _xaso_window_begin        (XasoWindow *self);

G_END_DECLS
