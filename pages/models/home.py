from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import IgrenPage


class HomePage(IgrenPage):
    """The site root: who the association is and how to reach it."""

    association_name = models.CharField(
        _("association name"), max_length=100, default="神奈川県異業種連携協議会"
    )
    short_name = models.CharField(_("short name"), max_length=50, blank=True, default="イグレン")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    introduction = RichTextField(_("introduction"), blank=True)
    contact_postal_code = models.CharField(_("postal code"), max_length=8, blank=True)
    contact_address = models.CharField(_("address"), max_length=300, blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for sharing"),
        help_text=_(
            "Shown when a page of the site is shared (SNS, chat apps) and has no image of its "
            "own: 1200×630 pixels suits most of them."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *IgrenPage.content_panels,
        FieldPanel("association_name"),
        FieldPanel("short_name"),
        FieldPanel("tagline"),
        FieldPanel("introduction"),
        FieldPanel("share_image"),
        MultiFieldPanel(
            [
                FieldPanel("contact_postal_code"),
                FieldPanel("contact_address"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact details"),
        ),
    ]
    search_fields = [*IgrenPage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "igren_pages.EventIndexPage",
        "igren_pages.SalonIndexPage",
        "igren_pages.ProjectIndexPage",
        "igren_pages.HistoryPage",
    ]

    class Meta:
        verbose_name = _("Igren home page")
        verbose_name_plural = _("Igren home pages")
