/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-document-window.h"
#include "xaso-pdf-renderer.h"
#include "xaso-pdf-search.h"
#include "xaso-pdf-thumbnails.h"
#include "xaso-pdf-view.h"

G_BEGIN_DECLS

struct _XasoDocumentWindow
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

  /* Owned references */
  GFile                *file;
  XasoPdfRenderer      *renderer;
  XasoPdfSearch        *search;
  GCancellable         *cancellable;
  guint                 zoom_label_source;
  guint                 show_thumbnails : 1;
  guint                 opened : 1;
};

void xaso_document_window_class_add_actions (GtkWidgetClass     *widget_class);
void xaso_document_window_update_actions    (XasoDocumentWindow *self);

G_END_DECLS
