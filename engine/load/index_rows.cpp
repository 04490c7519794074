// The pass of loading that indexes each decision's rows by what they test
// (engine/evaluate/row_index.hpp says how the index is used).
//
// A row is indexed by one conjunct of its `and` chain that holds only for a few keys of one input
// path, in one of these shapes (K a constant number-kind value, S a constant collection of them,
// p an input path, i a quantifier's variable):
//   p = K, K = p, p in S                  the value at p is a key
//   K in p                                an item of the list or set at p is K
//   any(i in p where ... i = K / i in S ...),
//   count(i in p where ...) >= 1 (or > 0) an item of p is a key
//   p, a boolean                          the value at p is true
// and only when nothing before it in the chain, nor the test itself, can fail (OutOfRange, a
// lookup with no entry): a row left out is never evaluated, so a contact the full scan refuses on
// a row's earlier conjunct must not reach that row by the index either. Of several such tests,
// the one that holds for the smallest share of contacts indexes the row.
#include "engine/load/index_rows.hpp"
#include "engine/evaluate/evaluate.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace frontdoor::engine {

namespace ast = dsl::ast;

namespace {

// When a path is neither an enumeration nor a boolean, the share of contacts a key holds for is
// taken to be one in this many.
constexpr double keys_of_other_kinds = 64;

// A test a row cannot apply without: it holds only when the value at `path` (or one of its items)
// is one of `keys`, all of `kind`.
struct IndexTest {
    const ast::Expr* path = nullptr;
    bool items = false;
    Value::Kind kind = Value::Kind::absent;
    std::vector<std::int64_t> keys;
    double share = 1;  // of contacts the test is expected to hold for
};

bool is_input_path(const ast::Expr& expr) { return is_path(expr) && expr.resolved.kind == ast::NameKind::input; }

bool is_variable(const ast::Expr& expr, int local) {
    return expr.kind == ast::ExprKind::name && expr.resolved.kind == ast::NameKind::local &&
           expr.resolved.index == local;
}

// A path that reads the input, a bound variable or a definition computed at load: reading it
// computes nothing.
bool reads_in_place(const CompiledPack& pack, const ast::Expr& expr) {
    switch (expr.resolved.kind) {
        case ast::NameKind::input:
        case ast::NameKind::local: return true;
        case ast::NameKind::definition:
            return !pack.constant_definitions.empty() &&
                   pack.constant_definitions[static_cast<std::size_t>(expr.resolved.index)].has_value();
        default: return false;
    }
}

bool is_comparison_or_logic(ast::Op op) {
    switch (op) {
        case ast::Op::logical_and:
        case ast::Op::logical_or:
        case ast::Op::equal:
        case ast::Op::not_equal:
        case ast::Op::less:
        case ast::Op::less_equal:
        case ast::Op::greater:
        case ast::Op::greater_equal:
        case ast::Op::member:
        case ast::Op::not_member: return true;
        default: return false;
    }
}

// Whether evaluating `expr` can never throw nor settle a definition that could: constants, paths
// read in place, comparisons, memberships, and, or, not, exists, count, and the quantifiers that
// compute no keys, over parts that cannot fail. Arithmetic, calendars, lookups and definitions
// computed per contact can.
bool cannot_fail(const CompiledPack& pack, const ast::Expr& expr) {
    if (pack.plan(expr).constant >= 0) return true;
    auto parts_cannot_fail = [&]() {
        return std::all_of(expr.args.begin(), expr.args.end(),
                           [&](const auto& arg) { return cannot_fail(pack, *arg); });
    };
    switch (expr.kind) {
        case ast::ExprKind::boolean:
        case ast::ExprKind::integer:
        case ast::ExprKind::text:
        case ast::ExprKind::absent:
        case ast::ExprKind::date:
        case ast::ExprKind::datetime:
        case ast::ExprKind::duration: return true;
        case ast::ExprKind::name:
        case ast::ExprKind::field: return is_path(expr) && reads_in_place(pack, expr);
        case ast::ExprKind::list:
        case ast::ExprKind::exists:
        case ast::ExprKind::is_absent: return parts_cannot_fail();
        case ast::ExprKind::binary: return is_comparison_or_logic(expr.resolved.op) && parts_cannot_fail();
        case ast::ExprKind::unary: return expr.resolved.op == ast::Op::logical_not && parts_cannot_fail();
        case ast::ExprKind::call: return expr.resolved.builtin == ast::Builtin::count && parts_cannot_fail();
        case ast::ExprKind::quantifier:
            return expr.resolved.quantifier != ast::Quantifier::latest &&
                   expr.resolved.quantifier != ast::Quantifier::earliest && parts_cannot_fail();
        default: return false;
    }
}

// The parts of an `and` chain in the order `holds` tests them.
void conjuncts(const CompiledPack& pack, const ast::Expr& expr, std::vector<const ast::Expr*>& parts) {
    if (expr.kind == ast::ExprKind::binary && expr.resolved.op == ast::Op::logical_and &&
        pack.plan(expr).constant < 0) {
        conjuncts(pack, *expr.args[0], parts);
        conjuncts(pack, *expr.args[1], parts);
        return;
    }
    parts.push_back(&expr);
}

// The keys of a constant: itself when it is one number-kind value, or (`collection`) its items
// when they all are, of one kind. False for anything else, and for an empty collection.
bool keys_of(const Value& constant, bool collection, IndexTest& test) {
    test.keys.clear();
    if (!collection) {
        if (!is_number_kind(constant.kind)) return false;
        test.kind = constant.kind;
        test.keys.push_back(constant.number);
        return true;
    }
    if (constant.kind != Value::Kind::list || constant.elements().empty()) return false;
    test.kind = constant.elements().front().kind;
    for (const Value& item : constant.elements()) {
        if (!is_number_kind(item.kind) || item.kind != test.kind) return false;
        test.keys.push_back(item.number);
    }
    std::sort(test.keys.begin(), test.keys.end());
    test.keys.erase(std::unique(test.keys.begin(), test.keys.end()), test.keys.end());
    return true;
}

// `x = K`, `K = x` or `x in S` with x a subject `is_subject` accepts: x, with the keys in `test`;
// null for any other shape.
template <class IsSubject>
const ast::Expr* keyed_subject(const CompiledPack& pack, const ast::Expr& expr, IsSubject&& is_subject,
                               IndexTest& test) {
    if (expr.kind != ast::ExprKind::binary || pack.plan(expr).constant >= 0) return nullptr;
    const ast::Expr& left = *expr.args[0];
    const ast::Expr& right = *expr.args[1];
    if (expr.resolved.op == ast::Op::equal) {
        const Value* key = nullptr;
        if (is_subject(left) && (key = pack.constant_value(right)) && keys_of(*key, false, test)) return &left;
        if (is_subject(right) && (key = pack.constant_value(left)) && keys_of(*key, false, test)) return &right;
    }
    if (expr.resolved.op == ast::Op::member && is_subject(left)) {
        const Value* keys = pack.constant_value(right);
        if (keys && keys_of(*keys, true, test)) return &left;
    }
    return nullptr;
}

// `any(i in p where W)`, or `count(i in p where W)` at least one: the quantifier, which holds only
// when some item of p satisfies W. Null for any other shape.
const ast::Expr* needs_some_item(const CompiledPack& pack, const ast::Expr& expr) {
    auto is_quantifier = [](const ast::Expr& e, ast::Quantifier q) {
        return e.kind == ast::ExprKind::quantifier && e.resolved.quantifier == q && e.has_where;
    };
    if (is_quantifier(expr, ast::Quantifier::any)) return &expr;
    if (expr.kind != ast::ExprKind::binary || !is_quantifier(*expr.args[0], ast::Quantifier::count)) return nullptr;
    const Value* bound = pack.constant_value(*expr.args[1]);
    if (!bound || bound->kind != Value::Kind::integer) return nullptr;
    bool at_least_one = (expr.resolved.op == ast::Op::greater_equal && bound->number >= 1) ||
                        (expr.resolved.op == ast::Op::greater && bound->number >= 0);
    return at_least_one ? expr.args[0].get() : nullptr;
}

// A quantifier over an input path whose condition needs its variable to be a key.
bool some_item_test(const CompiledPack& pack, const ast::Expr& quantifier, IndexTest& test) {
    const ast::Expr& list = *quantifier.args[0];
    if (!is_input_path(list)) return false;
    int local = quantifier.resolved.index;
    std::vector<const ast::Expr*> parts;
    conjuncts(pack, *quantifier.args[1], parts);
    for (const ast::Expr* part : parts) {
        if (keyed_subject(
                pack, *part, [&](const ast::Expr& e) { return is_variable(e, local); }, test)) {
            test.path = &list;
            test.items = true;
            return true;
        }
    }
    return false;
}

// Whether `expr` has one of the shapes the index serves (the list at the top of this file).
bool index_test(const CompiledPack& pack, const ast::Expr& expr, IndexTest& test) {
    if (const ast::Expr* path = keyed_subject(pack, expr, is_input_path, test)) {
        test.path = path;
        return true;
    }
    if (expr.kind == ast::ExprKind::binary && expr.resolved.op == ast::Op::member && is_input_path(*expr.args[1])) {
        const Value* key = pack.constant_value(*expr.args[0]);
        if (key && keys_of(*key, false, test)) {
            test.path = expr.args[1].get();
            test.items = true;
            return true;
        }
    }
    if (is_input_path(expr) && expr.type && expr.type->kind == dsl::TypeKind::boolean) {
        test.path = &expr;
        test.kind = Value::Kind::boolean;
        test.keys = {1};
        return true;
    }
    const ast::Expr* quantifier = needs_some_item(pack, expr);
    return quantifier && some_item_test(pack, *quantifier, test);
}

// The share of contacts a test is expected to hold for: its keys out of the values its path can hold.
double expected_share(const CompiledPack& pack, const IndexTest& test) {
    const dsl::TypeRef& type = test.items ? test.path->type->element : test.path->type;
    double values = keys_of_other_kinds;
    if (type && type->kind == dsl::TypeKind::enumeration)
        values = static_cast<double>(pack.checked->enums[static_cast<std::size_t>(type->decl)].sorted.size());
    else if (type && type->kind == dsl::TypeKind::boolean) values = 2;
    auto keys = static_cast<double>(test.keys.size());
    return keys / std::max(values, keys);
}

// The most selective test row `row` cannot apply without, among the conjuncts before any that can fail.
std::optional<IndexTest> row_test(const CompiledPack& pack, const ast::Row& row) {
    if (!row.condition || row.each_list) return std::nullopt;
    std::vector<const ast::Expr*> parts;
    conjuncts(pack, *row.condition, parts);
    std::optional<IndexTest> best;
    for (const ast::Expr* part : parts) {
        if (!cannot_fail(pack, *part)) break;
        IndexTest test;
        if (!index_test(pack, *part, test)) continue;
        test.share = expected_share(pack, test);
        if (!best || test.share < best->share) best = std::move(test);
    }
    return best;
}

bool same_probe(const IndexTest& test, const RowProbe& probe) {
    return test.items == probe.items && test.kind == probe.kind &&
           test.path->resolved.index == probe.path->resolved.index &&
           test.path->resolved.field_path == probe.path->resolved.field_path;
}

// A row listed under one key of one probe.
struct Listing {
    std::size_t probe;
    std::int64_t key;
    std::uint32_t row;
    bool operator<(const Listing& other) const {
        return std::tie(probe, key, row) < std::tie(other.probe, other.key, other.row);
    }
};

// The probes' keys and rows from the listings, sorted by probe, key and row.
void fill_probes(std::vector<Listing>& listings, std::vector<RowProbe>& probes) {
    std::sort(listings.begin(), listings.end());
    for (const Listing& listing : listings) {
        RowProbe& probe = probes[listing.probe];
        if (probe.keys.empty() || probe.keys.back() != listing.key) {
            probe.keys.push_back(listing.key);
            probe.starts.push_back(static_cast<std::uint32_t>(probe.rows.size()));
        }
        probe.rows.push_back(listing.row);
    }
    for (RowProbe& probe : probes) probe.starts.push_back(static_cast<std::uint32_t>(probe.rows.size()));
}

RowIndex index_decision(const CompiledPack& pack, const ast::Decision& decision) {
    RowIndex index;
    if (decision.rows.size() < min_rows_to_index) return index;
    std::vector<Listing> listings;
    for (std::size_t r = 0; r < decision.rows.size(); ++r) {
        auto row = static_cast<std::uint32_t>(r);
        std::optional<IndexTest> test = row_test(pack, decision.rows[r]);
        if (!test) {
            index.always.push_back(row);
            continue;
        }
        auto probe = std::find_if(index.probes.begin(), index.probes.end(),
                                  [&](const RowProbe& p) { return same_probe(*test, p); });
        if (probe == index.probes.end()) {
            index.probes.push_back(RowProbe{test->path, test->items, test->kind, {}, {}, {}});
            probe = index.probes.end() - 1;
        }
        auto number = static_cast<std::size_t>(probe - index.probes.begin());
        for (std::int64_t key : test->keys) listings.push_back(Listing{number, key, row});
    }
    if (index.probes.empty()) return RowIndex{};
    fill_probes(listings, index.probes);
    return index;
}

}  // namespace

void index_rows(CompiledPack& pack, dsl::Diagnostics&) {
    pack.row_indexes.clear();
    for (const ast::Decision& decision : pack.checked->syntax.decisions)
        pack.row_indexes.push_back(index_decision(pack, decision));
}

}  // namespace frontdoor::engine
