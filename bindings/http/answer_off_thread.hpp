#pragma once
// A handler whose answer waits on something slow (another service over the network) answers from a
// thread of its own, so that the I/O thread the request came on goes on serving its other
// connections: with one I/O context a thread, a blocked thread would stall every connection bound
// to it.
#include "http/http_types.hpp"

#include <functional>

namespace frontdoor::http {

// Sets context.finish so that `work` runs on a new thread and what it returns is sent, as a recorded
// decision's answer is (the request's deadline and id apply as to any answer). The handler then
// returns any response: it is not sent. An exception from `work` is answered 500, without its text.
void answer_off_thread(const Request& request, RequestContext& context, std::function<Response()> work);

}  // namespace frontdoor::http
