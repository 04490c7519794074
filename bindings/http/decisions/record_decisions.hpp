#pragma once
// How the decision routes record with `serve --record LOG` (decision_recorder.hpp): a single
// decision's response waits for its record's group commit; a batch's groups are recorded one at a
// time, each before its answers are released. Without --record both are no-ops.
#include "http/http_types.hpp"
#include "http/service.hpp"

#include "frontdoor/batch.hpp"

#include <memory>

namespace frontdoor::http {

// The header that carries a committed decision's record id: a response with it was recorded.
inline constexpr const char* record_id_header = "X-Frontdoor-Record-Id";

// With a recorder, sets context.finish so that `response` (a 200 decision) is sent only after
// `entry` has committed, with its record id in X-Frontdoor-Record-Id; when the queue is full it is
// replaced by 503 with Retry-After, and when the append fails by 503 (nothing was recorded, so
// nothing is acknowledged as decided). Without a recorder, does nothing.
void record_before_sending(Service& service, RequestContext& context, std::shared_ptr<const Pack> pack,
                           DecisionLog::Entry entry);

// The BatchRecorder for a batch decided by `pack`: each group goes through the recorder's queue
// and returns once committed (DecisionRecorder::record_and_wait), throwing RecordError when it
// could not be. Empty without a recorder. Blocks the calling thread while its group commits.
BatchRecorder batch_recorder(Service& service, std::shared_ptr<const Pack> pack);

// The answer to a request whose decisions could not be recorded: 503 with Retry-After and a JSON
// body saying whether the log was busy or failed.
Response not_recorded(const Request& request, const RecordError& error);

}  // namespace frontdoor::http
