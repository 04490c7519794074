// The metrics registry and its text: the Prometheus text exposition format, version 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/), written by hand. Every family is
// "# HELP" and "# TYPE" then its samples; label values are escaped (\\, \", \n).
#include "metrics.hpp"

#include <algorithm>
#include <cstdio>

namespace frontdoor::http {

void Histogram::observe(std::chrono::nanoseconds duration) {
    double seconds = std::chrono::duration<double>(duration).count();
    auto bound = std::lower_bound(bounds.begin(), bounds.end(), seconds);  // le is inclusive
    buckets_[static_cast<std::size_t>(bound - bounds.begin())].fetch_add(1, std::memory_order_relaxed);
    sum_ns_.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, duration.count())),
                      std::memory_order_relaxed);
}

LabelledCounter::~LabelledCounter() {
    for (auto& slot : slots_) delete slot.load();
    delete overflow_.load();
}

Counter& LabelledCounter::with(const std::vector<std::string_view>& values) {
    auto same = [&values](const Entry* entry) {
        return std::equal(values.begin(), values.end(), entry->values.begin());
    };
    Entry* made = nullptr;
    for (auto& slot : slots_) {
        Entry* entry = slot.load(std::memory_order_acquire);
        if (!entry) {
            if (!made) made = new Entry{{values.begin(), values.end()}, {}};
            if (slot.compare_exchange_strong(entry, made, std::memory_order_acq_rel)) return made->counter;
            // Another thread filled this slot first: `entry` is now what it put there.
        }
        if (same(entry)) {
            delete made;
            return entry->counter;
        }
    }
    delete made;
    return overflow();
}

Counter& LabelledCounter::overflow() {
    Entry* entry = overflow_.load(std::memory_order_acquire);
    if (entry) return entry->counter;
    auto* made = new Entry{std::vector<std::string>(names_.size(), "other"), {}};
    if (overflow_.compare_exchange_strong(entry, made, std::memory_order_acq_rel)) return made->counter;
    delete made;
    return entry->counter;
}

std::vector<const LabelledCounter::Entry*> LabelledCounter::entries() const {
    std::vector<const Entry*> found;
    for (const auto& slot : slots_)
        if (const Entry* entry = slot.load(std::memory_order_acquire)) found.push_back(entry);
    if (const Entry* entry = overflow_.load(std::memory_order_acquire)) found.push_back(entry);
    return found;
}

Metrics::Metrics() {
    // Both results of a reload are shown from the start, at 0.
    reloads.with({"ok"});
    reloads.with({"failed"});
}

std::string_view outcome_code(std::string_view decision_json) {
    // The key cannot occur inside a JSON string (its quotes would be escaped there), and the
    // decision writes outcome before any nested object that could hold a key of that name.
    constexpr std::string_view key = "\"outcome\":{\"code\":\"";
    auto at = decision_json.find(key);
    if (at == std::string_view::npos) return "none";
    auto start = at + key.size();
    auto end = decision_json.find('"', start);
    if (end == std::string_view::npos) return "none";
    return decision_json.substr(start, end - start);
}

void Metrics::count_decision(const Decided& decided, std::chrono::nanoseconds duration) {
    decision_seconds.observe(duration);
    if (decided.refused) refusals.add();
    else decisions.with({outcome_code(decided.json)}).add();
}

void Metrics::count_batch_answers(std::string_view answers) {
    constexpr std::string_view refused_line = "{\"line\":";
    while (!answers.empty()) {
        std::size_t end = answers.find('\n');
        std::string_view line = answers.substr(0, end);
        answers.remove_prefix(end == std::string_view::npos ? answers.size() : end + 1);
        if (line.empty()) continue;
        if (line.substr(0, refused_line.size()) == refused_line && line.find(",\"error\":{") != std::string_view::npos)
            refusals.add();
        else decisions.with({outcome_code(line)}).add();
    }
}

namespace {

std::string escaped(std::string_view value) {
    std::string text;
    for (char c : value) {
        if (c == '\\') text += "\\\\";
        else if (c == '"') text += "\\\"";
        else if (c == '\n') text += "\\n";
        else text += c;
    }
    return text;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, const std::string& value) {
    out.append(name);
    if (!labels.empty()) out.append("{").append(labels).append("}");
    out.append(" ").append(value).append("\n");
}

void write_counter(std::string& out, std::string_view name, std::string_view help, const Counter& counter) {
    family(out, name, "counter", help);
    sample(out, name, "", std::to_string(counter.value()));
}

void write_labelled(std::string& out, std::string_view name, std::string_view help, const LabelledCounter& counters) {
    family(out, name, "counter", help);
    for (const auto* entry : counters.entries()) {
        std::string labels;
        for (std::size_t i = 0; i < counters.label_names().size(); ++i) {
            if (i) labels += ",";
            labels += counters.label_names()[i] + "=\"" + escaped(entry->values[i]) + "\"";
        }
        sample(out, name, labels, std::to_string(entry->counter.value()));
    }
}

void write_histogram(std::string& out, const std::string& name, std::string_view help, const Histogram& histogram) {
    family(out, name, "histogram", help);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < Histogram::bounds.size(); ++i) {
        cumulative += histogram.bucket(i);
        sample(out, name + "_bucket", "le=\"" + number(Histogram::bounds[i]) + "\"", std::to_string(cumulative));
    }
    cumulative += histogram.bucket(Histogram::bounds.size());
    sample(out, name + "_bucket", "le=\"+Inf\"", std::to_string(cumulative));
    sample(out, name + "_sum", "", number(double(histogram.sum_nanoseconds()) / 1e9));
    sample(out, name + "_count", "", std::to_string(cumulative));
}

}  // namespace

std::string render_metrics(const Metrics& m, const Pack& active, std::size_t open_connections) {
    std::string out;
    family(out, "frontdoor_pack_info", "gauge", "The active rule pack: its name, version and digest.");
    sample(out, "frontdoor_pack_info",
           "name=\"" + escaped(active.name()) + "\",version=\"" + escaped(active.version()) + "\",digest=\"" +
               escaped(active.digest()) + "\"",
           "1");
    family(out, "frontdoor_open_connections", "gauge", "Connections open now.");
    sample(out, "frontdoor_open_connections", "", std::to_string(open_connections));
    write_labelled(out, "frontdoor_http_requests_total", "HTTP responses by route pattern and status.", m.requests);
    write_histogram(out, "frontdoor_decision_duration_seconds", "Time to decide one contact.", m.decision_seconds);
    write_labelled(out, "frontdoor_decisions_total", "Decided contacts by outcome code.", m.decisions);
    write_counter(out, "frontdoor_refusals_total", "Contacts refused by the pack's input contract.", m.refusals);
    write_histogram(out, "frontdoor_log_commit_duration_seconds", "Time of one group commit of the decision log.",
                    m.log_commit_seconds);
    family(out, "frontdoor_log_queue_depth", "gauge", "Records waiting for the decision log's writer.");
    sample(out, "frontdoor_log_queue_depth", "", std::to_string(m.log_queue_depth.value()));
    write_counter(out, "frontdoor_log_pushbacks_total", "Requests refused (503) because the log could not keep up.",
                  m.log_pushbacks);
    write_labelled(out, "frontdoor_reloads_total", "Pack reloads by result.", m.reloads);
    write_labelled(out, "frontdoor_shadow_transitions_total",
                   "Shadow decisions whose outcome differs, by active (from) and candidate (to) outcome code.",
                   m.shadow_transitions);
    write_counter(out, "frontdoor_shadow_recorded_total",
                  "Differing decisions of the shadow's candidate recorded in the --shadow-record log.",
                  m.shadow_recorded);
    write_counter(out, "frontdoor_shadow_record_failures_total",
                  "Differing decisions the --shadow-record log could not take (queue full or append failed).",
                  m.shadow_record_failures);
    return out;
}

}  // namespace frontdoor::http
