/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xaso-context.h"

G_BEGIN_DECLS

/* Receives documents sent electronically (edXML packages, QCVN 102:2016):
 * asks for the package files, takes each in on the worker as a document
 * waiting for the văn thư to register ("Chờ vào sổ"), and says over
 * @parent what came in and what was refused, and why. */
void xaso_edxml_receive_start (GtkWindow   *parent,
                               XasoContext *context);

G_END_DECLS
