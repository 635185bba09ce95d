/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-demo.h"
#include "xaso-demo-names.h"
#include "xaso-demo-random.h"

G_BEGIN_DECLS

typedef struct
{
  guint persons;
  guint dossiers;
  guint documents;
  guint audit_events;
} DemoSizes;

typedef struct
{
  XasoDatabase          *db;
  XasoDemoRandom         rand;
  const XasoDemoCommune *commune;
  DemoSizes              sizes;
  char                 **hamlets;
  guint                  n_hamlets;
  GPtrArray             *id_prefixes;      /* ID prefixes of births registered in this province */
  GPtrArray             *user_ids;         /* officials */
  GPtrArray             *person_ids;       /* a sample of residents, for dossiers */
  GHashTable            *used_id_numbers;
  char                  *now;
  int                    this_year;
  gint64                 today_jd;         /* Julian day of today */
  XasoDemoProgress       progress;
  gpointer               user_data;
  GCancellable          *cancellable;
  double                 progress_base;
  double                 progress_span;
  double                 last_reported;
} Demo;

gboolean _xaso_demo_make_people   (Demo     *demo,
                                   GError  **error);
gboolean _xaso_demo_make_dossiers (Demo     *demo,
                                   GError  **error);
gboolean _xaso_demo_make_documents (Demo    *demo,
                                   GError  **error);
gboolean _xaso_demo_make_audit    (Demo     *demo,
                                   GError  **error);

/* Reports progress within the current stage and checks for cancellation. */
gboolean _xaso_demo_step          (Demo        *demo,
                                   guint        done,
                                   guint        total,
                                   const char  *stage,
                                   GError     **error);
char    *_xaso_demo_date          (Demo        *demo,
                                   gint64       julian_day);
char    *_xaso_demo_datetime      (Demo        *demo,
                                   gint64       julian_day,
                                   int          minutes);

G_END_DECLS
