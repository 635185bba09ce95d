/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hybrid logical clock value: physical milliseconds in the high 48 bits and
 * a logical counter in the low 16, so values compare as plain integers. */
typedef gint64 XasoHlc;

#define XASO_HLC_PHYSICAL(h) ((h) >> 16)
#define XASO_HLC_LOGICAL(h)  ((h) & 0xffff)

XasoHlc xaso_hlc_tick    (XasoHlc last,
                          gint64  now_ms);
XasoHlc xaso_hlc_receive (XasoHlc last,
                          XasoHlc remote,
                          gint64  now_ms);

/* The process's clock, ticked now: never the same value twice in this
 * process, so events appended one after another keep their order. */
XasoHlc xaso_hlc_next    (void);

G_END_DECLS
