// Starts Swagger UI on /docs. A file of its own (not an inline script), so the page's
// Content-Security-Policy can allow scripts from this service only.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
