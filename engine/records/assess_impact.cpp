// The impact of a rule change: the same contacts under an old and a candidate pack, compared
// decision by decision on worker threads and tallied, in input order, into one report.
#include "engine/json/json_members.hpp"
#include "engine/records/chunk_pipeline.hpp"
#include "engine/records/compare_decisions.hpp"
#include "engine/records/progress_marks.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace frontdoor {

namespace {

using records::Comparison;
using records::DecisionSide;

constexpr std::size_t chunk_size = 256;

// One contact to compare: what it is called in the report, its input, and (from a log) the
// decision recorded for it, which then stands for the old side.
struct ImpactItem {
    std::string label;
    std::string input;
    std::string recorded;
    std::string refusal;         // a line that could not be read: why
    std::size_t lines_done = 0;  // the lines of the input read up to this one (contacts only)
};

// An item compared, with where in the input it was, for the progress told as it is tallied.
struct Compared {
    Comparison comparison;
    std::size_t lines_done = 0;
};

DecisionSide decide_side(const Pack& pack, const std::string& input) {
    Decided decided = pack.decide(input);
    if (decided.refused) return {"", (decided.path.empty() ? "/" : decided.path) + ": " + decided.message};
    return {std::move(decided.json), ""};
}

// Adds up comparisons into the report's counts and tables.
class ImpactTally {
public:
    void add(Comparison&& comparison) {
        bool refused_before = comparison.outcome_before.empty(), refused_after = comparison.outcome_after.empty();
        report_.refused_before += refused_before;
        report_.refused_after += refused_after;
        if (!refused_before && !refused_after) {
            ++report_.compared;
            ++transitions_[{comparison.outcome_before, comparison.outcome_after}];
        }
        if (!comparison.changed) return;
        report_.changed += !explanation_only(*comparison.changed);
        for (const ValueChange& field : comparison.changed->fields) ++fields_[field.name];
        for (const ValueChange& rule : comparison.changed->explanation) ++rules_[{rule.name, rule.change}];
        report_.contacts.push_back(std::move(*comparison.changed));
    }

    // Adds a finished report of a slice of the input (the next in input order); takes its changed
    // decisions and leaves the rest of it as it was.
    void merge(ImpactReport& part) {
        report_.compared += part.compared;
        report_.changed += part.changed;
        report_.refused_before += part.refused_before;
        report_.refused_after += part.refused_after;
        for (const auto& t : part.transitions) transitions_[{t.before, t.after}] += t.count;
        for (const auto& f : part.fields) fields_[f.field] += f.contacts;
        for (const auto& r : part.rules) rules_[{r.rule, r.change}] += r.contacts;
        for (auto& contact : part.contacts) report_.contacts.push_back(std::move(contact));
        part.contacts.clear();
    }

    ImpactReport finish() {
        for (const auto& [pair, count] : transitions_) report_.transitions.push_back({pair.first, pair.second, count});
        std::stable_sort(report_.transitions.begin(), report_.transitions.end(), [](const auto& a, const auto& b) {
            return std::make_tuple(a.before == a.after, -static_cast<long>(a.count)) <
                   std::make_tuple(b.before == b.after, -static_cast<long>(b.count));
        });
        for (const auto& [field, count] : fields_) report_.fields.push_back({field, count});
        std::stable_sort(report_.fields.begin(), report_.fields.end(),
                         [](const auto& a, const auto& b) { return a.contacts > b.contacts; });
        // A rule that gives a different result from the same facts changed itself: the cause.
        // The others changed because what they read did.
        for (const auto& [key, count] : rules_) report_.rules.push_back({key.first, key.second, count});
        std::stable_sort(report_.rules.begin(), report_.rules.end(), [](const auto& a, const auto& b) {
            bool a_cause = a.change == "same facts, different result",
                 b_cause = b.change == "same facts, different result";
            return std::make_tuple(!a_cause, -static_cast<long>(a.contacts)) <
                   std::make_tuple(!b_cause, -static_cast<long>(b.contacts));
        });
        return std::move(report_);
    }

private:
    ImpactReport report_;
    std::map<std::pair<std::string, std::string>, std::size_t> transitions_;
    std::map<std::string, std::size_t> fields_;
    std::map<std::pair<std::string, std::string>, std::size_t> rules_;
};

// Runs `compare` over items that `read` submits, `threads` at a time, and tallies the results in
// input order on the calling thread, telling `progress` each item's place as it is tallied.
template <class Read>
ImpactReport run_impact(unsigned threads, const std::function<Comparison(ImpactItem&)>& compare, Read read,
                        records::ProgressMarks& progress) {
    ImpactTally tally;
    records::ChunkPipeline<std::vector<ImpactItem>, std::vector<Compared>> pipeline(
        threads,
        [&](std::vector<ImpactItem>& items) {
            std::vector<Compared> out;
            out.reserve(items.size());
            for (ImpactItem& item : items) out.push_back({compare(item), item.lines_done});
            return out;
        },
        [&](std::vector<Compared>&& compared) {
            for (Compared& one : compared) {
                tally.add(std::move(one.comparison));
                progress.reached(one.lines_done);
            }
        });
    std::vector<ImpactItem> chunk;
    read([&](ImpactItem&& item) {
        chunk.push_back(std::move(item));
        if (chunk.size() == chunk_size) pipeline.submit(std::exchange(chunk, {}));
    });
    if (!chunk.empty()) pipeline.submit(std::move(chunk));
    pipeline.finish();
    return tally.finish();
}

ComparedPack compared_pack(const Pack& pack) { return {pack.name(), pack.version(), pack.digest(), 0}; }

// The packs that made a log's records, by first use, with the records each made. Their name and
// version are read from the "ruleset" the engine wrote into each decision, so that a pack that
// no longer loads is still named.
class RecordedPacks {
public:
    void add(const Record& record) {
        auto [at, added] = index_.emplace(record.pack_digest, packs_.size());
        if (added) {
            std::string_view ruleset = records::find_member(record.decision, "ruleset").value_or("");
            auto field = [&](std::string_view key) {
                auto value = records::find_member(ruleset, key);
                return value ? records::unquote(*value) : std::string("?");
            };
            packs_.push_back({field("name"), field("version"), record.pack_digest, 0});
        }
        ++packs_[at->second].contacts;
    }
    std::vector<ComparedPack> take() { return std::move(packs_); }

private:
    std::map<std::string, std::size_t> index_;
    std::vector<ComparedPack> packs_;
};

}  // namespace

ImpactReport assess_log_impact(const DecisionLog& log, const RecordFilter& filter, const Pack& candidate,
                               unsigned threads) {
    auto compare = [&](ImpactItem& item) {
        return records::compare_decisions({std::move(item.recorded), ""}, decide_side(candidate, item.input),
                                          std::move(item.label));
    };
    RecordedPacks packs;
    records::ProgressMarks no_progress({});
    ImpactReport report = run_impact(
        threads, compare,
        [&](const auto& submit) {
            log.scan(filter, [&](Record&& record) {
                packs.add(record);
                std::string recorded = log.full_decision(record);
                submit({"record " + std::to_string(record.id), std::move(record.input), std::move(recorded), ""});
                return true;
            });
        },
        no_progress);
    report.packs_before = packs.take();
    report.pack_after = compared_pack(candidate);
    report.from_log = true;
    report.from = filter.from;
    report.to = filter.to;
    return report;
}

ImpactReport assess_contacts_impact(JsonLinesReader& contacts, const Pack& before, const Pack& after, unsigned threads,
                                    std::size_t first_line, const ImpactProgress& progress, const std::string& source) {
    // A line the reader refused (too long, CR line ends) is refused under both packs alike.
    auto compare = [&](ImpactItem& item) {
        if (!item.refusal.empty()) {
            DecisionSide refused{"", "/: " + item.refusal};
            return records::compare_decisions(refused, refused, std::move(item.label));
        }
        return records::compare_decisions(decide_side(before, item.input), decide_side(after, item.input),
                                          std::move(item.label));
    };
    // Lines the caller read before (a request line) are not this assessment's.
    const std::size_t read_before = contacts.lines_read();
    const std::string label_start = source.empty() ? "line " : source + " line ";
    records::ProgressMarks marks(progress);
    ImpactReport report = run_impact(
        threads, compare,
        [&](const auto& submit) {
            JsonLine line;
            while (contacts.next(line)) {
                std::size_t lines_done = line.number - read_before;
                submit({label_start + std::to_string(lines_done + first_line - 1), std::string(line.text), "",
                        std::move(line.refusal), lines_done});
            }
        },
        marks);
    marks.finish(contacts.lines_read() - read_before);
    report.packs_before = {compared_pack(before)};
    report.packs_before[0].contacts = records::contacts_in(report);
    report.pack_after = compared_pack(after);
    return report;
}

ImpactReport merge_impact(std::vector<ImpactReport> parts) {
    if (parts.empty()) return {};
    ImpactTally tally;
    std::vector<ComparedPack> packs;
    for (ImpactReport& part : parts) {
        for (const ComparedPack& pack : part.packs_before) {
            auto known =
                std::find_if(packs.begin(), packs.end(), [&](const auto& p) { return p.digest == pack.digest; });
            if (known == packs.end()) packs.push_back(pack);
            else known->contacts += pack.contacts;
        }
        tally.merge(part);
    }
    ImpactReport report = tally.finish();
    report.packs_before = std::move(packs);
    report.pack_after = std::move(parts.front().pack_after);
    report.from_log = parts.front().from_log;
    report.from = std::move(parts.front().from);
    report.to = std::move(parts.front().to);
    return report;
}

}  // namespace frontdoor
