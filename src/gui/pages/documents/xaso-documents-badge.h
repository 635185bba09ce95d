/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-context.h"
#include "xaso-page.h"

G_BEGIN_DECLS

/* Counts on the worker what waits for the signed-in user on @page (its
 * direction's queues of their roles) and shows it as the page's badge in
 * the sidebar. A count still running when another starts is dropped. */
void xaso_documents_badge_update (XasoPage     *page,
                                  XasoContext  *context,
                                  const char   *direction,
                                  GCancellable *cancellable);

G_END_DECLS
