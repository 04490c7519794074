// An evaluation with a DecisionArena (engine/evaluate/decision_arena.hpp) makes its lists, records
// and texts in the arena and copies the input's values without touching their reference counts;
// without one, its values share ownership as before.
#include "engine/evaluate/decision_arena.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

namespace engine = frontdoor::engine;

const char* const arena_rules = R"(pack arena version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
record person
  name: text
  tags: list of text
input x: person
let copied: text = x.name [source "t"]
let joined: text = x.name + "!" [source "t"]
let both: list of text = [x.name, "b"] [source "t"]
output times in office
  copied = copied
  joined = joined
  both = both
)";

struct ArenaPack {
    std::shared_ptr<const frontdoor::Pack> pack;
    const engine::CompiledPack* compiled;
    std::optional<frontdoor::Input> input;

    ArenaPack() {
        auto loaded = frontdoor::Pack::load_files("arena", {{"pack.rules", arena_rules}});
        INFO(frontdoor::render_all(loaded.diagnostics));
        REQUIRE(loaded.pack);
        pack = loaded.pack;
        compiled = &frontdoor::PackAccess::compiled(*pack);
        auto read = pack->read(R"({"name": "a name longer than a short string", "tags": ["t"]})");
        REQUIRE(read.input);
        input = read.input;
    }
    const engine::Value& value() const { return frontdoor::PackAccess::value(*input); }
    const frontdoor::dsl::ast::Expr& let(std::size_t i) const { return *compiled->checked->syntax.lets[i].value; }
    long name_owners() const { return value().elements()[0].payload.use_count(); }
};

}  // namespace

TEST_CASE("an evaluation with an arena copies the input's values without sharing them", "[arena]") {
    ArenaPack arena_pack;
    long owners = arena_pack.name_owners();
    engine::DecisionArena arena;
    {
        engine::Evaluation evaluation(*arena_pack.compiled, arena_pack.value(), nullptr, &arena);
        engine::Value copied = evaluation.eval(arena_pack.let(0));
        CHECK(copied.text() == "a name longer than a short string");
        CHECK(copied.payload.use_count() == 0);  // borrowed: no owner counted
        CHECK(arena_pack.name_owners() == owners);
        engine::Value joined = evaluation.eval(arena_pack.let(1));
        CHECK(joined.text() == "a name longer than a short string!");
        CHECK(joined.payload.use_count() == 0);  // in the arena
        engine::Value both = evaluation.eval(arena_pack.let(2));
        REQUIRE(both.elements().size() == 2);
        CHECK(both.elements()[0].text() == "a name longer than a short string");
        CHECK(both.payload.use_count() == 0);
        CHECK(both.elements()[0].payload.use_count() == 0);
        CHECK(arena_pack.name_owners() == owners);
    }
    arena.reset();
    CHECK(arena_pack.name_owners() == owners);
}

TEST_CASE("an evaluation without an arena shares its values' ownership", "[arena]") {
    ArenaPack arena_pack;
    long owners = arena_pack.name_owners();
    engine::Evaluation evaluation(*arena_pack.compiled, arena_pack.value(), nullptr);
    engine::Value copied = evaluation.eval(arena_pack.let(0));
    CHECK(copied.payload.use_count() == owners + 1);
    engine::Value joined = evaluation.eval(arena_pack.let(1));
    CHECK(joined.payload.use_count() == 1);  // its own allocation, which it alone owns
}

TEST_CASE("an arena's memory is kept across reset and its values destroyed", "[arena]") {
    engine::DecisionArena arena;
    auto owned = engine::Value::string("a text that owns its allocation, longer than sixteen");
    engine::Value* items = arena.values(3);
    items[1] = owned;  // an owning value put in the arena is released at reset
    CHECK(owned.payload.use_count() == 2);
    char* chars = arena.chars(100);
    arena.reset();
    CHECK(owned.payload.use_count() == 1);
    CHECK(arena.values(3) == items);  // the same memory again, nothing new taken
    CHECK(arena.chars(100) == chars);
    arena.reset();
}
