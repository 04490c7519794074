#include "body_codings.hpp"

#include <boost/beast/core/string.hpp>

#include <vector>

namespace frontdoor::http {

namespace {

using boost::beast::iequals;

// The codings a Content-Encoding or Transfer-Encoding lists, in order, across all its fields,
// each without its parameters and surrounding spaces ("gzip;q=1 , chunked" is gzip, chunked).
std::vector<std::string_view> codings(const Request& request, beast_http::field field) {
    std::vector<std::string_view> out;
    auto [first, last] = request.equal_range(field);
    for (auto it = first; it != last; ++it) {
        std::string_view value = it->value();
        while (!value.empty()) {
            std::size_t comma = value.find(',');
            std::string_view item = value.substr(0, comma);
            item = item.substr(0, item.find(';'));
            while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
            while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
            if (!item.empty()) out.push_back(item);
            value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
        }
    }
    return out;
}

std::string listed(const std::vector<std::string_view>& items) {
    std::string out;
    for (std::string_view item : items) out += (out.empty() ? "" : ", ") + std::string(item);
    return out;
}

}  // namespace

std::optional<CodingRefusal> coding_refusal(const Request& request) {
    for (std::string_view coding : codings(request, beast_http::field::content_encoding))
        if (!iequals(coding, "identity"))
            return CodingRefusal{beast_http::status::unsupported_media_type,
                                 "the body has a content coding (Content-Encoding); send it without one: Frontdoor "
                                 "reads the bytes as they come"};
    if (request.find(beast_http::field::transfer_encoding) == request.end()) return std::nullopt;
    auto transfer = codings(request, beast_http::field::transfer_encoding);
    std::size_t chunked = 0;
    for (std::string_view coding : transfer) chunked += iequals(coding, "chunked");
    if (transfer.empty() || !iequals(transfer.back(), "chunked") || chunked > 1)
        return CodingRefusal{beast_http::status::bad_request,
                             "the body's length cannot be told from Transfer-Encoding: " + listed(transfer) +
                                 " (it must end in chunked, named once); send the body chunked, or with "
                                 "Content-Length"};
    for (std::string_view coding : transfer)
        if (!iequals(coding, "chunked") && !iequals(coding, "identity"))
            return CodingRefusal{beast_http::status::not_implemented,
                                 "the body has a transfer coding Frontdoor does not implement (Transfer-Encoding: " +
                                     listed(transfer) + "); send it chunked alone, or with Content-Length"};
    return std::nullopt;
}

}  // namespace frontdoor::http
