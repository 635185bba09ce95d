/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-record-view.h"

G_BEGIN_DECLS

#define XASO_TYPE_PERSON_VIEW (xaso_person_view_get_type ())
G_DECLARE_FINAL_TYPE (XasoPersonView, xaso_person_view, XASO, PERSON_VIEW, XasoRecordView)

void        xaso_person_view_show          (XasoPersonView *self,
                                            XasoContext    *ctx,
                                            const char     *person_id);
const char *xaso_person_view_get_person_id (XasoPersonView *self);

G_END_DECLS
