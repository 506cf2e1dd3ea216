# Edge cache of the standalone site (compose profile "edge"), standing in for a CDN: Varnish 7
# from Debian's packages between Caddy and gunicorn. It keeps what the app marks
# `Cache-Control: public` for as long as the app says, never a private, no-store or cookie
# answer, and forgets on the app's word: Wagtail's frontend_cache sends PURGE <path> on publish,
# and every PURGE bans all cached answers under that path, whatever their query string (so one
# PURGE of /graphql/ drops every cached GraphQL GET). docs/operations.md shows a CDN doing the same.
vcl 4.1;

import std;

# The app's address: igren-backend.vcl beside this file (web:8000 in compose), replaced by
# a deployment's own through varnishd's vcl_path.
include "igren-backend.vcl";

# Who may purge: the app's own hosts (it purges from the worker and the web processes).
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-igren-url ~ ^" + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Banned"));
    }
    if (req.method == "POST" && req.url ~ "^/graphql/") {
        # The API has no mutations: a GraphQL POST is a read, so it may be sent again if the
        # app closes the connection under it (the body is kept for that; the app caps it at
        # 64 KB too).
        std.cache_req_body(64KB);
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in editors and visitors who passed a page password see what the public does not.
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Any other cookie (analytics of the operator's pages) changes nothing the app answers.
    unset req.http.Cookie;
    if (req.http.Authorization) {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    # Remembered for PURGE (bans on object fields are checked by the ban lurker, off the request path).
    set beresp.http.x-igren-url = regsub(bereq.url, "\?.*$", "");
    if (beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Nothing more: Varnish's built-in rules keep an answer for its max-age, and refuse one that
    # is private, no-store, no-cache or sets a cookie.
}

sub vcl_backend_error {
    # A gunicorn worker recycling (max_requests) may close a connection as a request is sent:
    # an idempotent request (and a GraphQL query) is simply sent again, so the client never
    # sees the hiccup.
    if (bereq.retries < 3 && (bereq.method == "GET" || bereq.method == "HEAD" ||
            (bereq.method == "POST" && bereq.url ~ "^/graphql/"))) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-igren-url;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
