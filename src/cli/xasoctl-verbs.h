/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xasoctl.h"

G_BEGIN_DECLS

int xasoctl_init           (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_demo           (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_search         (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_import         (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_export         (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_check          (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_calendar_verb  (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_lunar_verb     (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_solar_verb     (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_deadline_verb  (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_id_check_verb  (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_pdf_verb       (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_text_verb      (XasoctlContext *ctx, int argc, char **argv);

G_END_DECLS
