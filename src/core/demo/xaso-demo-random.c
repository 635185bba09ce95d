/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-demo"

#include "config.h"

#include "xaso-demo-random.h"

/* splitmix64 spreads any seed, even 0 or 1, over the whole state, so that
 * nearby seeds give unrelated sequences and the state is never all zero. */
static guint64
splitmix64 (guint64 *x)
{
  guint64 z;

  *x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = *x;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/**
 * xaso_demo_random_init:
 * @self: the state to fill
 * @seed: any value
 *
 * Seeds @self. Two states seeded alike produce the same sequence.
 */
void
xaso_demo_random_init (XasoDemoRandom *self,
                       guint64         seed)
{
  guint64 x = seed;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->state); i++)
    self->state[i] = splitmix64 (&x);
}

/**
 * xaso_demo_random_init_stream:
 * @self: the state to fill
 * @seed: the demo seed
 * @stream: a constant naming one part of the data (persons, documents…)
 *
 * Seeds an independent stream for one part of the data, so that drawing
 * more documents does not change the persons generated with the same seed.
 */
void
xaso_demo_random_init_stream (XasoDemoRandom *self,
                              guint64         seed,
                              guint64         stream)
{
  guint64 x = stream;

  /* Mixing the stream label first keeps (seed, stream) pairs apart even when
   * seed + stream collide. */
  xaso_demo_random_init (self, seed ^ splitmix64 (&x));
}

/**
 * xaso_demo_random_split:
 * @self: the parent state
 * @child: the state to fill
 *
 * Seeds @child from the next value of @self, for example one stream per
 * household: the parent advances by exactly one draw, however many values
 * the child later consumes.
 */
void
xaso_demo_random_split (XasoDemoRandom *self,
                        XasoDemoRandom *child)
{
  g_return_if_fail (child != NULL);

  xaso_demo_random_init (child, xaso_demo_random_next (self));
}

/**
 * xaso_demo_random_next:
 * @self: the state
 *
 * Returns: the next 64 random bits (xoshiro256**).
 */
guint64
xaso_demo_random_next (XasoDemoRandom *self)
{
  guint64 *s = self->state;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/**
 * xaso_demo_random_range:
 * @self: the state
 * @n: the number of possible values, at least 1
 *
 * Returns: a uniformly distributed value in 0 … @n − 1, without the modulo
 *   bias (Lemire's multiply-and-reject method on the high 32 bits).
 */
guint32
xaso_demo_random_range (XasoDemoRandom *self,
                        guint32         n)
{
  guint64 m;
  guint32 low;

  g_return_val_if_fail (n > 0, 0);

  m = (xaso_demo_random_next (self) >> 32) * (guint64) n;
  low = (guint32) m;
  if (low < n)
    {
      /* 2^32 mod n values of the product's low half would make some results
       * more likely than others: draw again when we land on one of them. */
      guint32 threshold = (guint32) (0u - n) % n;

      while (low < threshold)
        {
          m = (xaso_demo_random_next (self) >> 32) * (guint64) n;
          low = (guint32) m;
        }
    }

  return (guint32) (m >> 32);
}

/* The 64-bit counterpart of xaso_demo_random_range(), for weight sums that
 * do not fit in 32 bits. Rejecting the lowest 2^64 mod n values leaves a
 * multiple of n equally likely values. */
static guint64
range64 (XasoDemoRandom *self,
         guint64         n)
{
  guint64 threshold = (0 - n) % n;
  guint64 x;

  do
    x = xaso_demo_random_next (self);
  while (x < threshold);

  return x % n;
}

/**
 * xaso_demo_random_between:
 * @self: the state
 * @lo: the smallest value
 * @hi: the largest value, at least @lo
 *
 * Returns: a uniformly distributed value in @lo … @hi, both included.
 */
int
xaso_demo_random_between (XasoDemoRandom *self,
                          int             lo,
                          int             hi)
{
  guint64 span;

  g_return_val_if_fail (hi >= lo, lo);

  span = (guint64) ((gint64) hi - (gint64) lo) + 1;
  if (span > G_MAXUINT32)
    return (int) ((gint64) lo + (gint64) range64 (self, span));

  return (int) ((gint64) lo + xaso_demo_random_range (self, (guint32) span));
}

/**
 * xaso_demo_random_double:
 * @self: the state
 *
 * Returns: a uniformly distributed value in [0, 1), a multiple of 2^−53.
 */
double
xaso_demo_random_double (XasoDemoRandom *self)
{
  /* 53 bits fill the mantissa exactly, so the conversion and the scaling by
   * a power of two are exact on every IEEE 754 platform. */
  return (double) (xaso_demo_random_next (self) >> 11) * (1.0 / 9007199254740992.0);
}

/**
 * xaso_demo_random_chance:
 * @self: the state
 * @p: the probability of %TRUE
 *
 * Always consumes exactly one draw, whatever @p, so that a probability
 * changed in one place does not shift every later value.
 *
 * Returns: %TRUE with probability @p (never for @p ≤ 0, always for @p ≥ 1).
 */
gboolean
xaso_demo_random_chance (XasoDemoRandom *self,
                         double          p)
{
  return xaso_demo_random_double (self) < p;
}

/**
 * xaso_demo_random_weighted:
 * @self: the state
 * @weights: (array length=n): relative weights, not all zero
 * @n: the number of weights
 *
 * Returns: an index in 0 … @n − 1, index i with probability
 *   weights[i] / sum (weights). A zero weight is never chosen.
 */
guint
xaso_demo_random_weighted (XasoDemoRandom *self,
                           const guint    *weights,
                           guint           n)
{
  guint64 total = 0;
  guint64 x;

  g_return_val_if_fail (weights != NULL || n == 0, 0);

  for (guint i = 0; i < n; i++)
    total += weights[i];

  g_return_val_if_fail (total > 0, 0);

  if (total <= G_MAXUINT32)
    x = xaso_demo_random_range (self, (guint32) total);
  else
    x = range64 (self, total);

  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }

  g_assert_not_reached ();
}
