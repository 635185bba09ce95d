/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deterministic random source of the demo data generator.
 *
 * xoshiro256** seeded through splitmix64. The same seed gives the same
 * sequence on every platform and compiler: only 64-bit integer arithmetic
 * is used, and the floating-point helpers are exact conversions and
 * comparisons (no libm, whose last bits differ between systems).
 *
 * The state is a plain struct so that callers can keep one on the stack,
 * copy it, or keep several independent streams.
 */
typedef struct
{
  guint64 state[4];
} XasoDemoRandom;

void     xaso_demo_random_init        (XasoDemoRandom *self,
                                       guint64         seed);
void     xaso_demo_random_init_stream (XasoDemoRandom *self,
                                       guint64         seed,
                                       guint64         stream);
void     xaso_demo_random_split       (XasoDemoRandom *self,
                                       XasoDemoRandom *child);

guint64  xaso_demo_random_next        (XasoDemoRandom *self);
guint32  xaso_demo_random_range       (XasoDemoRandom *self,
                                       guint32         n);
int      xaso_demo_random_between     (XasoDemoRandom *self,
                                       int             lo,
                                       int             hi);
double   xaso_demo_random_double      (XasoDemoRandom *self);
gboolean xaso_demo_random_chance      (XasoDemoRandom *self,
                                       double          p);
guint    xaso_demo_random_weighted    (XasoDemoRandom *self,
                                       const guint    *weights,
                                       guint           n);

G_END_DECLS
