"""The client's address, decided once for django-axes, the rate limiter and the logs.

`IGREN_TRUSTED_PROXIES` (igren_cms.conf) lists the networks whose `X-Forwarded-For` is believed.
When the connection comes from one of them, the header's addresses are read from the right and
every trusted hop is skipped: the first address outside those networks is the client. A request
from anywhere else is its own address, whatever header it sends, so a client cannot choose the
key its failed logins are counted under. python-ipware parses the header (IPv6, ports,
IPv4-mapped addresses, junk); the walk itself is the few lines below (docs/decisions.md §15).
"""

import ipaddress

from python_ipware.modern.parsers import split_proxy_chain

from igren_cms.conf import trusted_proxy_networks

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


def _address(value):
    try:
        address = ipaddress.ip_address(str(value).strip())
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def client_address(request) -> str | None:
    """The address to count this request's client under."""
    return address_from(request.META)


def address_from(environ) -> str | None:
    """The same, from a WSGI environ (Django's `request.META`, or gunicorn's for its log)."""
    peer = _address(environ.get("REMOTE_ADDR", ""))
    networks = trusted_proxy_networks()
    if peer is None or not any(peer in network for network in networks):
        return str(peer) if peer is not None else None
    # Strict: one malformed entry and none of the header is believed (a trusted proxy never
    # writes one), rather than skipping it and believing what the client wrote left of it.
    chain = split_proxy_chain(environ.get(FORWARDED_HEADER, ""), strict=True) or []
    for hop in reversed(chain):
        hop = _address(hop)
        if hop is not None and not any(hop in network for network in networks):
            return str(hop)
    # Every hop is a trusted proxy (a health check from the proxy itself): the left-most one.
    return str(_address(chain[0])) if chain else str(peer)


def ratelimit_key(group, request) -> str:
    """django-ratelimit's key: the client's address."""
    return client_address(request) or "unknown"
