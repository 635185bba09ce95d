/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libxaso-pdf: the PDF reader (and, later, the incremental writer and
 * PAdES signing) of Xã Số. GLib, zlib and GnuTLS only; no GTK. */

#include "xaso-pdf-object.h"
#include "xaso-pdf-document.h"
#include "xaso-pdf-form.h"
