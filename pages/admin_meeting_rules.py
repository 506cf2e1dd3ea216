"""例会ルール in the admin: a snippet with drafts, preview (the meetings the rule gives, 祝日
marked) and the approval workflow; opened from a salon with `?salon=<id>` the salon is filled in."""

from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from pages.events.presenter import fiscal_year_label
from pages.models import MeetingRule, ProjectPage, SalonPage


class MeetingRuleCreateView(CreateView):
    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        for name, page_type in (("salon", SalonPage), ("project", ProjectPage)):
            value = self.request.GET.get(name, "")
            if value.isascii() and value.isdigit() and page_type.objects.filter(pk=value).exists():
                setattr(instance, f"{name}_id", int(value))
        return instance


class MeetingRuleViewSet(SnippetViewSet):
    model = MeetingRule
    icon = "date"
    menu_label = pgettext_lazy("meeting rule", "Meeting rules")
    menu_order = 160
    add_to_admin_menu = True
    add_view_class = MeetingRuleCreateView
    # The first column links to the rule's edit view (Wagtail's title column).
    list_display = [
        "__str__",
        Column(
            "fiscal_year",
            label=pgettext_lazy("meeting rule", "Fiscal year"),
            accessor=lambda rule: fiscal_year_label(rule.fiscal_year),
            sort_key="fiscal_year",
        ),
        Column(
            "occurrences",
            label=pgettext_lazy("meeting rule", "Meetings on the site"),
            accessor=lambda rule: rule.occurrences.count(),
        ),
    ]
    list_filter = ["fiscal_year", "salon", "project"]

    def get_queryset(self, request):
        return MeetingRule.objects.select_related("salon", "project")
