/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-page.h"

G_BEGIN_DECLS

#define XASO_TYPE_REPORTS_PAGE (xaso_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (XasoReportsPage, xaso_reports_page, XASO, REPORTS_PAGE, XasoPage)

G_END_DECLS
