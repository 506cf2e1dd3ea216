"""Behaviour shared by every Igren page type: URLs (served or headless) and request-time expiry."""

from django.db import models
from django.http import Http404
from wagtail.models import Page

from igren_cms.conf import frontend_url
from pages import previews
from pages.page_urls import with_frontend
from pages.visibility import GatedPageManager, served_in, within_schedule


class IgrenPage(Page):
    """Abstract base for all Igren pages."""

    # Wagtail's own link to the Page row, with a reverse accessor no host page type can claim:
    # a `wagtail start` site's home.HomePage owns `Page.homepage`; ours is
    # `Page.igren_pages_homepage` (likewise for every Igren page type).
    page_ptr = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        parent_link=True,
        related_name="%(app_label)s_%(class)s",
        primary_key=True,
        serialize=False,
    )

    objects = GatedPageManager()

    class Meta:
        abstract = True

    # -- lists --------------------------------------------------------------------------------
    def keep_loaded_with(self, pages: list) -> None:
        """The list this page was loaded with (set by `visibility.LoadedTogether`)."""
        self._loaded_with = pages

    def loaded_with(self) -> list:
        """The pages loaded together with this one (itself alone when loaded on its own)."""
        return self.__dict__.get("_loaded_with") or [self]

    # -- URLs ---------------------------------------------------------------------------------
    def get_url_parts(self, request=None):
        return with_frontend(super().get_url_parts(request=request))

    def get_url(self, request=None, current_site=None):
        if frontend_url():
            # Headless mode: links always point at the external frontend, never at this host.
            return self.get_full_url(request=request)
        return super().get_url(request=request, current_site=current_site)

    url = property(get_url)

    # -- serving ------------------------------------------------------------------------------
    def serve(self, request, *args, **kwargs):
        # The page's lists, menu and words are in its own language (pages.visibility).
        served_in(request, self)
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        """Headless mode: the frontend's preview route, with a signed token (pages/previews.py);
        otherwise Wagtail's own preview of the Django templates."""
        if previews.headless():
            return previews.redirect_to_frontend(self, request)
        return super().serve_preview(request, mode_name)

    def route(self, request, path_components):
        result = super().route(request, path_components)
        if not path_components and not within_schedule(self):
            # Wagtail shows its own login/password forms for restricted pages; go-live and expiry
            # it only applies when its cron job runs, so they are checked here, at request time.
            raise Http404
        return result
