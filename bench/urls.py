"""The three contenders: our GraphQL, Wagtail API v2, and a plain values() view."""

from django.http import JsonResponse
from django.urls import include, path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from igren_cms.urls import urlpatterns as site_urls
from pages.models import EventPage

EventPage.api_fields = [
    APIField(name)
    for name in (
        "start",
        "end",
        "status",
        "summary",
        "venue",
        "salon",
        "project",
        "organisations",
        "categories",
    )
]

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)


def plain_values(request):
    rows = list(
        EventPage.objects.public()
        .filter(start__year=2031)
        .order_by("start", "pk")
        .values(
            "id",
            "title",
            "slug",
            "start",
            "end",
            "status",
            "summary",
            "venue__name",
            "venue__address",
            "salon__title",
            "project__title",
        )[:50]
    )
    return JsonResponse({"items": rows})


urlpatterns = [
    path("api/v2/", router.urls),
    path("plain/", plain_values),
    path("", include(site_urls)),
]
