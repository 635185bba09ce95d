/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-hlc.h"

static XasoHlc
make (gint64 physical,
      gint64 logical)
{
  return (physical << 16) | (logical & 0xffff);
}

/* A local event: the clock never goes backwards, even when the wall clock of
 * an old office PC does. */
XasoHlc
xaso_hlc_tick (XasoHlc last,
               gint64  now_ms)
{
  gint64 physical = XASO_HLC_PHYSICAL (last);

  if (now_ms > physical)
    return make (now_ms, 0);
  if (XASO_HLC_LOGICAL (last) == 0xffff)
    return make (physical + 1, 0);
  return last + 1;
}

/* A remote event seen: move past both our clock and theirs. */
XasoHlc
xaso_hlc_receive (XasoHlc last,
                  XasoHlc remote,
                  gint64  now_ms)
{
  XasoHlc high = MAX (last, remote);

  return xaso_hlc_tick (high, now_ms);
}

XasoHlc
xaso_hlc_next (void)
{
  static GMutex lock;
  static XasoHlc last;
  XasoHlc hlc;

  g_mutex_lock (&lock);
  hlc = last = xaso_hlc_tick (last, g_get_real_time () / 1000);
  g_mutex_unlock (&lock);
  return hlc;
}
