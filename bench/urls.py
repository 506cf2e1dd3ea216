"""The three contenders: our GraphQL, Wagtail API v2, and a plain values() view."""

from django.http import JsonResponse
from django.urls import include, path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from igren_site.urls import urlpatterns as site_urls
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
    """The same fields as the other two, from values(): events, then their m2m names."""
    rows = list(
        EventPage.objects.visible_to()
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
    by_id = {row["id"]: {**row, "organisations": [], "categories": []} for row in rows}
    for relation, target in (("organisations", "organisation"), ("categories", "category")):
        through = getattr(EventPage, relation).through
        for link in through.objects.filter(eventpage_id__in=by_id).values(
            "eventpage_id", f"{target}__name"
        ):
            by_id[link["eventpage_id"]][relation].append(link[f"{target}__name"])
    return JsonResponse({"items": list(by_id.values())})


urlpatterns = [
    path("api/v2/", router.urls),
    path("plain/", plain_values),
    path("", include(site_urls)),
]
