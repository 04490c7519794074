// The workspace's page: GET / (index.html) and GET /assets/... (the scripts, styles, fonts and
// images Vite built into web/dist), read from Workspace::web_dir. Only a plain file name under
// one of these folders is served: no directory listing, no way out of web_dir.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

#include <array>
#include <utility>

namespace frontdoor::http {

namespace {

std::string_view content_type(std::string_view name) {
    static const std::array<std::pair<std::string_view, std::string_view>, 11> types = {{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".txt", "text/plain; charset=utf-8"},
    }};
    for (const auto& [extension, type] : types)
        if (name.ends_with(extension)) return type;
    return "application/octet-stream";
}

bool plain_name(std::string_view name) {
    return !name.empty() && name.front() != '.' &&
           name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
               std::string_view::npos;
}

Response serve_asset(Service& service, const Request& request, const std::string& folder, const std::string& name) {
    if (!service.workspace || service.workspace->web_dir.empty())
        return error_response(request, beast_http::status::not_found,
                              "no web page is served: start frontdoor workspace with the built front-end");
    if (!plain_name(name)) return error_response(request, beast_http::status::not_found, "no such file");
    std::string relative = folder.empty() ? name : folder + "/" + name;
    ResolvedPath resolved = resolve_workspace_path(service.workspace->web_dir, relative, true);
    if (resolved.refused()) return error_response(request, beast_http::status::not_found, "no such file");
    auto bytes = read_workspace_file(resolved.path, 16 << 20);
    if (!bytes) return error_response(request, beast_http::status::not_found, "no such file");
    Response response{beast_http::status::ok, response_version};
    response.set(beast_http::field::content_type, content_type(name));
    response.set("X-Content-Type-Options", "nosniff");
    response.set(beast_http::field::cache_control, folder.empty() ? "no-cache" : "max-age=3600");
    if (folder.empty())
        response.set(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(*bytes);
    response.prepare_payload();
    return response;
}

}  // namespace

void add_workspace_asset_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/", Role::none,
                [](Service& s, const Request& r, RequestContext&) { return serve_asset(s, r, "", "index.html"); }});
    routes.add({beast_http::verb::get, "/assets/{id}", Role::none, [](Service& s, const Request& r, RequestContext& c) {
                    return serve_asset(s, r, "assets", c.path_param);
                }});
    routes.add(
        {beast_http::verb::get, "/assets/fonts/{id}", Role::none, [](Service& s, const Request& r, RequestContext& c) {
             return serve_asset(s, r, "assets/fonts", c.path_param);
         }});
    routes.add(
        {beast_http::verb::get, "/assets/images/{id}", Role::none, [](Service& s, const Request& r, RequestContext& c) {
             return serve_asset(s, r, "assets/images", c.path_param);
         }});
}

}  // namespace frontdoor::http
