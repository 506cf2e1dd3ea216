"""Behaviour shared by every Igren page type: URLs (served or headless) and request-time expiry."""

from django.conf import settings
from django.http import Http404
from wagtail.models import Page

from pages.visibility import PublicPageManager, within_schedule


class IgrenPage(Page):
    """Abstract base for all Igren pages."""

    objects = PublicPageManager()

    class Meta:
        abstract = True

    # -- URLs ---------------------------------------------------------------------------------
    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        frontend = getattr(settings, "IGREN_FRONTEND_URL", "")
        if frontend and parts and parts[2] is not None:
            site_id, _root, path = parts
            return (site_id, frontend.rstrip("/"), path)
        return parts

    def get_url(self, request=None, current_site=None):
        if getattr(settings, "IGREN_FRONTEND_URL", ""):
            # Headless mode: links always point at the external frontend, never at this host.
            return self.get_full_url(request=request)
        return super().get_url(request=request, current_site=current_site)

    url = property(get_url)

    # -- serving ------------------------------------------------------------------------------
    def route(self, request, path_components):
        result = super().route(request, path_components)
        if not path_components and not within_schedule(self):
            # Wagtail shows its own login/password forms for restricted pages; go-live and expiry
            # it only applies when its cron job runs, so they are checked here, at request time.
            raise Http404
        return result
