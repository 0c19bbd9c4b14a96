"""The review cycle's log: each reminder sent to a provider about its overdue listings."""

from django.db import models


class ReviewReminder(models.Model):
    """A reminder emailed to a provider, so that it is not sent again too soon."""

    provider = models.ForeignKey(
        "directory.Provider", on_delete=models.CASCADE, related_name="review_reminders"
    )
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)
    listings = models.TextField(help_text="The overdue listings the reminder named.")

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["provider", "sent_at"], name="review_reminder_sent")]

    def __str__(self):
        return f"{self.provider} on {self.sent_at:%d %B %Y}"
