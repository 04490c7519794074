#pragma once
// A runtime value. Small kinds live inline; text and collections are shared, immutable and
// reference-counted, so copying a value never copies a list.
#include "engine/evaluate/compiler_hints.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

class DecisionArena;

struct Value {
    enum class Kind : std::uint8_t {
        absent,
        boolean,
        integer,
        text,
        enumeration,
        date,
        datetime,
        duration,
        list,
        record
    };

    Kind kind = Kind::absent;
    std::uint8_t duration_unit = 0;  // duration: its ast::DurationUnit
    bool is_set = false;             // list: sorted and without repeats, as Value::set makes it
    std::int32_t calendar = -1;      // duration in working days: the calendar's index
    std::int64_t number = 0;         // boolean, integer, enum member, day number, instant (µs), duration amount;
                                     // text: its length in bytes; list, set or record: how many items or fields
    // Text: its first character; a list or set: its first item; a record: its first field (null
    // when there is none). It points at them directly, sharing ownership of the string or vector
    // that holds them, so that reading a field follows one pointer, and a value is 32 bytes.
    std::shared_ptr<const void> payload;

    static Value absent() { return {}; }
    static Value boolean(bool b) { return scalar(Kind::boolean, b ? 1 : 0); }
    static Value integer(std::int64_t i) { return scalar(Kind::integer, i); }
    static Value enumeration(int member) { return scalar(Kind::enumeration, member); }
    static Value date(std::int32_t day) { return scalar(Kind::date, day); }
    static Value datetime(std::int64_t instant) { return scalar(Kind::datetime, instant); }
    // Text and collections take one allocation each: it holds the characters or the items and
    // their reference count. With an arena they take its memory instead, and own nothing
    // (borrowed): valid until the arena's reset().
    static Value string(std::string_view s, DecisionArena* arena = nullptr);
    // Text of `size` bytes that the caller writes through `chars` before the value is shared.
    static Value with_chars(std::size_t size, char*& chars, DecisionArena* arena = nullptr);
    // Moves the items in (they are left absent).
    static Value list(std::span<Value> items, DecisionArena* arena = nullptr);
    // Sorts and removes duplicates: a set's order is its natural order. Moves the items in.
    static Value set(std::span<Value> items, DecisionArena* arena = nullptr);
    // A list or record of `count` absent items that the caller fills through `items` before the
    // value is shared.
    static Value with_items(Kind kind, std::size_t count, Value*& items, DecisionArena* arena = nullptr);
    // The same value, sharing no ownership of the text or items it points at (no reference count
    // touched, now or when it is copied): for a copy that lives no longer than its original, as
    // every value of a decision made in an arena lives no longer than the input and the pack.
    static Value borrowed(const Value& value) {
        Value copy;
        copy.kind = value.kind;
        copy.duration_unit = value.duration_unit;
        copy.is_set = value.is_set;
        copy.calendar = value.calendar;
        copy.number = value.number;
        if (value.payload)
            copy.payload = std::shared_ptr<const void>(std::shared_ptr<const void>(), value.payload.get());
        return copy;
    }

    bool present() const { return kind != Kind::absent; }
    bool truthy() const { return kind == Kind::boolean && number != 0; }
    std::string_view text() const {
        return payload ? std::string_view(static_cast<const char*>(payload.get()), static_cast<std::size_t>(number))
                       : std::string_view();
    }
    std::span<const Value> elements() const {
        return payload
                   ? std::span<const Value>(static_cast<const Value*>(payload.get()), static_cast<std::size_t>(number))
                   : std::span<const Value>();
    }

private:
    static Value scalar(Kind kind, std::int64_t number) {
        Value v;
        v.kind = kind;
        v.number = number;
        return v;
    }
};

// Asks the processor to start loading the characters or items a value points at (up to a kilobyte),
// without waiting for them.
inline void prefetch_payload(const Value& value) {
    const char* start = static_cast<const char*>(value.payload.get());
    if (start == nullptr) return;
    std::size_t bytes = static_cast<std::size_t>(value.number) * (value.kind == Value::Kind::text ? 1 : sizeof(Value));
    if (bytes > 1024) bytes = 1024;
    for (std::size_t at = 0; at < bytes; at += 64) hints::prefetch(start + at);
}

// The absent value, for references that must point somewhere.
extern const Value absent_value;

// Kinds whose values are ordered and equal by `number` alone.
inline bool is_number_kind(Value::Kind kind) {
    switch (kind) {
        case Value::Kind::boolean:
        case Value::Kind::integer:
        case Value::Kind::enumeration:
        case Value::Kind::date:
        case Value::Kind::datetime: return true;
        default: return false;
    }
}

// Total order within one type (and absent first); used by sets, `latest`/`earliest` and `<`.
int compare(const Value& a, const Value& b);
inline bool equal(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    if (is_number_kind(a.kind)) return a.number == b.number;
    return a.kind == Value::Kind::absent || compare(a, b) == 0;
}

}  // namespace frontdoor::engine
