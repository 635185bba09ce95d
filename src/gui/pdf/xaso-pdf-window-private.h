/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-pdf-window.h"
#include "xaso-pdf-renderer.h"
#include "xaso-pdf-search.h"
#include "xaso-pdf-thumbnails.h"
#include "xaso-pdf-view.h"
#include "xaso-sign-dialog.h"
#include "xaso-signatures-panel.h"

G_BEGIN_DECLS

struct _XasoPdfWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkEntry             *page_entry;
  GtkLabel             *n_pages_label;
  GtkMenuButton        *zoom_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *matches_label;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkRevealer          *thumbnails_revealer;
  XasoPdfThumbnails    *thumbnails;
  XasoPdfView          *view;
  GtkRevealer          *signatures_revealer;
  GtkBox               *signatures_box;
  XasoSignaturesPanel  *signatures_panel;

  /* Owned references */
  GFile                *file;
  XasoPdfRenderer      *renderer;
  XasoPdfSearch        *search;
  GCancellable         *cancellable;
  guint                 zoom_label_source;
  XasoSignDialog       *sign_dialog;     /* weak: the one open, if any */
  char                 *document_number; /* an issued document's, for its seal */
  guint                 show_thumbnails : 1;
  guint                 show_signatures : 1;
  guint                 opened : 1;
  guint                 seal_on_open : 1;
};

void xaso_pdf_window_class_add_actions (GtkWidgetClass     *widget_class);
void xaso_pdf_window_update_actions    (XasoPdfWindow *self);
void xaso_pdf_window_show_toast        (XasoPdfWindow *self,
                                             const char         *message);

/* xaso-pdf-window-signing.c */
void xaso_pdf_window_class_add_signing (GtkWidgetClass     *widget_class);
void xaso_pdf_window_verify            (XasoPdfWindow *self);

G_END_DECLS
