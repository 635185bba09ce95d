/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-page.h"

G_BEGIN_DECLS

#define XASO_TYPE_ACCOUNTS_PAGE (xaso_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (XasoAccountsPage, xaso_accounts_page, XASO, ACCOUNTS_PAGE, XasoPage)

G_END_DECLS
