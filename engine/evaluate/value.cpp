#include "engine/evaluate/value.hpp"
#include "engine/evaluate/decision_arena.hpp"

#include <algorithm>
#include <cstring>

namespace frontdoor::engine {

static_assert(sizeof(Value) == 32, "a value is four words: reading a record touches fewer cache lines");

constinit const Value absent_value{};

Value Value::string(std::string_view s, DecisionArena* arena) {
    char* chars;
    Value v = with_chars(s.size(), chars, arena);
    if (!s.empty()) std::memcpy(chars, s.data(), s.size());
    return v;
}

Value Value::with_chars(std::size_t size, char*& chars, DecisionArena* arena) {
    Value v;
    v.kind = Kind::text;
    chars = nullptr;
    if (size == 0) return v;  // empty text shares nothing: text() reads a missing payload as ""
    if (arena) {
        chars = arena->chars(size);
        v.number = static_cast<std::int64_t>(size);
        v.payload = std::shared_ptr<const void>(std::shared_ptr<const void>(), chars);
        return v;
    }
    std::shared_ptr<char[]> owner = std::make_shared_for_overwrite<char[]>(size);
    chars = owner.get();
    v.number = static_cast<std::int64_t>(size);
    v.payload = std::shared_ptr<const void>(std::move(owner), chars);
    return v;
}

Value Value::list(std::span<Value> items, DecisionArena* arena) {
    // An empty list shares nothing: elements() reads a missing payload as no items, so the many
    // empty lists of a decision cost no allocation.
    Value* moved;
    Value v = with_items(Kind::list, items.size(), moved, arena);
    std::move(items.begin(), items.end(), moved);
    return v;
}

Value Value::set(std::span<Value> items, DecisionArena* arena) {
    if (items.size() > 1) {
        std::sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return compare(a, b) < 0; });
        auto end = std::unique(items.begin(), items.end(), [](const Value& a, const Value& b) { return equal(a, b); });
        items = items.first(static_cast<std::size_t>(end - items.begin()));
    }
    Value v = list(items, arena);
    v.is_set = true;
    return v;
}

Value Value::with_items(Kind kind, std::size_t count, Value*& items, DecisionArena* arena) {
    Value v;
    v.kind = kind;
    items = nullptr;
    if (count == 0) return v;
    if (arena) {
        items = arena->values(count);
        v.number = static_cast<std::int64_t>(count);
        v.payload = std::shared_ptr<const void>(std::shared_ptr<const void>(), items);
        return v;
    }
    std::shared_ptr<Value[]> owner = std::make_shared<Value[]>(count);
    items = owner.get();
    v.number = static_cast<std::int64_t>(count);
    v.payload = std::shared_ptr<const void>(std::move(owner), items);
    return v;
}

int compare(const Value& a, const Value& b) {
    if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
    switch (a.kind) {
        case Value::Kind::absent: return 0;
        case Value::Kind::text: {
            int order = a.text().compare(b.text());
            return order < 0 ? -1 : (order > 0 ? 1 : 0);
        }
        case Value::Kind::list:
        case Value::Kind::record: {
            const auto& x = a.elements();
            const auto& y = b.elements();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
                if (int c = compare(x[i], y[i])) return c;
            return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
        }
        case Value::Kind::duration:
            if (a.duration_unit != b.duration_unit) return a.duration_unit < b.duration_unit ? -1 : 1;
            [[fallthrough]];
        default: return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    }
}

}  // namespace frontdoor::engine
