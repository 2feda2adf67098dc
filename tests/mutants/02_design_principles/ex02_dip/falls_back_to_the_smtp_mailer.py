# Without a mailer, the policy builds an SmtpMailer itself: it still names the detail.
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Protocol


class SubscriptionSource(Protocol):
    def active(self) -> Iterable[Subscription]: ...


class Mailer(Protocol):
    def send(self, to: str, subject: str, body: str) -> None:
        """Deliver one message; raise DeliveryError when it cannot be delivered."""
        ...


class RenewalReminders:
    """The policy: who is reminded, when, and only once. The details are handed in."""

    def __init__(self, subscriptions: SubscriptionSource, mailer: Mailer | None,
                 clock: Callable[[], date]) -> None:
        self._subscriptions = subscriptions
        self._mailer = mailer if mailer is not None else SmtpMailer()
        self._clock = clock
        self._reminded: set[tuple[str, date]] = set()

    def send_due(self, days_ahead: int = 7) -> int:
        if days_ahead < 0:
            raise ValueError(f"days_ahead cannot be negative, not {days_ahead}")
        today = self._clock()
        last_day = today + timedelta(days=days_ahead)
        due = [subscription for subscription in self._subscriptions.active()
               if subscription.auto_renew and today <= subscription.renews_on <= last_day]
        return sum(self._remind(subscription) for subscription in due)

    def _remind(self, subscription: Subscription) -> bool:
        """Send one reminder unless it was sent before; True when it was sent now."""
        renewal = (subscription.subscription_id, subscription.renews_on)
        if renewal in self._reminded:
            return False
        try:
            self._mailer.send(subscription.email, reminder_subject(subscription),
                              reminder_body(subscription))
        except DeliveryError:
            return False  # not remembered: the next run tries again
        self._reminded.add(renewal)
        return True
