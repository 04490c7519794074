// GET /v1/pack (the active pack: name, version, digest, when it became active, its files),
// GET /v1/pack/explanation-dictionary (what its compact explanations refer to) and
// GET /v1/schema (the JSON Schema of the input it accepts, from the pack itself).
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "pack_headers.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::http {

namespace {

Response describe_pack(Service& service, const Request& request, RequestContext&) {
    auto active = service.pack.current();
    const Pack& pack = *active->pack;
    nlohmann::json files = nlohmann::json::array();
    for (const auto& [path, content] : pack.files()) files.push_back({{"path", path}, {"bytes", content.size()}});
    nlohmann::json body = {{"name", pack.name()},
                           {"version", pack.version()},
                           {"digest", pack.digest()},
                           {"active_since", active->active_since},
                           {"engine_version", engine_version()},
                           {"files", std::move(files)}};
    Response response = json_response(request, beast_http::status::ok,
                                      body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    set_pack_headers(response, pack);
    return response;
}

Response describe_schema(Service& service, const Request& request, RequestContext&) {
    auto active = service.pack.current();
    Response response = json_response(request, beast_http::status::ok, active->pack->input_schema() + "\n");
    response.set(beast_http::field::content_type, "application/schema+json");
    set_pack_headers(response, *active->pack);
    return response;
}

// What a compact explanation (?explain=compact) refers to: `frontdoor explain-dictionary`'s bytes
// for the active pack, whose digest the headers and the dictionary's ruleset name.
Response describe_explanation_dictionary(Service& service, const Request& request, RequestContext&) {
    auto active = service.pack.current();
    Response response = json_response(request, beast_http::status::ok, active->pack->explanation_dictionary() + "\n");
    set_pack_headers(response, *active->pack);
    return response;
}

}  // namespace

void add_pack_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/v1/pack", Role::decide, describe_pack});
    routes.add(
        {beast_http::verb::get, "/v1/pack/explanation-dictionary", Role::decide, describe_explanation_dictionary});
    routes.add({beast_http::verb::get, "/v1/schema", Role::decide, describe_schema});
}

}  // namespace frontdoor::http
