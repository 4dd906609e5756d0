"""Email in: replies to notification emails, and topics started by email.

Generic, like the rest of `notifications`: it knows no forum and no
conversation. Content apps register what an address leads to
(`registry.register_inbound_handler`); this package gives every notification
email of a registered kind a signed Reply-To (`tokens`), runs the SMTP/LMTP
server (`server`, `manage.py inbound_mail`), reads and strips each message
(`mail`, `stripping`, `html_to_markdown`), hands the text to the handler
(`receiving`), keeps the outcome of every message (`models.InboundMessage`)
and answers refusals politely in the member's language (`answers`).
"""
