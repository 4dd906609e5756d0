"""Email-in throughput: BENCH_INBOUND_REPLIES replies (default 1,000) sent
over SMTP by BENCH_INBOUND_SENDERS concurrent senders (default 10) to the
email-in server on a loopback port, each from its own member to that
member's reply address of one topic. Checks every reply is posted exactly
once; reports the time per message, throughput, and p50/p95 from receipt to
post (client side: DATA sent until the server's 250, which it answers after
the post committed; server side: InboundMessage.received_at to
processed_at).

The notification fan-out after each post is queued in django-tasks'
database backend, as in production, and not run: production's worker runs
it off this path (and every replier watches the topic, so running it here
would time a fan-out growing with each reply, not email in).

Run with BENCH_DATABASE_URL pointing at a database of its own."""

import os
import smtplib
import socket
import sys
import threading
import time
from email.message import EmailMessage
from email.policy import SMTP

from _setup import percentile, setup

REPLIES = int(os.environ.get("BENCH_INBOUND_REPLIES", "1000"))
SENDERS = int(os.environ.get("BENCH_INBOUND_SENDERS", "10"))
# Runs within the forum's duplicate window must not write the same text.
RUN = f"{time.time():.0f}"


def prepare():
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from community.models import User
    from forum.models import Forum, Topic
    from forum.posting import create_topic
    from notifications.inbound.tokens import make_token

    members = []
    joined = timezone.now() - timedelta(days=60)
    existing = {
        user.username: user
        for user in User.objects.filter(username__startswith="bench-inbound-")
    }
    new = [
        User(
            username=f"bench-inbound-{n}",
            email=f"bench-inbound-{n}@example.org",
            date_joined=joined,
        )
        for n in range(REPLIES)
        if f"bench-inbound-{n}" not in existing
    ]
    User.objects.bulk_create(new, batch_size=500)
    members = list(
        User.objects.filter(username__startswith="bench-inbound-").order_by("pk")
    )[:REPLIES]
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in members
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    forum, _created = Forum.objects.get_or_create(
        slug="bench-inbound", defaults={"name": "Bench inbound"}
    )
    opener = members[0]
    topic = create_topic(
        forum,
        opener,
        f"Bench inbound {time.time():.0f}",
        f"Opening post {time.time()}",
        rate_limited=False,
    )
    topic = Topic.objects.get(pk=topic.pk)
    addresses = [
        f"reply+{make_token(user.pk, 'topic', topic.pk)}@localhost" for user in members
    ]
    return topic, members, addresses


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sender(port, jobs, timings, failures, lock):
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        client.ehlo("bench.example.org")
        while True:
            with lock:
                if not jobs:
                    return
                n, user, address = jobs.pop()
            message = EmailMessage()
            message["From"] = user.email
            message["To"] = address
            message["Subject"] = "Re: bench"
            message["Message-ID"] = f"<bench-{n}-{time.time()}@example.org>"
            message.set_content(
                f"Reply {n} from {user.username} in run {RUN}: measured the plots "
                "again.\n\n"
                "On Mon, 7 Dec 2026 at 10:00, Bench <bench@example.org> wrote:\n"
                "> Opening post\n\n-- \nBench member\n"
            )
            client.mail(user.email)
            code, _text = client.rcpt(address)
            started = time.perf_counter()
            code, text = client.data(message.as_bytes(policy=SMTP))
            elapsed = time.perf_counter() - started
            with lock:
                if code == 250:
                    timings.append(elapsed)
                else:
                    failures.append((n, code, text))


def main():
    setup()
    from django.conf import settings
    from django.test import override_settings

    # Queued for a worker, as in production (the test settings run tasks at once).
    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    ).enable()

    from forum.models import Post
    from notifications.inbound.server import InboundController
    from notifications.models import InboundMessage

    settings.CHM_INBOUND_DOMAIN = "localhost"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    topic, members, addresses = prepare()
    since = InboundMessage.objects.order_by("-pk").values_list("pk", flat=True).first()
    port = free_port()
    controller = InboundController("127.0.0.1", port)
    controller.start()
    jobs = list(zip(range(len(members)), members, addresses, strict=True))
    timings, failures, lock = [], [], threading.Lock()
    threads = [
        threading.Thread(target=sender, args=(port, jobs, timings, failures, lock))
        for _ in range(SENDERS)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    controller.stop()

    posts = Post.objects.filter(topic=topic, number__gt=1)
    authors = list(posts.values_list("author_id", flat=True))
    records = InboundMessage.objects.filter(pk__gt=since or 0)
    server_side = [
        (r.processed_at - r.received_at).total_seconds()
        for r in records.only("received_at", "processed_at")
    ]
    stripped = not posts.filter(raw__contains="wrote:").exists()
    refused = list(
        records.exclude(outcome=InboundMessage.Outcome.POSTED).values_list(
            "outcome", "reason"
        )
    )
    failures += refused
    print(f"replies sent: {len(members)} by {SENDERS} concurrent SMTP senders")
    print(
        f"posted: {len(authors)}, distinct authors: {len(set(authors))}, "
        f"failures: {len(failures)}, quotes stripped: {stripped}"
    )
    print(
        f"wall time: {wall:.1f} s, {wall / len(members) * 1000:.1f} ms per message, "
        f"{len(members) / wall:.1f} messages/s"
    )
    print(
        "receipt to post (client, DATA to 250): "
        f"p50 {percentile(timings, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(timings, 0.95) * 1000:.0f} ms"
    )
    print(
        f"receipt to post (server records): p50 "
        f"{percentile(server_side, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(server_side, 0.95) * 1000:.0f} ms"
    )
    ok = len(authors) == len(set(authors)) == len(members) and not failures and stripped
    if not ok:
        print("FAILED: not every reply was posted exactly once", failures[:5])
        sys.exit(1)


if __name__ == "__main__":
    main()
