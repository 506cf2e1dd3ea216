"""Documents a production frontend may send (trusted documents, issue 10)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrustedDocument(models.Model):
    """A GraphQL document registered ahead of time, by the SHA-256 of its text.

    With IGREN_API["TRUSTED_DOCUMENTS_ONLY"], /graphql/ runs these documents and no other
    (`manage.py igren_trusted_documents DIR_OR_MANIFEST` loads them).
    """

    sha256 = models.CharField(_("SHA-256"), max_length=64, primary_key=True)
    document = models.TextField(_("document"))
    name = models.CharField(_("operation name"), max_length=200, blank=True)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("trusted document")
        verbose_name_plural = _("trusted documents")

    def __str__(self):
        return self.name or self.sha256[:12]


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one webhook URL, with its attempts."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    event = models.CharField(_("event"), max_length=40)
    url = models.URLField(_("URL"), max_length=500)
    payload = models.JSONField(_("payload"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["next_attempt_at"], name="igren_webhook_retry")]

    def __str__(self):
        return f"{self.event} → {self.url}"


class WorkerHeartbeat(models.Model):
    """A running `igren_worker`: when it was last seen. A task claimed by a worker that has not
    been seen for IGREN_WORKER_STALE_SECONDS is queued again (igren_cms/task_recovery.py)."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker_id
