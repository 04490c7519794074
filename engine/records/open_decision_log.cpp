// Opening a decision log: which backend a location names, and the log over its store.
#include "engine/records/decision_log_impl.hpp"
#include "engine/records/record_store.hpp"

#include <stdexcept>

namespace frontdoor {

namespace records {

bool names_postgres_log(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<RecordStore> open_record_store(const std::string& location, bool append) {
    if (names_postgres_log(location)) return open_postgres_store(location, append);
    return open_sqlite_store(location, append);
}

}  // namespace records

std::unique_ptr<DecisionLog> DecisionLog::open(const std::string& location, Access access) {
    if (location.empty()) throw std::runtime_error("no decision log named");
    auto impl = std::make_unique<Impl>();
    impl->store = records::open_record_store(location, access == Access::append);
    return std::unique_ptr<DecisionLog>(new DecisionLog(std::move(impl)));
}

DecisionLog::DecisionLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DecisionLog::~DecisionLog() = default;

}  // namespace frontdoor
