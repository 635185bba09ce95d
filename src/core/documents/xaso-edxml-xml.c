/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-edxml-writer-private.h"

/* The parts every package written here shares: the root, the elements,
 * the sender, the dates. */

static void
check (XasoEdxmlWriter *writer,
       int              rc)
{
  if (rc < 0)
    writer->failed = TRUE;
}

gboolean
_xaso_edxml_writer_open (XasoEdxmlWriter  *writer,
                         const char       *path,
                         GError          **error)
{
  writer->path = g_strdup (path);
  writer->tmp = g_strconcat (path, ".part", NULL);
  writer->w = xmlNewTextWriterFilename (writer->tmp, 0);
  if (writer->w == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), path);
      return FALSE;
    }
  xmlTextWriterSetIndent (writer->w, 1);
  xmlTextWriterSetIndentString (writer->w, BAD_CAST "  ");
  check (writer, xmlTextWriterStartDocument (writer->w, "1.0", "UTF-8", NULL));
  check (writer, xmlTextWriterStartElementNS (writer->w, NULL, BAD_CAST "edXML", BAD_CAST XASO_EDXML_NAMESPACE));
  check (writer, xmlTextWriterWriteAttribute (writer->w, BAD_CAST "xmlns:edXML", BAD_CAST XASO_EDXML_NAMESPACE));
  check (writer, xmlTextWriterWriteAttribute (writer->w, BAD_CAST "xmlns:xlink",
                                              BAD_CAST "http://www.w3.org/1999/xlink"));
  return TRUE;
}

gboolean
_xaso_edxml_writer_close (XasoEdxmlWriter  *writer,
                          GError          **error)
{
  check (writer, xmlTextWriterEndDocument (writer->w));
  check (writer, xmlTextWriterFlush (writer->w));
  xmlFreeTextWriter (g_steal_pointer (&writer->w));
  if (writer->failed || g_rename (writer->tmp, writer->path) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), writer->path);
      return FALSE;
    }
  return TRUE;
}

void
_xaso_edxml_writer_clear (XasoEdxmlWriter *writer)
{
  if (writer->w != NULL)
    xmlFreeTextWriter (g_steal_pointer (&writer->w));
  if (writer->tmp != NULL)
    g_unlink (writer->tmp);
  g_clear_pointer (&writer->tmp, g_free);
  g_clear_pointer (&writer->path, g_free);
}

void
_xaso_edxml_start (XasoEdxmlWriter *writer,
                   const char      *name)
{
  if (!writer->failed)
    check (writer, xmlTextWriterStartElementNS (writer->w, BAD_CAST "edXML", BAD_CAST name, NULL));
}

void
_xaso_edxml_end (XasoEdxmlWriter *writer)
{
  if (!writer->failed)
    check (writer, xmlTextWriterEndElement (writer->w));
}

void
_xaso_edxml_text (XasoEdxmlWriter *writer,
                  const char      *name,
                  const char      *text)
{
  if (!writer->failed)
    check (writer, xmlTextWriterWriteElementNS (writer->w, BAD_CAST "edXML", BAD_CAST name, NULL,
                                                BAD_CAST (text != NULL ? text : "")));
}

void
_xaso_edxml_base64 (XasoEdxmlWriter *writer,
                    const char      *name,
                    GBytes          *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  _xaso_edxml_start (writer, name);
  if (!writer->failed && size > 0)
    check (writer, xmlTextWriterWriteBase64 (writer->w, data, 0, (int)size));
  _xaso_edxml_end (writer);
}

gboolean
_xaso_edxml_from_commune (XasoEdxmlWriter  *writer,
                          XasoDatabase     *db,
                          GError          **error)
{
  g_autoptr(XasoCommune) commune = xaso_commune_load (db, error);

  if (commune == NULL)
    return FALSE;
  if (commune->agency_eid == NULL || *commune->agency_eid == '\0')
    {
      g_set_error_literal (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_MISSING,
                           _("Set the electronic id (mã định danh điện tử) of the commune’s agency before "
                             "sending documents by edXML."));
      return FALSE;
    }
  _xaso_edxml_start (writer, "From");
  _xaso_edxml_text (writer, "OrganId", commune->agency_eid);
  _xaso_edxml_text (writer, "OrganizationInCharge", commune->agency_name);
  _xaso_edxml_text (writer, "OrganName", commune->agency_name ? commune->agency_name : commune->name);
  _xaso_edxml_text (writer, "OrganAdd", commune->name);
  _xaso_edxml_end (writer);
  return TRUE;
}

char *
_xaso_edxml_date (const char *iso_date)
{
  char *date;

  if (iso_date == NULL || strlen (iso_date) < 10)
    return NULL;
  date = g_strndup (iso_date, 10);
  date[4] = date[7] = '/';
  return date;
}

char *
_xaso_edxml_timestamp (void)
{
  g_autoptr(GDateTime) now = xaso_now ();

  return g_date_time_format (now, "%Y/%m/%d %H:%M:%S");
}
