// The workspace's routes (docs/workspace.md), one file per area: the files, checking and
// formatting, saving, the scenarios and accepting their results, the trainer's walkthrough, publishing, and
// the page's own assets.
#include "http/routes.hpp"

namespace frontdoor::http {

void add_workspace_file_routes(RouteTable& routes);         // handle_workspace_files.cpp
void add_workspace_check_routes(RouteTable& routes);        // handle_workspace_check.cpp
void add_workspace_save_routes(RouteTable& routes);         // handle_workspace_save.cpp
void add_workspace_test_routes(RouteTable& routes);         // handle_workspace_test.cpp
void add_workspace_accept_routes(RouteTable& routes);       // handle_workspace_accept.cpp
void add_workspace_asset_routes(RouteTable& routes);        // handle_workspace_assets.cpp
void add_workspace_walkthrough_routes(RouteTable& routes);  // handle_workspace_walkthrough.cpp
void add_workspace_graph_routes(RouteTable& routes);        // handle_workspace_graph.cpp
void add_workspace_publish_routes(RouteTable& routes);      // handle_workspace_publish.cpp
void add_workspace_impact_routes(RouteTable& routes);       // handle_workspace_impact.cpp

void add_workspace_routes(RouteTable& routes) {
    add_workspace_file_routes(routes);
    add_workspace_check_routes(routes);
    add_workspace_save_routes(routes);
    add_workspace_test_routes(routes);
    add_workspace_accept_routes(routes);
    add_workspace_walkthrough_routes(routes);
    add_workspace_graph_routes(routes);
    add_workspace_publish_routes(routes);
    add_workspace_impact_routes(routes);
    add_workspace_asset_routes(routes);
}

}  // namespace frontdoor::http
