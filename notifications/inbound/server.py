"""The SMTP (or LMTP) server of email in, on aiosmtpd.

One recipient per transaction (a second RCPT gets 452 and the MTA sends it
again in its own transaction), so each message has exactly one answer, in
SMTP and LMTP alike. Addresses we do not answer for are refused at RCPT.
The size limit is aiosmtpd's `data_size_limit`: it is advertised in EHLO
(SIZE), a larger MAIL FROM SIZE= is refused at once, and DATA beyond it is
discarded as it arrives and answered 552; our handler and the parser never
see it. Each message is processed in a worker thread with its own database
connection, so slow posting does not hold up other sessions.
"""

import asyncio
import logging

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from . import receiving

logger = logging.getLogger(__name__)
TRY_LATER = "451 4.3.0 Temporary failure, please try again later"


def _in_thread(function, *args):
    close_old_connections()
    try:
        return function(*args)
    finally:
        close_old_connections()


class InboundHandler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if envelope.rcpt_tos:
            return "452 4.5.3 One recipient per message, please"
        try:
            ours = await sync_to_async(_in_thread, thread_sensitive=False)(
                receiving.is_ours, address
            )
        except Exception:  # the database is away: the MTA tries again later
            logger.exception("Could not check the recipient %s", address)
            return TRY_LATER
        if not ours:
            return "550 5.1.1 No such address here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content or b""
        try:
            result = await sync_to_async(_in_thread, thread_sensitive=False)(
                receiving.receive, envelope.mail_from, envelope.rcpt_tos[0], data
            )
        except Exception:  # not even the record could be written
            logger.exception("Inbound email to %s failed", envelope.rcpt_tos[0])
            return TRY_LATER
        return result.status


class _SizeRecording:
    """Record messages refused for their size (aiosmtpd answers 552 itself)."""

    async def push(self, status):
        if status.startswith("552") and self.envelope and self.envelope.rcpt_tos:
            envelope = self.envelope
            try:
                await sync_to_async(_in_thread, thread_sensitive=False)(
                    receiving.record_too_large,
                    envelope.mail_from,
                    envelope.rcpt_tos[0],
                    settings.CHM_INBOUND_MAX_BYTES + 1,
                )
            except Exception:
                logger.exception("Could not record a message refused for its size")
        await super().push(status)


class InboundSMTP(_SizeRecording, SMTP):
    pass


class InboundLMTP(_SizeRecording, LMTP):
    pass


class InboundController(Controller):
    def __init__(self, host: str, port: int, *, lmtp: bool = False, **kwargs):
        self.lmtp = lmtp
        # aiosmtpd logs every command at INFO; our records say what matters.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        super().__init__(InboundHandler(), hostname=host, port=port, **kwargs)

    def factory(self):
        server_class = InboundLMTP if self.lmtp else InboundSMTP
        return server_class(
            self.handler,
            data_size_limit=settings.CHM_INBOUND_MAX_BYTES,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname=settings.CHM_INBOUND_DOMAIN or None,
            ident="CHM Commons email in",
        )


def serve_forever(host: str, port: int, *, lmtp: bool = False) -> None:
    controller = InboundController(host, port, lmtp=lmtp)
    controller.start()
    try:
        asyncio.run(_wait_forever())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


async def _wait_forever():
    await asyncio.Event().wait()
