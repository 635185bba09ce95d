/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-dossiers"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-chip-qr.h"
#include "xaso-person-search.h"
#include "xaso-person.h"
#include "xaso-reception-dialog-private.h"

/* The applicant of a dossier: from the chip card's QR code (a scanner
 * types it into its row and presses Enter), or found in the resident
 * records; either way linked to the resident's record when there is one. */

#define MAX_MATCHES 6

void
_xaso_reception_applicant_clear (XasoReceptionDialog *self)
{
  AdwEntryRow *rows[] = { self->qr_row, self->person_search_row, self->name_row, self->id_row, self->phone_row,
                          self->address_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  g_clear_pointer (&self->person_id, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->person_matches), FALSE);
}

static void
fill_from_person (XasoReceptionDialog *self,
                  XasoPerson          *person)
{
  const char *phone = xaso_person_get (person, XASO_PERSON_PHONE);
  const char *address = xaso_person_get (person, XASO_PERSON_PERMANENT_ADDRESS);
  const char *id_number = xaso_person_get (person, XASO_PERSON_ID_NUMBER);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), xaso_person_get (person, XASO_PERSON_FULL_NAME));
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), id_number ? id_number : "");
  if (phone != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone);
  if (address != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  g_free (self->person_id);
  self->person_id = g_strdup (xaso_record_get_id (XASO_RECORD (person)));
}

/* ---- Searching the resident records, on the worker ---- */

static gpointer
search_in_thread (XasoDatabase  *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return xaso_person_search (db, data, MAX_MATCHES, error);
}

static GtkWidget *
person_row (XasoPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strjoin (" · ", xaso_person_get (person, XASO_PERSON_BIRTH_DATE) ?: "",
                                         xaso_person_get (person, XASO_PERSON_ID_NUMBER) ?: "",
                                         xaso_person_get (person, XASO_PERSON_PERMANENT_ADDRESS) ?: "", NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xaso_person_get (person, XASO_PERSON_FULL_NAME));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  return row;
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XasoReceptionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  GtkWidget *child;

  if (persons == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->person_matches))) != NULL)
    gtk_list_box_remove (self->person_matches, child);
  for (guint i = 0; i < persons->len; i++)
    gtk_list_box_append (self->person_matches, person_row (g_ptr_array_index (persons, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->person_matches), persons->len > 0);
}

static void
search (XasoReceptionDialog *self,
        const char          *text)
{
  g_cancellable_cancel (self->person_cancellable);
  g_clear_object (&self->person_cancellable);
  if (text == NULL || g_utf8_strlen (text, -1) < 2)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->person_matches), FALSE);
      return;
    }
  self->person_cancellable = g_cancellable_new ();
  xaso_context_run_async (self->context, search_in_thread, g_strdup (text), g_free,
                          (GDestroyNotify)g_ptr_array_unref, self->person_cancellable, found_cb,
                          g_object_ref (self));
}

void
_xaso_reception_person_typed_cb (XasoReceptionDialog *self)
{
  search (self, gtk_editable_get_text (GTK_EDITABLE (self->person_search_row)));
}

void
_xaso_reception_person_chosen_cb (XasoReceptionDialog *self,
                                  GtkListBoxRow       *row)
{
  fill_from_person (self, g_object_get_data (G_OBJECT (row), "person"));
  gtk_widget_set_visible (GTK_WIDGET (self->person_matches), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->person_search_row), "");
}

/* ---- The chip card ---- */

/* The card's holder is looked up by ID number: the record found fills
 * what the card lacks (the phone) and is linked. */
static void
holder_found_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XasoReceptionDialog) self = user_data;
  g_autoptr(GPtrArray) persons = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);
  const char *id_number = gtk_editable_get_text (GTK_EDITABLE (self->id_row));

  for (guint i = 0; persons != NULL && i < persons->len; i++)
    if (g_strcmp0 (xaso_person_get (g_ptr_array_index (persons, i), XASO_PERSON_ID_NUMBER), id_number) == 0)
      {
        fill_from_person (self, g_ptr_array_index (persons, i));
        return;
      }
}

void
_xaso_reception_qr_activated_cb (XasoReceptionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoChipQr) qr = xaso_chip_qr_parse (gtk_editable_get_text (GTK_EDITABLE (self->qr_row)), &error);

  if (qr == NULL)
    {
      _xaso_reception_show_error (self, error->message);
      return;
    }
  _xaso_reception_show_error (self, NULL);
  g_clear_pointer (&self->person_id, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), qr->full_name);
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), qr->id_number);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), qr->address ? qr->address : "");
  /* The code holds personal data: it is not left lying in the row. */
  gtk_editable_set_text (GTK_EDITABLE (self->qr_row), "");
  xaso_context_run_async (self->context, search_in_thread, g_strdup (qr->id_number), g_free,
                          (GDestroyNotify)g_ptr_array_unref, NULL, holder_found_cb, g_object_ref (self));
}
