/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-procedure.h"
#include "xaso-reception-dialog.h"

G_BEGIN_DECLS

struct _XasoReceptionDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkWidget      *receive_button;
  GtkLabel       *error_label;
  GtkWidget      *guidance_button;
  GtkStack       *stack;
  AdwEntryRow    *procedure_row;
  GtkListBox     *procedure_matches;
  AdwEntryRow    *qr_row;
  AdwEntryRow    *person_search_row;
  GtkListBox     *person_matches;
  AdwEntryRow    *name_row;
  AdwEntryRow    *id_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *address_row;
  AdwPreferencesGroup *papers_group;
  AdwComboRow    *exemption_row;
  AdwComboRow    *channel_row;
  AdwActionRow   *fee_row;
  AdwActionRow   *due_row;
  AdwActionRow   *scans_row;
  GtkSwitch      *sensitive_switch;
  AdwStatusPage  *done_page;
  GtkWidget      *print_button;

  XasoContext    *context;
  GPtrArray      *catalogue;     /* XasoProcedure valid today */
  XasoProcedure  *procedure;     /* the one chosen */
  GPtrArray      *paper_rows;    /* (AdwActionRow, GtkCheckButton) pairs */
  char           *person_id;     /* the resident record of the applicant */
  GPtrArray      *scans;         /* paths */
  GCancellable   *person_cancellable;
  char           *dossier_id;    /* once received */
};

/* xaso-reception-applicant.c: the applicant's rows, from the chip card's
 * QR code or a resident record. */
void _xaso_reception_applicant_clear     (XasoReceptionDialog *self);
void _xaso_reception_qr_activated_cb     (XasoReceptionDialog *self);
void _xaso_reception_person_typed_cb     (XasoReceptionDialog *self);
void _xaso_reception_person_chosen_cb    (XasoReceptionDialog *self,
                                          GtkListBoxRow       *row);
void _xaso_reception_show_error      (XasoReceptionDialog *self,
                                      const char          *message);

G_END_DECLS
