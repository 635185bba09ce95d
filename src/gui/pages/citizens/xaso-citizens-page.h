/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-page.h"

G_BEGIN_DECLS

#define XASO_TYPE_CITIZENS_PAGE (xaso_citizens_page_get_type ())
G_DECLARE_FINAL_TYPE (XasoCitizensPage, xaso_citizens_page, XASO, CITIZENS_PAGE, XasoPage)

G_END_DECLS
