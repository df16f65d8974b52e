// Starts the vendored Swagger UI on /docs (kept out of the page: the CSP forbids inline scripts).
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
