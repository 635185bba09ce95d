/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-page.h"

G_BEGIN_DECLS

/* Hồ sơ một cửa: the queues each role works from, one click away; every
 * dossier searched as the official types and filtered; the dossier chosen,
 * with its deadlines, history and the steps the user may take; reception
 * at the counter. */
#define XASO_TYPE_DOSSIERS_PAGE (xaso_dossiers_page_get_type ())
G_DECLARE_FINAL_TYPE (XasoDossiersPage, xaso_dossiers_page, XASO, DOSSIERS_PAGE, XasoPage)

G_END_DECLS
