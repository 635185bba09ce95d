/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-commune.h"
#include "xaso-dossier-event.h"
#include "xaso-dossier-fold.h"
#include "xaso-dossier-forms.h"
#include "xaso-print-form.h"

G_BEGIN_DECLS

/* Everything a form of one dossier prints from, read once. */
typedef struct
{
  XasoDossier          *dossier;
  XasoProcedure        *procedure;
  XasoCommune          *commune;
  GPtrArray            *events;     /* XasoDossierEvent, in the fold's order */
  XasoDossierFoldEvent *fold;
  XasoDossierState      state;      /* with the steps' spans */
} XasoFormData;

/* Each form's body, after the header block; the event it reports (the
 * request, the refusal…) was found by the caller. */
void  xaso_form_print_receipt     (XasoPrintForm    *form,
                                   XasoFormData     *data,
                                   guint             event);
void  xaso_form_print_supplement  (XasoPrintForm    *form,
                                   XasoFormData     *data,
                                   guint             event);
void  xaso_form_print_refusal     (XasoPrintForm    *form,
                                   XasoFormData     *data,
                                   guint             event);
void  xaso_form_print_apology     (XasoPrintForm    *form,
                                   XasoFormData     *data,
                                   guint             event);
void  xaso_form_print_stop        (XasoPrintForm    *form,
                                   XasoFormData     *data,
                                   guint             event);
void  xaso_form_print_control     (XasoPrintForm    *form,
                                   XasoFormData     *data);

/* Shared by the forms (xaso-dossier-forms.c). */
XasoDossierEvent *xaso_form_event          (XasoFormData  *data,
                                            guint          index);
const char       *xaso_form_get            (XasoFormData  *data,
                                            int            field);
/* "16 giờ 00 phút, ngày 09 tháng 12 năm 2026" for an ISO time, "" for none. */
char             *xaso_form_time_words     (const char    *iso);
/* "Ủy ban nhân dân xã Tân Lập", as prose names the agency. */
char             *xaso_form_agency         (XasoFormData  *data);
/* The step the dossier was at when event @index came. */
const char       *xaso_form_stage          (XasoFormData  *data,
                                            guint          index);
void              xaso_form_title          (XasoPrintForm *form,
                                            const char    *title,
                                            XasoFormData  *data);
/* "<b>Label:</b> value", value escaped. */
void              xaso_form_field          (XasoPrintForm *form,
                                            const char    *label,
                                            const char    *value);
/* "Kính gửi: Ông/Bà …" and the dossier's procedure and reception. */
void              xaso_form_addressee      (XasoPrintForm *form,
                                            XasoFormData  *data);
/* The papers handed in, NULL-terminated: the dossier keeps their indices
 * in the procedure's list. */
GPtrArray        *xaso_form_received_papers (XasoFormData *data);
/* "1. …" lines, one per string. */
void              xaso_form_list           (XasoPrintForm *form,
                                            const char * const *items);

G_END_DECLS
