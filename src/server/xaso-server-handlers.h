/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-server-request.h"

G_BEGIN_DECLS

/* The endpoints of PROTOCOL.md, run on a worker thread with its own
 * connection. A handler either answers or fails with an error of
 * XASO_SYNC_ERROR (a protocol error) or XASO_PG_ERROR (the database); it
 * leaves no transaction open either way. */

typedef XasoServerResponse *(*XasoServerHandler) (XasoPg                   *pg,
                                                  const XasoServerRequest  *request,
                                                  GError                  **error);

XasoServerResponse *xaso_server_enroll_handle (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
XasoServerResponse *xaso_server_push_handle   (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
XasoServerResponse *xaso_server_pull_handle   (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
XasoServerResponse *xaso_server_inbox_handle  (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
/* GET /v1/digest[?table=T] and GET /v1/digest/rows?table=T&bucket=B. */
XasoServerResponse *xaso_server_digest_handle (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
XasoServerResponse *xaso_server_digest_rows_handle (XasoPg                   *pg,
                                                    const XasoServerRequest  *request,
                                                    GError                  **error);
XasoServerResponse *xaso_server_health_handle (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
/* HEAD, PUT and GET /v1/blobs/{name} (xaso-server-blobs.c). */
XasoServerResponse *xaso_server_blobs_handle  (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);
/* POST /v1/leases (xaso-server-leases.c). */
XasoServerResponse *xaso_server_leases_handle (XasoPg                   *pg,
                                               const XasoServerRequest  *request,
                                               GError                  **error);

/* GET /v1/keys and PUT /v1/keys/{key_id} (xaso-server-keys.c). */
XasoServerResponse *xaso_server_keys_handle  (XasoPg                   *pg,
                                              const XasoServerRequest  *request,
                                              GError                  **error);

/* Parses a JSON object body (400 bad_json otherwise). */
JsonNode           *xaso_server_parse_body    (GBytes                   *body,
                                               GError                  **error);

G_END_DECLS
