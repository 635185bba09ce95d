/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-page.h"

G_BEGIN_DECLS

#define XASO_TYPE_SYNC_PAGE (xaso_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (XasoSyncPage, xaso_sync_page, XASO, SYNC_PAGE, XasoPage)

/* The Đồng bộ page: enrolling this computer, where sync stands, the
 * conflicts to review and the changes refused, the last syncs. It runs the
 * background sync engine while the window is open, and says the state in a
 * few words (the "status" and "status-icon-name" properties) for the
 * window to show at a glance. */
const char *xaso_sync_page_get_status           (XasoSyncPage *self);
const char *xaso_sync_page_get_status_icon_name (XasoSyncPage *self);

G_END_DECLS
