// Opening a decision log: which backends this build has, and the log over its store.
#include "engine/records/decision_log_impl.hpp"
#include "engine/records/record_store.hpp"

#include <stdexcept>

namespace frontdoor {

std::unique_ptr<DecisionLog> DecisionLog::open(const std::string& location, Access access) {
    if (location.empty()) throw std::runtime_error("no decision log named");
    if (location.rfind("postgresql:", 0) == 0 || location.rfind("postgres:", 0) == 0)
        throw std::runtime_error("this build keeps decision logs in SQLite files only: " + location);
    auto impl = std::make_unique<Impl>();
    impl->store = records::open_sqlite_store(location, access == Access::append);
    return std::unique_ptr<DecisionLog>(new DecisionLog(std::move(impl)));
}

DecisionLog::DecisionLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DecisionLog::~DecisionLog() = default;

}  // namespace frontdoor
