/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlwriter.h>

#include "xaso-commune.h"
#include "xaso-edxml.h"

G_BEGIN_DECLS

/* Writing a package with libxml2's xmlTextWriter: the root in the QCVN
 * 102 namespace, elements with the "edXML" prefix, to a temporary file
 * that takes @path's name only once complete. The first failure is kept;
 * later calls do nothing. */
typedef struct
{
  xmlTextWriterPtr  w;
  char             *path;
  char             *tmp;
  gboolean          failed;
} XasoEdxmlWriter;

gboolean  _xaso_edxml_writer_open    (XasoEdxmlWriter *writer,
                                      const char      *path,
                                      GError         **error);
gboolean  _xaso_edxml_writer_close   (XasoEdxmlWriter *writer,
                                      GError         **error);
void      _xaso_edxml_writer_clear   (XasoEdxmlWriter *writer);
void      _xaso_edxml_start          (XasoEdxmlWriter *writer,
                                      const char      *name);
void      _xaso_edxml_end            (XasoEdxmlWriter *writer);
/* <edXML:@name>@text</edXML:@name>, empty for NULL. */
void      _xaso_edxml_text           (XasoEdxmlWriter *writer,
                                      const char      *name,
                                      const char      *text);
void      _xaso_edxml_base64         (XasoEdxmlWriter *writer,
                                      const char      *name,
                                      GBytes          *bytes);
/* From{OrganId, OrganName…}: this commune's agency. */
gboolean  _xaso_edxml_from_commune   (XasoEdxmlWriter *writer,
                                      XasoDatabase    *db,
                                      GError         **error);
/* YYYY-MM-DD as yyyy/MM/dd; "now" as yyyy/MM/dd HH:mm:ss. */
char     *_xaso_edxml_date           (const char      *iso_date);
char     *_xaso_edxml_timestamp      (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XasoEdxmlWriter, _xaso_edxml_writer_clear)

G_END_DECLS
