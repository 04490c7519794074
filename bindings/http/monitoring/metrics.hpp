#pragma once
// The service's metrics: named counters, gauges and histograms that any part of the service
// increments with lock-free atomics, and render_metrics, which writes them all in the Prometheus
// text exposition format (version 0.0.4) for GET /metrics. Every name is registered here, so a
// scrape shows each one from the start (at 0, or a labelled family with its HELP and TYPE and no
// sample yet). A label value is a route pattern, a status code, a result word or a pack's outcome
// code: pack vocabulary, never what a contact says (no contact id, no field value).
#include "frontdoor/frontdoor.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::http {

// A value that only goes up.
class Counter {
public:
    void add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
    // For a count kept by another part (the log's writer, the reloader, shadow mode) and copied
    // here when scraped: raises the value to `total`, never lowers it, so two scrapes racing
    // cannot make a counter go back.
    void publish(std::uint64_t total) {
        std::uint64_t seen = value_.load(std::memory_order_relaxed);
        while (seen < total && !value_.compare_exchange_weak(seen, total, std::memory_order_relaxed)) {
        }
    }
    std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> value_{0};
};

// A value that goes up and down (a queue's depth).
class Gauge {
public:
    void set(std::int64_t value) { value_.store(value, std::memory_order_relaxed); }
    void add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
    std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<std::int64_t> value_{0};
};

// Durations in fixed buckets (upper bounds in seconds, from 50 microseconds to 5 seconds).
class Histogram {
public:
    static constexpr std::array<double, 16> bounds{0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                   0.025,   0.05,   0.1,     0.25,   0.5,   1.0,    2.5,   5.0};
    void observe(std::chrono::nanoseconds duration);
    // The count in bucket i alone (not cumulative); i == bounds.size() is the bucket past the last bound.
    std::uint64_t bucket(std::size_t i) const { return buckets_[i].load(std::memory_order_relaxed); }
    std::uint64_t sum_nanoseconds() const { return sum_ns_.load(std::memory_order_relaxed); }

private:
    std::array<std::atomic<std::uint64_t>, bounds.size() + 1> buckets_{};
    std::atomic<std::uint64_t> sum_ns_{0};
};

// A counter for each set of label values, e.g. {route="/v1/decisions",status="200"}. A new set
// is published into a fixed table by compare-and-swap, so neither counting nor adding a set takes
// a lock. Past `capacity` sets, counts go to one set whose every value is "other": a pack with
// hundreds of outcome codes cannot make a scrape unbounded.
class LabelledCounter {
public:
    static constexpr std::size_t capacity = 128;
    explicit LabelledCounter(std::vector<std::string> label_names) : names_(std::move(label_names)) {}
    ~LabelledCounter();
    LabelledCounter(const LabelledCounter&) = delete;
    LabelledCounter& operator=(const LabelledCounter&) = delete;

    // The counter for `values` (one per label name), made at 0 if it is new. The reference stays
    // valid as long as this family: callers may keep it.
    Counter& with(const std::vector<std::string_view>& values);

    struct Entry {
        std::vector<std::string> values;
        Counter counter;
    };
    const std::vector<std::string>& label_names() const { return names_; }
    // The sets made so far, in the order they were first counted.
    std::vector<const Entry*> entries() const;

private:
    Counter& overflow();
    std::vector<std::string> names_;
    std::array<std::atomic<Entry*>, capacity> slots_{};
    std::atomic<Entry*> overflow_{nullptr};
};

// Every metric of the service, by name. Later parts of the service (the decision log's writer,
// reload, shadow mode) increment theirs through Service::metrics.
struct Metrics {
    // frontdoor_http_requests_total{route,status}: every response, including those refused before a
    // route was known (route "unrouted").
    LabelledCounter requests{{"route", "status"}};
    // frontdoor_decision_duration_seconds: time to decide one contact (POST /v1/decisions), refused or not.
    Histogram decision_seconds;
    // frontdoor_decisions_total{outcome}: decided contacts by the decision's outcome.code ("none" if absent).
    LabelledCounter decisions{{"outcome"}};
    // frontdoor_refusals_total: contacts refused by the pack's input contract (422).
    Counter refusals;
    // frontdoor_log_commit_duration_seconds: one group commit of the decision log.
    Histogram log_commit_seconds;
    // frontdoor_log_queue_depth: records waiting for the decision log's writer.
    Gauge log_queue_depth;
    // frontdoor_log_pushbacks_total: requests answered 503 because the log could not keep up.
    Counter log_pushbacks;
    // frontdoor_reloads_total{result}: pack reloads, result "ok" or "failed".
    LabelledCounter reloads{{"result"}};
    // frontdoor_shadow_transitions_total{from,to}: shadow decisions whose outcome differs from the
    // active pack's, by outcome code of the active (from) and the candidate (to) pack.
    LabelledCounter shadow_transitions{{"from", "to"}};
    // frontdoor_shadow_recorded_total: the candidate's differing decisions in the --shadow-record log.
    Counter shadow_recorded;
    // frontdoor_shadow_record_failures_total: differing decisions that log could not take.
    Counter shadow_record_failures;

    Metrics();
    // Counts one answer of POST /v1/decisions: its time, and its outcome code or its refusal.
    void count_decision(const Decided& decided, std::chrono::nanoseconds duration);
    // Counts the answer lines of a batch (each ending in LF): a refused line ({"line":N,"error":...},
    // refusal_json's shape) as a refusal, any other by its outcome code. No time: a batch's lines
    // are decided in groups.
    void count_batch_answers(std::string_view answers);
};

// The outcome code of a decision's JSON (the `outcome.code` of decision.schema.json), or "none".
std::string_view outcome_code(std::string_view decision_json);

// Every metric in the Prometheus text format, with frontdoor_pack_info{name,version,digest} 1 for
// `active` and frontdoor_open_connections.
std::string render_metrics(const Metrics& metrics, const Pack& active, std::size_t open_connections);

}  // namespace frontdoor::http
