/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xasoctl.h"

G_BEGIN_DECLS

/* Each is an XasoctlVerbFunc. */
int xasoctl_init        (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_demo        (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_search      (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_import      (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_export      (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_check       (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_calendar    (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_lunar       (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_solar       (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_deadline    (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_id_check    (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_pdf_verb    (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_pdf_info    (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_pdf_verify  (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_pdf_sign    (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_text_verb   (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_user        (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_doc         (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_dossier     (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_procedure   (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_report      (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_report_person (XasoctlContext *ctx, int argc, char **argv);
int xasoctl_sync        (XasoctlContext *ctx, int argc, char **argv);

G_END_DECLS
