// libpq calls behind PgConnection: binary parameters and results, errors as exceptions that name
// the log, and the URL shown without its password.
#include "engine/records/postgres_connection.hpp"

#include <algorithm>

namespace frontdoor::records {

namespace {

std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

}  // namespace

PgParams& PgParams::add(PgType type, std::string_view value) {
    if (value.size() > 1'000'000'000) throw std::runtime_error("a value is too large for the decision log");
    types_.push_back(static_cast<Oid>(type));
    // libpq reads `length` bytes; a pointer is needed even for an empty value.
    values_.push_back(value.data() ? value.data() : "");
    lengths_.push_back(static_cast<int>(value.size()));
    return *this;
}

PgParams& PgParams::integer(std::int64_t value) {
    auto buffer = std::make_unique<char[]>(8);
    auto bits = static_cast<std::uint64_t>(value);
    for (int i = 0; i < 8; ++i) buffer[i] = static_cast<char>((bits >> (56 - 8 * i)) & 0xff);
    types_.push_back(static_cast<Oid>(PgType::int8));
    values_.push_back(buffer.get());
    lengths_.push_back(8);
    integers_.push_back(std::move(buffer));
    return *this;
}

std::int64_t PgResult::integer(int row, int column) const {
    const char* value = PQgetvalue(result_.get(), row, column);
    int length = PQgetlength(result_.get(), row, column);
    std::uint64_t bits = 0;
    for (int i = 0; i < length; ++i) bits = (bits << 8) | static_cast<unsigned char>(value[i]);
    // An int4 (count(*) is int8, but a literal may be int4) is sign-extended from its width.
    if (length > 0 && length < 8 && (static_cast<unsigned char>(value[0]) & 0x80)) bits |= ~0ULL << (8 * length);
    return static_cast<std::int64_t>(bits);
}

PgConnection::PgConnection(const std::string& url, std::string location)
    : connection_(PQconnectdb(url.c_str())), location_(std::move(location)) {
    if (!connection_) throw std::runtime_error("cannot open the decision log " + location_ + ": out of memory");
    if (PQstatus(connection_) != CONNECTION_OK) {
        std::string message = trimmed(PQerrorMessage(connection_));
        PQfinish(connection_);
        throw std::runtime_error("cannot open the decision log " + location_ + ": " + message);
    }
    // The server's notices (NOTICE, WARNING) would go to standard error, outside the program's
    // own messages; nothing Frontdoor runs depends on them.
    PQsetNoticeProcessor(
        connection_, [](void*, const char*) {}, nullptr);
}

void PgConnection::reconnect() {
    PQreset(connection_);
    if (PQstatus(connection_) != CONNECTION_OK)
        throw std::runtime_error("cannot reach the decision log " + location_ + ": " +
                                 trimmed(PQerrorMessage(connection_)));
}

PgResult PgConnection::checked(PgResult result) {
    ExecStatusType status = PQresultStatus(result.raw());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    // The server's own sentence and its detail; libpq's message when the server sent none.
    const char* primary = result.raw() ? PQresultErrorField(result.raw(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* detail = result.raw() ? PQresultErrorField(result.raw(), PG_DIAG_MESSAGE_DETAIL) : nullptr;
    std::string message = primary ? std::string(primary) + (detail ? std::string(" (") + detail + ")" : "")
                                  : trimmed(PQerrorMessage(connection_));
    throw std::runtime_error("the decision log: " + message);
}

PgResult PgConnection::run(const char* sql, const PgParams& params) {
    std::vector<int> binary(static_cast<std::size_t>(params.size()), 1);
    return checked(PgResult(PQexecParams(connection_, sql, params.size(), params.types(), params.values(),
                                         params.lengths(), binary.data(), 1)));
}

void PgConnection::execute(const char* sql) { checked(PgResult(PQexec(connection_, sql))); }

void PgConnection::copy_in(const char* sql, const std::string& data) {
    PgResult started(PQexec(connection_, sql));
    if (PQresultStatus(started.raw()) != PGRES_COPY_IN) checked(std::move(started));
    // Sent in pieces of at most 1 MiB: libpq takes an int length.
    bool sent = true;
    for (std::size_t at = 0; sent && at < data.size(); at += 1 << 20) {
        int length = static_cast<int>(std::min<std::size_t>(data.size() - at, 1 << 20));
        sent = PQputCopyData(connection_, data.data() + at, length) == 1;
    }
    PQputCopyEnd(connection_, sent ? nullptr : "could not send the records");
    PgResult finished(PQgetResult(connection_));
    while (PGresult* extra = PQgetResult(connection_)) PQclear(extra);
    checked(std::move(finished));
}

std::string postgres_location_for_messages(const std::string& url) {
    std::string shown = url;
    // postgresql://user:password@host/...: the password sits between the user's ':' and the '@'.
    std::size_t start = shown.find("://");
    if (start != std::string::npos) {
        start += 3;
        std::size_t at = shown.find('@', start);
        std::size_t slash = shown.find('/', start);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            std::size_t colon = shown.find(':', start);
            if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
        }
    }
    // ...?password=secret&...: a parameter of the URL.
    for (std::size_t key = shown.find("password="); key != std::string::npos; key = shown.find("password=", key + 1)) {
        std::size_t from = key + 9;
        std::size_t to = shown.find('&', from);
        shown.replace(from, (to == std::string::npos ? shown.size() : to) - from, "***");
    }
    return shown;
}

}  // namespace frontdoor::records
