/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include "xasoctl-calendar.h"
#include "xasoctl-id-check.h"
#include "xasoctl-verbs.h"

/* The calendar and ID verbs need no database. */
int
xasoctl_calendar_verb (XasoctlContext *ctx, int argc, char **argv)
{
  return xasoctl_calendar (argc, argv);
}

int
xasoctl_lunar_verb (XasoctlContext *ctx, int argc, char **argv)
{
  return xasoctl_lunar (argc, argv);
}

int
xasoctl_solar_verb (XasoctlContext *ctx, int argc, char **argv)
{
  return xasoctl_solar (argc, argv);
}

int
xasoctl_deadline_verb (XasoctlContext *ctx, int argc, char **argv)
{
  return xasoctl_deadline (argc, argv);
}

int
xasoctl_id_check_verb (XasoctlContext *ctx, int argc, char **argv)
{
  return xasoctl_id_check (argc, argv);
}
