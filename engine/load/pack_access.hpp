#pragma once
// The engine's way past the public, opaque Pack and Input to what they hold: the compiled pack and
// the value read. Internal: no face includes this (faces see only include/frontdoor/).
#include "engine/evaluate/value.hpp"
#include "engine/load/compiled_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include <memory>

namespace frontdoor {

// What an Input holds: the value read against the pack's declared input.
struct InputData {
    engine::Value value;
};

struct PackAccess {
    static std::shared_ptr<const Pack> make(std::shared_ptr<const engine::CompiledPack> compiled) {
        return std::shared_ptr<const Pack>(new Pack(std::move(compiled)));
    }
    static const engine::CompiledPack& compiled(const Pack& pack) { return *pack.impl_; }
    static const engine::Value& value(const Input& input) { return input.data_->value; }
};

}  // namespace frontdoor
