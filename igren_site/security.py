"""The standalone site's protections against password guessing, with django-axes.

Wagtail admin logins go through Django's `authenticate()`, which axes guards on its own. The
page-password form of a restricted page does not: `PagePasswordLockout` reports its failures to
axes as failed logins of a pseudo-user per restriction ("page-password:<restriction id>"), and
refuses the form while axes says the client is locked out, so the right password does not get in
either.

Locks are per client (its address from igren_cms.client_ip, the proxy's word believed only from
IGREN_TRUSTED_PROXIES): an admin login is refused to the address that failed too often, never to
everyone or to an account from every address (which would let anyone lock an editor out), and a
page password is refused to that address for that restriction alone, whichever of its pages the
form was sent from (`lockout_parameters`).
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render

RESTRICTED_PAGE_FORM = "wagtailcore_authenticate_with_password"
PAGE_PASSWORD_PREFIX = "page-password:"  # noqa: S105 - a name prefix, not a password


def lockout_parameters(request_or_attempt, credentials=None):
    """AXES_LOCKOUT_PARAMETERS: per client; page passwords per client and restriction."""
    username = (credentials or {}).get("username") or getattr(request_or_attempt, "username", "")
    if str(username or "").startswith(PAGE_PASSWORD_PREFIX):
        return [["ip_address", "username"]]
    return ["ip_address"]


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Japanese lockout page, status 429 with Retry-After."""
    # axes.conf reads Django's settings when imported, and this module is named by them.
    from axes.conf import settings as axes_settings
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    response = render(
        request,
        "igren_site/locked_out.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
            "cooloff_timedelta": cool_off,
            "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        },
        status=axes_settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class PagePasswordLockout:
    """Middleware: Wagtail's page-password form counted and locked like an admin login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name != RESTRICTED_PAGE_FORM:
            return None
        restriction = view_kwargs.get("page_view_restriction_id")
        credentials = {"username": f"{PAGE_PASSWORD_PREFIX}{restriction}"}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return get_lockout_response(request, None, credentials)
        response = view_func(request, *view_args, **view_kwargs)
        if response.status_code == 200:  # the form shown again: the password was wrong
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return response
