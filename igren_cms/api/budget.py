"""A per-client budget of query cost points per minute, as GitHub's GraphQL API keeps one.

The request count alone (igren_cms.ratelimit) lets one client send its most expensive accepted
document again and again, each far under the rate, and slow everyone else. So every executed
query also spends its estimated cost (igren_cms.api.limits) from the client's budget,
`IGREN_API["COST_BUDGET"]` points per minute (a fixed window, counted in the shared cache so
every worker and instance agrees). When it is spent the answer is 429 with Retry-After and the
code RATE_LIMITED; an answer from the response cache costs nothing. Each answer tells its cost
in `extensions.cost`. A cache that cannot count lets the query run (as the rate limiter does).
"""

import ipaddress
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError

from igren_cms.client_ip import client_address
from igren_cms.conf import api_setting, budget_exempt_networks

WINDOW_SECONDS = 60


@dataclass
class Charge:
    cost: int
    budget: int | None  # None: no budget in force
    remaining: int | None = None
    retry_after: int | None = None  # set when the budget is spent

    @property
    def refused(self) -> bool:
        return self.retry_after is not None

    def as_extension(self) -> dict:
        """`extensions.cost`: what the answer cost, and the budget. What is left of it is this
        client's alone, so it goes in a header of uncacheable answers (`X-Cost-Remaining`),
        never in a body a cached GET shares with every client."""
        found = {"requested": self.cost}
        if self.budget is not None:
            found["budgetPerMinute"] = self.budget
        return found


def exempt(address: str | None) -> bool:
    """Whether the client is one IGREN_API["BUDGET_EXEMPT"] names (the site's own frontend)."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in budget_exempt_networks())


def charge(request, cost: int) -> Charge:
    budget = api_setting("COST_BUDGET")
    if not budget or exempt(client_address(request)):
        return Charge(cost, None)
    now = time.time()
    start = int(now // WINDOW_SECONDS) * WINDOW_SECONDS
    key = f"igren:cost:{client_address(request) or 'unknown'}:{start}"
    try:
        cache.add(key, 0, WINDOW_SECONDS + 5)
        used = cache.incr(key, cost)
    except (ValueError, DatabaseError, OSError):  # the cache cannot count: let it run
        return Charge(cost, budget)
    if not isinstance(used, int):  # Redis unreachable (django-redis answers None): let it run
        return Charge(cost, budget)
    if used > budget and used - cost > 0:
        # Spent (a single query is never refused on its own: MAX_COST bounds it).
        return Charge(cost, budget, 0, max(1, int(start + WINDOW_SECONDS - now) + 1))
    return Charge(cost, budget, max(0, budget - used))
