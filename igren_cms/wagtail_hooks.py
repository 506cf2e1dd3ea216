"""Admin: the webhook delivery log (設定 → ウェブフックの配信記録), read-only."""

from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from igren_cms.models import WebhookDelivery


@user_passes_test(lambda user: user.is_superuser)
def webhook_deliveries(request):
    deliveries = WebhookDelivery.objects.all()[:200]
    return render(request, "igren_cms/admin/webhook_deliveries.html", {"deliveries": deliveries})


@hooks.register("register_admin_urls")
def urls():
    return [path("igren/webhooks/", webhook_deliveries, name="igren_webhook_deliveries")]


@hooks.register("register_settings_menu_item")
def menu_item():
    return MenuItem(
        _("Webhook deliveries"),
        reverse("igren_webhook_deliveries"),
        icon_name="resubmit",
        order=900,
    )
