#include "tls_context.hpp"

#include "http/serve.hpp"

#include <openssl/ssl.h>

namespace frontdoor::http {

namespace ssl = boost::asio::ssl;

std::unique_ptr<ssl::context> make_tls_context(const std::string& cert_file, const std::string& key_file) {
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                         ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    boost::system::error_code error;
    context->use_certificate_chain_file(cert_file, error);
    if (error) throw ServeError("cannot use TLS certificate " + cert_file + ": " + error.message());
    context->use_private_key_file(key_file, ssl::context::pem, error);
    if (error) throw ServeError("cannot use TLS key " + key_file + ": " + error.message());
    if (SSL_CTX_check_private_key(context->native_handle()) != 1)
        throw ServeError("TLS key " + key_file + " does not match certificate " + cert_file);
    return context;
}

}  // namespace frontdoor::http
