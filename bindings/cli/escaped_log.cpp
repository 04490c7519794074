#include "escaped_log.hpp"

#include "frontdoor/display_text.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace frontdoor::cli {

namespace {

// %* in the pattern: the message, escaped.
class EscapedMessage : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& message, const std::tm&, spdlog::memory_buf_t& out) override {
        std::string shown = escape_for_log_line(std::string_view(message.payload.data(), message.payload.size()));
        out.append(shown.data(), shown.data() + shown.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<EscapedMessage>(); }
};

}  // namespace

void use_escaped_log_pattern() {
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<EscapedMessage>('*').set_pattern("frontdoor: %l: %*");
    spdlog::set_formatter(std::move(formatter));
}

}  // namespace frontdoor::cli
