/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xaso-pdf-identity.h"
#include "xaso-pdf-sign.h"
#include "xaso-sign-dialog.h"
#include "xaso-sign-job.h"
#include "xaso-token-list.h"

/* The signing dialog (Papers' flow, our way): choose the certificate, type
 * the PIN or password once, choose or draw the place, see the appearance,
 * sign into "…-signed.pdf" on a worker thread with a progress bar. A wrong
 * PIN brings the form back with the token's own words on the tries left. */

struct _XasoSignDialog
{
  AdwWindow              parent_instance;

  AdwWindowTitle        *window_title;
  GtkButton             *cancel_button;
  GtkStack              *stack;
  GtkLabel              *error_label;
  GtkListBox            *identity_list;
  AdwActionRow          *p12_row;
  GtkCheckButton        *p12_check;
  GtkPasswordEntry      *secret_entry;
  GtkLabel              *pin_warning_label;
  AdwComboRow           *placement_row;
  AdwActionRow          *area_row;
  GtkPicture            *preview;
  AdwPreferencesGroup   *details_group;
  AdwEntryRow           *reason_row;
  AdwEntryRow           *location_row;
  GtkProgressBar        *progress_bar;
  GtkLabel              *output_label;

  GFile                 *file;
  XasoPdfAppearanceKind  kind;
  GSettings             *settings;
  GPtrArray             *certificates;  /* XasoTokenCertificate * */
  GPtrArray             *checks;        /* their GtkCheckButton *, same order */
  char                  *p12_path;
  GBytes                *image;         /* the settings' PNGs, read once */
  GBytes                *seal;
  char                  *document_number;
  GtkFileChooserNative  *chooser;
  GCancellable          *cancellable;
  GCancellable          *preview_cancellable;
  GCancellable          *sign_cancellable;
  int                    area_page;
  double                 area[4];
  guint                  has_area : 1;
};

G_DEFINE_FINAL_TYPE (XasoSignDialog, xaso_sign_dialog, ADW_TYPE_WINDOW)

enum {
  PICK_AREA,
  SIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_preview (XasoSignDialog *self);

/* The places offered, by kind; a drawn rectangle is always last. */
static const XasoSignPlace leader_places[] = {
  XASO_SIGN_PLACE_LAST_PAGE_RIGHT, XASO_SIGN_PLACE_LAST_PAGE_LEFT, XASO_SIGN_PLACE_AREA,
};
static const XasoSignPlace organization_places[] = { XASO_SIGN_PLACE_OVER_LEADER, XASO_SIGN_PLACE_AREA };
static const XasoSignPlace copy_places[] = { XASO_SIGN_PLACE_COPY, XASO_SIGN_PLACE_AREA };

static const char *
place_label (XasoSignPlace place)
{
  switch (place)
    {
    case XASO_SIGN_PLACE_LAST_PAGE_RIGHT: return _("Bottom of the last page, right");
    case XASO_SIGN_PLACE_LAST_PAGE_LEFT: return _("Bottom of the last page, left");
    case XASO_SIGN_PLACE_OVER_LEADER: return _("Over the left third of the leader’s signature");
    case XASO_SIGN_PLACE_COPY: return _("Top right of the first page");
    case XASO_SIGN_PLACE_AREA:
    default: return _("A rectangle drawn on the page");
    }
}

static const XasoSignPlace *
places (XasoSignDialog *self,
        guint          *n)
{
  switch (self->kind)
    {
    case XASO_PDF_APPEARANCE_ORGANIZATION:
      *n = G_N_ELEMENTS (organization_places);
      return organization_places;
    case XASO_PDF_APPEARANCE_COPY:
      *n = G_N_ELEMENTS (copy_places);
      return copy_places;
    case XASO_PDF_APPEARANCE_LEADER:
    default:
      *n = G_N_ELEMENTS (leader_places);
      return leader_places;
    }
}

static XasoSignPlace
selected_place (XasoSignDialog *self)
{
  guint n = 0;
  const XasoSignPlace *list = places (self, &n);
  guint selected = adw_combo_row_get_selected (self->placement_row);

  return selected < n ? list[selected] : list[0];
}

/* Identity */

static XasoTokenCertificate *
selected_certificate (XasoSignDialog *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return g_ptr_array_index (self->certificates, i);
  return NULL;
}

static void
show_error (XasoSignDialog *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_pin_warning (XasoSignDialog *self)
{
  XasoTokenCertificate *certificate = selected_certificate (self);
  guint flags = certificate != NULL ? certificate->pin_flags : 0;
  const char *text = NULL;

  if (flags & XASO_PDF_PIN_LOCKED)
    text = _("This token is locked after too many wrong PINs. Ask your certificate provider to unlock it.");
  else if (flags & XASO_PDF_PIN_FINAL_TRY)
    text = _("Careful: one wrong PIN more and the token locks.");
  else if (flags & XASO_PDF_PIN_COUNT_LOW)
    text = _("Careful: few tries are left before the token locks.");
  else if (flags & XASO_PDF_PIN_PROTECTED_PATH)
    text = _("Type the PIN on the reader’s own keypad when it asks.");
  gtk_label_set_label (self->pin_warning_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pin_warning_label), text != NULL);
}

static void
identity_toggled_cb (XasoSignDialog *self)
{
  update_pin_warning (self);
  update_preview (self);
}

static GtkWidget *
certificate_row (XasoSignDialog       *self,
                 XasoTokenCertificate *certificate)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *expires = certificate->not_after ? g_date_time_format (certificate->not_after, "%d/%m/%Y") : NULL;
  /* Translators: a certificate on a token: the token's name, then until when it is valid. */
  g_autofree char *subtitle = g_strdup_printf (_("Token %s · valid until %s"),
                                               certificate->token ? certificate->token : "?",
                                               expires ? expires : "?");
  const char *name = certificate->name != NULL ? certificate->name : _("Unnamed certificate");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->p12_check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (identity_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
tokens_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GPtrArray) certificates = xaso_token_list_finish (result, NULL);
  XasoSignDialog *self = user_data;

  if (certificates == NULL)
    return;                     /* cancelled: the dialog is gone */
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  self->certificates = g_steal_pointer (&certificates);
  for (guint i = 0; i < self->certificates->len; i++)
    gtk_list_box_insert (self->identity_list, certificate_row (self, self->certificates->pdata[i]), (int) i);
  if (self->checks->len > 0)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, 0), TRUE);
}

static void
chooser_response_cb (XasoSignDialog *self,
                     int             response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));

      g_free (self->p12_path);
      self->p12_path = g_file_get_path (file);
      adw_action_row_set_subtitle (self->p12_row, self->p12_path);
      gtk_check_button_set_active (self->p12_check, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_entry));
    }
  g_clear_object (&self->chooser);
}

static void
choose_p12_cb (XasoSignDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Choose the Certificate File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PKCS#12 certificates (.p12, .pfx)"));
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_filter_add_suffix (filter, "pfx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Preview */

static GBytes *
read_image (XasoSignDialog *self,
            const char     *key)
{
  g_autofree char *path = g_settings_get_string (self->settings, key);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  if (path[0] == '\0')
    return NULL;
  if (!g_file_get_contents (path, &data, &len, &error))
    {
      g_warning ("Cannot read %s: %s", path, error->message);
      return NULL;
    }
  return g_bytes_new_take (data, len);
}

static void
preview_size (XasoSignDialog *self,
              double         *width,
              double         *height)
{
  switch (selected_place (self))
    {
    case XASO_SIGN_PLACE_AREA:
      *width = self->has_area ? self->area[2] : XASO_SIGN_LEADER_WIDTH;
      *height = self->has_area ? self->area[3] : XASO_SIGN_LEADER_HEIGHT;
      break;
    case XASO_SIGN_PLACE_OVER_LEADER:
      *width = 3.2 * XASO_SIGN_SEAL_SIZE, *height = XASO_SIGN_SEAL_SIZE;
      break;
    case XASO_SIGN_PLACE_COPY:
      *width = 200, *height = 42;
      break;
    default:
      *width = XASO_SIGN_LEADER_WIDTH, *height = XASO_SIGN_LEADER_HEIGHT;
    }
}

static void
previewed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = xaso_sign_preview_finish (result, &error);
  g_autoptr(GdkTexture) texture = NULL;
  XasoSignDialog *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    g_warning ("The signature preview failed: %s", error->message);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
}

static void
update_preview (XasoSignDialog *self)
{
  XasoTokenCertificate *certificate = selected_certificate (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_settings_get_string (self->settings, "signature-text");
  XasoPdfAppearance spec;
  double width, height;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  xaso_pdf_appearance_init (&spec, self->kind);
  spec.signer = certificate != NULL && certificate->name ? certificate->name : _("Name on the certificate");
  spec.organization = certificate != NULL && certificate->organization ? certificate->organization
                                                                       : _("Organization on the certificate");
  spec.time = now;
  spec.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  spec.location = gtk_editable_get_text (GTK_EDITABLE (self->location_row));
  spec.image = self->image;
  spec.seal = self->seal;
  spec.document_number = self->document_number;
  if (self->kind == XASO_PDF_APPEARANCE_LEADER && text[0] != '\0')
    spec.text_template = text;
  preview_size (self, &width, &height);
  xaso_sign_preview_async (&spec, width, height, self->preview_cancellable, previewed_cb, self);
}

static void
details_changed_cb (XasoSignDialog *self)
{
  update_preview (self);
}

/* Placement */

static void
placement_changed_cb (XasoSignDialog *self)
{
  gboolean area = selected_place (self) == XASO_SIGN_PLACE_AREA;

  gtk_widget_set_visible (GTK_WIDGET (self->area_row), area);
  update_preview (self);
  if (area && !self->has_area && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "sign.pick-area", NULL);
}

static void
pick_area_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  gtk_widget_set_visible (widget, FALSE);
  g_signal_emit (widget, signals[PICK_AREA], 0);
}

void
xaso_sign_dialog_set_area (XasoSignDialog *self,
                           int             page,
                           double          x,
                           double          y,
                           double          width,
                           double          height)
{
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_if_fail (XASO_IS_SIGN_DIALOG (self));

  places (self, &n);
  self->has_area = TRUE;
  self->area_page = page;
  self->area[0] = x, self->area[1] = y, self->area[2] = width, self->area[3] = height;
  /* Translators: a rectangle drawn on a page, its size in points. */
  text = g_strdup_printf (_("Page %d, %.0f × %.0f pt"), page + 1, width, height);
  adw_action_row_set_subtitle (self->area_row, text);
  adw_combo_row_set_selected (self->placement_row, n - 1);
  update_preview (self);
  gtk_window_present (GTK_WINDOW (self));
}

void
xaso_sign_dialog_area_cancelled (XasoSignDialog *self)
{
  g_return_if_fail (XASO_IS_SIGN_DIALOG (self));

  if (!self->has_area)
    adw_combo_row_set_selected (self->placement_row, 0);
  gtk_window_present (GTK_WINDOW (self));
}


/* Signing */

static void
progress_cb (GObject *target,
             double   fraction)
{
  XasoSignDialog *self = XASO_SIGN_DIALOG (target);

  if (self->progress_bar == NULL)   /* disposed */
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

static gboolean
is_secret_error (const GError *error)
{
  return g_error_matches (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PIN) ||
         g_error_matches (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PASSWORD) ||
         g_error_matches (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_PIN_LOCKED);
}

static void
back_to_form (XasoSignDialog *self,
              const char     *message)
{
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.sign", TRUE);
  show_error (self, message);
}

static void
signed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XasoSignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;

  g_clear_object (&self->sign_cancellable);
  if (self->stack == NULL)          /* closed while signing: nobody to tell */
    {
      xaso_sign_job_run_finish (result, NULL);
      return;
    }
  if (!xaso_sign_job_run_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        back_to_form (self, _("Signing was cancelled. Nothing was written."));
      else
        back_to_form (self, error->message);
      if (is_secret_error (error))
        {
          gtk_editable_select_region (GTK_EDITABLE (self->secret_entry), 0, -1);
          gtk_widget_grab_focus (GTK_WIDGET (self->secret_entry));
        }
      return;
    }
  output = g_file_new_for_path (gtk_label_get_label (self->output_label));
  g_signal_emit (self, signals[SIGNED], 0, output);
  gtk_window_destroy (GTK_WINDOW (self));
}

static XasoSignJob *
gather_job (XasoSignDialog *self,
            const char     *output)
{
  XasoSignJob *job = xaso_sign_job_new ();
  XasoTokenCertificate *certificate = selected_certificate (self);

  job->kind = self->kind;
  if (certificate != NULL)
    job->pkcs11_url = g_strdup (certificate->url);
  else
    job->pkcs12_path = g_strdup (self->p12_path);
  job->secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_entry)));
  job->input = g_file_get_path (self->file);
  job->output = g_strdup (output);
  job->placement.place = selected_place (self);
  job->placement.page = self->area_page;
  memcpy (job->placement.area, self->area, sizeof self->area);
  job->reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  job->location = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  job->tsa_url = g_settings_get_string (self->settings, "tsa-url");
  job->text_template = g_settings_get_string (self->settings, "signature-text");
  job->image = self->image ? g_bytes_ref (self->image) : NULL;
  job->seal = self->seal ? g_bytes_ref (self->seal) : NULL;
  job->document_number = g_strdup (self->document_number);
  return job;
}

static void
start_signing (XasoSignDialog *self,
               const char     *output)
{
  show_error (self, NULL);
  gtk_label_set_label (self->output_label, output);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.sign", FALSE);
  self->sign_cancellable = g_cancellable_new ();
  xaso_sign_job_run_async (gather_job (self, output), progress_cb, G_OBJECT (self),
                           self->sign_cancellable, signed_cb, g_object_ref (self));
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     XasoSignDialog   *self)
{
  g_autofree char *output = g_object_steal_data (G_OBJECT (dialog), "output");

  if (g_str_equal (response, "replace"))
    start_signing (self, output);
}

/* Never overwrite silently: a signed file may hold signatures too. */
static void
ask_replace (XasoSignDialog *self,
             const char     *output)
{
  g_autofree char *name = g_path_get_basename (output);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Replace the Signed File?"), NULL));

  adw_message_dialog_format_body (dialog, _("“%s” already exists next to this document. "
                                            "Replacing it loses what it holds, its signatures too."), name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "output", g_strdup (output), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  XasoSignDialog *self = XASO_SIGN_DIALOG (widget);
  XasoTokenCertificate *certificate = selected_certificate (self);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_entry));
  g_autofree char *input = g_file_get_path (self->file);
  g_autofree char *output = NULL;

  if (certificate == NULL && (self->p12_path == NULL || !gtk_check_button_get_active (self->p12_check)))
    {
      show_error (self, _("Choose a certificate on a token, or a certificate file."));
      return;
    }
  if (secret[0] == '\0' && !(certificate != NULL && (certificate->pin_flags & XASO_PDF_PIN_PROTECTED_PATH)))
    {
      show_error (self, certificate != NULL ? _("Type the PIN of the token.")
                                            : _("Type the password of the certificate file."));
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_entry));
      return;
    }
  if (selected_place (self) == XASO_SIGN_PLACE_AREA && !self->has_area)
    {
      gtk_widget_activate_action (widget, "sign.pick-area", NULL);
      return;
    }
  output = xaso_pdf_sign_default_output (input);
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    ask_replace (self, output);
  else
    start_signing (self, output);
}

static void
secret_activate_cb (XasoSignDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign.sign", NULL);
}

static void
cancel_cb (XasoSignDialog *self)
{
  if (self->sign_cancellable != NULL)
    g_cancellable_cancel (self->sign_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
xaso_sign_dialog_dispose (GObject *object)
{
  XasoSignDialog *self = (XasoSignDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  /* Closing the dialog (or its PDF window) while it signs cancels
   * the signing: the job leaves nothing behind. */
  g_cancellable_cancel (self->sign_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_SIGN_DIALOG);
  G_OBJECT_CLASS (xaso_sign_dialog_parent_class)->dispose (object);
}

static void
xaso_sign_dialog_finalize (GObject *object)
{
  XasoSignDialog *self = (XasoSignDialog *) object;

  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->sign_cancellable);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_free (self->p12_path);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->seal, g_bytes_unref);
  g_free (self->document_number);
  G_OBJECT_CLASS (xaso_sign_dialog_parent_class)->finalize (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, identity_list);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, p12_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, p12_check);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, secret_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, pin_warning_label);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, placement_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XasoSignDialog, output_label);
  gtk_widget_class_bind_template_callback (widget_class, identity_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_p12_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
}

static void
xaso_sign_dialog_class_init (XasoSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_sign_dialog_dispose;
  object_class->finalize = xaso_sign_dialog_finalize;
  signals[PICK_AREA] = g_signal_new ("pick-area", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNED] = g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "sign.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "sign.pick-area", NULL, pick_area_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xaso_sign_dialog_init (XasoSignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();
}

static const char *
kind_title (XasoPdfAppearanceKind kind)
{
  switch (kind)
    {
    case XASO_PDF_APPEARANCE_ORGANIZATION: return _("Sign as the Organization");
    case XASO_PDF_APPEARANCE_COPY: return _("Sign an Electronic Copy");
    case XASO_PDF_APPEARANCE_LEADER:
    default: return _("Sign as a Person");
    }
}

static void
fill_places (XasoSignDialog *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n = 0;
  const XasoSignPlace *list = places (self, &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, place_label (list[i]));
  adw_combo_row_set_model (self->placement_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->placement_row, 0);
}

XasoSignDialog *
xaso_sign_dialog_new (GtkWindow             *parent,
                      GFile                 *file,
                      XasoPdfAppearanceKind  kind,
                      GSettings             *settings)
{
  XasoSignDialog *self = g_object_new (XASO_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *reason = g_settings_get_string (settings, "sign-reason");
  g_autofree char *location = g_settings_get_string (settings, "sign-location");

  self->file = g_object_ref (file);
  self->kind = kind;
  self->settings = g_object_ref (settings);
  /* Small PNGs (the appearance refuses more than 8 MB), read once rather
   * than at every change of the preview. */
  self->image = read_image (self, "signature-image");
  self->seal = read_image (self, "seal-image");
  gtk_window_set_title (GTK_WINDOW (self), kind_title (kind));
  adw_window_title_set_title (self->window_title, kind_title (kind));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), location);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), kind != XASO_PDF_APPEARANCE_COPY);
  fill_places (self);
  placement_changed_cb (self);
  xaso_token_list_async (self->cancellable, tokens_listed_cb, self);
  return self;
}

/* The number and notation the organization's signature shows once the
 * document is issued. */
void
xaso_sign_dialog_set_document_number (XasoSignDialog *self,
                                      const char     *number)
{
  g_return_if_fail (XASO_IS_SIGN_DIALOG (self));

  g_free (self->document_number);
  self->document_number = g_strdup (number);
  update_preview (self);
}
