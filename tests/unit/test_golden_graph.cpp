// Golden tests of `frontdoor graph`, the decision graph as a map: each folder under
// tests/golden/graph holds pack.rules and the graph exactly as drawn: expected.dot and/or
// expected.json. With a contact.json (a contact, or a scenario file whose contact is used, as
// `graph --contact` reads it), the graph is drawn with the path that contact took; a refused contact
// has expected-refusal.json instead, the line eval prints for it (and no graph). Each folder is its
// own case, golden.graph.<folder>.
#include "frontdoor/batch.hpp"
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/graph.hpp"
#include "frontdoor/walkthrough.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

// The graph in `format`, with the contact's path when the folder has one; or its refusal line.
std::string draw(const frontdoor::Pack& pack, const fs::path& folder, frontdoor::GraphFormat format) {
    if (!fs::exists(folder / "contact.json")) return pack.graph(format);
    std::string file = (folder / "contact.json").string();
    std::string contact = frontdoor::walkthrough_input(read_text(folder / "contact.json"), file).contact;
    frontdoor::DrawnGraph drawn = frontdoor::draw_decided_graph(pack, format, contact);
    if (!drawn.refused) return drawn.text;
    CHECK(drawn.text.empty());
    return frontdoor::refusal_json(0, frontdoor::Decided{true, drawn.path, drawn.message, ""}) + "\n";
}

void graph_folder(const fs::path& folder) {
    auto loaded = frontdoor::Pack::load_directory(folder.string());
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    bool any = false;
    for (auto [name, format] : {std::pair{"expected.dot", frontdoor::GraphFormat::dot},
                                std::pair{"expected.json", frontdoor::GraphFormat::json},
                                std::pair{"expected-refusal.json", frontdoor::GraphFormat::json}}) {
        if (!fs::exists(folder / name)) continue;
        any = true;
        INFO(name);
        CHECK(draw(*loaded.pack, folder, format) == read_text(folder / name));
    }
    CHECK(any);
}

const golden::RegisterFolders graph_folders("graph", graph_folder);

}  // namespace

TEST_CASE("golden.graph: each folder is a case of its own", "[golden]") { golden::check_registered("graph", 3); }
