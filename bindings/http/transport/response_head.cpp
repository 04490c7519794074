#include "response_head.hpp"

namespace frontdoor::http {

std::string response_head(const Response& response) {
    std::string head;
    head.reserve(256);
    unsigned version = response.version();
    unsigned code = response.result_int();
    const char status_line[] = {'H',
                                'T',
                                'T',
                                'P',
                                '/',
                                static_cast<char>('0' + version / 10),
                                '.',
                                static_cast<char>('0' + version % 10),
                                ' ',
                                static_cast<char>('0' + code / 100),
                                static_cast<char>('0' + code / 10 % 10),
                                static_cast<char>('0' + code % 10),
                                ' '};
    head.append(status_line, sizeof status_line);
    head += response.reason();
    head += "\r\n";
    for (const auto& field : response) {
        head += field.name_string();
        head += ": ";
        head += field.value();
        head += "\r\n";
    }
    head += "\r\n";
    return head;
}

}  // namespace frontdoor::http
