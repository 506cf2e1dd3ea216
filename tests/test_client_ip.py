"""The client's address (igren_cms.client_ip): the proxy's X-Forwarded-For is believed only from
IGREN_TRUSTED_PROXIES, read right to left past every trusted hop. No database."""

import pytest
from django.test import RequestFactory, override_settings

from igren_cms.client_ip import client_address

TRUSTED = ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]


def address(peer, forwarded=None, trusted=TRUSTED):
    meta = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(IGREN_TRUSTED_PROXIES=trusted):
        return client_address(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("203.0.113.5", None, "203.0.113.5"),
        ("203.0.113.5", "198.51.100.1", "203.0.113.5"),  # not a proxy: the header is ignored
        ("127.0.0.1", "198.51.100.1", "198.51.100.1"),  # Caddy → app
        ("127.0.0.1", "198.51.100.1, 127.0.0.1", "198.51.100.1"),  # Caddy → Varnish → app
        ("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.0.0.7", "198.51.100.1"),  # a forged left part
        ("127.0.0.1", "10.0.0.2, 127.0.0.1", "10.0.0.2"),  # only trusted hops: the left-most
        ("127.0.0.1", None, "127.0.0.1"),  # the proxy's own health check
        ("127.0.0.1", "198.51.100.1, junk", "127.0.0.1"),  # malformed: none of it believed
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("::ffff:127.0.0.1", "198.51.100.9", "198.51.100.9"),  # IPv4-mapped peer
        ("127.0.0.1", "[2001:db8::8]:443", "2001:db8::8"),
    ],
)
def test_the_client_is_the_first_untrusted_hop_from_the_right(peer, forwarded, expected):
    assert address(peer, forwarded) == expected


def test_with_no_trusted_proxies_the_peer_is_the_client():
    assert address("127.0.0.1", "198.51.100.1", trusted=[]) == "127.0.0.1"


def test_the_setting_may_be_a_comma_separated_string():
    assert address("127.0.0.1", "198.51.100.1", trusted="127.0.0.1, ::1") == "198.51.100.1"
