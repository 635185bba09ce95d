/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xasoctl.h"

G_BEGIN_DECLS

/* xasoctl pdf info | verify | sign */
int xasoctl_pdf_info   (int argc, char **argv);
int xasoctl_pdf_verify (int argc, char **argv);
int xasoctl_pdf_sign   (int argc, char **argv);

G_END_DECLS
