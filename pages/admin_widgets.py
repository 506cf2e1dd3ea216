"""Date and time pickers with minutes: Wagtail's pickers offer whole hours only (the
datetimepicker's `step` of 60), so 18:30 had to be typed. Here they step by 15 minutes."""

from wagtail.admin.widgets import AdminDateTimeInput, AdminTimeInput

STEP_MINUTES = 15


class MinuteDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), "step": STEP_MINUTES}


class MinuteTimeInput(AdminTimeInput):
    def get_config(self):
        return {**super().get_config(), "step": STEP_MINUTES}
