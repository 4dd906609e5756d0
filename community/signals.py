"""What happens in the community that higher apps act on.

Django signals, sent synchronously inside the action that causes them (so a
receiver's writes share its transaction); the apps above connect receivers in
their `AppConfig.ready()`:

- `expertise_chosen(sender=User, user, subjects)`: a member saved their
  expertise (`subjects`: the chosen `Subject`s) on their profile.
- `focal_point_assigned(sender=CountryPage, user, country)`: `user` became a
  national focal point of `country`.
"""

from django.dispatch import Signal

expertise_chosen = Signal()
focal_point_assigned = Signal()
