from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    name = "snippets"
    label = "igren_snippets"
    verbose_name = _("Venues, organisations and categories")
    default_auto_field = "django.db.models.BigAutoField"
