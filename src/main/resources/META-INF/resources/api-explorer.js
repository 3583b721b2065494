// Starts Swagger UI on /q/swagger-ui/ from a file of the jar, so the page runs no inline script (see PageHeaders).
// Without the top bar (a free URL box we do not need: the explorer shows our contract) and without deep links, whose
// anchor sits inside each operation's button (nested controls a keyboard or screen reader cannot use apart).
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: '/q/openapi',
        dom_id: '#swagger-ui',
        deepLinking: false,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout'
    });
    // Swagger UI's server list is a select with no name of its own; name it whenever Swagger UI renders it
    const name = function () {
        const servers = document.getElementById('servers');
        if (servers && !servers.hasAttribute('aria-label')) servers.setAttribute('aria-label', 'Servers');
    };
    new MutationObserver(name).observe(document.getElementById('swagger-ui'), { childList: true, subtree: true });
});
