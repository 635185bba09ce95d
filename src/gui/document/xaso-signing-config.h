/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the trusted root certificates are kept: one PEM file each, copied
 * there by the preferences ("Chữ ký số"). */
char  *xaso_signing_dup_trust_dir   (void);
/* The paths to give xaso_pdf_verify_file(): the trust folder when it
 * exists, else none (nothing is trusted). */
GStrv  xaso_signing_dup_trust_paths (void);

G_END_DECLS
