// Starts Swagger UI on /q/swagger-ui/ from a file of the jar, so the page runs no inline script (see PageHeaders).
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: '/q/openapi',
        dom_id: '#swagger-ui',
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        plugins: [SwaggerUIBundle.plugins.DownloadUrl],
        layout: 'StandaloneLayout'
    });
});
