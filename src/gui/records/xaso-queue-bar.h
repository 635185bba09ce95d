/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XASO_TYPE_QUEUE_BAR (xaso_queue_bar_get_type ())
G_DECLARE_FINAL_TYPE (XasoQueueBar, xaso_queue_bar, XASO, QUEUE_BAR, GtkWidget)

/* The queues of a records page, one click each (linked toggle buttons):
 * what the signed-in user's roles have to do. A queue is a number the page
 * knows (a document or dossier queue); "changed" is emitted when another
 * is chosen, and once when the queues are set, with the first chosen. */
void   xaso_queue_bar_set_queues (XasoQueueBar       *self,
                                  const guint        *queues,
                                  const char * const *labels,
                                  guint               n_queues);
guint  xaso_queue_bar_get_queue  (XasoQueueBar       *self);

G_END_DECLS
