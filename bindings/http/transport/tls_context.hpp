#pragma once
// The TLS settings of `frontdoor serve --tls-cert FILE --tls-key FILE`: TLS 1.2 and later only,
// the certificate chain and its private key read once, at start.
#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>

namespace frontdoor::http {

// The server's TLS context; throws ServeError (serve.hpp) naming the file and OpenSSL's reason when
// the certificate or key cannot be read, is not PEM, or the key does not match the certificate.
std::unique_ptr<boost::asio::ssl::context> make_tls_context(const std::string& cert_file, const std::string& key_file);

}  // namespace frontdoor::http
