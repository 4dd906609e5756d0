"""How a notice names the member who acted.

A display name is free text: anyone may call themselves "CBD Secretariat". The
username is unique and cannot be chosen twice, so notices and emails show it
beside the display name, and a reader can tell who really wrote.
"""

from django.utils.translation import gettext as _


def member_label(user) -> str:
    """ "Display Name (@username)", or "@username" when there is no other name."""
    name = user.get_display_name()
    if not name or name == user.username:
        return f"@{user.username}"
    return _("%(name)s (@%(username)s)") % {"name": name, "username": user.username}
